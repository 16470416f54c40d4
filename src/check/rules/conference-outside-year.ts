import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const conferenceOutsideYear: Rule = {
  code: 'conference-outside-year',
  severity: 'warning',
  summary: {
    vi: 'thời gian một hội nghị không thuộc năm của chương trình',
    en: "a conference dated outside the programme's year",
  },
  check(p, context) {
    const year = p.header.year;
    if (year === null) return [];
    const map = mapOf(context);
    return p.conferences.flatMap((c) => {
      if (c.time?.year == null || c.time.year === year) return [];
      return [
        finding(
          this,
          map.at(c.line, c.time.raw),
          `Hội nghị ${c.ordinal} (${c.time.raw}) không thuộc năm ${year} của chương trình`,
          `Conference ${c.ordinal} (${c.time.raw}) is not in the programme's year ${year}`,
        ),
      ];
    });
  },
};
