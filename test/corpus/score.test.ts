// The scoring rules of `npm run corpus` (scripts/corpus/score.mjs), on hand-made input.
// No parser here: whether the parser meets the corpus targets is a separate test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  deadlineRight,
  deadlineWords,
  flattenUnits,
  foldDashes,
  foldText,
  genreRight,
  labelKey,
  modelDateIso,
  sameAgencies,
  sameAgency,
  sameDate,
  sameLabel,
  sameNumber,
  sameText,
  sameTitle,
  scoreDocument,
  scoreHeader,
  scoreTasks,
  scoreUnits,
  startRight,
  stripSo,
  taskStartsMidLine,
  totals,
  type ModelNode,
  type ModelTask,
  type Truth,
  type TruthTask,
} from '../../scripts/corpus/score.mjs';
import { readTruth, truthProblem } from '../../scripts/corpus/run.mjs';

const span = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 80 } });
const node = (kind: string, label: string | null, line: number, words: string, children: ModelNode[] = []): ModelNode => ({
  kind,
  label,
  heading: kind === 'heading' ? words : null,
  text: kind === 'heading' ? null : words,
  children,
  span: span(line),
});

describe('title tolerance', () => {
  it('accepts the same title in another case and spacing', () => {
    expect(sameTitle('XÂY DỰNG CHƯƠNG TRÌNH  CÔNG TÁC CỦA CẤP ỦY', 'Xây dựng chương trình công tác của cấp ủy')).toBe(true);
  });

  it('accepts missing spaces repaired, either way round', () => {
    const printed = 'PHÊDUYỆT KẾ HOẠCH TỔ CHỨC CÁC HOẠT ĐỘNG KỶ NIỆM 100 NĂM NGÀY SINH CỐ TỔNG BÍ THƯNGUYỄN VĂN CỪ (09/7/1912 - 09/7/2012)';
    const repaired = 'PHÊ DUYỆT KẾ HOẠCH TỔ CHỨC CÁC HOẠT ĐỘNG KỶ NIỆM 100 NĂM NGÀY SINH CỐ TỔNG BÍ THƯ NGUYỄN VĂN CỪ (09/7/1912 – 09/7/2012)';
    expect(sameTitle(printed, repaired)).toBe(true);
    expect(sameTitle(repaired, printed)).toBe(true);
    // Two repairs and one word changed: still over 80% both ways.
    expect(sameTitle(printed, repaired.replace('CÁC', 'NHỮNG'))).toBe(true);
  });

  it('wants 80% of the words both ways', () => {
    const truth = 'tuyên truyền kỷ niệm 100 năm Ngày sinh đồng chí Võ Văn Kiệt'; // 11 words
    // The model's title is the truth plus a long tail: truth words all present, model words 12/17 ('tuyên' is in both).
    expect(sameTitle(truth, `${truth} của Ban Tuyên giáo Trung ương`)).toBe(false);
    // Two extra words: 11/13 = 85%.
    expect(sameTitle(truth, `${truth} năm 2022`)).toBe(true);
    // Three of eleven words lost: 8/11 = 73%.
    expect(sameTitle(truth, 'tuyên truyền kỷ niệm 100 năm Ngày sinh đồng chí')).toBe(false);
    // Two of eleven lost: 9/11 = 82%.
    expect(sameTitle(truth, 'tuyên truyền kỷ niệm 100 năm Ngày sinh đồng chí Võ')).toBe(true);
  });

  it('a null truth wants no title, and a truth wants one', () => {
    expect(sameTitle(null, null)).toBe(true);
    expect(sameTitle(null, undefined)).toBe(true);
    expect(sameTitle(null, 'KẾ HOẠCH')).toBe(false);
    expect(sameTitle('KẾ HOẠCH', null)).toBe(false);
  });

  it('a type line split between docType and title differently is right', () => {
    const truth = { header: { docType: 'CHƯƠNG TRÌNH HÀNH ĐỘNG', title: 'CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÁNH HÒA' } };
    const split = scoreHeader(truth, { docType: 'CHƯƠNG TRÌNH', title: 'HÀNH ĐỘNG CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÁNH HÒA' });
    const byField = Object.fromEntries(split.fields.map((f) => [f.field, f.ok]));
    expect(byField.docType).toBe(true);
    expect(byField.title).toBe(true);
    const wrong = scoreHeader(truth, { docType: 'CHƯƠNG TRÌNH', title: 'CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÁNH HÒA' });
    expect(wrong.fields.find((f) => f.field === 'docType')!.ok).toBe(false);
  });
});

