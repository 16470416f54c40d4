import type { Diagnostic } from '../../model/programme.js';
import { items, numberIn, type Attribution } from '../attributions.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const itemAttributedTwice: Rule = {
  code: 'item-attributed-twice',
  severity: 'warning',
  summary: {
    vi: 'một mục được hai dòng "Cơ quan chủ trì tham mưu" giao',
    en: 'an item that two "Cơ quan chủ trì tham mưu" (lead agency) lines assign',
  },
  check(p, context) {
    const map = mapOf(context);
    // Per conference: item number → the attribution that first assigned it.
    const first = new Map<number, Map<number, Attribution>>();
    const found: Diagnostic[] = [];
    for (let aIndex = 0; aIndex < p.attributions.length; aIndex++) {
      const a = p.attributions[aIndex]!;
      let assigned = first.get(a.conference);
      if (!assigned) first.set(a.conference, (assigned = new Map<number, Attribution>()));
      // Most lines assign only items no line assigned before: no list of repeats to build.
      let repeats = false;
      for (let nIndex = 0; nIndex < a.items.length; nIndex++) {
        const n = a.items[nIndex]!;
        if (assigned.has(n)) repeats = true;
      }
      const again = repeats ? a.items.filter((n) => assigned.has(n)) : [];
      for (let nIndex = 0; nIndex < a.items.length; nIndex++) {
        const n = a.items[nIndex]!;
        if (!assigned.has(n)) assigned.set(n, a);
      }
      if (again.length === 0) continue;
      const before = assigned.get(again[0]!)!;
      found.push(
        finding(
          this,
          numberIn(map, a, again[0]!),
          `Hội nghị ${a.conference}, mục ${items(again)} đã được giao cho ${before.agencies.join(', ')} ở dòng ${before.line}, lại được giao cho ${a.agencies.join(', ')}`,
          `Conference ${a.conference}, item ${items(again)} was assigned to ${before.agencies.join(', ')} on line ${before.line} and is assigned again to ${a.agencies.join(', ')}`,
        ),
      );
    }
    return found;
  },
};
