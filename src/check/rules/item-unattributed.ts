import type { Diagnostic } from '../../model/programme.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const itemUnattributed: Rule = {
  code: 'item-unattributed',
  severity: 'warning',
  summary: {
    vi: 'một mục không có dòng "Cơ quan chủ trì tham mưu" nào giao',
    en: 'an item that no "Cơ quan chủ trì tham mưu" (lead agency) line assigns',
  },
  check(p, context) {
    // A programme without any attribution line does not use the convention at all.
    if (p.attributions.length === 0) return [];
    const map = mapOf(context);
    const covered = new Map<number, Set<number>>();
    for (let aIndex = 0; aIndex < p.attributions.length; aIndex++) {
      const a = p.attributions[aIndex]!;
      let items = covered.get(a.conference);
      if (!items) covered.set(a.conference, (items = new Set<number>()));
      for (let nIndex = 0; nIndex < a.items.length; nIndex++) {
        const n = a.items[nIndex]!;
        items.add(n);
      }
    }
    const found: Diagnostic[] = [];
    for (let cIndex = 0; cIndex < p.conferences.length; cIndex++) {
      const c = p.conferences[cIndex]!;
      const assigned = covered.get(c.ordinal);
      for (let iIndex = 0; iIndex < c.items.length; iIndex++) {
        const i = c.items[iIndex]!;
        if (assigned?.has(i.number)) continue;
        found.push(
          finding(
            this,
            map.at(i.line),
            `Hội nghị ${c.ordinal}, mục (${i.number}) chưa có cơ quan chủ trì tham mưu`,
            `Conference ${c.ordinal}, item (${i.number}) has no lead agency`,
          ),
        );
      }
    }
    return found;
  },
};
