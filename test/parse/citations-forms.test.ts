import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

// Real sentences from fixtures/corpus/dev/citations.tsv (row ids in the test names), parsed as the
// corpus scorer parses them; one block per form of issue 11.
const cites = (sentence: string) => parse(sentence).citations;
const pick = (c: ReturnType<typeof cites>[number]) => ({
  kind: c.kind,
  id: c.id,
  number: c.number,
  date: c.date,
  issuedBy: c.issuedBy,
  term: c.term,
  form: c.form,
});

describe('number without a symbol (form "number-only", id null)', () => {
  it('C176: "Chỉ thị 35 của Bộ Chính trị"', () => {
    expect(cites('Chỉ thị 35 của Bộ Chính trị quy định rõ các mốc thời gian tiến hành Đại hội Đảng bộ các cấp.').map(pick)).toEqual([
      { kind: 'Chỉ thị', id: null, number: '35', date: null, issuedBy: 'Bộ Chính trị', term: null, form: 'number-only' },
    ]);
  });

  it('C095: "Nghị quyết số 18 ngày 25-10-2017 của Ban Chấp hành Trung ương Đảng khóa XII"', () => {
    const [c] = cites(
      "Sáng 21-12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị tổng kết việc thực hiện Nghị quyết số 18 ngày 25-10-2017 của Ban Chấp hành Trung ương Đảng khóa XII về 'Một số vấn đề về tiếp tục đổi mới' trên địa bàn tỉnh.",
    );
    expect(pick(c!)).toEqual({ kind: 'Nghị quyết', id: null, number: '18', date: '2017-10-25', issuedBy: 'Ban Chấp hành Trung ương', term: 'XII', form: 'number-only' });
  });

  it('C073: a plenum resolution by name and "Chỉ thị số 05 của Bộ Chính trị" in one sentence', () => {
    const got = cites(
      'Trong dịp này, các cấp ủy đảng cũng tổ chức hội nghị sơ kết 3 năm thực hiện Nghị quyết Trung ương 4 (khóa XII) và 3 năm thực hiện Chỉ thị số 05 của Bộ Chính trị, biểu dương các điển hình tiên tiến.',
    );
    expect(got.map(pick)).toEqual([
      { kind: 'Nghị quyết', id: null, number: null, date: null, issuedBy: 'Ban Chấp hành Trung ương', term: 'XII', form: 'named' },
      { kind: 'Chỉ thị', id: null, number: '05', date: null, issuedBy: 'Bộ Chính trị', term: null, form: 'number-only' },
    ]);
  });

  it('C004: the number-only "Nghị quyết 15 của Quốc hội khoá XII" across a line break', () => {
    const got = cites('Hà Nội còn thực hiện chủ trương lớn về mở rộng địa giới hành chính Thủ đô theo Nghị quyết 15\ncủa Quốc hội khoá XII và nhiều nhiệm vụ quan trọng.');
    expect(got.map(pick)).toEqual([{ kind: 'Nghị quyết', id: null, number: '15', date: null, issuedBy: 'Quốc hội', term: 'XII', form: 'number-only' }]);
  });

  it('is not a plan period, a count or a verb', () => {
    expect(cites('Thực hiện Kế hoạch 5 năm 2021 - 2025 của tỉnh.')).toEqual([]);
    expect(cites('Hội nghị quyết định 3 nội dung quan trọng.')).toEqual([]);
    expect(cites('Chương trình 2030 đặt ra mục tiêu phát triển.')).toEqual([]);
  });
});

