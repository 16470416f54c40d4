import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'item-numbering';

describe(code, () => {
  it('flags a skipped item number, at the item after the gap', () => {
    const p = edited('(8) Tổng kết 20 năm', '(9) Tổng kết 20 năm');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 46, column: 1 }]);
    expect(messages(p, code)).toEqual([
      ['Hội nghị 2: thiếu mục (8) trước mục (9)', 'Conference 2: item (8) is missing before item (9)'],
    ]);
  });

  it('flags a repeated item number', () => {
    const p = edited('(6) Sơ kết 03 năm', '(5) Sơ kết 03 năm');
    expect(found(p, code)).toEqual([
      { severity: 'warning', line: 43, column: 1 },
      { severity: 'warning', line: 44, column: 1 },
    ]);
    expect(messages(p, code).map((m) => m[0])).toEqual(['Hội nghị 2: mục (5) trùng số với một mục trước', 'Hội nghị 2: thiếu mục (6) trước mục (7)']);
  });

  it('is silent for an item added with the next number', () => {
    const p = edited('giáo dục quốc dân.\n\nCơ quan', 'giáo dục quốc dân.\n(3) Báo cáo công tác tuyên giáo.\nCơ quan');
    expect(p.conferences[0]!.items.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(found(p, code)).toEqual([]);
  });
});