describe('dash folding and text keys', () => {
  it('folds en dash, em dash, minus and friends to "-"', () => {
    expect(foldDashes('a – b — c − d ‑ e')).toBe('a - b - c - d - e');
    expect(sameLabel('–', '-')).toBe(true);
    expect(sameLabel('—', '-')).toBe(true);
    expect(sameLabel('-', '+')).toBe(false);
  });

  it('labels compare without spaces, case, or composition differences', () => {
    expect(sameLabel('Điều 1.', 'Điều1.')).toBe(true);
    expect(sameLabel('Điều 1.', 'ĐIỀU 1.'.normalize('NFD'))).toBe(true);
    expect(sameLabel('I.', 'I')).toBe(false);
    expect(labelKey(' 2.1. ')).toBe('2.1.');
  });

  it('header text: NFC, case, whitespace, dashes, Ð and tone placement folded', () => {
    expect(sameText('ỦY BAN NHÂN DÂN', 'Ủy  ban nhân dân'.normalize('NFD'))).toBe(true);
    expect(sameText('HỘI NGHỊ (KHOÁ XVI)', 'Hội nghị (khóa XVI)')).toBe(true);
    expect(foldText('Ðại hội')).toBe('đại hội');
    expect(sameText('Hà Nội', 'Hà Nội, ngày')).toBe(false);
    expect(sameText(null, null)).toBe(true);
    expect(sameText(null, '')).toBe(true);
    expect(sameText(null, 'Hà Nội')).toBe(false);
    expect(sameText('Hà Nội', undefined)).toBe(false);
  });

  it('headerAlt values are accepted', () => {
    const truth = { header: { docType: 'KẾT LUẬN', issuer: 'BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG' }, headerAlt: { docType: ['K ÉT LUẬN'], issuer: ['VĂN PHÒNG'] } };
    const s = scoreHeader(truth, { docType: 'K ÉT LUẬN', issuer: 'Văn phòng' });
    expect(s.fields.filter((f) => f.ok).map((f) => f.field)).toEqual(['docType', 'number', 'date', 'place', 'issuer', 'title']);
  });
});

describe('number and date comparison', () => {
  it('compares with the canonical id', () => {
    expect(sameNumber('130/KH-UBND', { raw: 'Số: 130 /KH-UBND', id: '130/KH-UBND', number: 130, typeCode: 'KH', issuerCode: 'UBND' })).toBe(true);
    expect(sameNumber('03-HD/VPTW', { raw: 'x', id: '03-HD/VPTW' })).toBe(true);
    expect(sameNumber('03-HD/VPTW', { raw: 'x', id: '3-HD/VPTW' })).toBe(false);
  });

  it('accepts the raw text without its leading "Số" / "Số:"', () => {
    expect(stripSo('Số: 130/KH-UBND')).toBe('130/KH-UBND');
    expect(stripSo('SỐ 445-KL/TƯ')).toBe('445-KL/TƯ');
    expect(sameNumber('445-KL/TƯ', { raw: 'Số 445-KL/TƯ', id: null })).toBe(true);
    expect(sameNumber('445-KL/TƯ', { raw: 'Số 445 – KL/TƯ', id: null })).toBe(true);
    expect(sameNumber('719/QĐ-TTg', { raw: 'Số:719/QĐ-TTg' })).toBe(true);
    expect(sameNumber('719/QĐ-TTg', { raw: 'Số: 791/QĐ-TTg', id: '791/QĐ-TTg' })).toBe(false);
  });

  it('a null truth wants no number', () => {
    expect(sameNumber(null, null)).toBe(true);
    expect(sameNumber(null, undefined)).toBe(true);
    expect(sameNumber(null, { raw: 'Số', id: null })).toBe(true);
    expect(sameNumber(null, { raw: 'Số 27-CTr/TU', id: '27-CTr/TU' })).toBe(false);
    expect(sameNumber('27-CTr/TU', null)).toBe(false);
  });

  it('dates compare year-month-day', () => {
    expect(modelDateIso({ raw: 'ngày 6 tháng 2 năm 1998', year: 1998, month: 2, day: 6 })).toBe('1998-02-06');
    expect(sameDate('1998-02-06', { raw: '', year: 1998, month: 2, day: 6 })).toBe(true);
    expect(sameDate('1998-02-06', { raw: '', year: 1998, month: 6, day: 2 })).toBe(false);
    expect(sameDate('1998-02-06', { raw: '', year: 1998, month: 2, day: null })).toBe(false);
    expect(sameDate(null, null)).toBe(true);
    expect(sameDate(null, { raw: 'ngày   tháng   năm', year: null, month: null, day: null })).toBe(true);
    expect(sameDate(null, { raw: '', year: 2022, month: 5, day: 13 })).toBe(false);
  });
});

