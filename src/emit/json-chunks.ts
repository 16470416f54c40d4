/**
 * JSON text in pieces of about PIECE characters, byte for byte what JSON.stringify(value, null,
 * indent) gives, so that a large model (70 MB of JSON for a 10 MB programme) is written without its
 * whole JSON string, or any string much larger than a piece, ever being held.
 *
 * Containers are opened one member at a time, on a stack rather than by recursion (a generator
 * that delegates to itself pays at every level for every piece). A member with few values (at
 * most LEAF_VALUES, nested at most LEAF_DEPTH deep: a citation, a conference, a position) is given to
 * JSON.stringify whole, which is faster than any walk in JavaScript; measured on a 10 MB programme,
 * writing every value by hand (to a string or straight into bytes) was slower than this.
 */
const PIECE = 16 * 1024;
const LEAF_VALUES = 256;
const LEAF_DEPTH = 5;

// What JSON.stringify must escape: quotes, backslashes, controls and (well-formed JSON) surrogates.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const quote = (text: string) => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/** Left out of an object and written as null in an array, as JSON.stringify does. */
const absent = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** An array or a plain object, whose members this walk writes; anything else JSON.stringify writes whole. */
function openable(v: object): boolean {
  if (Array.isArray(v)) return true;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** `n` plus the values in `v`; -1 once past LEAF_VALUES or deeper than `depth`. */
function countValues(v: unknown, depth: number, n: number): number {
  if (v === null || typeof v !== 'object') return n + 1;
  if (depth === 0) return -1;
  if (Array.isArray(v)) {
    if (v.length > LEAF_VALUES) return -1;
    for (const member of v) {
      n = countValues(member, depth - 1, n);
      if (n < 0 || n > LEAF_VALUES) return -1;
    }
  } else {
    for (const key in v) {
      n = countValues((v as Record<string, unknown>)[key], depth - 1, n);
      if (n < 0 || n > LEAF_VALUES) return -1;
    }
  }
  return n + 1;
}

export function* jsonChunks(value: unknown, indent = 0): Generator<string> {
  // As JSON.stringify: an indent is at most ten spaces.
  const step = ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent))));
  const colon = step ? ': ' : ':';
  const newline = (level: number) => (step ? `\n${step.repeat(level)}` : '');
  // The open containers, with the keys of each object (null for an array), the next member and
  // whether a member has been written (an object may skip all of its fields).
  const open: object[] = [];
  const keysOf: (string[] | null)[] = [];
  const next: number[] = [];
  const wrote: boolean[] = [];
  let out = '';
  let v: unknown = value;
  for (;;) {
    if (v === null || typeof v !== 'object') out += typeof v === 'string' ? quote(v) : (JSON.stringify(v) ?? 'null');
    else if (!openable(v) || (open.length > 0 && countValues(v, LEAF_DEPTH, 0) >= 0)) {
      const text = JSON.stringify(v, null, step);
      // Strings hold no raw line breaks, so every break in the text is a break between members.
      out += step && open.length > 0 ? text.replace(/\n/g, newline(open.length)) : text;
    } else if (open.includes(v)) throw new TypeError('Converting circular structure to JSON');
    else if (Array.isArray(v) && v.length === 0) out += '[]';
    else {
      out += Array.isArray(v) ? '[' : '{';
      open.push(v);
      keysOf.push(Array.isArray(v) ? null : Object.keys(v));
      next.push(0);
      wrote.push(false);
    }
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
    // The next member to write, closing the containers that have none left.
    for (;;) {
      const top = open.length - 1;
      if (top < 0) {
        if (out) yield out;
        return;
      }
      const container = open[top] as Record<string, unknown>;
      const keys = keysOf[top]!;
      let i = next[top]!;
      if (keys === null) {
        const members = container as unknown as unknown[];
        if (i < members.length) {
          const member = members[i];
          next[top] = i + 1;
          out += (i > 0 ? ',' : '') + newline(top + 1);
          v = absent(member) ? null : member;
          break;
        }
        out += `${newline(top)}]`;
      } else {
        let found = false;
        while (i < keys.length) {
          const key = keys[i++]!;
          const member = container[key];
          if (absent(member)) continue;
          out += (wrote[top] ? ',' : '') + newline(top + 1) + quote(key) + colon;
          wrote[top] = found = true;
          v = member;
          break;
        }
        next[top] = i;
        if (found) break;
        out += `${wrote[top] ? newline(top) : ''}}`;
      }
      open.pop();
      keysOf.pop();
      next.pop();
      wrote.pop();
    }
  }
}
