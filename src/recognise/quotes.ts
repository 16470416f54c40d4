/**
 * Quotation marks by character code. Typographic quotes open and close apart (“ ” « »); the
 * straight quote (") does both. Compared as codes, not looked up in a set: these tests run on
 * every character of every subject and item.
 */
export const STRAIGHT_QUOTE = 0x22;

/** “ or «. */
export function opensQuote(code: number): boolean {
  return code === 0x201c || code === 0xab;
}

/** ” or ». */
export function closesQuote(code: number): boolean {
  return code === 0x201d || code === 0xbb;
}

/** Any mark that may open a quotation, the straight quote included. */
export function mayOpenQuote(code: number): boolean {
  return code === STRAIGHT_QUOTE || opensQuote(code);
}
