import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parse } from '../../src/index.js';
import { ingestDoc } from '../../src/ingest/doc.js';
import { ingestDocx } from '../../src/ingest/docx.js';
import { missingParagraphs } from '../../src/ingest/ooxml/mammoth-check.js';
import { openZip } from '../../src/ingest/zip-guard.js';
import { normalizeText } from '../../src/normalize/text.js';
import { comparable, seedText } from '../helpers.js';
import { docx, lvl, num, p, t, W_NS, zip, type Parts } from '../../scripts/bench/hostile-docx.mjs';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
/** Normalized lines without the blank ones: Word and the .txt export differ in empty paragraphs. */
const lines = (text: string) => normalizeText(text).split('\n').filter((l) => l !== '');
const SEED = lines(seedText());

describe('Word fixtures of the seed programme', () => {
  const cases = [
    ['plain.docx', 'unicode'],
    ['auto-numbered.docx', 'unicode'],
    ['tracked-changes.docx', 'unicode'],
    ['tcvn3.docx', 'mixed:unicode+tcvn3'],
    ['vni.docx', 'vni'],
  ] as const;

  for (const [file, encoding] of cases) {
    it(`${file}: the seed's lines, encoding ${encoding}, no warnings`, async () => {
      const read = await ingestDocx(fixture(`docx/${file}`));
      expect(lines(read.text)).toEqual(SEED);
      expect(read.format).toBe('docx');
      expect(read.encoding).toBe(encoding);
      expect(read.messages.filter((m) => m.severity === 'warning')).toEqual([]);
    });

    it(`${file}: parses to the same programme as the seed .txt`, async () => {
      const read = await ingestDocx(fixture(`docx/${file}`));
      expect(comparable(parse(read.text, { format: 'docx', encoding: read.encoding }))).toEqual(comparable(parse(seedText())));
    });
  }

  it('auto-numbered.docx stores no typed numbers: the labels come from numbering.xml', () => {
    const xml = new TextDecoder().decode(openZip(fixture('docx/auto-numbered.docx')).read('word/document.xml')!);
    expect(xml).not.toMatch(/>\s*\(\d+\) /);
    expect(xml).not.toContain('>II. ');
    expect(xml).not.toContain('>3. Hội nghị');
    expect(xml).toContain('w:numPr');
  });

  it('reads the four-row header table column by column, like the .txt export', async () => {
    const read = await ingestDocx(fixture('docx/auto-numbered.docx'));
    expect(lines(read.text).slice(0, 7)).toEqual([
      'TỈNH ỦY HẬU GIANG',
      '*',
      'Số -CTr/TU',
      'Dự thảo',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hậu Giang, ngày tháng năm 2023',
      'CHƯƠNG TRÌNH',
    ]);
  });

  it('tracked-changes.docx, original view: the text before the changes', async () => {
    const read = await ingestDocx(fixture('docx/tracked-changes.docx'), { revision: 'original' });
    const expected = [...SEED];
    const renamed = expected.indexOf('1. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 17 (tháng 3/2024)');
    expected[renamed] = '1. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 16 (tháng 3/2024)';
    const inserted = expected.findIndex((l) => l.startsWith('(5) Sơ kết 03 năm thực hiện Nghị quyết số 04-NQ/TU'));
    expect(expected[inserted + 1]).toBe('Cơ quan chủ trì tham mưu: Ban cán sự đảng Ủy ban nhân dân tỉnh.');
    expected.splice(inserted, 2);
    const before = expected.findIndex((l) => l.startsWith('(5) Tổng kết 10 năm thực hiện Kết luận số 100-KL/TW'));
    expected.splice(before + 1, 0, '(6) Báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2024.');
    expect(lines(read.text)).toEqual(expected);
    expect(read.messages).toContainEqual({
      severity: 'info',
      message: 'tracked changes: showing the original text, before the changes',
      messageVi: 'tệp có theo dõi thay đổi: đang hiển thị văn bản gốc, trước khi thay đổi',
    });
  });

  it('tracked-changes.docx: the comment never reaches the text', async () => {
    for (const revision of ['accepted', 'original'] as const) {
      const read = await ingestDocx(fixture('docx/tracked-changes.docx'), { revision });
      expect(read.text).not.toContain('Đề nghị bổ sung');
      expect(read.messages).toContainEqual(expect.objectContaining({ severity: 'info', message: 'comments are not part of the text and were left out' }));
    }
  });

  it('tcvn3.docx and vni.docx really store legacy characters', () => {
    const xml = (file: string) => new TextDecoder().decode(openZip(fixture(`docx/${file}`)).read('word/document.xml')!);
    expect(xml('tcvn3.docx')).toContain('Sè       -CTr/TU'); // "Số" in TCVN3
    expect(xml('tcvn3.docx')).toContain('tØnh ñy hËu giang'); // "TỈNH ỦY HẬU GIANG" typed in .VnTimeH
    expect(xml('vni.docx')).toContain('Haäu Giang, ngaøy');
  });
});

