import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src/recognise/regex.js';
import { matchPhrase } from '../../src/recognise/compile.js';
import { LiteralSet, PhrasePrefixes, WordSearch } from '../../src/recognise/word-search.js';

const WORDS = ['nghi quyet lien tich', 'nghi quyet', 'quyet dinh', 'luat', 'chi thi', 'ket luan'];

/** What WordSearch stands for: the whole-word alternation with lookarounds, in /u mode. */
function reference(words: readonly string[], text: string): { at: number; word: string }[] {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({ at: m.index, word: m[0] }));
}

function all(search: WordSearch, text: string): { at: number; word: string }[] {
  const out: { at: number; word: string }[] = [];
  for (let k = search.find(text, 0); k; k = search.find(text, k.at + k.word.length)) out.push(k);
  return out;
}

describe('WordSearch', () => {
  const search = new WordSearch(WORDS);

  it('finds whole words only, the longest where several start at one place', () => {
    expect(all(search, 'theo nghi quyet lien tich so 1, nghi quyet lien tichx va luat, luatx, xluat, 2luat')).toEqual([
      { at: 5, word: 'nghi quyet lien tich' },
      { at: 32, word: 'nghi quyet' },
      { at: 57, word: 'luat' },
    ]);
  });

  it('reads a letter beyond the BMP as a letter on either side', () => {
    expect(all(search, '𝐀luat luat𝐀 luat')).toEqual([{ at: 14, word: 'luat' }]);
  });

  it('finds what the lookaround pattern finds, on any text', () => {
    const pieces = fc.constantFrom(...WORDS, ' ', 'x', '2', ',', 'ệ', '𝐀', 'nghi ', 'quyet', 'lien tich', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(all(search, text)).toEqual(reference(WORDS, text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('LiteralSet', () => {
  const LITERALS = ['nghị quyết', 'nghị quyết đại hội', 'luật', 'bộ luật', 'luật sửa đổi', 'quy chế', 'chế độ'];
  const literals = new LiteralSet(LITERALS);

  it('finds the literals a text has, inside longer ones and overlapping ones too', () => {
    expect([...literals.in('theo bộ luật và quy chế độ')].sort()).toEqual(['bộ luật', 'chế độ', 'luật', 'quy chế']);
    expect([...literals.in('không có gì')]).toEqual([]);
  });

  it('agrees with includes, on any text', () => {
    const pieces = fc.constantFrom(...LITERALS, ' ', 'x', 'nghị', 'quy', 'chế', 'độ', 'bộ', 'luật sửa');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect([...literals.in(text)].sort()).toEqual(LITERALS.filter((l) => text.includes(l)).sort());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('LiteralSet masks', () => {
  // More literals than a mask has bits: those past the thirtieth share one, set when any occurs.
  const MANY = Array.from({ length: 40 }, (_, i) => `${String.fromCharCode(0x61 + (i % 26))}${i}`);
  const many = new LiteralSet(MANY);

  it('sets the bit of every literal a text has, and of none it lacks but those sharing the last', () => {
    const pieces = fc.constantFrom(...MANY, ' ', 'a', '1', '3');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const mask = many.mask(text);
        for (const l of MANY) if (text.includes(l)) expect(mask & many.bit(l)).not.toBe(0);
        expect([...many.in(text)].sort()).toEqual(MANY.filter((l) => text.includes(l)).sort());
      }),
      { numRuns: 2000 },
    );
    expect(many.bit('not one of them')).toBe(0);
  });
});

describe('PhrasePrefixes', () => {
  const KEYS = ['ban bí thư', 'ban thường vụ tỉnh ủy', 'ban', 'bộ chính trị', 'bộ', 'bnv', 't.ư', 'ban bí', 'sở y tế', 'bộ chính', ''];
  const byLength = (list: string[]) => list.map((key) => ({ text: key, key })).sort((a, b) => b.key.length - a.key.length);

  it('finds what matchPhrase finds over the whole list, at any place of any text', () => {
    const pieces = fc.constantFrom(...KEYS, ' ', 'x', 'ban ', 'bộ ', 'chính', 'tỉnh ủy', ',', 'ệ');
    fc.assert(
      fc.property(fc.subarray(KEYS, { minLength: 1 }), fc.array(pieces, { maxLength: 12 }), fc.integer({ min: 1, max: 6 }), (keys, parts, width) => {
        const list = byLength(keys);
        const index = new PhrasePrefixes(list, width);
        const text = parts.join('');
        for (let at = 0; at <= text.length; at++) expect(index.match(text, at)).toBe(matchPhrase(text, at, list));
      }),
      { numRuns: 1000 },
    );
  });

  it('asks a list not sorted longest first whole', () => {
    const list = ['ban', 'ban bí thư'].map((key) => ({ text: key, key }));
    expect(new PhrasePrefixes(list).match('ban bí thư', 0)).toBe(list[0]);
  });
});
