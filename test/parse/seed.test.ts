import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { normalizedText } from '../../src/parse.js';
import { seedBytes } from '../helpers.js';

const p = parse(seedBytes(), { file: 'programme-2024-hau-giang-draft.txt' });
const text = normalizedText(seedBytes());

describe('the seed programme: header', () => {
  it('reads the two-column header, the type, the trích yếu and what it implies', () => {
    expect(p.header).toEqual({
      partyHeading: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      superior: null,
      issuer: 'TỈNH ỦY HẬU GIANG',
      number: { raw: 'Số -CTr/TU', number: null, typeCode: 'CTr', issuerCode: 'TU', id: null },
      draft: true,
      draftLabel: 'Dự thảo',
      place: 'Hậu Giang',
      date: { raw: 'ngày tháng năm 2023', year: 2023, month: null, day: null },
      docType: 'CHƯƠNG TRÌNH',
      title: 'Làm việc năm 2024 của Ban Chấp hành Đảng bộ tỉnh khóa XIV nhiệm kỳ 2020 - 2025',
      year: 2024,
      term: 'XIV',
      period: { from: 2020, to: 2025 },
      // Where each field was read: the date starts after "Hậu Giang, " on line 9.
      at: {
        issuer: { line: 1, column: 1 },
        number: { line: 4, column: 1 },
        draftLabel: { line: 5, column: 1 },
        partyHeading: { line: 7, column: 1 },
        place: { line: 9, column: 1 },
        date: { line: 9, column: 12 },
        docType: { line: 12, column: 1 },
        title: { line: 13, column: 1 },
      },
    });
    expect(p.source).toMatchObject({ file: 'programme-2024-hau-giang-draft.txt', format: 'txt', encoding: 'utf-8' });
    expect(p.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the preamble and the three sections with their paragraphs', () => {
    expect(p.preamble).toHaveLength(1);
    expect(p.preamble[0]).toMatch(/^Căn cứ Nghị quyết, Chương trình làm việc .* với những nội dung như sau:$/);
    expect(p.sections.map((s) => [s.label, s.title, s.paragraphs.length, s.line])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU', 3, 17],
      ['II', 'NỘI DUNG VÀ THỜI GIAN', 0, 23],
      ['III', 'TỔ CHỨC THỰC HIỆN', 3, 93],
    ]);
    expect(p.sections[2]!.paragraphs[2]).toMatch(/^3\. Căn cứ Chương trình này, .* trước khi tổ chức Hội nghị\.$/);
  });
});

