import { items, numberIn } from '../attributions.js';
import { textMap } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const attributionMissingItem: Rule = {
  code: 'attribution-missing-item',
  severity: 'error',
  summary: {
    vi: '"Cơ quan chủ trì tham mưu: … mục (N)" nêu một mục không có trong hội nghị',
    en: 'a "Cơ quan chủ trì tham mưu: … mục (N)" line naming an item its conference does not have',
  },
  check(p, { text }) {
    const map = textMap(text);
    // Conference ordinal → its item numbers (a repeated ordinal pools its items).
    const numbers = new Map<number, Set<number>>();
    for (const c of p.conferences) {
      const items = numbers.get(c.ordinal) ?? new Set<number>();
      for (const i of c.items) items.add(i.number);
      numbers.set(c.ordinal, items);
    }
    return p.attributions.flatMap((a) => {
      const existing = numbers.get(a.conference);
      if (!a.scoped || !existing) return [];
      const missing = a.items.filter((n) => !existing.has(n));
      if (missing.length === 0) return [];
      const agencies = a.agencies.join(', ');
      return [
        finding(
          this,
          numberIn(map, a, missing[0]!),
          `${agencies} được giao mục ${items(missing)} nhưng hội nghị ${a.conference} không có mục này`,
          `${agencies} is assigned item ${items(missing)}, which conference ${a.conference} does not have`,
        ),
      ];
    });
  },
};
