import type { ArchiveFacts } from '../check/rule.js';
import type { Checks } from '../grammar/schema.js';
import type { ArchiveDb } from './db.js';
import { anniversaries, knownAgencies } from './questions.js';

/** What lint learns from the archive for a draft of `year` (null: no year, nothing is due). */
export function archiveFacts(archive: ArchiveDb, year: number | null, checks: Checks): ArchiveFacts {
  const cited = new Map(
    archive.all('SELECT cited_id, kind, date, year FROM cited').map((r) => [String(r.cited_id), { kind: String(r.kind), date: r.date === null ? null : String(r.date), year: Number(r.year) }]),
  );
  const due =
    year === null
      ? []
      : anniversaries(archive, year, checks).flatMap((a) => {
          // Reviewed before in the archive's own programmes: those a drafter is expected to carry on.
          const earlier = a.reviews.filter((r) => r.year !== null && r.year < year);
          const last = earlier.at(-1);
          return last ? [{ id: a.id, kind: a.kind, date: a.date, years: a.years, action: a.action, last: { year: last.year, said: last.said, document: last.document } }] : [];
        });
  return { cited, due, agencies: knownAgencies(archive) };
}
