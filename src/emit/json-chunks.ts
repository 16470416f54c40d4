/**
 * JSON text in pieces, byte for byte what JSON.stringify(value, null, indent) gives, so a large
 * model can be written without ever holding its whole JSON string (47 MB for a 10 MB programme)
 * and that string's bytes at once. Objects and arrays are opened down to `depth` levels; what
 * lies deeper is stringified whole, one piece per array element or object field.
 */
export function* jsonChunks(value: unknown, indent = 0, depth = 2): Generator<string> {
  yield* piece(value, indent > 0 ? ' '.repeat(indent) : '', '', depth);
}

function* piece(value: unknown, step: string, at: string, depth: number): Generator<string> {
  const json = (v: unknown) => {
    const text = JSON.stringify(v, null, step);
    // Strings hold no raw line breaks, so every break in the text is a break between members.
    return step && at ? text.replace(/\n/g, `\n${at}`) : text;
  };
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield json(value);
    return;
  }
  const inner = at + step;
  const open = step ? `\n${inner}` : '';
  const close = step ? `\n${at}` : '';
  const sep = step ? `,\n${inner}` : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield `[${open}`;
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield sep;
      const v = value[i];
      // As JSON.stringify: undefined, functions and symbols in an array are written as null.
      yield* piece(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, step, inner, depth - 1);
    }
    return yield `${close}]`;
  }
  const fields = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (fields.length === 0) return yield '{}';
  yield `{${open}`;
  for (let i = 0; i < fields.length; i++) {
    const [key, v] = fields[i]!;
    yield `${i > 0 ? sep : ''}${JSON.stringify(key)}:${step ? ' ' : ''}`;
    yield* piece(v, step, inner, depth - 1);
  }
  yield `${close}}`;
}