describe('outline units', () => {
  // I. A            line 3  depth 1
  //   (paragraph)   line 4  not a unit
  //     1. B        line 5  depth 2 (the paragraph has no label)
  //       - C       line 6  depth 3
  //   table         line 8  not a unit, nor its labelled row and cell
  //       + D       line 10 depth 2 (row/cell/table do not count as ancestors)
  // II. E           line 12 depth 1
  const outline: ModelNode[] = [
    node('heading', 'I.', 3, 'MỤC ĐÍCH, YÊU CẦU', [
      node('paragraph', null, 4, 'Đoạn mở đầu không có số.', [node('item', '1.', 5, 'Nâng cao trách nhiệm của các cấp ủy', [node('item', '–', 6, 'Tổ chức các hoạt động')])]),
      node('table', null, 8, '', [node('row', '1', 9, '', [node('cell', '1', 9, '1', [node('item', '+', 10, 'Thành lập Uỷ ban bầu cử')])])]),
    ]),
    node('heading', 'II.', 12, 'NHIỆM VỤ'),
  ];

  it('flattens depth-first and counts only labelled unit ancestors', () => {
    const units = flattenUnits(outline);
    expect(units.map((u) => [u.label, u.depth, u.line])).toEqual([
      ['I.', 1, 3],
      ['1.', 2, 5],
      ['–', 3, 6],
      ['+', 2, 10],
      ['II.', 1, 12],
    ]);
    expect(units[1]!.start).toBe('Nâng cao trách nhiệm của');
    expect(flattenUnits(undefined)).toEqual([]);
  });

  it('finds, checks depth and start, and counts extras', () => {
    const s = scoreUnits(
      [
        { label: 'I.', depth: 1, start: 'MỤC ĐÍCH, YÊU CẦU', line: 3 },
        { label: '1.', depth: 2, start: 'Nâng cao trách nhiệm của', line: 5 },
        { label: '-', depth: 3, start: 'Tổ chức các hoạt', line: 6 }, // dash folded
        { label: '+', depth: 1, start: 'Thành lập Ủy ban bầu', line: 10 }, // wrong depth; tone placement folded
        { label: '2.', depth: 2, start: 'Tập trung', line: 7 }, // not in the model
      ],
      flattenUnits(outline),
    );
    expect(s.total).toBe(5);
    expect(s.found).toBe(4);
    expect(s.depthOk).toBe(3);
    expect(s.startOk).toBe(4);
    expect(s.extra).toBe(1);
    expect(s.extras[0]!.label).toBe('II.');
    expect(s.results[4]!.got!.line).toBe(6); // the nearest model unit, for --verbose
  });

  it('start words: spaces, case and punctuation ignored, truth cut mid-word is a prefix', () => {
    expect(startRight('Ban hành kèm theoQuyết định', 'Ban hành kèm theo Quyết định này Kế hoạch')).toBe(true);
    expect(startRight('MỤC ĐÍCH, YÊU CẦU', 'Mục đích yêu cầu')).toBe(true);
    expect(startRight('Tập trung bảo vệ tốt ngu', 'Tập trung bảo vệ tốt nguồn')).toBe(true);
    expect(startRight('Tập trung bảo vệ', 'Tập trung phát triển')).toBe(false);
    expect(startRight('Tập trung', '')).toBe(false);
  });
});

