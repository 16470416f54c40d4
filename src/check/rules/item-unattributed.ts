import { textMap } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const itemUnattributed: Rule = {
  code: 'item-unattributed',
  severity: 'warning',
  summary: {
    vi: 'một mục không có dòng "Cơ quan chủ trì tham mưu" nào giao',
    en: 'an item that no "Cơ quan chủ trì tham mưu" (lead agency) line assigns',
  },
  check(p, { text }) {
    // A programme without any attribution line does not use the convention at all.
    if (p.attributions.length === 0) return [];
    const map = textMap(text);
    const covered = new Map<number, Set<number>>();
    for (const a of p.attributions) {
      const items = covered.get(a.conference) ?? new Set<number>();
      for (const n of a.items) items.add(n);
      covered.set(a.conference, items);
    }
    return p.conferences.flatMap((c) => {
      const assigned = covered.get(c.ordinal);
      return c.items
        .filter((i) => !assigned?.has(i.number))
        .map((i) =>
          finding(
            this,
            map.at(i.line),
            `Hội nghị ${c.ordinal}, mục (${i.number}) chưa có cơ quan chủ trì tham mưu`,
            `Conference ${c.ordinal}, item (${i.number}) has no lead agency`,
          ),
        );
    });
  },
};