describe('named references (form "named", id null)', () => {
  it('C156: laws by name with their date', () => {
    const got = cites('Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; Căn cứ Luật Ngân sách Nhà nước ngày 25 tháng 6 năm 2015;');
    expect(got.map((c) => [c.kind, c.title, c.date, c.id, c.form])).toEqual([
      ['Luật', 'Ban hành văn bản quy phạm pháp luật', '2015-06-22', null, 'named'],
      ['Luật', 'Ngân sách Nhà nước', '2015-06-25', null, 'named'],
    ]);
  });

  it('C061: an amending law takes the date; the laws it names are cited too', () => {
    const got = cites('Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;');
    expect(got.map((c) => [c.raw, c.date])).toEqual([
      ['Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019', '2019-11-22'],
      ['Luật Tổ chức Chính phủ', null],
      ['Luật Tổ chức chính quyền địa phương', null],
    ]);
  });

  it('C107: "được Quốc hội thông qua ngày …" names the issuer and the date', () => {
    const [c] = cites('Căn cứ Luật Tổ chức chính quyền địa phương được Quốc hội thông qua ngày 19 tháng 6 năm 2015;');
    expect(c).toMatchObject({ kind: 'Luật', title: 'Tổ chức chính quyền địa phương', issuedBy: 'Quốc hội', date: '2015-06-19', year: 2015, form: 'named' });
  });

  it('C075: the Party Charter, adopted at a congress', () => {
    const got = cites(
      'Căn cứ vào Điều lệ Đảng được thông qua từ Đại hội đại biểu toàn quốc lần thứ XI của Đảng, Quy định số 29-QĐ/TW ngày 25/7/2016 của Bộ Chính trị về thi hành Điều lệ Đảng và các văn bản hiện hành.',
    );
    expect(got.map((c) => [c.kind, c.id, c.issuedBy, c.form])).toEqual([
      ['Điều lệ', null, 'Đại hội đại biểu toàn quốc', 'named'],
      ['Quy định', '29-QĐ/TW', 'Bộ Chính trị', 'numbered'],
      ['Điều lệ', null, null, 'named'],
    ]);
  });

  it('C077, C125: working rules of named bodies, with the term', () => {
    expect(pick(cites('- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khoá XIII;')[0]!)).toEqual({
      kind: 'Quy chế', id: null, number: null, date: null, issuedBy: 'Ban Chấp hành Trung ương', term: 'XIII', form: 'named',
    });
    expect(pick(cites('- Căn cứ Quy chế làm việc của Ủy ban Kiểm tra Trung ương khóa XII;')[0]!)).toMatchObject({ kind: 'Quy chế', issuedBy: 'Ủy ban Kiểm tra Trung ương', term: 'XII' });
    // Not a citation: the rules a decree issues (C026), or rules without a body.
    expect(cites('Căn cứ Nghị định số 179/2007/NÐ-CP ngày 03 tháng 12 năm 2007 của Chính phủ ban hành Quy chế làm việc của Chính phủ;').map((c) => c.kind)).toEqual(['Nghị định']);
    expect(cites('Các cơ quan thực hiện theo Quy chế làm việc, góp phần vào thành công chung.')).toEqual([]);
  });

  it('C039: resolutions of the national and a city congress', () => {
    const got = cites(
      'Tổng Bí thư làm việc với Ban Thường vụ Thành ủy Hà Nội về tình hình thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Nghị quyết Đại hội lần thứ XVII Đảng bộ thành phố Hà Nội từ đầu nhiệm kỳ đến nay.',
    );
    expect(got.map((c) => [c.kind, c.issuedBy, c.form])).toEqual([
      ['Nghị quyết', 'Đại hội đại biểu toàn quốc', 'named'],
      ['Nghị quyết', 'Đại hội Đảng bộ thành phố', 'named'],
    ]);
  });

  it('C091: a resolution named by its quoted title, adopted by a plenum written before it', () => {
    const [c] = cites(
      'Hội nghị Trung ương 5 khóa VIII đã thông qua Nghị quyết “Về xây dựng và phát triển nền văn hóa Việt Nam tiên tiến, đậm đà bản sắc dân tộc”, trong đó xác định 5 tư tưởng chỉ đạo.',
    );
    expect(c).toMatchObject({
      kind: 'Nghị quyết', id: null, issuedBy: 'Ban Chấp hành Trung ương', term: 'VIII', form: 'named',
      title: 'Về xây dựng và phát triển nền văn hóa Việt Nam tiên tiến, đậm đà bản sắc dân tộc',
    });
  });

  it('C005: "Nghị quyết T.Ư 4, khóa XI"', () => {
    const [c] = cites('Nghị quyết T.Ư 4, khóa XI: "Một số vấn đề cấp bách về xây dựng Ðảng hiện nay" đang trở thành đợt sinh hoạt chính trị sâu rộng.');
    expect(c).toMatchObject({ kind: 'Nghị quyết', id: null, issuedBy: 'Ban Chấp hành Trung ương', term: 'XI', form: 'named' });
  });

  it('the Constitution by its year; "kỷ luật" and "pháp luật" are not laws', () => {
    expect(cites('Thi hành Hiến pháp năm 2013 trong toàn tỉnh.').map((c) => [c.kind, c.year, c.form])).toEqual([['Hiến pháp', 2013, 'named']]);
    expect(cites('XỬ LÝ KỶ LUẬT TỔ CHỨC ĐẢNG VI PHẠM; chấp hành PHÁP LUẬT NHÀ NƯỚC.')).toEqual([]);
  });
});

