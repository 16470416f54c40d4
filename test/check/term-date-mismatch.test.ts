import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'term-date-mismatch';

describe(code, () => {
  it('flags Ban Bí thư "khóa XII" on a document of 06/6/2014 (khóa XI), at the citation', () => {
    const p = edited('Ban Bí thư khóa XI “về tăng cường', 'Ban Bí thư khóa XII “về tăng cường');
    expect(found(p, code)).toEqual([
      { severity: 'warning', line: 42, column: 31 },
      { severity: 'warning', line: 60, column: 31 },
    ]);
    expect(messages(p, code)[0]).toEqual([
      "Chỉ thị 37-CT/TW ngày 06/6/2014: ghi 'Ban Bí thư khóa XII' nhưng khóa XII là 2016–2021, ngày ban hành thuộc khóa XI",
      "Chỉ thị 37-CT/TW of 06/6/2014: says 'Ban Bí thư khóa XII', but khóa XII ran 2016–2021 and the date falls in khóa XI",
    ]);
  });

  it('is silent once Nghị quyết 33-NQ/TW says khóa XI', () => {
    const p = edited('Trung ương Đảng khóa X “về xây dựng', 'Trung ương Đảng khóa XI “về xây dựng');
    expect(found(p, code)).toEqual([]);
  });

  it('never reads a provincial "khóa XIV" against the Central Committee\'s XIV (2026–)', () => {
    const p = edited('của Ban Chấp hành Đảng bộ tỉnh về phát triển', 'của Ban Chấp hành Đảng bộ tỉnh khóa XIV về phát triển');
    expect(p.citations.find((c) => c.id === '04-NQ/TU')).toMatchObject({ issuedBy: 'Ban Chấp hành Đảng bộ tỉnh', term: 'XIV' });
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 60, column: 31 }]);
  });

  it('flags a programme year outside the term the title names, at "khóa XIV"', () => {
    const p = edited('Làm việc năm 2024 của', 'Làm việc năm 2026 của');
    expect(found(p, code)).toContainEqual({ severity: 'warning', line: 14, column: 1 });
    expect(messages(p, code)[0]![0]).toBe('Chương trình năm 2026 nhưng nhiệm kỳ ghi ở đầu văn bản là 2020 - 2025');
  });

  it('checks a central body named in the title against the Central Committee terms', () => {
    const p = edited('Ban Chấp hành Đảng bộ tỉnh\nkhóa XIV nhiệm kỳ 2020 - 2025', 'Ban Chấp hành Trung ương\nkhóa XI');
    expect(found(p, code)).toContainEqual({ severity: 'warning', line: 14, column: 1 });
    expect(messages(p, code)[0]![0]).toBe('Chương trình năm 2024 của Ban Chấp hành Trung ương khóa XI, nhưng khóa XI là 2011–2016');
  });

  it('accepts the year 2025, the last of "nhiệm kỳ 2020 - 2025"', () => {
    const p = edited('Làm việc năm 2024 của', 'Làm việc năm 2025 của');
    expect(found(p, code).filter((f) => f.line === 14)).toEqual([]);
  });
});
