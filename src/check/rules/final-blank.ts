import { blankDate, blankNumber, headerPosition } from '../header.js';
import { finding, type Rule } from '../rule.js';

export const finalBlank: Rule = {
  code: 'final-blank',
  severity: 'warning',
  summary: {
    vi: 'văn bản không ghi "Dự thảo" nhưng số hoặc ngày tháng còn để trống',
    en: 'not marked "Dự thảo" (draft) but the number or the date is left blank',
  },
  check(p) {
    const h = p.header;
    if (h.draft) return [];
    const number = blankNumber(h);
    const date = blankDate(h);
    if (!number && !date) return [];
    const blanks = [number ? `'${h.number!.raw}'` : null, date ? `'${h.date!.raw}'` : null].filter((b) => b !== null).join(', ');
    const vi = number && date ? 'số và ngày tháng' : number ? 'số' : 'ngày tháng';
    const en = number && date ? 'the number and the date are' : number ? 'the number is' : 'the date is';
    return [
      finding(
        this,
        headerPosition(h, number ? 'number' : 'date'),
        `Văn bản không ghi 'Dự thảo' nhưng ${vi} còn để trống (${blanks})`,
        `Not marked 'Dự thảo' (draft) but ${en} left blank (${blanks})`,
      ),
    ];
  },
};
