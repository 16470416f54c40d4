import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const cite = (sentence: string) => parse(`1. Hội nghị lần thứ 1\n(1) ${sentence}`).citations;
const pick = (c: ReturnType<typeof cite>[number]) => ({ kind: c.kind, number: c.number, symbol: c.symbol, id: c.id, date: c.date, issuedBy: c.issuedBy, term: c.term });

describe('citation forms beyond the seed', () => {
  it('State legal documents: number/year/TYPE-ISSUER', () => {
    const [c] = cite('Triển khai Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.');
    expect(pick(c!)).toEqual({ kind: 'Nghị định', number: '30/2020', symbol: 'NĐ-CP', id: '30/2020/NĐ-CP', date: '2020-03-05', issuedBy: 'Chính phủ', term: null });
    expect(c!.title).toBe('về công tác văn thư');
  });

  it('State administrative documents: number/TYPE-ISSUER', () => {
    const [c] = cite('Thực hiện Quyết định số 123/QĐ-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh.');
    expect(pick(c!)).toEqual({ kind: 'Quyết định', number: '123', symbol: 'QĐ-UBND', id: '123/QĐ-UBND', date: '2024-01-10', issuedBy: 'Ủy ban nhân dân tỉnh', term: null });
  });

  it('dates with hyphens or in words, "ngày" with or without a comma, no "số"', () => {
    expect(cite('Sơ kết Chỉ thị 05-CT/TW ngày 15-5-2016 của Bộ Chính trị.')[0]!.date).toBe('2016-05-15');
    expect(cite('Sơ kết Chỉ thị số 05-CT/TW, ngày 15 tháng 5 năm 2016 của Bộ Chính trị.')[0]!.date).toBe('2016-05-15');
    expect(cite('Sơ kết Chỉ thị số 5-CT/TW ngày 15/5/2016.')[0]).toMatchObject({ number: '5', id: '05-CT/TW' });
  });

  it('a date that does not exist keeps its text and has no ISO date', () => {
    expect(cite('Sơ kết Kết luận số 12-KL/TW ngày 31/2/2019 của Ban Bí thư.')[0]).toMatchObject({ date: null, dateText: '31/2/2019' });
  });

  it('terms as "khóa XI", "(khóa XII)" and Arabic "khóa 12"', () => {
    expect(cite('Tổng kết Nghị quyết số 36-NQ/TW ngày 01/7/2014 của Bộ Chính trị khóa XI.')[0]!.term).toBe('XI');
    expect(cite('Tổng kết Chỉ thị số 28-CT/TW ngày 21/01/2019 của Ban Bí thư (khóa XII).')[0]!.term).toBe('XII');
    expect(cite('Tổng kết Chỉ thị số 28-CT/TW ngày 21/01/2019 của Ban Bí thư khóa 12.')[0]!.term).toBe('XII');
  });

  it('spacing typos in symbols are repaired and flagged', () => {
    const [c] = cite('Sơ kết Chỉ thị số 11 - CT / TW của Bộ Chính trị.');
    expect(c).toMatchObject({ id: '11-CT/TW', symbol: 'CT/TW', repaired: true });
  });

  it('a Quy định keeps its kind from the word, though its code QĐ is shared with Quyết định', () => {
    expect(cite('Sơ kết Quy định số 208-QĐ/TW ngày 08/11/2019 của Ban Bí thư.')[0]!.kind).toBe('Quy định');
    expect(cite('Thực hiện Quyết định số 99-QĐ/TW ngày 08/11/2019 của Ban Bí thư.')[0]!.kind).toBe('Quyết định');
  });

  it('named references without a number', () => {
    const [c] = cite('Tổng kết Nghị quyết Hội nghị lần thứ 7 Ban Chấp hành Trung ương Đảng khóa X về tam nông.');
    expect(pick(c!)).toEqual({ kind: 'Nghị quyết', number: null, symbol: null, id: null, date: null, issuedBy: 'Ban Chấp hành Trung ương', term: 'X' });
  });

  it('matching is tone-placement-insensitive but keeps the document\'s words', () => {
    const [c] = cite('Sơ kết Chỉ thị số 28-CT/TW ngày 21/01/2019 của Ban Bí thư khoá XII.');
    expect(c).toMatchObject({ term: 'XII', raw: 'Chỉ thị số 28-CT/TW ngày 21/01/2019 của Ban Bí thư khoá XII' });
  });
});

describe('attribution forms beyond the seed', () => {
  const agencies = (line: string) => {
    const p = parse(`1. Hội nghị lần thứ 1\n${[1, 2, 3, 4, 5].map((n) => `(${n}) Báo cáo số ${n}.`).join('\n')}\n${line}`);
    return p.conferences[0]!.items.map((i) => i.leadAgencies.join('; '));
  };

  it('"mục (1) đến (4)" and "mục 2 - 3" name ranges', () => {
    expect(agencies('Cơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy mục (1) đến (4).')).toEqual(['Văn phòng Tỉnh ủy', 'Văn phòng Tỉnh ủy', 'Văn phòng Tỉnh ủy', 'Văn phòng Tỉnh ủy', '']);
    expect(agencies('Cơ quan chủ trì: Ban Tổ chức Tỉnh ủy mục 2 - 3.')).toEqual(['', 'Ban Tổ chức Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', '', '']);
  });

  it('several agencies, and segments separated by ";"', () => {
    expect(agencies('Cơ quan chủ trì tham mưu: Ban Tổ chức Tỉnh ủy, Văn phòng Tỉnh ủy mục (1); Ban Tuyên giáo và Dân vận Tỉnh ủy mục (2) và (5).')).toEqual([
      'Ban Tổ chức Tỉnh ủy; Văn phòng Tỉnh ủy',
      'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      '',
      '',
      'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    ]);
  });

  it('other attribution phrases from the grammar', () => {
    expect(agencies('Cơ quan chuẩn bị: Văn phòng Tỉnh ủy.')).toEqual(Array(5).fill('Văn phòng Tỉnh ủy'));
  });
});
