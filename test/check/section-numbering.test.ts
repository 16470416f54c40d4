import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'section-numbering';

describe(code, () => {
  it('flags "IV." after "II.", at the section heading', () => {
    const p = edited('III. TỔ CHỨC THỰC HIỆN', 'IV. TỔ CHỨC THỰC HIỆN');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 93, column: 1 }]);
    expect(messages(p, code)).toEqual([['Thiếu phần III trước phần IV', 'Section III is missing before section IV']]);
  });

  it('is silent for the older "II-" style', () => {
    const p = edited('II. NỘI DUNG VÀ THỜI GIAN', 'II- NỘI DUNG VÀ THỜI GIAN');
    expect(p.sections.map((s) => s.label)).toEqual(['I', 'II', 'III']);
    expect(found(p, code)).toEqual([]);
  });
});