describe('documents and totals', () => {
  const truth: Truth = {
    file: 'x.txt',
    genre: 'other',
    genreAlt: ['resolution'],
    header: { docType: 'NGHỊ QUYẾT', number: null, date: null, place: null, issuer: null, title: null },
    outline: [{ label: 'Điều 1.', depth: 1, start: 'Điều chỉnh', line: 2 }],
  };

  it('genre: the truth or an alternative', () => {
    expect(genreRight(truth, 'resolution')).toBe(true);
    expect(genreRight(truth, 'other')).toBe(true);
    expect(genreRight(truth, 'decision')).toBe(false);
    expect(genreRight(truth, undefined)).toBe(false);
  });

  it('a model without genre, outline or accountLines is scored wrong, not thrown on', () => {
    const d = scoreDocument(truth, { header: { docType: 'Nghị quyết' } }, null, 7);
    expect(d.genre.ok).toBe(false);
    expect(d.header.right).toBe(6);
    expect(d.units.found).toBe(0);
    expect(d.lost).toBe(7);
    expect(d.missing).toEqual(['genre', 'outline', 'accountLines']);
    const failed = scoreDocument(truth, null, null, 3);
    expect(failed.header.right).toBe(0);
  });

  it('a full match meets every target', () => {
    const d = scoreDocument(
      truth,
      { genre: 'resolution', header: { docType: 'NGHỊ QUYẾT', number: null, date: null }, outline: [node('heading', 'Điều 1.', 2, 'Điều chỉnh Chương trình')] },
      { lost: [], twice: [] },
    );
    const t = totals([d]);
    expect(t.percent).toEqual({ genre: 100, header: 100, unitsFound: 100, unitsDepthRight: 100, unitsStartRight: 100 });
    expect(t.pass).toBe(true);
    const lost = totals([scoreDocument(truth, { genre: 'other', header: {}, outline: [] }, { lost: [4], twice: [] })]);
    expect(lost.targets.lost.pass).toBe(false);
    expect(lost.targets.units.pass).toBe(false);
  });

  it('targets use exact ratios: 89.96% of header fields is not 90%', () => {
    const doc = (right: number) => ({
      ...scoreDocument(truth, { genre: 'other', header: {}, outline: [node('heading', 'Điều 1.', 2, 'Điều chỉnh')] }, { lost: [], twice: [] }),
      header: { fields: [], right, total: 10_000 },
    });
    expect(totals([doc(8_996)]).targets.header.pass).toBe(false);
    expect(totals([doc(8_996)]).percent.header).toBe(90);
    expect(totals([doc(9_000)]).targets.header.pass).toBe(true);
  });
});

