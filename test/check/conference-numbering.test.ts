import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'conference-numbering';

describe(code, () => {
  it('flags "3." written for conference 2: a gap before it and a duplicate after', () => {
    const p = edited('2. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18', '3. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18');
    expect(found(p, code)).toEqual([
      { severity: 'warning', line: 32, column: 1 },
      { severity: 'warning', line: 50, column: 1 },
    ]);
    expect(messages(p, code).map((m) => m[0])).toEqual([
      'Thiếu hội nghị số 2 trước hội nghị số 3',
      'Hội nghị số 3 trùng số với một hội nghị trước',
    ]);
  });

  it('calls two swapped numbers one disorder, not a gap', () => {
    const p = edited('4. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 19', '6. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 19');
    // 1, 2, 3, 6, 5: 4 is missing before 6; 5 after 6 is out of order.
    expect(messages(p, code).map((m) => m[1])).toEqual(['Conference 4 is missing before conference 6', 'Conference 5 comes after conference 6']);
    expect(found(p, code)).toEqual([
      { severity: 'warning', line: 63, column: 1 },
      { severity: 'warning', line: 77, column: 1 },
    ]);
  });

  it('is silent for "3)" instead of "3." (a numbering style, not a number)', () => {
    const p = edited('3. Hội nghị chuyên đề', '3) Hội nghị chuyên đề');
    expect(p.conferences.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(found(p, code)).toEqual([]);
  });
});

describe(`${code} under several section headings`, () => {
  // Conference 5 moved under a heading of its own, numbered `ordinal`.
  const underHeading = (ordinal: string) =>
    edited('5. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20', `III. QUÝ IV\n${ordinal} Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20`);

  it('accepts numbering that starts again at 1 or continues under the next heading', () => {
    expect(underHeading('1.').conferences.map((c) => [c.section, c.ordinal]).slice(3)).toEqual([['II', 4], ['III', 1]]);
    expect(found(underHeading('1.'), code)).toEqual([]);
    expect(found(underHeading('5.'), code)).toEqual([]);
  });

  it('flags a number that does neither', () => {
    const p = underHeading('7.');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 78, column: 1 }]);
    expect(messages(p, code)[0]![0]).toBe('Thiếu hội nghị số 5–6 trước hội nghị số 7');
  });
});
