// Codes below U+2070 (Latin, its extensions, Vietnamese's U+1EA0–U+1EF9, and the dashes, quotes
// and ellipsis of General Punctuation) cover nearly every character vanban reads: a table for
// those, a map for the rare rest.
const LOW_CODES = 0x2070;

/**
 * A per-character-code function as a lookup: `of` runs once per code, the table below U+2070
 * being built on first use, later codes learnt one by one. For functions of a UTF-16 unit whose
 * answer fits 16 bits, asked for on every character of a text.
 */
export function byCode(of: (code: number) => number): (code: number) => number {
  let low: Uint16Array | null = null;
  const high = new Map<number, number>();
  // Apart from the lookup the returned function is small: it is inlined wherever a phrase or a
  // letter is tested, and the table's making and the map were compiled into every one of those.
  const learn = (code: number): number => {
    if (code < LOW_CODES) return (low ??= Uint16Array.from({ length: LOW_CODES }, (_, c) => of(c)))[code]!;
    let value = high.get(code);
    if (value === undefined) high.set(code, (value = of(code)));
    return value;
  };
  return (code) => (code < LOW_CODES && low !== null ? low[code]! : learn(code));
}
