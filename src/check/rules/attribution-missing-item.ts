import type { Diagnostic } from '../../model/programme.js';
import { items, numberIn } from '../attributions.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const attributionMissingItem: Rule = {
  code: 'attribution-missing-item',
  severity: 'error',
  summary: {
    vi: '"Cơ quan chủ trì tham mưu: … mục (N)" nêu một mục không có trong hội nghị',
    en: 'a "Cơ quan chủ trì tham mưu: … mục (N)" line naming an item its conference does not have',
  },
  check(p, context) {
    const map = mapOf(context);
    // Conference ordinal → its item numbers (a repeated ordinal pools its items).
    const numbers = new Map<number, Set<number>>();
    for (let cIndex = 0; cIndex < p.conferences.length; cIndex++) {
      const c = p.conferences[cIndex]!;
      let items = numbers.get(c.ordinal);
      if (!items) numbers.set(c.ordinal, (items = new Set<number>()));
      for (let iIndex = 0; iIndex < c.items.length; iIndex++) {
        const i = c.items[iIndex]!;
        items.add(i.number);
      }
    }
    const found: Diagnostic[] = [];
    for (let aIndex = 0; aIndex < p.attributions.length; aIndex++) {
      const a = p.attributions[aIndex]!;
      const existing = numbers.get(a.conference);
      if (!a.scoped || !existing) continue;
      const missing = a.items.filter((n) => !existing.has(n));
      if (missing.length === 0) continue;
      const agencies = a.agencies.join(', ');
      found.push(
        finding(
          this,
          numberIn(map, a, missing[0]!),
          `${agencies} được giao mục ${items(missing)} nhưng hội nghị ${a.conference} không có mục này`,
          `${agencies} is assigned item ${items(missing)}, which conference ${a.conference} does not have`,
        ),
      );
    }
    return found;
  },
};
