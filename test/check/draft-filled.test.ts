import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'draft-filled';
const header = 'Số       -CTr/TU\nDự thảo\n\t\n\tĐẢNG CỘNG SẢN VIỆT NAM\n\nHậu Giang, ngày     tháng    năm 2023';

describe(code, () => {
  it('flags a "Dự thảo" that already has a number and a full date, at the draft mark', () => {
    const p = edited(header, header.replace('Số       -', 'Số 15-').replace('ngày     tháng    năm', 'ngày 12 tháng 12 năm'));
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 5, column: 1 }]);
    expect(messages(p, code)).toEqual([
      ["Văn bản ghi 'Dự thảo' nhưng đã có số 15 và ngày 12/12/2023", "Marked 'Dự thảo' (draft) but already numbered 15 and dated 12/12/2023"],
    ]);
  });

  it('is silent for a draft whose number is filled in but whose day is not', () => {
    const p = edited('Số       -CTr/TU', 'Số 15-CTr/TU');
    expect(p.header.number?.number).toBe(15);
    expect(found(p, code)).toEqual([]);
  });
});
