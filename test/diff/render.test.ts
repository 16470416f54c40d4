import { describe, expect, it } from 'vitest';
import { diffProgrammes } from '../../src/diff/changes.js';
import { renderMarkdown } from '../../src/diff/render-md.js';
import { renderText } from '../../src/diff/render-text.js';
import { parse } from '../../src/parse.js';
import { seedBytes } from '../helpers.js';
import { edit, seedEdits } from './seed-edits.js';

const seed = parse(seedBytes());
const several = diffProgrammes(
  seed,
  parse(
    edit(
      seedEdits['finalize the header'](),
      ['(2) Báo cáo công tác tài chính Đảng năm 2023.', '(2) Báo cáo công tác tài chính Đảng và quản lý tài sản năm 2023.'],
      ['lần thứ 19 (tháng 9/2024)', 'lần thứ 19 (tháng 10/2024)'],
    ),
  ),
);

describe('the text report', () => {
  it('groups the changes under their conference, in Vietnamese, with a summary', () => {
    expect(renderText(several)).toBe(
      [
        'Phần đầu văn bản',
        '  ~ Sửa 3 thông tin',
        '      Dấu dự thảo: “Dự thảo” → (không có)',
        '      Số: “Số -CTr/TU” → “Số 15-CTr/TU”',
        '      Ngày tháng: “ngày tháng năm 2023” → “ngày 20 tháng 12 năm 2023”',
        '',
        '2. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18 (tháng 6/2024)',
        '  ~ Sửa mục (2): Báo cáo công tác tài chính Đảng {+và quản lý tài sản+} năm 2023.',
        '',
        '4. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 19 (tháng 10/2024)',
        '  ~ Đổi thời gian: [-tháng 9/2024-] → {+tháng 10/2024+}',
        '',
        '3 thay đổi: 1 sửa phần đầu, 1 sửa nội dung, 1 đổi thời gian.',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    expect(renderText(several)).not.toMatch(/\x1b\[/);
    const coloured = renderText(several, { color: true });
    expect(coloured).toContain('\x1b[32m{+và quản lý tài sản+}\x1b[0m');
    expect(coloured).toContain('\x1b[31m[-tháng 9/2024-]\x1b[0m');
  });

  it('says so when nothing changed', () => {
    expect(renderText({ changes: [] }, { title: 'a.txt → b.docx' })).toBe('a.txt → b.docx\n\nKhông có thay đổi: hai bản giống nhau về nội dung.\n');
  });

  it('lists a dropped conference with its items', () => {
    const lines = seedEdits.reword().split('\n');
    const text = renderText(diffProgrammes(seed, parse([...lines.slice(0, 62), ...lines.slice(76)].join('\n'))));
    expect(text).toContain('4. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 19 (tháng 9/2024) (bản cũ)\n  − Bỏ hội nghị cùng 5 nội dung\n      [-(1) Sơ kết công tác quý III');
  });
});

describe('the Markdown report', () => {
  it('has a section per conference and marks words with ~~ and <ins>', () => {
    const md = renderMarkdown(several, 'Thay đổi');
    expect(md).toMatch(/^# Thay đổi\n\n3 thay đổi: /);
    expect(md).toContain('## 2. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18 (tháng 6/2024)\n\n- **Sửa mục (2)**: Báo cáo công tác tài chính Đảng <ins>và quản lý tài sản</ins> năm 2023.');
    expect(md).toContain('- **Đổi thời gian**: ~~tháng 9/2024~~ → <ins>tháng 10/2024</ins>');
    expect(md).toContain('  - Số: “Số -CTr/TU” → “Số 15-CTr/TU”');
  });
});
