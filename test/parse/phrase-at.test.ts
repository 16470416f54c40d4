import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMatchers, matchPhrase, phraseAt, type Phrase } from '../../src/recognise/compile.js';

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

describe('matchPhrase', () => {
  const m = defaultMatchers();
  /** The definition: the first phrase of the list, in order, that the key has at the place. */
  const definition = (key: string, at: number, list: readonly Phrase[]) => list.find((p) => phraseAt(key, at, p)) ?? null;

  it('finds bodies as a scan of the list in order would, through its index by first character', () => {
    expect(matchPhrase('của ban bí thư về', 4, m.bodies)?.name).toBe('Ban Bí thư');
    // Pieces of the bodies' own keys, cut and glued, so that long shared beginnings are common.
    const pieces = [...new Set(m.bodies.flatMap((b) => b.key.split(/(?<= )/u)))];
    const whole = m.bodies.map((b) => b.key);
    const unit = fc.oneof(fc.constantFrom(...whole), fc.constantFrom(...pieces), fc.constantFrom(' ', ',', 'a', 'x', '1', 'ệ'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), fc.nat(12), (key, at) => matchPhrase(key, at, m.bodies) === definition(key, at, m.bodies)),
      { numRuns: 20000 },
    );
  });

  it('scans a list as its definition does, short or long, with an empty phrase or not, when asked again', () => {
    const unit = fc.constantFrom('a', 'b', 'ệ', ' ', '1');
    const phrase = fc.string({ unit, maxLength: 3 }).map((key): Phrase => ({ text: key, key }));
    fc.assert(
      fc.property(fc.array(phrase, { maxLength: 14 }), fc.array(fc.tuple(fc.string({ unit, maxLength: 5 }), fc.nat(5)), { minLength: 1, maxLength: 4 }), (list, asks) =>
        // Each list is new, so its first ask builds its index and the later ones read it.
        asks.every(([key, at]) => matchPhrase(key, at, list) === definition(key, at, list)),
      ),
      { numRuns: 5000 },
    );
  });
});
