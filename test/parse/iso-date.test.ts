import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/recognise/citations.js';

/** The definition the arithmetic replaced: what the calendar of Date.UTC accepts. */
function definition(d: number, mo: number, y: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

describe('isoDate', () => {
  it('writes real days and refuses the rest', () => {
    expect(isoDate(28, 3, 2014)).toBe('2014-03-28');
    expect(isoDate(29, 2, 2024)).toBe('2024-02-29');
    expect(isoDate(29, 2, 1900)).toBeNull();
    expect(isoDate(31, 4, 2019)).toBeNull();
  });

  it('agrees with the calendar of Date.UTC on any day, month and year a citation can write', () => {
    // Citations read up to 2 digits of day and month and 4 of year.
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }), (d, mo, y) => isoDate(d, mo, y) === definition(d, mo, y)), { numRuns: 50000 });
    for (const y of [1900, 2000, 2100, 2024, 2023, 99, 100]) for (let mo = 0; mo <= 13; mo++) for (let d = 0; d <= 32; d++) expect(isoDate(d, mo, y)).toBe(definition(d, mo, y));
  });

  it('begins with the year it was given, which a citation\'s tail takes as its year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }), (d, mo, y) => {
        const iso = isoDate(d, mo, y);
        return iso === null || Number(iso.slice(0, 4)) === y;
      }),
      { numRuns: 20000 },
    );
  });
});
