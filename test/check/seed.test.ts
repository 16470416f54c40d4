import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { seedBytes } from '../helpers.js';

const p = parse(seedBytes());
const brief = (d: (typeof p.diagnostics)[number]) => [d.code, d.severity, d.line, d.column];

describe('linting the seed', () => {
  it('finds exactly its two real slips at warning level or above', () => {
    expect(p.diagnostics.filter((d) => d.severity !== 'info').map(brief)).toEqual([
      ['term-date-mismatch', 'warning', 60, 31],
      ['anniversary-mismatch', 'warning', 68, 5],
    ]);
  });

  it('names each slip in both languages', () => {
    const warnings = p.diagnostics.filter((d) => d.severity !== 'info');
    expect(warnings.map((d) => d.message)).toEqual([
      "Nghị quyết 33-NQ/TW ngày 09/6/2014: ghi 'Ban Chấp hành Trung ương khóa X' nhưng khóa X là 2006–2011, ngày ban hành thuộc khóa XI",
      "Kết luận 102-KL/TW ngày 22/9/2014: 'Sơ kết 05 năm' nhưng năm 2024 là năm thứ 10",
    ]);
    expect(warnings.map((d) => d.messageEn)).toEqual([
      "Nghị quyết 33-NQ/TW of 09/6/2014: says 'Ban Chấp hành Trung ương khóa X', but khóa X ran 2006–2011 and the date falls in khóa XI",
      "Kết luận 102-KL/TW of 22/9/2014: 'Sơ kết 05 năm' is a 5-year review, but 2024 is year 10",
    ]);
  });

  it('notes only the two true blemishes of line 55 as information', () => {
    expect(p.diagnostics.filter((d) => d.severity === 'info').map(brief)).toEqual([
      ['unbalanced-quotes', 'info', 55, 89],
      ['citation-spacing-repaired', 'info', 55, 123],
    ]);
  });
});