describe('the seed programme: conferences and items', () => {
  it('has five conferences with ordinals, sessions, months and the thematic, tentative one', () => {
    expect(
      p.conferences.map((c) => [c.ordinal, c.session, c.thematic, c.time?.month, c.time?.year, c.time?.tentative, c.section, c.line]),
    ).toEqual([
      [1, 17, false, 3, 2024, false, 'II', 24],
      [2, 18, false, 6, 2024, false, 'II', 32],
      [3, null, true, 8, 2024, true, 'II', 50],
      [4, 19, false, 9, 2024, false, 'II', 63],
      [5, 20, false, 12, 2024, false, 'II', 77],
    ]);
    expect(p.conferences[2]!.title).toBe('Hội nghị chuyên đề Ban Chấp hành Đảng bộ tỉnh (dự kiến tháng 8/2024)');
    expect(p.conferences[2]!.time).toEqual({ raw: 'dự kiến tháng 8/2024', month: 8, quarter: null, year: 2024, tentative: true });
  });

  const VP = 'Văn phòng Tỉnh ủy';
  const TG = 'Ban Tuyên giáo Tỉnh ủy';
  const TC = 'Ban Tổ chức Tỉnh ủy';
  const DV = 'Ban Dân vận Tỉnh ủy';
  const CS = 'Ban cán sự đảng Ủy ban nhân dân tỉnh';

  it('gives every one of the 26 items its lead agency, scoped ("mục (3) và (4)") or not', () => {
    const table = p.conferences.flatMap((c) => c.items.map((i) => [c.ordinal, i.number, i.leadAgencies]));
    expect(table).toEqual([
      [1, 1, [VP]], [1, 2, [TG]],
      [2, 1, [VP]], [2, 2, [VP]], [2, 3, [TC]], [2, 4, [TC]], [2, 5, [TG]], [2, 6, [TG]], [2, 7, [TG]], [2, 8, [TG]],
      [3, 1, [CS]], [3, 2, [TG]], [3, 3, [TG]], [3, 4, [TG]], [3, 5, [TG]], [3, 6, [TG]],
      [4, 1, [VP]], [4, 2, [DV]], [4, 3, [CS]], [4, 4, [TG]], [4, 5, [TG]],
      [5, 1, [VP]], [5, 2, [DV]], [5, 3, [TC]], [5, 4, [TC]], [5, 5, [CS]],
    ]);
  });

  it('keeps item texts whole, without their numbers, with their action and line', () => {
    const item = p.conferences[1]!.items[6]!;
    expect(item.number).toBe(7);
    expect(item.line).toBe(44);
    expect(item.action).toBe('Tổng kết');
    expect(item.text).toBe(
      'Tổng kết 10 năm Nghị quyết số 36-NQ/TW, ngày 01/7/2014 của Bộ Chính trị khóa XI “về đẩy mạnh ứng dụng, phát triển công nghệ thông tin đáp ứng yêu cầu phát triển bền vững và hội nhập quốc tế”.',
    );
    // The decomposed "về" of item (6) comes out NFC.
    expect(p.conferences[1]!.items[5]!.text).toContain('15/5/2016 “về đẩy mạnh');
    expect(p.conferences[1]!.items[5]!.text.normalize('NFC')).toBe(p.conferences[1]!.items[5]!.text);
  });

  it('records the 15 attribution lines and what each assigns', () => {
    expect(p.attributions.map((a) => [a.conference, a.items, a.scoped, a.line])).toEqual([
      [1, [1], false, 28], [1, [2], false, 31],
      [2, [1, 2], true, 36], [2, [3, 4], true, 41], [2, [5, 6, 7, 8], true, 48],
      [3, [1], false, 53], [3, [2, 3, 4, 5, 6], true, 62],
      [4, [1], false, 67], [4, [2], false, 69], [4, [3], false, 71], [4, [4, 5], true, 76],
      [5, [1], false, 81], [5, [2], false, 85], [5, [3, 4], true, 89], [5, [5], false, 91],
    ]);
  });
});

