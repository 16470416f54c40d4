import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parse } from '../../src/index.js';
import { formatOf, ingestBytes, ingestFile, sniffFormat } from '../../src/ingest/file.js';
import { ingestHtml } from '../../src/ingest/html.js';
import { normalizeText } from '../../src/normalize/text.js';
import { comparable, seedText, toneDecomposed } from '../helpers.js';

const fixtureUrl = (name: string) => new URL(`../../fixtures/html/${name}`, import.meta.url);
const fixture = (name: string) => readFileSync(fixtureUrl(name));
/** Normalized lines without the blank ones, as the other ingest tests compare them. */
const lines = (text: string) => normalizeText(text).split('\n').filter((l) => l !== '');
const html = (markup: string) => lines(ingestHtml(Buffer.from(markup, 'utf8')).text);
const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tiêu đề trang</title></head><body>${body}</body></html>`;

function expectInputError(run: () => unknown, reason: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as InputError).reason).toBe(reason);
}

describe('ingestHtml: blocks, inline text and what is not text', () => {
  it('one line per block element, inline elements joined, white space collapsed', () => {
    expect(
      html(page('<h1>CHƯƠNG   TRÌNH</h1><p>Làm việc năm 2024 của <b>Ban Chấp hành</b>\n  <i>Đảng bộ tỉnh</i></p><div>khóa XIV<div>nhiệm kỳ 2020 - 2025</div></div><blockquote>Trích dẫn</blockquote>')),
    ).toEqual(['CHƯƠNG TRÌNH', 'Làm việc năm 2024 của Ban Chấp hành Đảng bộ tỉnh', 'khóa XIV', 'nhiệm kỳ 2020 - 2025', 'Trích dẫn']);
  });

  it('decodes named, decimal and hex entities, and the legacy ones without a semicolon', () => {
    const read = ingestHtml(Buffer.from(page('<p>Pháp luật &amp; Tư pháp &quot;Kết luận&quot; &#7889; &#x1EA1; &lt;1&gt; 36&#8209;NQ/TW &copy 2024&nbsp;.</p>')));
    expect(read.text).toBe('Pháp luật & Tư pháp "Kết luận" ố ạ <1> 36\u2011NQ/TW © 2024\u00a0.');
  });

  it('<br> breaks a line; <pre> keeps its lines', () => {
    expect(html(page('<p>Nơi nhận:<br>- Như trên,<br/>- Lưu VPTU.</p><pre>\n(1) Sơ kết\n(2) Tổng kết</pre>'))).toEqual([
      'Nơi nhận:',
      '- Như trên,',
      '- Lưu VPTU.',
      '(1) Sơ kết',
      '(2) Tổng kết',
    ]);
  });

  it('leaves out the head, scripts, styles, noscript, templates, comments and hidden elements', () => {
    const markup =
      '<!DOCTYPE html><html><head><title>Trang chủ</title><style>p { color: red }</style><script>var s = "<p>Đăng nhập</p>";</script></head>' +
      '<body><!-- <p>Bình luận</p> --><noscript>Bật JavaScript</noscript><template><p>Mẫu</p></template>' +
      '<p>Nội dung</p><div hidden>Ẩn</div><p style="color:red; display: none">Ẩn nữa</p><span style="mso-hide:all">Word ẩn</span>' +
      '<script type="application/ld+json">{"@type": "Article"}</script><p>Hết</p></body></html>';
    expect(html(markup)).toEqual(['Nội dung', 'Hết']);
  });

  it('reads broken markup as a browser does: unclosed and misnested tags', () => {
    expect(html('<p>Hội nghị lần thứ 17<p>Hội nghị <b>lần <i>thứ</b> 18</i><div>Kết luận')).toEqual(['Hội nghị lần thứ 17', 'Hội nghị lần thứ 18', 'Kết luận']);
  });
});

describe('ingestHtml: lists', () => {
  it('ordered items get the number they display, bullets "- ", nested lists their own marker', () => {
    const markup = page(
      '<ol start="3"><li>Hội nghị chuyên đề<ul><li>Sơ kết công tác quý I</li><li>Tổng <b>kết</b> 10 năm</li></ul></li>' +
        '<li>Hội nghị lần thứ 19<ol><li>Sơ kết</li><li>Tổng kết</li></ol></li><li value="7">Hội nghị lần thứ 20</li><li>Hội nghị lần thứ 21</li></ol>',
    );
    expect(html(markup)).toEqual([
      '3. Hội nghị chuyên đề',
      '- Sơ kết công tác quý I',
      '- Tổng kết 10 năm',
      '4. Hội nghị lần thứ 19',
      '1. Sơ kết',
      '2. Tổng kết',
      '7. Hội nghị lần thứ 20',
      '8. Hội nghị lần thứ 21',
    ]);
  });

  it('roman and letter list types, reversed lists, a list nested first in an item', () => {
    expect(html(page('<ol type="I"><li>MỤC ĐÍCH</li><li>NỘI DUNG</li></ol><ol type="a" start="26"><li>z</li><li>aa</li></ol>'))).toEqual([
      'I. MỤC ĐÍCH',
      'II. NỘI DUNG',
      'z. z',
      'aa. aa',
    ]);
    expect(html(page('<ol reversed><li>ba</li><li>hai</li><li>một</li></ol>'))).toEqual(['3. ba', '2. hai', '1. một']);
    expect(html(page('<ol><li><ul><li>Sơ kết</li></ul></li></ol>'))).toEqual(['1. - Sơ kết']);
  });
});

describe('ingestHtml: tables', () => {
  it('a data table is one line per row: cells joined by " | ", paragraphs of a cell by a space, "|" as "¦"', () => {
    const markup = page(
      '<table><thead><tr><th>TT</th><th>Nội dung</th><th>Cơ quan chủ trì</th></tr></thead><tbody>' +
        '<tr><td>1</td><td><p>Sơ kết công tác quý I,</p><p>triển khai chương trình quý II/2024</p></td><td>Văn phòng | Tỉnh ủy</td></tr>' +
        '<tr><td>2</td><td>Tổng kết<br>10 năm</td><td></td></tr><tr><td></td><td> </td><td></td></tr></tbody></table><p>Sau bảng</p>',
    );
    expect(html(markup)).toEqual([
      'TT | Nội dung | Cơ quan chủ trì',
      '1 | Sơ kết công tác quý I, triển khai chương trình quý II/2024 | Văn phòng ¦ Tỉnh ủy',
      '2 | Tổng kết 10 năm |',
      'Sau bảng',
    ]);
  });

  it('a table nested in a cell: its rows follow the row that holds it', () => {
    const markup = page(
      '<table><tr><td>1</td><td>Triển khai công tác bầu cử<table><tr><td>Cấp tỉnh</td><td>21/01/2021</td></tr>' +
        '<tr><td>Cấp huyện</td><td>27/01/2021</td></tr></table></td><td>HĐBC</td></tr><tr><td>2</td><td>Bầu cử</td><td>UBBC</td></tr></table>',
    );
    expect(html(markup)).toEqual(['1 | Triển khai công tác bầu cử | HĐBC', 'Cấp tỉnh | 21/01/2021', 'Cấp huyện | 27/01/2021', '2 | Bầu cử | UBBC']);
  });

  it('the two-column Party header table is read column by column, like a Word layout table', () => {
    const markup = page(
      '<table><tr><td><p>TỈNH ỦY HẬU GIANG</p><p>*</p></td><td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p></td></tr>' +
        '<tr><td><p>Số 15-CTr/TU</p></td><td><p><i>Hậu Giang, ngày 20 tháng 12 năm 2023</i></p></td></tr></table><p>CHƯƠNG TRÌNH</p>',
    );
    expect(html(markup)).toEqual(['TỈNH ỦY HẬU GIANG', '*', 'Số 15-CTr/TU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hậu Giang, ngày 20 tháng 12 năm 2023', 'CHƯƠNG TRÌNH']);
  });

  it('the seed programme saved as a web page (header and signature tables) parses to the same programme as the .txt', () => {
    const seed = seedText().split('\n').map((l) => l.trim());
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const p = (s: string) => `<p>${escape(s)}</p>`;
    const title = seed.indexOf('CHƯƠNG TRÌNH');
    const footer = seed.indexOf('Nơi nhận:');
    const signature = seed.indexOf('T/M TỈNH ỦY');
    const recipients = seed.slice(footer, signature).filter((l) => l !== '');
    const header =
      `<table><tr><td>${p('TỈNH ỦY HẬU GIANG')}${p('*')}</td><td>${p('ĐẢNG CỘNG SẢN VIỆT NAM')}</td></tr>` +
      `<tr><td>${p(seed[3]!)}${p('Dự thảo')}</td><td><p><i>${escape(seed[8]!)}</i></p></td></tr></table>`;
    const body = seed.slice(title, footer).filter((l) => l !== '').map(p).join('\n');
    const sign = `<table><tr><td><p>${recipients.map(escape).join('<br>')}</p></td><td>${p('T/M TỈNH ỦY')}</td></tr></table>`;
    const read = ingestHtml(Buffer.from(page(header + body + sign)));
    expect(lines(read.text)).toEqual(lines(seedText()));
    expect(comparable(parse(read.text))).toEqual(comparable(parse(seedText())));
  });
});

describe('ingestHtml: encodings', () => {
  it('a Word page in Windows-1258 declared by http-equiv (fixture: Kế hoạch 130/KH-UBND, Ninh Bình)', () => {
    const bytes = fixture('007-ninh-binh-kh130-2022-windows-1258.htm');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const read = ingestHtml(bytes);
    expect(read.encoding).toBe('windows-1258');
    expect(read.format).toBe('html');
    expect(lines(read.text)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH NINH BÌNH',
      '-------',
      'Số: 130/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '---------------',
      'Ninh Bình, ngày 13 tháng 7 năm 2022',
      'KẾ HOẠCH',
      'GIÁM SÁT, ĐÁNH GIÁ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG GIAI ĐOẠN 2021 - 2025 TRÊN ĐỊA BÀN TỈNH NINH BÌNH',
      'Thực hiện Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 của Bộ Lao động - Thương binh và Xã hội hướng dẫn giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025, UBND tỉnh ban hành Kế hoạch giám sát, đánh giá thực hiện Chương trình, cụ thể như sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Thiết lập hệ thống giám sát, đánh giá đồng bộ, toàn diện đáp ứng yêu cầu quản lý Chương trình.',
      '2. Yêu cầu',
      'Thu thập, tổng hợp thông tin phải đảm bảo độ chính xác, việc gửi báo cáo về cơ quan phụ trách phải đúng biểu mẫu, đúng thời hạn.',
      'II. ĐỐI TƯỢNG, THỜI GIAN GIÁM SÁT, ĐÁNH GIÁ',
      '1. Đối tượng',
      '- Các cơ quan, đơn vị, địa phương và đối tượng tham gia thực hiện Chương trình.',
    ]);
  });

  it('<meta charset="windows-1258">, a BOM, UTF-16, and no declaration at all', () => {
    const text = 'Tổng kết 10 năm thực hiện Nghị quyết số 36-NQ/TW';
    const markup = (charset: string) => `<html><head><meta charset="${charset}"></head><body><p>${text}</p></body></html>`;
    const cases: Array<[Buffer, string]> = [
      [iconv.encode(toneDecomposed(markup('windows-1258')), 'windows1258'), 'windows-1258'],
      [iconv.encode(toneDecomposed(markup('CP1258')), 'windows1258'), 'windows-1258'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(markup('windows-1258'))]), 'utf-8-bom'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(markup('utf-16'), 'utf16le')]), 'utf-16le'],
      [Buffer.from(`<p>${text}</p>`), 'utf-8'],
      [iconv.encode(toneDecomposed(`<p>${text}</p>`), 'windows1258'), 'windows-1258'],
    ];
    for (const [bytes, encoding] of cases) {
      const read = ingestHtml(bytes);
      expect(read.encoding).toBe(encoding);
      expect(lines(read.text)).toEqual([text]);
    }
  });

  it('a declaration the bytes contradict: valid UTF-8 wins over a legacy charset, Windows-1258 over a false utf-8', () => {
    const text = 'Ban Tuyên giáo Tỉnh ủy';
    const resaved = ingestHtml(Buffer.from(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><p>${text}</p>`));
    expect([resaved.encoding, lines(resaved.text)]).toEqual(['utf-8', [text]]);
    expect(resaved.messages).toEqual([
      {
        severity: 'info',
        message: 'the page declares charset windows-1258 but is UTF-8: read as utf-8',
        messageVi: 'trang khai báo bảng mã windows-1258 nhưng thực ra là UTF-8: đã đọc theo utf-8',
      },
    ]);
    const mislabelled = ingestHtml(iconv.encode(toneDecomposed(`<meta charset="utf-8"><p>${text}</p>`), 'windows1258'));
    expect([mislabelled.encoding, lines(mislabelled.text)]).toEqual(['windows-1258', [text]]);
    expect(mislabelled.messages[0]?.message).toBe('the page declares charset utf-8 but is not UTF-8: read as windows-1258');
  });
});