describe('symbols repaired and flagged (citation `repaired`, an info finding)', () => {
  it('C084: a missing hyphen "26 NQ/TW", and the plenum phrase names the issuer', () => {
    const p = parse(
      'Nghị quyết số 26 NQ/TW ngày 5/8/2008 của Hội nghị lần thứ 7 Ban Chấp hành Trung ương Đảng khoá X về Nông nghiệp, nông dân, nông thôn đã đề ra nhiều chủ trương.',
    );
    expect(pick(p.citations[0]!)).toEqual({ kind: 'Nghị quyết', id: '26-NQ/TW', number: '26', date: '2008-08-05', issuedBy: 'Ban Chấp hành Trung ương', term: 'X', form: 'numbered' });
    expect(p.citations[0]!.repaired).toBe(true);
    expect(p.diagnostics.filter((d) => d.code === 'citation-spacing-repaired').map((d) => d.severity)).toEqual(['info']);
  });

  it('C097, C098: a hyphen lost in a PDF ("NQCP", "NĐCP") and a letter suffix ("30c")', () => {
    expect(pick(cites('Căn cứ Nghị quyết số 30c/NQCP ngày 08 tháng 11 năm 2011 của Chính phủ ban hành Chương trình tổng thể;')[0]!)).toEqual({
      kind: 'Nghị quyết', id: '30c/NQ-CP', number: '30c', date: '2011-11-08', issuedBy: 'Chính phủ', term: null, form: 'numbered',
    });
    const [d] = cites('Căn cứ Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018 Chính phủ về thực hiện cơ chế một cửa;');
    expect(d).toMatchObject({ id: '61/2018/NĐ-CP', symbol: 'NĐ-CP', issuedBy: 'Chính phủ', repaired: true });
  });

  it('C047, C046: a glued "ngày" ("70-TB/TWngày", "ngày22")', () => {
    expect(pick(cites('Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 của Ban Bí thư Trung ương Đảng về tổ chức kỷ niệm;')[0]!)).toEqual({
      kind: 'Thông báo', id: '70-TB/TW', number: '70', date: '2012-01-06', issuedBy: 'Ban Bí thư', term: null, form: 'numbered',
    });
    expect(cites('Căn cứ Chỉ thị số 45-CT/TW ngày22 tháng 7 năm 2010 của Bộ Chính trị về đổi mới;')[0]).toMatchObject({ date: '2010-07-22', issuedBy: 'Bộ Chính trị' });
  });

  it('C104: canonical case in an all-caps title ("QĐ-TTG" → "QĐ-TTg", "CTR/TU" → "CTr/TU")', () => {
    const got = cites(
      'BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG TRIỂN KHAI NGHỊ QUYẾT 111/NQ-CP NGÀY 22 THÁNG 7 NĂM 2024 CỦA CHÍNH PHỦ, QUYẾT ĐỊNH SỐ 700/QĐ-TTG NGÀY 19 THÁNG 7 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ VÀ CHƯƠNG TRÌNH SỐ 47-CTR/TU NGÀY 6 THÁNG 6 NĂM 2023 CỦA TỈNH ỦY',
    );
    expect(got.map((c) => c.id)).toEqual(['111/NQ-CP', '700/QĐ-TTg', '47-CTr/TU']);
  });

  it('C041: an administrative symbol without a hyphen, and State bodies', () => {
    const got = cites(
      'Thực hiện Kế hoạch số 21/KH-UBND ngày 31/01/2021 của UBND tỉnh Thanh Hóa; Công văn số 197/STTTT ngày 02/2/2021 của Sở Thông tin và Truyền thông; Kế hoạch số 661/KH-UBND ngày 05/02/2021 của UBND Huyện Triệu Sơn về thông tin, tuyên truyền.',
    );
    expect(got.map((c) => [c.id, c.issuedBy])).toEqual([
      ['21/KH-UBND', 'Ủy ban nhân dân tỉnh'],
      ['197/STTTT', 'Sở Thông tin và Truyền thông'],
      ['661/KH-UBND', 'Ủy ban nhân dân huyện'],
    ]);
  });
});

