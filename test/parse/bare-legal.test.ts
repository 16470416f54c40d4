import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareLegalAt } from '../../src/recognise/citations.js';

/** The definition the scan from each "/" replaced. */
const DEFINITION = /(?<![\p{L}\p{N}/.,-])\d{1,5}\/(?:19|20)\d{2}\/\p{L}{1,6}-\p{L}/gu;

function byDefinition(key: string): [number, number][] {
  DEFINITION.lastIndex = 0;
  return [...key.matchAll(DEFINITION)].map((m) => [m.index, m.index + m[0].length]);
}

function byScan(key: string): [number, number][] {
  const out: [number, number][] = [];
  for (let r = bareLegalAt(key, 0); r; r = bareLegalAt(key, r.end)) out.push([r.at, r.end]);
  return out;
}

describe('bareLegalAt', () => {
  it('finds State legal symbols standing without a kind word', () => {
    expect(byScan('28/2016/tt-bgtvt 14/10/2016 sửa đổi; 5/2020/nđ-cp')).toEqual([[0, 12], [37, 48]]);
    // Glued to a letter, a sixth digit or a slash, it is part of something else.
    expect(byScan('a28/2016/tt-b 123456/2016/tt-b x/1/2016/tt-b')).toEqual([]);
    // A lone surrogate is no letter; a pair is one, the mathematical bold A (U+1D400) here.
    const surrogates = 'a\udc0028/2016/tt-b \u{1d400}28/2016/tt-b';
    expect(byScan(surrogates)).toEqual(byDefinition(surrogates));
    expect(byScan(surrogates)).toEqual([[2, 14]]);
  });

  it('finds what its definition finds, in order, on any text of digits, slashes and letters', () => {
    const unit = fc.constantFrom('1', '9', '0', '2', '19', '20', '/', '-', '.', ',', ' ', 'a', 'tt', 'nđ', 'ệ', '𝐀', 'Ⅻ', '\u{1d7d8}', '\ud835', '\udc00');
    fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
      expect(byScan(s)).toEqual(byDefinition(s));
    }), { numRuns: 30000 });
  });
});
