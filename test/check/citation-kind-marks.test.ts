import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { columnOf, edited, found, messages, seed } from './lint.js';

const code = 'citation-kind-marks';

describe(code, () => {
  it('reads "Kết lúận số 94-KL/TW" as Kết luận and notes the marks, at the kind', () => {
    const p = edited('Kết luận số 94-KL/TW', 'Kết lúận số 94-KL/TW');
    const cited = p.citations.find((c) => c.id === '94-KL/TW')!;
    expect([cited.kind, cited.issuedBy, cited.date]).toEqual(['Kết luận', 'Ban Bí thư', '2014-03-28']);
    const line = seed.split('\n')[28]!.trim().replace('Kết luận', 'Kết lúận');
    expect(found(p, code)).toEqual([{ severity: 'info', line: 29, column: columnOf(line, 'Kết lúận') }]);
    expect(messages(p, code)[0]).toEqual([
      "Kết luận 94-KL/TW ngày 28/3/2014: tên loại viết 'Kết lúận', đã đọc là Kết luận",
      "Kết luận 94-KL/TW of 28/3/2014: the kind is written 'Kết lúận', read as Kết luận",
    ]);
  });

  it('reads marks an OCR dropped ("Nghi quyêt") in any genre', () => {
    const p = parse('KẾ HOẠCH\nthực hiện chuyển đổi số\n\nCăn cứ Nghi quyêt số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;');
    expect(p.citations.map((c) => [c.kind, c.id, c.issuedBy])).toEqual([['Nghị quyết', '57-NQ/TW', 'Bộ Chính trị']]);
    expect(found(p, code).map((f) => f.line)).toEqual([4]);
  });

  it('reads issuers through marks an OCR scrambled ("ƯBND tỉnh", "Bộ Chinh tri"), reporting the body name', () => {
    const p = parse('Căn cứ Quyết định số 12/QĐ-UBND ngày 01/02/2020 của ƯBND tỉnh; Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chinh tri;');
    expect(p.citations.map((c) => [c.id, c.issuedBy])).toEqual([
      ['12/QĐ-UBND', 'Ủy ban nhân dân tỉnh'],
      ['05-CT/TW', 'Bộ Chính trị'],
    ]);
  });

  it('is silent on the seed, whose kinds are spelt right', () => {
    expect(found(parse(seed), code)).toEqual([]);
  });
});