describe('a qualifier or a generic word before the number', () => {
  it('C040: "Chương trình hành động số 147-CTHĐ/TU"; HĐND tỉnh', () => {
    const got = cites(
      'Tỉnh ủy đã ban hành các văn bản như: Chương trình hành động số 147-CTHĐ/TU ngày 09/5/2019 của Tỉnh ủy về thực hiện Nghị quyết số 37-NQ/TW ngày 24/12/2018 của Bộ Chính trị; Nghị quyết số 22/2019/NQ-HĐND ngày 17/10/2019 của HĐND tỉnh về việc thông qua Đề án.',
    );
    expect(got.map((c) => [c.kind, c.id, c.issuedBy])).toEqual([
      ['Chương trình', '147-CTHĐ/TU', 'Tỉnh ủy'],
      ['Nghị quyết', '37-NQ/TW', 'Bộ Chính trị'],
      ['Nghị quyết', '22/2019/NQ-HĐND', 'Hội đồng nhân dân tỉnh'],
    ]);
  });

  it('C011, C160: "văn bản số …" takes its kind from the type code, else Công văn; the issuer stands before', () => {
    expect(pick(cites('Ngày 24-10, UBND tỉnh có văn bản số 4912/UBND-NC về việc thực hiện Chỉ thị của Thủ tướng Chính phủ.')[0]!)).toEqual({
      kind: 'Công văn', id: '4912/UBND-NC', number: '4912', date: null, issuedBy: 'Ủy ban nhân dân tỉnh', term: null, form: 'numbered',
    });
    expect(pick(cites('QĐND - Ban Tuyên giáo Trung ương đã có văn bản số 71-HD/BTGTW hướng dẫn việc học tập chuyên đề năm 2013.')[0]!)).toMatchObject({
      kind: 'Hướng dẫn', id: '71-HD/BTGTW', issuedBy: 'Ban Tuyên giáo Trung ương',
    });
  });
});

