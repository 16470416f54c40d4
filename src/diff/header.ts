import type { HeaderField, HeaderValues } from '../model/diff.js';
import type { Programme } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';

type Header = Programme['header'];

/** Each field as the reader sees it, and the key it is compared on. */
const FIELDS: Record<HeaderField, (h: Header) => { shown: string | null; key: string | null }> = {
  draft: (h) => shownAndFolded(h.draft ? (h.draftLabel ?? 'Dự thảo') : null),
  number: (h) => shownAndFolded(h.number?.raw ?? null),
  date: (h) => {
    const d = h.date;
    if (!d) return { shown: null, key: null };
    // "ngày 20 tháng 12 năm 2023" and "ngày 20/12/2023" are one date.
    const parts = d.year !== null || d.month !== null || d.day !== null;
    return { shown: d.raw, key: parts ? `${d.year}-${d.month}-${d.day}` : foldKey(d.raw) };
  },
  place: (h) => shownAndFolded(h.place),
  issuer: (h) => shownAndFolded(h.issuer),
  docType: (h) => shownAndFolded(h.docType),
  title: (h) => shownAndFolded(h.title),
};

function shownAndFolded(value: string | null): { shown: string | null; key: string | null } {
  return { shown: value, key: value === null ? null : foldKey(value) };
}

/** The header fields that differ, with their values on each side; null when none does. */
export function headerDifference(old: Header, neu: Header): { fields: HeaderField[]; before: HeaderValues; after: HeaderValues } | null {
  const fields: HeaderField[] = [];
  const before: HeaderValues = {};
  const after: HeaderValues = {};
  for (const [field, read] of Object.entries(FIELDS) as [HeaderField, (typeof FIELDS)[HeaderField]][]) {
    const a = read(old);
    const b = read(neu);
    if (a.key === b.key) continue;
    fields.push(field);
    before[field] = a.shown;
    after[field] = b.shown;
  }
  return fields.length ? { fields, before, after } : null;
}