describe('the seed programme: citations', () => {
  it('finds the 22 numbered citations and the 2 named references, in reading order', () => {
    expect(p.citations.map((c) => [c.kind, c.id, c.date, c.issuedBy, c.term])).toEqual([
      ['Kết luận', '94-KL/TW', '2014-03-28', 'Ban Bí thư', null],
      ['Chỉ thị', '28-CT/TW', '2019-01-21', 'Ban Bí thư', 'XII'],
      ['Chỉ thị', '33-CT/TW', '2019-03-18', 'Ban Bí thư', null],
      ['Chỉ thị', '37-CT/TW', '2014-06-06', 'Ban Bí thư', 'XI'],
      ['Kết luận', '01-KL/TW', '2021-05-18', 'Bộ Chính trị', 'XIII'],
      ['Chỉ thị', '05-CT/TW', '2016-05-15', null, null],
      ['Nghị quyết', '36-NQ/TW', '2014-07-01', 'Bộ Chính trị', 'XI'],
      ['Chỉ thị', '40-CT/TW', '2004-06-15', 'Ban Bí thư', 'IX'],
      ['Kết luận', '54-KL/TW', '2019-08-07', 'Bộ Chính trị', null],
      ['Nghị quyết', null, null, 'Ban Chấp hành Trung ương', 'X'],
      ['Kết luận', '49-KL/TW', '2019-05-10', 'Ban Bí thư', 'XII'],
      ['Chỉ thị', '11-CT/TW', null, 'Bộ Chính trị', 'X'],
      ['Kết luận', '56-KL/TW', '2019-08-23', 'Bộ Chính trị', null],
      ['Nghị quyết', null, null, 'Ban Chấp hành Trung ương', 'XI'],
      ['Nghị quyết', '37-NQ/TW', '2014-10-09', 'Bộ Chính trị', 'XI'],
      ['Chỉ thị', '38-CT/TW', '2009-09-07', 'Ban Bí thư', 'X'],
      ['Nghị quyết', '33-NQ/TW', '2014-06-09', 'Ban Chấp hành Trung ương', 'X'],
      ['Kết luận', '102-KL/TW', '2014-09-22', 'Bộ Chính trị', 'XI'],
      ['Nghị quyết', '52-NQ/TW', '2019-09-27', 'Bộ Chính trị', 'XII'],
      ['Kết luận', '100-KL/TW', '2014-08-18', 'Ban Bí thư', 'XI'],
      ['Kết luận', '62-KL/TW', '2009-12-08', 'Bộ Chính trị', 'X'],
      ['Chỉ thị', '22-CT/TU', '2009-06-18', 'Tỉnh ủy', null],
      ['Quy định', '208-QĐ/TW', '2019-11-08', 'Ban Bí thư', 'XII'],
      ['Nghị quyết', '04-NQ/TU', '2021-11-26', 'Ban Chấp hành Đảng bộ tỉnh', null],
    ]);
    expect(p.citations.filter((c) => c.id !== null)).toHaveLength(22);
    expect(p.citations.filter((c) => c.id === null).map((c) => c.raw)).toEqual([
      'Nghị quyết Trung ương 7 khóa X',
      'Nghị quyết Trung ương 7 khóa XI',
    ]);
  });

  it('repairs the spacing typo "11- CT/TW" and says so', () => {
    const c = p.citations.find((x) => x.id === '11-CT/TW')!;
    expect(c).toMatchObject({ number: '11', symbol: 'CT/TW', repaired: true, raw: 'Chỉ thị số 11- CT/TW của Bộ Chính trị khóa X' });
    expect(p.citations.filter((x) => x.repaired)).toHaveLength(1);
  });

  it('points every span at its raw text in the normalized text', () => {
    for (const c of p.citations) expect(text.slice(c.span.start, c.span.end)).toBe(c.raw);
    for (const c of p.citations) expect(text.split('\n')[c.line - 1]).toContain(c.raw);
  });

  it('reads subjects, quoted or "về …", and stops them at ";" and "gắn với"', () => {
    const byId = (id: string) => p.citations.find((c) => c.id === id)!;
    expect(byId('94-KL/TW').title).toBe('về việc tiếp tục đổi mới việc học tập lý luận chính trị trong hệ thống giáo dục quốc dân');
    expect(byId('28-CT/TW').title).toBe(
      'về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc, đưa những đảng viên không còn đủ tư cách ra khỏi Đảng',
    );
    expect(byId('37-CT/TW').title).toBe('về tăng cường sự lãnh đạo của Đảng đối với công tác đào tạo nhân lực có tay nghề cao');
    expect(byId('62-KL/TW').title).toBe(
      'về Tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội',
    );
    expect(byId('11-CT/TW').title).toBe(
      'về tăng cường sự lãnh đạo của Đảng đối với công tác khuyến học, khuyến tài, xây dựng xã hội học tập',
    );
  });

  it('gives each item the citations inside its text', () => {
    const ids = p.conferences.map((c) => c.items.map((i) => i.citations.map((x) => x.id ?? x.raw)));
    expect(ids[1]![3]).toEqual(['28-CT/TW', '33-CT/TW']);
    expect(ids[1]![5]).toEqual(['01-KL/TW', '05-CT/TW']);
    expect(ids[2]![0]).toEqual(['54-KL/TW', 'Nghị quyết Trung ương 7 khóa X']);
    expect(ids[4]![1]).toEqual(['62-KL/TW', '22-CT/TU']);
    expect(ids.flat(2)).toHaveLength(24);
  });
});

describe('the seed programme: footer', () => {
  it('lists the six recipients and the signature', () => {
    expect(p.recipients).toEqual([
      'Các đồng chí Tỉnh ủy viên',
      'Các cơ quan tham mưu, giúp việc Tỉnh ủy',
      'Ban cán sự đảng, đảng đoàn',
      'Các sở, ban, ngành, đoàn thể cấp tỉnh',
      'Các huyện ủy và tương đương',
      'Lưu VPTU',
    ]);
    expect(p.signature).toEqual({ authority: 'T/M', body: 'TỈNH ỦY', position: null, name: null });
  });
});
