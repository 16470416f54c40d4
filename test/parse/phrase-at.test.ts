import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phraseAt } from '../../src/recognise/compile.js';

/** The definition the code tables replaced: one-unit strings tested with the pattern. */
function definition(key: string, at: number, phrase: string): boolean {
  if (!key.startsWith(phrase, at)) return false;
  const next = key[at + phrase.length];
  const last = phrase[phrase.length - 1] ?? '';
  return next === undefined || !/[\p{L}\p{N}]/u.test(last) || !/[\p{L}\p{N}]/u.test(next);
}

describe('phraseAt', () => {
  it('finds a phrase that is not glued to the next letter or digit', () => {
    expect(phraseAt('ban bí thư về', 0, { text: 'Ban Bí thư', key: 'ban bí thư' })).toBe(true);
    expect(phraseAt('luậtx', 0, { text: 'Luật', key: 'luật' })).toBe(false);
    expect(phraseAt('số: 12', 0, { text: 'Số:', key: 'số:' })).toBe(true);
  });

  it('agrees with its definition on any key, place and phrase', () => {
    const unit = fc.constantFrom('a', 'ệ', 'Ư', '1', ' ', ':', '-', '𝐀', '\u0301', 'đ', '\u2160');
    const text = fc.string({ unit, maxLength: 8 });
    fc.assert(
      fc.property(text, text, fc.nat(8), (key, phrase, at) => phraseAt(key, at, { text: phrase, key: phrase }) === definition(key, at, phrase)),
      { numRuns: 50000 },
    );
  });
});
