import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namedMatchesFrom } from '../../src/recognise/citations.js';
import { defaultMatchers } from '../../src/recognise/compile.js';

// A named reference's pattern is searched from its literal's next occurrence (issue 12) rather than
// run at every position: here that search is held to the pattern's own, exec after exec from 0.
const m = defaultMatchers();

function previous(re: RegExp, key: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let r = re.exec(key); r; r = re.exec(key)) {
    out.push(r);
    if (r[0].length === 0) re.lastIndex++;
  }
  return out;
}

const shape = (rs: RegExpExecArray[]) => rs.map((r) => ({ at: r.index, text: r[0], groups: { ...r.groups } }));

describe('named references', () => {
  const words = [
    ...new Set(m.namedReferences.flatMap((r) => [r.literal, `${r.literal} `])),
    'nghị quyết', 'hội nghị ', 'trung ương ', '7', ' khóa x', '(khóa xii)', 'lần thứ ', 'đại hội ', 'đảng bộ tỉnh', 'toàn quốc',
    'luật', ' đất đai', ' sửa đổi, bổ sung ', 'bộ ', 'kỷ ', 'pháp ', 'năm 2013', ' của ', 'về ', '“', '"', ' ', ', ', 'x', 'đ', 'ngày',
  ];
  it('finds every match the pattern finds from the start, in order, for every named reference', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 24 }), (parts) => {
        const key = parts.join('');
        for (const ref of m.namedReferences) expect(shape(namedMatchesFrom(ref.re, ref.literal, key))).toEqual(shape(previous(ref.re, key)));
      }),
      { numRuns: 3000 },
    );
  });
});
