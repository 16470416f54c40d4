import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPhrase, phraseAt, type Phrase } from '../../src/recognise/compile.js';

// findPhrase reads the character before a candidate by code (issue 12), not as a one-character
// string tested by a pattern; here it is held to the definition it replaced.
const LETTER = /[\p{L}\p{N}]/u;

function previous<P extends Phrase>(key: string, list: readonly P[], from = 0): { phrase: P; at: number } | null {
  let best: { phrase: P; at: number } | null = null;
  for (const phrase of list) {
    let at = key.indexOf(phrase.key, from);
    while (at !== -1) {
      const prev = key[at - 1];
      if ((prev === undefined || !LETTER.test(prev)) && phraseAt(key, at, phrase)) break;
      at = key.indexOf(phrase.key, at + 1);
    }
    if (at !== -1 && (best === null || at < best.at || (at === best.at && phrase.key.length > best.phrase.key.length))) best = { phrase, at };
  }
  return best;
}

describe('findPhrase', () => {
  it('finds the phrase and place its definition found, on any text', () => {
    const list: Phrase[] = ['mục', 'mục số', 'tháng', 'quý', 'lần thứ', 'ệ'].map((k) => ({ text: k, key: k }));
    const unit = fc.constantFrom(...list.map((p) => p.key), ' ', 'x', '1', 'ệ', '(', '\ud800', '\udc00', '\u{1d400}', 'đ');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 14 }), fc.nat(10), (parts, from) => {
        const key = parts.join('');
        expect(findPhrase(key, list, from)).toEqual(previous(key, list, from));
      }),
      { numRuns: 5000 },
    );
  });
});
