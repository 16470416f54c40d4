import type { Conference, Diagnostic } from '../../model/programme.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

/** The months a conference's time allows, counted from year 0: a month, or a quarter's three. */
function months(c: Conference, programmeYear: number | null): { from: number; to: number } | null {
  const t = c.time;
  const year = t?.year ?? programmeYear;
  if (!t || year === null) return null;
  if (t.month !== null) return { from: year * 12 + t.month, to: year * 12 + t.month };
  if (t.quarter !== null) return { from: year * 12 + t.quarter * 3 - 2, to: year * 12 + t.quarter * 3 };
  return null;
}

export const conferenceMonthOrder: Rule = {
  code: 'conference-month-order',
  severity: 'warning',
  summary: {
    vi: 'một hội nghị có thời gian sớm hơn hội nghị đứng trước nó',
    en: 'a conference dated earlier than the conference before it',
  },
  check(p, context) {
    const map = mapOf(context);
    const found: Diagnostic[] = [];
    let previous: { c: Conference; from: number } | null = null;
    for (let cIndex = 0; cIndex < p.conferences.length; cIndex++) {
      const c = p.conferences[cIndex]!;
      const m = months(c, p.header.year);
      if (!m) continue;
      if (previous && m.to < previous.from) {
        found.push(
          finding(
            this,
            map.at(c.line, c.time!.raw),
            `Hội nghị ${c.ordinal} (${c.time!.raw}) sớm hơn hội nghị ${previous.c.ordinal} đứng trước nó (${previous.c.time!.raw})`,
            `Conference ${c.ordinal} (${c.time!.raw}) is earlier than conference ${previous.c.ordinal} before it (${previous.c.time!.raw})`,
          ),
        );
      }
      previous = { c, from: m.from };
    }
    return found;
  },
};
