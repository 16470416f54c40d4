import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capsText } from '../../src/recognise/labels.js';

/** The definition: of the letters in the first 300 characters, at least two, nine in ten capitals. */
function definition(text: string): boolean {
  const letters = [...text.slice(0, 300)].filter((ch) => ch.toLowerCase() !== ch.toUpperCase());
  const upper = letters.filter((ch) => ch === ch.toUpperCase()).length;
  return letters.length >= 2 && upper / letters.length >= 0.9;
}

describe('capsText', () => {
  it('reads headings in capitals, and sentences not', () => {
    expect(capsText('CHƯƠNG TRÌNH LÀM VIỆC NĂM 2024')).toBe(true);
    expect(capsText('Sơ kết 05 năm thực hiện Kết luận số 102-KL/TW')).toBe(false);
    // Nine capitals in ten letters is still capitals; the tenth letter may be small.
    expect(capsText('ABCDEFGHIx')).toBe(true);
    expect(capsText('ABCDEFGHxy')).toBe(false);
  });

  it('agrees with its definition on any text, however soon it stops reading', () => {
    // Mostly capitals, so that texts near nine in ten are common.
    const unit = fc.oneof({ arbitrary: fc.constantFrom('A', 'Ệ'), weight: 12 }, { arbitrary: fc.constantFrom('b', 'ệ'), weight: 1 }, { arbitrary: fc.constantFrom(' ', '1', '.'), weight: 3 });
    const text = fc.string({ unit, maxLength: 400 });
    fc.assert(fc.property(text, (s) => capsText(s) === definition(s)), { numRuns: 5000 });
  });
});
