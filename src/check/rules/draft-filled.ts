import { dateText, fullDate, headerPosition } from '../header.js';
import { finding, type Rule } from '../rule.js';

export const draftFilled: Rule = {
  code: 'draft-filled',
  severity: 'warning',
  summary: {
    vi: 'văn bản ghi "Dự thảo" nhưng đã có số và ngày tháng đầy đủ',
    en: 'marked "Dự thảo" (draft) but already has a number and a full date',
  },
  check(p) {
    const h = p.header;
    if (!h.draft || h.number?.number == null || !fullDate(h)) return [];
    const label = h.draftLabel ?? 'Dự thảo';
    return [
      finding(
        this,
        headerPosition(h, 'draftLabel'),
        `Văn bản ghi '${label}' nhưng đã có số ${h.number.number} và ngày ${dateText(h)}`,
        `Marked '${label}' (draft) but already numbered ${h.number.number} and dated ${dateText(h)}`,
      ),
    ];
  },
};