describe('.doc files (Word 97-2003, converted by LibreOffice from the .docx fixtures)', () => {
  it('seed.doc: the seed lines through word-extractor', async () => {
    const read = await ingestDoc(fixture('docx/seed.doc'));
    expect(lines(read.text)).toEqual(SEED);
    expect(read).toMatchObject({ format: 'doc', encoding: 'unicode', messages: [] });
    expect(comparable(parse(read.text))).toEqual(comparable(parse(seedText())));
  });

  it('vni.doc: VNI recognised from the letters alone (a .doc keeps no font names here)', async () => {
    const read = await ingestDoc(fixture('docx/vni.doc'));
    expect(lines(read.text)).toEqual(SEED);
    expect(read.encoding).toBe('vni');
  });

  it('tcvn3.doc: TCVN3 recognised span by span; .VnTimeH capitals come out in lower case', async () => {
    const read = await ingestDoc(fixture('docx/tcvn3.doc'));
    const lower = (l: string[]) => l.map((line) => line.toLowerCase());
    expect(lower(lines(read.text))).toEqual(lower(SEED));
    expect(lines(read.text)).toContain('Cơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy.'); // a Unicode run, then TCVN3
    expect(lines(read.text)).toContain('tỉnh ủy hậu giang');
    expect(read.encoding).toBe('mixed:unicode+tcvn3');
    expect(read.messages).toEqual([
      {
        severity: 'warning',
        message: 'TCVN3 text recognised without font names: capitals typed in .VnTimeH fonts come out in lower case',
        messageVi: 'nhận ra chữ TCVN3 mà không có tên phông: chữ hoa gõ bằng phông .VnTimeH sẽ thành chữ thường',
        // The first line with TCVN3 text: the issuer, typed in .VnTimeH.
        line: 1,
      },
    ]);
  });

  it('refuses what is not a .doc', async () => {
    await expectInputError(ingestDoc(fixture('docx/plain.docx')), 'not a Word 97-2003 .doc (a zip archive: a .docx renamed .doc?)');
    await expectInputError(ingestDoc(fixture('broken/not-a-zip.docx')), 'not a Word 97-2003 .doc (no OLE2 header)');
    await expectInputError(ingestDoc(fixture('broken/encrypted.docx')), 'encrypted document (password protected)');
    await expectInputError(ingestDoc(new Uint8Array()), 'the file is empty');
    await expectInputError(ingestDoc(fixture('docx/seed.doc').subarray(0, 15_000)), 'corrupt .doc (truncated or damaged)');
  });
});

describe('broken .docx files are refused quickly with one line', () => {
  const cases: Array<[string, string]> = [
    ['zip-bomb.docx', 'zip bomb: declared uncompressed size 1.5 GB exceeds the 200 MB limit'],
    ['truncated.docx', 'corrupt .docx (truncated zip)'],
    ['bitflipped.docx', 'corrupt .docx (bad compressed data in word/document.xml)'],
    ['not-a-zip.docx', 'not a .docx (not a zip archive)'],
    ['doc-renamed.docx', 'a .doc file renamed .docx'],
    ['encrypted.docx', 'encrypted document (password protected)'],
    ['no-document-xml.docx', 'missing word/document.xml'],
    ['billion-laughs.docx', 'unsafe XML in word/document.xml (DOCTYPE/entity declarations are not allowed)'],
    ['deep-nesting.docx', 'XML nested too deeply in word/document.xml (over 1000 levels)'],
  ];
  for (const [file, message] of cases) {
    it(`${file}: "${message}"`, async () => {
      // Time and peak memory for each of these are measured by `npm run bench` (hostile inputs).
      await expectInputError(ingestDocx(fixture(`broken/${file}`)), message);
    });
  }

  it('zip-bomb.docx is a real bomb: small on disk, 1.5 GiB declared', () => {
    const bytes = fixture('broken/zip-bomb.docx');
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const declared = bytes.readUInt32LE(bytes.lastIndexOf(Buffer.from('word/document.xml')) - 46 + 24);
    expect(declared).toBe(1.5 * 1024 ** 3);
  });
});

