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

  it('reads a kept group off the joined match, or says to read the pattern alone', () => {
    const starts = StartPatterns.of(['^(?<n>\\d)\\.', '^(?<n>a)(c)', '^(?<label>[IV]+) ', '^(?<m>b)?-'], ['n', 'label'])!;
    const at = (text: string) => {
      const m = starts.exec(text)!;
      const i = starts.which(m);
      return [i, starts.matched(m, i), starts.keptOf(m, i, 'n'), starts.keptOf(m, i, 'label')];
    };
    expect(at('7. x')).toEqual([0, '7.', '7', undefined]);
    expect(at('ac')).toEqual([1, 'ac', null, null]); // a second group: its number is not known
    expect(at('IV x')).toEqual([2, 'IV ', undefined, 'IV']);
    expect(at('b-')).toEqual([3, 'b-', undefined, undefined]); // a group not kept
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
