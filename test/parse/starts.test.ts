import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { anyStart } from '../../src/recognise/starts.js';

const m = defaultMatchers();
const lists = {
  'outline label styles': m.labels.map((s) => s.re),
  'section, conference and item numbers': [...m.sections, ...m.conferenceNumbering, ...m.itemNumbering],
};

describe('anyStart', () => {
  it('is built for the grammar lists, and refuses what it cannot join', () => {
    for (const list of Object.values(lists)) expect(anyStart(list)).not.toBeNull();
    expect(anyStart(['(?<n>\\d)\\.'])).toBeNull(); // not anchored
    expect(anyStart(['^(?<n>a)\\k<n>'])).toBeNull(); // refers back to a group
    expect(anyStart(['^(a)\\1'])).toBeNull();
  });

  for (const [name, list] of Object.entries(lists)) {
    it(`matches a line exactly when one of the ${name} does`, () => {
      const any = anyStart(list)!;
      const unit = fc.constantFrom('I', 'V', 'X', 'i', 'a', 'đ', 'Đ', 'A', '1', '2', '0', '.', ')', '(', '/', '-', '–', '+', '•', ' ', 'Phần', 'PHẦN', 'Chương', 'Mục', 'Điều', 'thứ', 'Ệ', 'k');
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 8 }), (s) => {
          expect(any.test(s)).toBe(list.some((re) => re.test(s)));
        }),
        { numRuns: 20000 },
      );
    });
  }
});
