import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src/recognise/regex.js';
import { LiteralSet, WordSearch } from '../../src/recognise/word-search.js';

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
