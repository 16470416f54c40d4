import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'item-attributed-twice';

describe(code, () => {
  it('flags item (4), assigned on line 41 and again on line 48, at the second "(4)"', () => {
    const p = edited('mục (5), (6), (7) và (8).', 'mục (4), (5), (6), (7) và (8).');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 48, column: 54 }]);
    expect(messages(p, code)[0]![0]).toBe(
      'Hội nghị 2, mục (4) đã được giao cho Ban Tổ chức Tỉnh ủy ở dòng 41, lại được giao cho Ban Tuyên giáo Tỉnh ủy',
    );
  });

  it('is silent for the same item number in two different conferences', () => {
    // Conference 3's line names (2)…(6) as conference 2's lines do: different items.
    const p = edited('Ban Tuyên giáo Tỉnh ủy mục (2), (3), (4), (5) và (6).', 'Ban Tuyên giáo Tỉnh ủy mục (2) đến (6).');
    expect(found(p, code)).toEqual([]);
  });
});
