import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'final-blank';
const header = 'Số       -CTr/TU\nDự thảo\n\t\n\tĐẢNG CỘNG SẢN VIỆT NAM\n\nHậu Giang, ngày     tháng    năm 2023';

describe(code, () => {
  it('flags a document without "Dự thảo" whose number and date are blank, at the number', () => {
    const p = edited('Dự thảo\n', '\n');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 4, column: 1 }]);
    expect(messages(p, code)).toEqual([
      [
        "Văn bản không ghi 'Dự thảo' nhưng số và ngày tháng còn để trống ('Số -CTr/TU', 'ngày tháng năm 2023')",
        "Not marked 'Dự thảo' (draft) but the number and the date are left blank ('Số -CTr/TU', 'ngày tháng năm 2023')",
      ],
    ]);
  });

  it('is silent for a final document with its number and date', () => {
    const p = edited(header, header.replace('Số       -', 'Số 15-').replace('Dự thảo', '').replace('ngày     tháng    năm', 'ngày 12 tháng 12 năm'));
    expect(p.header).toMatchObject({ draft: false, number: { number: 15 }, date: { day: 12, month: 12, year: 2023 } });
    expect(found(p, code)).toEqual([]);
  });
});