describe('a saved page of Nghị quyết 07/2026/UBTVQH16 (fixture)', () => {
  it('reads header, articles, the numbered list, the data table and the signature block', async () => {
    const read = await ingestFile(fileURLToPath(fixtureUrl('019-ubtvqh-nq07-2026.html')));
    expect(read.format).toBe('html');
    expect(read.encoding).toBe('utf-8');
    expect(read.messages).toEqual([]);
    expect(lines(read.text)).toEqual([
      'ỦY BAN THƯỜNG VỤ QUỐC HỘI',
      '-------',
      'Nghị quyết số: 07/2026/UBTVQH16',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '---------------',
      'Hà Nội, ngày 26 tháng 6 năm 2026',
      'NGHỊ QUYẾT',
      'Điều chỉnh Chương trình lập pháp năm 2026',
      'ỦY BAN THƯỜNG VỤ QUỐC HỘI',
      'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15;',
      'Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14 và Luật số 62/2025/QH15;',
      expect.stringMatching(/^Trên cơ sở xem xét Tờ trình số 322\/TTr.CP ngày 08\/6\/2026 của Chính phủ; Báo cáo số 386\/BC-UBPLTP16 ngày 25\/6\/2026 của Thường trực Ủy ban Pháp luật & Tư pháp;$/),
      'QUYẾT NGHỊ:',
      'Điều 1. Điều chỉnh Chương trình lập pháp năm 2026',
      '1. Bổ sung dự án Luật An ninh dữ liệu vào Chương trình lập pháp năm 2026, trình Quốc hội cho ý kiến và thông qua tại Kỳ họp thứ 2 (tháng 10/2026).',
      '2. Bổ sung dự án Luật Đất đai (sửa đổi) vào Chương trình lập pháp năm 2026, trình Quốc hội xem xét tại Kỳ họp thứ 2 (tháng 10/2026).',
      '3. Đưa ra khỏi Chương trình lập pháp năm 2026 đối với dự án Luật Quản lý nợ công (sửa đổi).',
      'Điều 2. Tổ chức thực hiện',
      'Phân công cơ quan trình, cơ quan chủ trì thẩm tra và tiến độ trình Ủy ban Thường vụ Quốc hội cho ý kiến như sau:',
      'STT | Tên dự án | Cơ quan trình | Cơ quan chủ trì thẩm tra | Tiến độ trình UBTVQH',
      '1 | Luật An ninh dữ liệu | Chính phủ | Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội | Phiên họp tháng 9/2026',
      '2 | Luật Đất đai (sửa đổi) | Chính phủ | Ủy ban Kinh tế | Phiên họp tháng 10/2026',
      'Điều 3. Hiệu lực thi hành',
      'Nghị quyết này có hiệu lực thi hành từ ngày thông qua./.',
      'Nơi nhận:',
      '- Như Điều 3;',
      '- Lưu: HC, PL.',
      'TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI',
      'CHỦ TỊCH',
    ]);
  });
});

