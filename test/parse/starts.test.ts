import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { StartPatterns } from '../../src/recognise/starts.js';

const m = defaultMatchers();
const lists = {
  'outline label styles': m.labels.map((s) => s.re),
  'section, conference and item numbers': [...m.sections, ...m.conferenceNumbering, ...m.itemNumbering],
};

describe('StartPatterns', () => {
  it('is built for the grammar lists, and refuses what it cannot join', () => {
    for (const list of Object.values(lists)) expect(StartPatterns.of(list)).not.toBeNull();
    expect(StartPatterns.of(['(?<n>\\d)\\.'])).toBeNull(); // not anchored
    expect(StartPatterns.of(['^(?<n>a)\\k<n>'])).toBeNull(); // refers back to a group
    expect(StartPatterns.of(['^(a)\\1'])).toBeNull();
    // Groups inside a pattern do not shift which pattern is reported.
    expect(StartPatterns.of(['^(a)(b)?x', '^(?<n>a)(c)', '^a'])!.first('ac')).toBe(1);
  });

  for (const [name, list] of Object.entries(lists)) {
    it(`says which of the ${name} matches a line first, and whether any does`, () => {
      const starts = StartPatterns.of(list)!;
      const unit = fc.constantFrom('I', 'V', 'X', 'i', 'a', 'đ', 'Đ', 'A', '1', '2', '0', '.', ')', '(', '/', '-', '–', '+', '•', ' ', 'Phần', 'PHẦN', 'Chương', 'Mục', 'Điều', 'thứ', 'Ệ', 'k');
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 8 }), (s) => {
          expect([starts.first(s), starts.test(s)]).toEqual([list.findIndex((re) => re.test(s)), list.some((re) => re.test(s))]);
        }),
        { numRuns: 20000 },
      );
    });
  }
});
