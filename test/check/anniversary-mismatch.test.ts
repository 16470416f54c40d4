import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'anniversary-mismatch';

describe(code, () => {
  it('flags "Tổng kết 05 năm" of a 2014 document in a 2024 programme, at the review phrase', () => {
    const p = edited('(2) Tổng kết 10 năm thực hiện Kết luận số 94-KL/TW', '(2) Tổng kết 05 năm thực hiện Kết luận số 94-KL/TW');
    expect(found(p, code)).toEqual([
      { severity: 'warning', line: 29, column: 5 },
      { severity: 'warning', line: 68, column: 5 },
    ]);
    expect(messages(p, code)[0]).toEqual([
      "Kết luận 94-KL/TW ngày 28/3/2014: 'Tổng kết 05 năm' nhưng năm 2024 là năm thứ 10",
      "Kết luận 94-KL/TW of 28/3/2014: 'Tổng kết 05 năm' is a 5-year review, but 2024 is year 10",
    ]);
  });

  it('reads "triển khai thực hiện" between the review and the citation', () => {
    const p = edited('Tổng kết 10 năm triển khai thực hiện', 'Tổng kết 15 năm triển khai thực hiện');
    expect(found(p, code)).toContainEqual({ severity: 'warning', line: 58, column: 5 });
  });

  it('is silent when the years add up (the 10-year review of Kết luận 102-KL/TW)', () => {
    const p = edited('Sơ kết 05 năm thực hiện Kết luận số 102-KL/TW', 'Tổng kết 10 năm thực hiện Kết luận số 102-KL/TW');
    expect(found(p, code)).toEqual([]);
  });

  it('does not carry the review over to a second, linked document ("; Kế hoạch thực hiện Chỉ thị …")', () => {
    // 33-CT/TW of 2019 is not the object of "Sơ kết 04 năm"; only 28-CT/TW is, and it is 5 years old.
    const p = edited('Sơ kết 05 năm thực hiện Chỉ thị số 28-CT/TW', 'Sơ kết 04 năm thực hiện Chỉ thị số 28-CT/TW');
    expect(found(p, code)).toContainEqual({ severity: 'warning', line: 39, column: 5 });
    expect(found(p, code).filter((f) => f.line === 39)).toHaveLength(1);
  });
});