describe('tasks', () => {
  const task = (line: number, text: string, lead: string[], partners: string[], deadline: string | null, endLine = line, column = 1): ModelTask => ({
    text,
    lead,
    partners,
    deadline: deadline === null ? null : { raw: deadline, date: null, quarter: null, year: null },
    span: { start: { line, column }, end: { line: endLine, column: 80 } },
  });
  const want = (line: number, start: string, lead: string[], partners: string[], deadline: string | null): TruthTask => ({ line, start, lead, partners, deadline });

  it('an agency: folded like the other text fields, or contained with 80% of the words', () => {
    expect(sameAgency('Bộ Công Thương', 'BỘ CÔNG THƯƠNG')).toBe(true);
    expect(sameAgency('Sở Tài nguyên và Môi trường', 'Sở Tài nguyên và  Môi trường,')).toBe(true);
    expect(sameAgency('Ủy ban nhân dân tỉnh Khánh Hòa', 'Uỷ ban nhân dân tỉnh Khánh Hoà')).toBe(true); // tone placement
    expect(sameAgency('Sở Kế hoạch – Đầu tư', 'Sở Kế hoạch - Đầu tư')).toBe(true); // dashes
    // 8 of 10 words, contained: 80%.
    expect(sameAgency('Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Tài chính', 'các đơn vị thuộc, trực thuộc Bộ Tài chính')).toBe(true);
    // 3 of 5 words: the model took too much.
    expect(sameAgency('Bộ Tài chính', 'Bộ Tài chính chỉ đạo')).toBe(false);
    // Same length, not contained.
    expect(sameAgency('Bộ Tài chính', 'Bộ Công Thương')).toBe(false);
    // 80% of the words but not a run of the other's.
    expect(sameAgency('Sở Văn hóa Thể thao và Du lịch', 'Sở Văn hóa Thể thao Du lịch')).toBe(false);
    expect(sameAgency('', '')).toBe(false);
  });

  it('lead and partners agree as sets: order and duplicates ignored, nothing left over', () => {
    expect(sameAgencies([], [])).toBe(true);
    expect(sameAgencies(['Bộ Tài chính', 'các cơ quan liên quan'], ['Các cơ quan liên quan', 'bộ tài chính'])).toBe(true);
    expect(sameAgencies(['Bộ Tài chính'], ['Bộ Tài chính', 'bộ tài chính'])).toBe(true);
    expect(sameAgencies(['Bộ Tài chính'], ['Bộ Tài chính', 'các cơ quan liên quan'])).toBe(false);
    expect(sameAgencies(['Bộ Tài chính', 'các cơ quan liên quan'], ['Bộ Tài chính'])).toBe(false);
    expect(sameAgencies(['Bộ Tài chính'], [])).toBe(false);
    expect(sameAgencies([], undefined)).toBe(true);
  });

  it("a deadline's date and quarter words", () => {
    expect(deadlineWords('trước ngày 15 tháng 11')).toBe('15 tháng 11');
    expect(deadlineWords('trong tháng 3 năm 2020')).toBe('tháng 3 năm 2020');
    expect(deadlineWords('trước ngày 10/12/2023')).toBe('10/12/2023');
    expect(deadlineWords('trước 14 giờ, ngày 05/12/2017')).toBe('14 giờ ngày 05/12/2017');
    expect(deadlineWords('chậm nhất là ngày 20 tháng 12 (năm báo cáo)')).toBe('20 tháng 12');
    expect(deadlineWords('hoàn thành trong Quý III/2024')).toBe('quý iii/2024');
    expect(deadlineWords('Cuối năm')).toBe('cuối năm');
  });

  it('deadline right: both null, or the model raw holds the truth date words', () => {
    expect(deadlineRight(null, null)).toBe(true);
    expect(deadlineRight(null, { raw: 'trước ngày 15/12/2023' })).toBe(false);
    expect(deadlineRight('trước ngày 15/12/2023', null)).toBe(false);
    expect(deadlineRight('trước ngày 15 tháng 11', { raw: 'trước ngày 15 tháng 11' })).toBe(true);
    expect(deadlineRight('trước ngày 15 tháng 11', { raw: '15 tháng 11' })).toBe(true);
    expect(deadlineRight('trước ngày 15 tháng 11', { raw: 'TRƯỚC NGÀY 15  THÁNG 11' })).toBe(true);
    expect(deadlineRight('trước ngày 15 tháng 11', { raw: 'trước ngày 15 tháng 12' })).toBe(false);
    expect(deadlineRight('trước ngày 15 tháng 11', { raw: 'trước ngày 15 tháng 111' })).toBe(false); // whole words
    expect(deadlineRight('trong tháng 3 năm 2020', { raw: 'trong tháng 3 năm 2020' })).toBe(true);
    expect(deadlineRight('trong tháng 3 năm 2020', { raw: 'quý 3 năm 2020' })).toBe(false);
    expect(deadlineRight('trong tháng 3 năm 2020', { raw: 'năm 2020' })).toBe(false);
    expect(deadlineRight('trước 14 giờ, ngày 05/12/2017', { raw: 'trước 14 giờ, ngày 05/12/2017' })).toBe(true);
    expect(deadlineRight('trước 14 giờ, ngày 05/12/2017', { raw: 'ngày 05/12/2017' })).toBe(false);
    expect(deadlineRight('chậm nhất là ngày 20 tháng 12 (năm báo cáo)', 'chậm nhất là ngày 20 tháng 12')).toBe(true);
    expect(deadlineRight('trước ngày 10/12/2023', { raw: '' })).toBe(false);
  });

  it('a task starts mid-line when its first words are not at the line start, label or not', () => {
    expect(taskStartsMidLine('Sau khi xem xét, Chủ tịch có ý kiến chỉ đạo như sau: Giao các sở, ngành theo chức năng', 'Giao các sở, ngành theo')).toBe(true);
    expect(taskStartsMidLine('Giao Sở Tài nguyên và Môi trường chủ trì', 'Giao Sở Tài nguyên và')).toBe(false);
    expect(taskStartsMidLine('a) Bộ Giao thông vận tải chủ trì', 'Bộ Giao thông vận tải')).toBe(false);
    expect(taskStartsMidLine('-Chỉ đạo cơ quan thuế, cơ quan hải quan', 'Chỉ đạo cơ quan thuế,')).toBe(false);
    expect(taskStartsMidLine('2.1. Tổng cục Thuế phối hợp', 'Tổng cục Thuế phối hợp')).toBe(false);
    expect(taskStartsMidLine(undefined, 'Giao Sở')).toBe(false);
  });

  it('found on its first line, or covered when it starts mid-line; checks lead, partners, deadline; counts extras', () => {
    const lines = [
      'Công văn số 1/UBND.',
      'Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau: Giao Sở Tài chính chủ trì,',
      'phối hợp các sở liên quan, báo cáo trước ngày 10/12/2023.',
      'a) Bộ Công Thương chủ trì, phối hợp với Bộ Tài chính thực hiện trong tháng 3 năm 2020.',
      'Trong khi chờ, các bộ tiếp tục thực hiện.',
      'Nội dung khác.',
    ];
    const truth = [
      want(2, 'Giao Sở Tài chính chủ', ['Sở Tài chính'], ['các sở liên quan'], 'trước ngày 10/12/2023'), // mid-line
      want(4, 'Bộ Công Thương chủ trì,', ['Bộ Công Thương'], ['Bộ Tài chính'], 'trong tháng 3 năm 2020'),
      want(5, 'Trong khi chờ, các', ['các bộ'], [], null), // at line start: a task covering it from line 4 does not count
      want(9, 'Không có', [], [], null),
    ];
    const model = [
      task(1, 'Chủ tịch UBND tỉnh có ý kiến', [], ['nobody'], null, 3), // covers line 2, but starts on line 1
      task(4, 'Bộ Công Thương chủ trì, phối hợp với Bộ Tài chính', ['BỘ CÔNG THƯƠNG'], [], 'tháng 3 năm 2020', 5),
      task(6, 'Nội dung khác.', [], [], null),
    ];
    const s = scoreTasks(truth, model, lines);
    expect(s.results.map((r) => r.midLine)).toEqual([true, false, false, false]);
    expect(s.results.map((r) => r.found)).toEqual([true, true, false, false]);
    expect(s.results.map((r) => [r.leadOk, r.partnersOk, r.deadlineOk])).toEqual([
      [false, false, false],
      [true, false, true],
      [false, false, false],
      [false, false, false],
    ]);
    expect(s).toMatchObject({ total: 4, found: 2, leadOk: 1, partnersOk: 0, deadlineOk: 1, extra: 1 });
    expect(s.extras[0]!.line).toBe(6);
    expect(s.results[3]!.got!.line).toBe(6); // nearest, for --verbose
    expect(s.results[1]!.got).toMatchObject({ line: 4, endLine: 5, lead: ['BỘ CÔNG THƯƠNG'], deadline: 'tháng 3 năm 2020' });
    // Without the text, no task is known to start mid-line: the one covering line 2 is not taken.
    expect(scoreTasks(truth, model).found).toBe(1);
  });

  it('of several model tasks on the line, the one with the truth first words; each used once', () => {
    const lines = ['Giao Sở A chủ trì việc một; Sở B chủ trì việc hai.'];
    const model = [task(1, 'Giao Sở A chủ trì việc một', ['Sở A'], [], null), task(1, 'Sở B chủ trì việc hai', ['Sở B'], [], null, 1, 30)];
    const s = scoreTasks([want(1, 'Sở B chủ trì việc', ['Sở B'], [], null), want(1, 'Giao Sở A chủ trì', ['Sở A'], [], null)], model, lines);
    expect(s.results.map((r) => [r.found, r.leadOk])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(s.extra).toBe(0);
  });

  it('documents: tasks only where the truth has them; totals report them but no target uses them', () => {
    const base: Truth = { file: 'x.txt', genre: 'other', header: { docType: null, number: null, date: null, place: null, issuer: null, title: null }, outline: [] };
    const model = { genre: 'other', header: {}, outline: [], tasks: [task(2, 'Giao Sở X chủ trì', ['Sở X'], [], 'trước ngày 1/1/2024')] };
    const without = scoreDocument(base, model, { lost: [], twice: [] });
    expect(without.tasks).toBeNull();
    const withTasks = scoreDocument({ ...base, tasks: [want(2, 'Giao Sở X chủ trì', ['Sở X'], [], 'trước ngày 1/1/2024'), want(3, 'Sở Y', ['Sở Y'], [], null)] }, model, { lost: [], twice: [] });
    expect(withTasks.tasks).toMatchObject({ total: 2, found: 1, leadOk: 1, partnersOk: 1, deadlineOk: 1, extra: 0 });
    const noTasks = scoreDocument({ ...base, tasks: [want(2, 'Giao', [], [], null)] }, { genre: 'other', header: {}, outline: [] }, { lost: [], twice: [] });
    expect(noTasks.missing).toEqual(['tasks']);
    expect(noTasks.tasks!.found).toBe(0);
    const t = totals([without, withTasks, noTasks]);
    expect(t.tasks).toEqual({
      documents: 2,
      total: 3,
      found: 1,
      leadRight: 1,
      partnersRight: 1,
      deadlineRight: 1,
      extra: 0,
      percent: { found: 33.3, leadRight: 33.3, partnersRight: 33.3, deadlineRight: 33.3 },
    });
    expect(t.pass).toBe(true);
    expect(Object.keys(t.targets)).toEqual(['genre', 'header', 'units', 'lost']);
    expect(totals([without]).tasks).toMatchObject({ documents: 0, total: 0, percent: { found: null } });
  });
});

describe('truth lines', () => {
  it('the dev truth file is well formed', () => {
    const path = fileURLToPath(new URL('../../fixtures/corpus/dev/programmes.truth.jsonl', import.meta.url));
    const errors: string[] = [];
    const lines = readTruth(path, (e: string) => errors.push(e));
    expect(errors).toEqual([]);
    expect(lines.length).toBe(readFileSync(path, 'utf8').trim().split('\n').length);
  });

  it('the found truth file is well formed, tasks included', () => {
    const path = fileURLToPath(new URL('../../fixtures/corpus/found.truth.jsonl', import.meta.url));
    const errors: string[] = [];
    const lines = readTruth(path, (e: string) => errors.push(e));
    expect(errors).toEqual([]);
    expect(lines.some((t) => Array.isArray(t.tasks) && t.tasks.length > 0)).toBe(true);
  });

  it('a bad tasks field is named', () => {
    const t = { file: 'a.txt', genre: 'other', header: {}, outline: [] };
    expect(truthProblem({ ...t, tasks: {} })).toBe('"tasks" is not a list');
    expect(truthProblem({ ...t, tasks: [{ line: 1, start: 'Giao', lead: 'Sở X', partners: [], deadline: null }] })).toMatch(/tasks\[0\]/);
    expect(truthProblem({ ...t, tasks: [{ line: 1, start: 'Giao', lead: [], partners: [], deadline: 5 }] })).toMatch(/tasks\[0\]\.deadline/);
    expect(truthProblem({ ...t, tasks: [{ line: 1, start: 'Giao', lead: ['Sở X'], partners: [], deadline: null }] })).toBeNull();
  });

  it('a bad line is named', () => {
    expect(truthProblem({ file: 'a.txt', genre: 'plan', header: {}, outline: [{ label: '1.', line: 'x', depth: 1 }] })).toMatch(/outline\[0\]/);
    expect(truthProblem([])).toBe('not a JSON object');
  });
});