// ── Synthetic documents for what the fixtures do not cover ────────────────────
// (built by scripts/bench/hostile-docx.mjs: a zip written by hand, so tests can break it precisely)

const rev = 'w:author="A" w:date="2024-01-01T00:00:00Z"';

async function textOf(parts: Parts, revision: 'accepted' | 'original' = 'accepted'): Promise<string[]> {
  return lines((await ingestDocx(docx(parts), { revision })).text);
}

async function expectInputError(promise: Promise<unknown>, message: string | RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  if (typeof message === 'string') expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
}

describe('Word automatic numbering', () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2.')}${lvl(2, 'lowerLetter', '%3)')}` +
    `${lvl(3, 'lowerRoman', '%4.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'upperRoman', '%1.')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="4">${lvl(0, 'decimalZero', '(%1)')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pStyle w:val="Item"/></w:lvl>` +
    `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/><w:pStyle w:val="SubItem"/></w:lvl></w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>' +
    '<w:num w:numId="6"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="7"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="8"><w:abstractNumId w:val="5"/></w:num>';
  const styles =
    `<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr>${num(3)}</w:pPr></w:style>` +
    '<w:style w:type="paragraph" w:styleId="Heading1Child"><w:basedOn w:val="Heading1"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="SubItem"><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>';

  it('computes labels as Word displays them', async () => {
    const body = [
      p('Một', num(1, 0)),
      p('a', num(1, 1)),
      p('b', num(1, 1)),
      p('x', num(1, 2)),
      p('không số'),
      p('Hai', num(1, 0)), // a higher level restarts the lower ones…
      p('c', num(1, 1)),
      p('r', num(1, 3)),
      p('Ba', num(1, 0)),
      p('s', num(1, 3)), // …except one with lvlRestart 0
      p('Bốn', num(6, 0)), // another w:num of the same abstractNum continues its count
      p('Lại', num(2, 0)), // a w:num with a start override restarts
      p('Tiếp', num(2, 0)),
      p('MỤC ĐÍCH', '<w:pStyle w:val="Heading1"/>'), // numbering from the paragraph style
      p('NỘI DUNG', '<w:pStyle w:val="Heading1Child"/>'), // … and from the style it is based on
      p('Không đánh số', `<w:pStyle w:val="Heading1"/>${num(0)}`), // numId 0 removes it
      p('gạch đầu dòng', num(4)),
      p('năm', num(5)),
      p('chín', num(7)),
      p('mười', num(7)),
      p('Hội nghị', '<w:pStyle w:val="Item"/>'), // level found from the abstractNum's w:pStyle
      p('Mục', '<w:pStyle w:val="SubItem"/>'),
      p('Mục', '<w:pStyle w:val="SubItem"/>'),
    ].join('');
    const read = await ingestDocx(docx({ body, numbering, styles }));
    expect(lines(read.text)).toEqual([
      '1. Một',
      '1.1. a',
      '1.2. b',
      'a) x',
      'không số',
      '2. Hai',
      '2.1. c',
      'i. r',
      '3. Ba',
      'ii. s',
      '4. Bốn',
      '1. Lại',
      '2. Tiếp',
      'I. MỤC ĐÍCH',
      'II. NỘI DUNG',
      'Không đánh số',
      '- gạch đầu dòng',
      'E. năm',
      '(09) chín',
      '(10) mười',
      '1. Hội nghị',
      '(1) Mục',
      '(2) Mục',
    ]);
    expect(read.messages.filter((m) => m.severity === 'warning')).toEqual([]);
  });

  it('places a left-out symbol where it stood: line and column in the normalized text, in a table too', async () => {
    const sym = '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>';
    const cell = (xml: string) => `<w:tc><w:p>${xml}</w:p></w:tc>`;
    const table = `<w:tbl><w:tr>${cell(t('Mục'))}${cell(t('Ghi chú'))}</w:tr><w:tr>${cell(t('(1)'))}${cell(t('Đã  xong ') + sym + t(' rồi'))}</w:tr></w:tbl>`;
    const read = await ingestDocx(docx({ body: p('Tiêu đề') + table }));
    expect(read.text.split('\n')).toEqual(['Tiêu đề', 'Mục | Ghi chú', '(1) | Đã  xong  rồi']);
    const left = read.messages.find((m) => m.message.startsWith('a symbol character'))!;
    expect(left).toMatchObject({ messageVi: 'một ký tự ký hiệu của phông "Wingdings" đã bị bỏ qua', line: 3 });
    // "(1) | Đã xong " once spaces are folded: the symbol stood at column 15.
    expect(lines(read.text)[2]!.slice(0, left.column! - 1)).toBe('(1) | Đã xong ');
    expect(read.text).not.toMatch(/[\ufdd0\ue000]/);
    const model = parse(read.text, { messages: read.messages });
    expect(model.diagnostics.find((d) => d.code === 'ingest-warning')).toMatchObject({ line: 3, column: 15, message: left.messageVi, messageEn: left.message });
  });

  it('warns about a numbering reference that numbering.xml does not define', async () => {
    const read = await ingestDocx(docx({ body: p('một', num(1)) + p('treo', num(42)), numbering }));
    expect(lines(read.text)).toEqual(['1. một', 'treo']);
    // Placed at the paragraph that uses it; the position mark is out of the text.
    expect(read.text).not.toMatch(/\ufdd0/);
    expect(read.messages).toContainEqual({
      severity: 'warning',
      message: 'numbering 42 is not defined in numbering.xml; its labels are left out',
      messageVi: 'kiểu đánh số 42 không được định nghĩa trong numbering.xml; các số thứ tự của nó đã bị bỏ qua',
      line: 2,
      column: 1,
    });
  });
});

describe('tracked changes', () => {
  const body = [
    `<w:p>${t('Hội nghị lần thứ ')}<w:del w:id="1" ${rev}><w:r><w:delText>16</w:delText></w:r></w:del><w:ins w:id="2" ${rev}>${t('17')}</w:ins></w:p>`,
    `<w:p><w:pPr><w:rPr><w:del w:id="3" ${rev}/></w:rPr></w:pPr><w:del w:id="4" ${rev}><w:r><w:delText>Mục bị xóa</w:delText></w:r></w:del></w:p>`,
    `<w:p><w:pPr><w:rPr><w:ins w:id="5" ${rev}/></w:rPr></w:pPr><w:ins w:id="6" ${rev}>${t('Mục mới')}</w:ins></w:p>`,
    `<w:p><w:moveFrom w:id="7" ${rev}>${t('Đoạn chuyển đi')}</w:moveFrom>${t('Ở lại')}</w:p>`,
    `<w:p>${t('Chỗ mới: ')}<w:moveTo w:id="8" ${rev}>${t('Đoạn chuyển đi')}</w:moveTo></w:p>`,
    // Two paragraphs joined by deleting the mark between them.
    `<w:p><w:pPr><w:rPr><w:del w:id="9" ${rev}/></w:rPr></w:pPr>${t('Nửa đầu ')}</w:p>`,
    p('nửa sau'),
    // Numbering added in the revision: the original paragraph had none.
    `<w:p><w:pPr>${num(1)}<w:pPrChange w:id="10" ${rev}><w:pPr/></w:pPrChange></w:pPr>${t('Đánh số mới')}</w:p>`,
    `<w:tbl><w:tr>${cell('Hàng giữ')}</w:tr><w:tr><w:trPr><w:del w:id="11" ${rev}/></w:trPr>${cell('Hàng bị xóa')}</w:tr>` +
      `<w:tr><w:trPr><w:ins w:id="12" ${rev}/></w:trPr>${cell('Hàng thêm')}</w:tr></w:tbl>`,
  ].join('');
  const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

  it('accepted view: insertions in, deletions out, deleted paragraph marks join paragraphs', async () => {
    expect(await textOf({ body, numbering })).toEqual([
      'Hội nghị lần thứ 17',
      'Mục mới',
      'Ở lại',
      'Chỗ mới: Đoạn chuyển đi',
      'Nửa đầu nửa sau',
      '1. Đánh số mới',
      'Hàng giữ',
      'Hàng thêm',
    ]);
  });

  it('original view: the text before the changes', async () => {
    expect(await textOf({ body, numbering }, 'original')).toEqual([
      'Hội nghị lần thứ 16',
      'Mục bị xóa',
      'Đoạn chuyển điỞ lại',
      'Chỗ mới:',
      'Nửa đầu',
      'nửa sau',
      'Đánh số mới',
      'Hàng giữ',
      'Hàng bị xóa',
    ]);
  });
});

function cell(text: string): string {
  return `<w:tc>${p(text)}</w:tc>`;
}

describe('what never reaches the text', () => {
  it('leaves out comments, field codes and the anchors of notes; reads a text box once', async () => {
    const textBox = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body = [
      `<w:p><w:commentRangeStart w:id="0"/>${t('Nội dung')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
      `<w:p>${t('Trang ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${t('5')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${textBox('Dự thảo')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict><v:shape><v:textbox>${textBox('Dự thảo')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>${t('Tiêu đề')}</w:p>`,
      `<w:p>${t('Số 36')}<w:r><w:noBreakHyphen/><w:t>NQ/TW</w:t><w:tab/><w:t>tab</w:t><w:br/><w:t>dòng mới</w:t></w:r></w:p>`,
    ].join('');
    const read = await ingestDocx(docx({ body, comments: `<w:comment w:id="0" w:author="A">${p('Góp ý: sửa lại')}</w:comment>` }));
    expect(lines(read.text)).toEqual(['Nội dung', 'Trang 5', 'Tiêu đề', 'Dự thảo', 'Số 36-NQ/TW tab', 'dòng mới']);
    expect(read.messages.filter((m) => m.severity === 'warning')).toEqual([]);
  });
});

