import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimEnd } from '../../src/recognise/citations.js';

// A citation's end drops its trailing spaces and commas by character code (issue 12), not by a
// pattern tried on a one-character string each; here it is held to that pattern.
function previous(key: string, from: number, end: number): number {
  while (end > from && /[\s,]/u.test(key[end - 1]!)) end--;
  return end;
}

describe('trimEnd', () => {
  it('ends where the pattern ended it, on any text of spaces, commas and letters', () => {
    const unit = fc.constantFrom(' ', ',', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085', '\n', '\t', 'a', 'ệ', '.', ';', '\ud800', '\udc00', '\u{1d400}');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 16 }), fc.nat(20), fc.nat(20), (parts, a, b) => {
        const key = parts.join('');
        const from = Math.min(a, key.length);
        const end = Math.min(Math.max(b, from), key.length);
        expect(trimEnd(key, from, end)).toBe(previous(key, from, end));
      }),
      { numRuns: 5000 },
    );
  });
});
