import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodeUnits, loadGrammar } from '../../src/grammar/load.js';

// Genres of equal priority are tried in the order of their ids; that order was localeCompare's.
const genreId = fc.stringMatching(/^[a-z]+(-[a-z]+)*$/);

describe('the order of genre ids', () => {
  it('is the order localeCompare gives them, in the default, English and Vietnamese collations', () => {
    fc.assert(
      fc.property(genreId, genreId, (a, b) => {
        for (const locale of [undefined, 'en', 'vi']) expect(Math.sign(byCodeUnits(a, b))).toBe(Math.sign(a.localeCompare(b, locale)));
      }),
      { numRuns: 2000 },
    );
  });

  it('puts the shipped genres of one priority in alphabetical order', () => {
    const genres = loadGrammar().genres.map((g) => `${g.priority} ${g.genre}`);
    expect(genres.filter((g) => g.startsWith('60 '))).toEqual(['60 conclusion', '60 guidance', '60 report', '60 resolution']);
  });
});