describe('tables', () => {
  const row = (...cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${c.split('|').map((x) => p(x)).join('')}</w:tc>`).join('')}</w:tr>`;

  it('reads a content table one line per row, cells joined by " | "', async () => {
    const body = `<w:tbl>${row('Nội dung', 'Cơ quan chủ trì')}${row('(1) Sơ kết quý I', 'Văn phòng Tỉnh ủy')}</w:tbl>`;
    expect(await textOf({ body })).toEqual(['Nội dung | Cơ quan chủ trì', '(1) Sơ kết quý I | Văn phòng Tỉnh ủy']);
  });

  it('joins the paragraphs of a cell with a space, writes "|" as "¦", puts a nested table after its row', async () => {
    // The timetable of Kế hoạch triển khai công tác bầu cử, Phú Thọ 2021 (corpus 017).
    const nested = `<w:tbl>${row('Cấp tỉnh', '21/01/2021')}${row('Cấp huyện', '27/01/2021')}</w:tbl>`;
    const body =
      `<w:tbl>${row('TT', 'Nội dung công việc chủ yếu', 'Ngày chậm nhất phải hoàn thành')}` +
      `${row('1', 'Triển khai công tác bầu cử ở tỉnh|Triệu tập đủ thành phần ở cấp tỉnh, cấp huyện', '21/01/2021')}` +
      `<w:tr><w:tc>${p('2')}</w:tc><w:tc>${p('Hội nghị triển khai')}${nested}</w:tc><w:tc>${p('HĐBC | UBND')}</w:tc></w:tr></w:tbl>`;
    expect(await textOf({ body })).toEqual([
      'TT | Nội dung công việc chủ yếu | Ngày chậm nhất phải hoàn thành',
      '1 | Triển khai công tác bầu cử ở tỉnh Triệu tập đủ thành phần ở cấp tỉnh, cấp huyện | 21/01/2021',
      '2 | Hội nghị triển khai | HĐBC ¦ UBND',
      'Cấp tỉnh | 21/01/2021',
      'Cấp huyện | 27/01/2021',
    ]);
  });

  it('reads a one-column table (a framed note) as its paragraphs', async () => {
    const body = `<w:tbl>${row('Dự thảo|Lần 2')}</w:tbl>`;
    expect(await textOf({ body })).toEqual(['Dự thảo', 'Lần 2']);
  });

  it('reads a Nơi nhận | signature table column by column', async () => {
    const body = `<w:tbl>${row('Nơi nhận:|- Như trên,', 'T/M BAN THƯỜNG VỤ')}${row('- Lưu VPTU.', 'BÍ THƯ')}</w:tbl>`;
    expect(await textOf({ body })).toEqual(['Nơi nhận:', '- Như trên,', '- Lưu VPTU.', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ']);
  });
});

describe('legacy fonts from run, character style, paragraph style and document defaults', () => {
  const styles =
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:rPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>' +
    '<w:style w:type="paragraph" w:styleId="Caps"><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="CapsChild"><w:basedOn w:val="Caps"/></w:style>' +
    '<w:style w:type="character" w:styleId="Vni"><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>';
  const run = (text: string, rPr: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

  it('converts each run by its effective font and reports the mix', async () => {
    const body = [
      p('Tæng kÕt'), // document default .VnTime
      p('tæng kÕt', '<w:pStyle w:val="CapsChild"/>'), // .VnTimeH through basedOn
      `<w:p>${run('Toång keát', '<w:rStyle w:val="Vni"/>')}</w:p>`, // character style
      `<w:p>${run('héi nghÞ', '<w:rFonts w:ascii="Times New Roman" w:hAnsi=".VnTimeH"/>')}</w:p>`, // legacy in hAnsi only
      `<w:p>${run('Tổng kết', '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>')}</w:p>`,
      // A VNI letter split over two runs of the same font.
      `<w:p>${run('Vie', '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/>')}${run('ät', '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/><w:b/>')}</w:p>`,
    ].join('');
    const read = await ingestDocx(docx({ body, styles }));
    expect(lines(read.text)).toEqual(['Tổng kết', 'TỔNG KẾT', 'Tổng kết', 'HỘI NGHỊ', 'Tổng kết', 'Việt']);
    expect(read.encoding).toBe('mixed:unicode+tcvn3+vni');
  });
});

describe('zip and XML guard', () => {
  const body = p('Nội dung');

  it('refuses a part that inflates beyond its declared size', async () => {
    const big = `<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>${' '.repeat(20_000_000)}</w:t></w:r></w:p></w:body></w:document>`;
    const bytes = docx({ body }, { 'word/document.xml': { data: big, declaredSize: 1000, crc: 0 } });
    await expectInputError(ingestDocx(bytes), 'zip bomb: word/document.xml inflates far beyond its declared size');
  });

  it('refuses XML filler: megabytes deflating hundreds to one, or half a million elements', async () => {
    const filler = `<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>${' '.repeat(9_000_000)}</w:t></w:r></w:p></w:body></w:document>`;
    await expectInputError(ingestDocx(docx({ body }, { 'word/document.xml': { data: filler } })), /^zip bomb: word\/document\.xml deflates \d+ to 1$/);
    const many = docx({ body: '<w:p/>'.repeat(500_001) });
    await expectInputError(ingestDocx(many), 'too many XML elements (over 500,000 in the file, reached in word/document.xml)');
  });

  it('refuses a checksum mismatch', async () => {
    await expectInputError(ingestDocx(docx({ body }, { 'word/document.xml': { crc: 12345 } })), 'corrupt .docx (checksum mismatch in word/document.xml)');
  });

  it('refuses DOCTYPEs in any part, not only document.xml', async () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Normal"/>';
    const bytes = docx({ body, styles }, { 'word/styles.xml': { data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:styles/>' } });
    await expectInputError(ingestDocx(bytes), 'unsafe XML in word/styles.xml (DOCTYPE/entity declarations are not allowed)');
  });

  it('refuses malformed XML and undefined entities', async () => {
    await expectInputError(ingestDocx(docx({ body: '<w:p><w:r><w:t>mở</w:r></w:p>' })), /^corrupt \.docx \(malformed XML in word\/document\.xml: /);
    await expectInputError(ingestDocx(docx({ body: '<w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>' })), 'corrupt .docx (malformed XML in word/document.xml: undefined entity &nbsp;)');
  });

  it('refuses archives with too many entries, empty files and other zip formats', async () => {
    const many = zip(Array.from({ length: 5001 }, (_, k) => ({ name: `f${k}.txt`, data: 'x' })));
    await expectInputError(ingestDocx(many), 'too many zip entries (5001, the limit is 5000)');
    await expectInputError(ingestDocx(new Uint8Array()), 'the file is empty');
    const odt = zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '<office:document-content/>' }]);
    await expectInputError(ingestDocx(odt), 'not a .docx (an OpenDocument file)');
  });

  it('reads prefixes by namespace, not by name', async () => {
    const document = `<?xml version="1.0"?><x:document xmlns:x="${W_NS}"><x:body><x:p><x:r><x:t>Tiền tố khác</x:t></x:r></x:p></x:body></x:document>`;
    const read = await ingestDocx(docx({ body }, { 'word/document.xml': { data: document } }));
    expect(lines(read.text)).toEqual(['Tiền tố khác']);
  });
});

describe('damaged copies of the fixtures', () => {
  const damage = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bit: fc.constant(0) }),
  );
  const damaged = (original: Buffer, changes: Array<{ kind: 'flip' | 'cut'; at: number; bit: number }>) => {
    let bytes = Buffer.from(original);
    for (const { kind, at, bit } of changes) {
      const k = Math.min(bytes.length - 1, Math.floor(at * bytes.length));
      if (kind === 'flip') bytes[k]! ^= 1 << bit;
      else bytes = bytes.subarray(0, k);
      if (bytes.length === 0) break;
    }
    return bytes;
  };

  for (const [file, read] of [
    ['docx/tracked-changes.docx', (b: Uint8Array) => ingestDocx(b, { revision: 'original' })],
    ['docx/tcvn3.docx', (b: Uint8Array) => ingestDocx(b)],
    ['docx/seed.doc', (b: Uint8Array) => ingestDoc(b)],
  ] as const) {
    it(`${file}: read or refused with an InputError, never a crash`, async () => {
      const original = fixture(file);
      await fc.assert(
        fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), async (changes) => {
          const outcome = await read(damaged(original, changes)).then(
            () => null,
            (e: unknown) => e,
          );
          expect(outcome === null || outcome instanceof InputError).toBe(true);
        }),
        { numRuns: 150, seed: 20240115 },
      );
    }, 60_000);
  }
});