describe('issuer and date before the citation, a plenum phrase, State bodies', () => {
  it('C043, C072, C163: "Ngày …, <body> [đã] ban hành <citation>"', () => {
    expect(cites('Ngày 10/12/2019, Ban Thường vụ Đảng ủy NHPT đã ban hành Kế hoạch số 101-KH/ĐU về tổ chức đại hội đảng các cấp.')[0]).toMatchObject({
      id: '101-KH/ĐU', date: '2019-12-10', issuedBy: 'Ban Thường vụ Đảng ủy',
    });
    expect(cites('Chính vì vậy, ngày 15/5/2016, Bộ Chính trị đã ban hành Chỉ thị 05-CT/TW về "đẩy mạnh học tập".')[0]).toMatchObject({
      id: '05-CT/TW', date: '2016-05-15', issuedBy: 'Bộ Chính trị',
    });
    expect(cites('ngày 06/3/2023, Đảng ủy Khối các cơ quan tỉnh ban hành Hướng dẫn số 33-HD/ĐUK về tuyên truyền kỷ niệm 80 năm.')[0]).toMatchObject({
      id: '33-HD/ĐUK', date: '2023-03-06', issuedBy: 'Đảng ủy Khối các cơ quan tỉnh',
    });
  });

  it('a plenum numbered in words, without "của" (issue 11)', () => {
    const [c] = cites('Thực hiện Nghị quyết số 24-NQ/TW ngày 3/6/2013 Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XI về chủ động ứng phó với biến đổi khí hậu.');
    expect(c).toMatchObject({ id: '24-NQ/TW', date: '2013-06-03', issuedBy: 'Ban Chấp hành Trung ương', term: 'XI' });
  });

  it('C082: "Nghị quyết số 26-NQ/TW, Hội nghị lần thứ 7 của Ban Chấp hành Trung ương khóa X"', () => {
    const [c] = cites('Sau hơn 15 năm thực hiện Nghị quyết số 26-NQ/TW, Hội nghị lần thứ 7 của Ban Chấp hành Trung ương khóa X về nông nghiệp, nông dân, nông thôn.');
    expect(c).toMatchObject({ id: '26-NQ/TW', issuedBy: 'Ban Chấp hành Trung ương', term: 'X' });
  });

  it('C150, C158: a ministry and its minister', () => {
    expect(cites('Căn cứ Quyết định số 2297/QĐ-BTC ngày 07 tháng 12 năm 2021 của Bộ Tài chính về việc giao dự toán;')[0]!.issuedBy).toBe('Bộ Tài chính');
    expect(cites('Căn cứ Thông tư số 19/2017/TT-BTC ngày 28 tháng 02 năm 2017 của Bộ trưởng Bộ Tài chính quy định việc lập dự toán;')[0]!.issuedBy).toBe('Bộ trưởng Bộ Tài chính');
  });
});

describe('lists sharing one kind (form "list")', () => {
  it('"Tờ trình số 322/TTr-CP …, số 324/TTr-CP … và số 343/TTr-CP … của Chính phủ" (fixtures/corpus/dev/019)', () => {
    const got = cites(
      'Trên cơ sở xem xét Tờ trình số 322/TTr-CP ngày 08/6/2026, số 324/TTr-CP ngày 09/6/2026 và số 343/TTr-CP ngày 23/6/2026 của Chính phủ; Báo cáo số 386/BC-UBPLTP16 ngày 25/6/2026;',
    );
    expect(got.map((c) => [c.kind, c.id, c.date, c.issuedBy, c.form])).toEqual([
      ['Tờ trình', '322/TTr-CP', '2026-06-08', 'Chính phủ', 'numbered'],
      ['Tờ trình', '324/TTr-CP', '2026-06-09', 'Chính phủ', 'list'],
      ['Tờ trình', '343/TTr-CP', '2026-06-23', 'Chính phủ', 'list'],
      ['Báo cáo', '386/BC-UBPLTP16', '2026-06-25', null, 'numbered'],
    ]);
  });

  it('"các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW"', () => {
    const got = cites('Tiếp tục thực hiện các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII.');
    expect(got.map((c) => [c.kind, c.id, c.form])).toEqual([
      ['Nghị quyết', '18-NQ/TW', 'numbered'],
      ['Nghị quyết', '19-NQ/TW', 'list'],
      ['Nghị quyết', '20-NQ/TW', 'list'],
    ]);
    // What follows the last number belongs to all of them.
    for (const c of got) expect(c).toMatchObject({ date: '2017-10-25', issuedBy: 'Ban Chấp hành Trung ương', term: 'XII' });
  });
});