describe('html as an input format', () => {
  it('.html and .htm are registered', () => {
    expect(formatOf('archive/2023/nq07.html')).toBe('html');
    expect(formatOf('KH130.HTM')).toBe('html');
  });

  it('stdin starting with a doctype or <html> (after BOM, white space, a "saved from" comment) is a web page', () => {
    const bytes = (s: string) => Buffer.from(s, 'utf8');
    expect(sniffFormat(bytes('<!DOCTYPE html><html><body><p>Nội dung</p></body></html>'))).toBe('html');
    expect(sniffFormat(bytes('\ufeff \r\n<!doctype HTML>'))).toBe('html');
    expect(sniffFormat(bytes('  <HTML lang="vi">'))).toBe('html');
    expect(sniffFormat(bytes('<html>'))).toBe('html');
    expect(sniffFormat(bytes('<!-- saved from url=(0040)https://example.org/ -->\n<html>'))).toBe('html');
    expect(sniffFormat(bytes('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">'))).toBe('html');
    expect(sniffFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<!DOCTYPE html>', 'utf16le')]))).toBe('html');
    expect(sniffFormat(bytes('TỈNH ỦY HẬU GIANG\n<html> is not first'))).toBe('txt');
    expect(sniffFormat(bytes('<htmlfoo>'))).toBe('txt');
    expect(sniffFormat(bytes('<p>Nội dung</p>'))).toBe('txt');
  });

  it('ingestBytes hands html to the HTML reader', async () => {
    const read = await ingestBytes(Buffer.from(page('<p>Nội dung</p>')), 'html');
    expect([read.format, read.text]).toEqual(['html', 'Nội dung']);
  });

  it('a .html file without markup is read as plain text, line by line', () => {
    const read = ingestHtml(Buffer.from('TỈNH ỦY HẬU GIANG\n*\nSố -CTr/TU\n'));
    expect(lines(read.text)).toEqual(['TỈNH ỦY HẬU GIANG', '*', 'Số -CTr/TU']);
    expect(read.messages).toEqual([
      { severity: 'info', message: 'no HTML markup in the file: read as plain text', messageVi: 'tệp không có thẻ HTML: đã đọc như văn bản thường' },
    ]);
  });

  it('refuses an empty or binary file with a one-line reason', () => {
    expectInputError(() => ingestHtml(new Uint8Array(0)), 'the file is empty');
    expectInputError(() => ingestHtml(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), 'not an HTML file (binary data)');
  });

  it('reads nesting deeper than its walker goes as flat text; refuses nesting that would exhaust the stack', () => {
    const nested = (depth: number) => Buffer.from(`<p>Đầu</p>${'<div><span>'.repeat(depth)}Giữa${'</span></div>'.repeat(depth)}<p>Cuối</p>`);
    expect(lines(ingestHtml(nested(200)).text)).toEqual(['Đầu', 'Giữa', 'Cuối']);
    expectInputError(() => ingestHtml(nested(50_000)), 'HTML nested too deeply to read');
  });
});