describe('the mammoth cross-check', () => {
  it('names paragraphs mammoth reads that vanban lost, ignoring layout characters', () => {
    expect(missingParagraphs(['Một', 'Hai\tba', 'Bốn'], ['Một', 'Hai ba', 'Bốn'])).toEqual([]);
    expect(missingParagraphs(['Một', 'Hai', 'Ba'], ['Một', 'Ba'])).toEqual(['Hai']);
    expect(missingParagraphs(['Số 36\u2011NQ/TW'], ['Số 36-NQ/TW'])).toEqual([]);
    // mammoth's raw text splits a paragraph at a double line break; both halves still match.
    expect(missingParagraphs(['Một', 'hai'], ['Một\n\nhai'])).toEqual([]);
  });

  it('reads with mammoth by default only when vanban passed over an element it does not know', async () => {
    const reads = vi.spyOn(mammoth, 'extractRawText');
    try {
      const known = await ingestDocx(docx({ body: p('Một') + p('Hai') }));
      expect(reads).not.toHaveBeenCalled();
      expect(known.messages).toEqual([]);

      const odd = await ingestDocx(docx({ body: `<w:p>${t('Một')}<w:oddWrapper>${t('ẩn')}</w:oddWrapper></w:p>` }));
      expect(reads).toHaveBeenCalledTimes(1);
      expect(lines(odd.text)).toEqual(['Một']);
      expect(odd.messages.map((m) => m.message)).toContainEqual(
        expect.stringMatching(/^mammoth read the file too: vanban's reader passed over elements it does not know \(w:oddWrapper\)$/),
      );
    } finally {
      reads.mockRestore();
    }
  });

  it("'always' and 'never' override that", async () => {
    const reads = vi.spyOn(mammoth, 'extractRawText');
    try {
      await ingestDocx(docx({ body: p('Một') }), { mammothCheck: 'always' });
      expect(reads).toHaveBeenCalledTimes(1);
      await ingestDocx(docx({ body: `<w:p><w:oddWrapper>${t('ẩn')}</w:oddWrapper></w:p>` }), { mammothCheck: 'never' });
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('every good fixture is read without needing mammoth', async () => {
    for (const name of ['plain', 'auto-numbered', 'tracked-changes', 'tcvn3', 'vni']) {
      const read = await ingestDocx(fixture(`docx/${name}.docx`));
      expect(read.messages.filter((m) => m.message.startsWith('mammoth')), name).toEqual([]);
    }
  });
});
