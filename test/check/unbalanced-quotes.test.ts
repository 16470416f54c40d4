import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'unbalanced-quotes';

describe(code, () => {
  it('notes a quote opened and never closed as information, at the opening quote', () => {
    const p = edited('nhân lực có tay nghề cao”.', 'nhân lực có tay nghề cao.');
    expect(found(p, code)).toEqual([
      { severity: 'info', line: 42, column: 89 },
      { severity: 'info', line: 55, column: 89 },
    ]);
    expect(messages(p, code)[0]).toEqual([
      'Hội nghị 2, mục (5): dấu ngoặc kép “ mở mà không có dấu đóng',
      'Conference 2, item (5): the quotation mark “ is opened but never closed',
    ]);
  });

  it('notes a closing quote without an opening one', () => {
    const p = edited('khóa XI “về tăng cường', 'khóa XI về tăng cường');
    expect(found(p, code)).toContainEqual({ severity: 'info', line: 42, column: 173 });
    expect(messages(p, code)[0]![0]).toBe('Hội nghị 2, mục (5): dấu ngoặc kép ” đóng mà không có dấu mở');
  });

  it('is silent once item 3.(2) opens as many quotes as it closes', () => {
    const p = edited('khóa X “về tăng cường', 'khóa X về tăng cường');
    expect(found(p, code)).toEqual([]);
  });
});
