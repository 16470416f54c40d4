import type { Diagnostic } from '../../model/programme.js';
import { citationEn, citationVi } from '../describe.js';
import { dateText, headerPosition } from '../header.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

const exists = (day: number, month: number, year: number) => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
};

export const invalidDate: Rule = {
  code: 'invalid-date',
  severity: 'error',
  summary: {
    vi: 'ngày không có thật (31/2, 31/4…) trong trích dẫn hoặc ở đầu văn bản',
    en: 'a date that does not exist (31/2, 31/4…) in a citation or the header',
  },
  check(p, context) {
    const map = mapOf(context);
    const found: Diagnostic[] = [];
    for (let cIndex = 0; cIndex < p.citations.length; cIndex++) {
      const c = p.citations[cIndex]!;
      if (c.dateText === null || c.date !== null) continue;
      // At the day of the date, the first digits after the number and symbol.
      const from = map.citationNumber(c) + (c.number?.length ?? 0);
      const day = map.flatSlice(from, c.span.end).search(/(?<=\s)\d{1,2}\s?[/.\-\s]/u);
      found.push(
        finding(
          this,
          map.position(day === -1 ? c.span.start : from + day),
          `${citationVi(c)}: ngày ${c.dateText} không có thật`,
          `${citationEn(c)}: the date ${c.dateText} does not exist`,
        ),
      );
    }
    const d = p.header.date;
    if (d && d.day !== null && d.month !== null && d.year !== null && !exists(d.day, d.month, d.year)) {
      found.unshift(
        finding(
          this,
          headerPosition(p.header, 'date'),
          `Ngày ban hành ${dateText(p.header)} không có thật`,
          `The document's date ${dateText(p.header)} does not exist`,
        ),
      );
    }
    return found;
  },
};
