import { items, numberIn, type Attribution } from '../attributions.js';
import { textMap } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const itemAttributedTwice: Rule = {
  code: 'item-attributed-twice',
  severity: 'warning',
  summary: {
    vi: 'một mục được hai dòng "Cơ quan chủ trì tham mưu" giao',
    en: 'an item that two "Cơ quan chủ trì tham mưu" (lead agency) lines assign',
  },
  check(p, { text }) {
    const map = textMap(text);
    // Per conference: item number → the attribution that first assigned it.
    const first = new Map<number, Map<number, Attribution>>();
    return p.attributions.flatMap((a) => {
      const assigned = first.get(a.conference) ?? new Map<number, Attribution>();
      first.set(a.conference, assigned);
      const again = a.items.filter((n) => assigned.has(n));
      for (const n of a.items) if (!assigned.has(n)) assigned.set(n, a);
      if (again.length === 0) return [];
      const before = assigned.get(again[0]!)!;
      return [
        finding(
          this,
          numberIn(map, a, again[0]!),
          `Hội nghị ${a.conference}, mục ${items(again)} đã được giao cho ${before.agencies.join(', ')} ở dòng ${before.line}, lại được giao cho ${a.agencies.join(', ')}`,
          `Conference ${a.conference}, item ${items(again)} was assigned to ${before.agencies.join(', ')} on line ${before.line} and is assigned again to ${a.agencies.join(', ')}`,
        ),
      ];
    });
  },
};
