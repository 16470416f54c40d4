import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { ingestMarkdown } from '../../src/ingest/markdown.js';
import { normalizeText } from '../../src/normalize/text.js';
import { comparable, seedText } from '../helpers.js';

const lines = (text: string) => normalizeText(text).split('\n').filter((l) => l !== '');

describe('ingestMarkdown', () => {
  it('reads the seed .txt as Markdown without losing a line', () => {
    const read = ingestMarkdown(seedText());
    expect(read.format).toBe('md');
    expect(lines(read.text)).toEqual(lines(seedText()));
    expect(comparable(parse(read.text, { format: 'md' }))).toEqual(comparable(parse(seedText())));
  });

  it('keeps the numbers an ordered list displays, with their delimiter', () => {
    const md = ['3. Hội nghị chuyên đề', '4. Hội nghị lần thứ 19', '', '1) Sơ kết', '2) Tổng kết'].join('\n');
    expect(lines(ingestMarkdown(md).text)).toEqual(['3. Hội nghị chuyên đề', '4. Hội nghị lần thứ 19', '1) Sơ kết', '2) Tổng kết']);
  });

  it('numbers items by list start + index, as a renderer shows them', () => {
    const md = ['5. Hội nghị lần thứ 20', '5. Tổng kết', '9. Sơ kết'].join('\n');
    expect(lines(ingestMarkdown(md).text)).toEqual(['5. Hội nghị lần thứ 20', '6. Tổng kết', '7. Sơ kết']);
  });

  it('strips emphasis, links and headings marks; keeps bullets and nested lists', () => {
    const md = [
      '# CHƯƠNG TRÌNH',
      '',
      '**Làm việc năm 2024** của _Ban Chấp hành_ [Đảng bộ tỉnh](https://example.org)',
      '',
      '1. Hội nghị lần thứ 17',
      '   - Sơ kết công tác quý I',
      '   - `Tổng kết` 10 năm',
      '',
      '> Cơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy.',
    ].join('\n');
    expect(lines(ingestMarkdown(md).text)).toEqual([
      'CHƯƠNG TRÌNH',
      'Làm việc năm 2024 của Ban Chấp hành Đảng bộ tỉnh',
      '1. Hội nghị lần thứ 17',
      '- Sơ kết công tác quý I',
      '- Tổng kết 10 năm',
      'Cơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy.',
    ]);
  });

  it('puts back the marks Markdown takes as syntax: the rule under the title and the header star', () => {
    const md = ['TỈNH ỦY HẬU GIANG', '', '*', '', 'khóa XIV nhiệm kỳ 2020 - 2025', '-----', '', '***'].join('\n');
    expect(lines(ingestMarkdown(md).text)).toEqual(['TỈNH ỦY HẬU GIANG', '*', 'khóa XIV nhiệm kỳ 2020 - 2025', '-----', '***']);
  });

  it('reads a GFM pipe table one line per row, cells joined by " | ", without the delimiter row', () => {
    const md = ['| Nội dung | Cơ quan chủ trì |', '|---|:---:|', '| (1) Sơ kết quý I | **Văn phòng** Tỉnh ủy |'].join('\n');
    expect(lines(ingestMarkdown(md).text)).toEqual(['Nội dung | Cơ quan chủ trì', '(1) Sơ kết quý I | Văn phòng Tỉnh ủy']);
  });

  it('GFM table rows from a real document: empty cells kept, escaped pipes become ¦, <br> joins with a space', () => {
    // The "THÔNG TIN VĂN BẢN" table of Nghị quyết số 07/2026/UBTVQH16 (corpus 019), with a few cells added.
    const md = [
      '## THÔNG TIN VĂN BẢN',
      '',
      '| Trường | Giá trị |',
      '|---|---|',
      '| Số ký hiệu | 07/2026/UBTVQH16 |',
      '| Ngày ban hành | 26/06/2026 |',
      '| Cơ quan ban hành | Ủy ban Thường vụ Quốc hội<br>Quốc hội khóa XVI |',
      '| Ghi chú | |',
      '| Trích yếu | Điều chỉnh Chương trình lập pháp \\| năm 2026 |',
      '',
      'Sau bảng.',
    ].join('\n');
    expect(lines(ingestMarkdown(md).text)).toEqual([
      'THÔNG TIN VĂN BẢN',
      'Trường | Giá trị',
      'Số ký hiệu | 07/2026/UBTVQH16',
      'Ngày ban hành | 26/06/2026',
      'Cơ quan ban hành | Ủy ban Thường vụ Quốc hội Quốc hội khóa XVI',
      'Ghi chú |',
      'Trích yếu | Điều chỉnh Chương trình lập pháp ¦ năm 2026',
      'Sau bảng.',
    ]);
  });

  it('a pipe table holding the two-column header is read column by column, like a Word layout table', () => {
    const md = ['| TỈNH ỦY HẬU GIANG | ĐẢNG CỘNG SẢN VIỆT NAM |', '|---|---|', '| Số 15-CTr/TU | Hậu Giang, ngày 20 tháng 12 năm 2023 |'].join('\n');
    expect(lines(ingestMarkdown(md).text)).toEqual([
      'TỈNH ỦY HẬU GIANG',
      'Số 15-CTr/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hậu Giang, ngày 20 tháng 12 năm 2023',
    ]);
  });

  it('keeps YAML front matter line for line, fences included', () => {
    const md = [
      '---',
      'layout: vanban',
      'title: "Nghị quyết số 07/2026/UBTVQH16 của Ủy ban Thường vụ Quốc hội: Điều chỉnh Chương trình lập pháp năm 2026"',
      'tags:',
      '  - UBTVQH',
      '  - Nghị quyết',
      'sohieu: 07/2026/UBTVQH16',
      '---',
      '',
      '# Nghị quyết số 07/2026/UBTVQH16',
    ].join('\n');
    const read = ingestMarkdown(md);
    expect(read.text.split('\n')).toEqual([...md.split('\n').slice(0, 8), 'Nghị quyết số 07/2026/UBTVQH16']);
  });

  it('front matter only at the very top: a later "---" pair is a rule and a setext heading, as before', () => {
    const md = ['Trích yếu', '', '---', 'key: value', '---'].join('\n');
    expect(lines(ingestMarkdown(md).text)).toEqual(['Trích yếu', '---', 'key: value', '---']);
  });

  it('keeps line breaks inside a paragraph as lines', () => {
    expect(lines(ingestMarkdown('Nơi nhận:\n- Như trên,\n- Lưu VPTU.').text)).toEqual(['Nơi nhận:', '- Như trên,', '- Lưu VPTU.']);
    expect(lines(ingestMarkdown('dòng một  \ndòng hai\ndòng ba').text)).toEqual(['dòng một', 'dòng hai', 'dòng ba']);
  });
});
