import type { SqlValue } from 'sql.js';
import type { Checks } from '../grammar/schema.js';
import type { ArchiveDb, Row } from './db.js';
import type { AgencyLoad, Anniversary, Citing, EarlierReview, Hit, Place } from './answers.js';
import { searchKey, trimTrailing } from './store.js';

export type { AgencyLoad, Anniversary, Citing, EarlierReview, Hit, Place, Span } from './answers.js';

/** Every document cited in the archive whose age in `year` calls for a review. */
export function anniversaries(archive: ArchiveDb, year: number, checks: Checks): Anniversary[] {
  const periods = new Map(checks.anniversary.reviews.map((r) => [r.years, r.action]));
  const issued = [...periods.keys()].map((n) => year - n);
  const cited = archive.all(`SELECT * FROM cited WHERE year IN (${issued.map(() => '?').join(',')}) ORDER BY year, cited_id`, issued);
  if (cited.length === 0) return [];
  const ids = cited.map((c) => String(c.cited_id));
  // One JSON text for every review of every due document: sql.js's cost is per row, JSON.parse's is not.
  const json = archive.get(
    `SELECT json_group_array(json_array(cited_id, year, path, number, conference, item, said, years, line, json(lead), citation_id)) AS reviews
     FROM (SELECT * FROM reviews WHERE cited_id IN (${ids.map(() => '?').join(',')}) ORDER BY cited_id, year, path, conference, item)`,
    ids,
  );
  type Tuple = [string, number | null, string, string | null, number, number, string, number, number, string[], number];
  const reviews = groupBy(JSON.parse(String(json?.reviews ?? '[]')) as Tuple[], (r) => r[0]);
  const padded = archivePadsYears(archive);
  return cited.map((c) => {
    const id = String(c.cited_id);
    const years = year - Number(c.year);
    const action = periods.get(years)!;
    const found: EarlierReview[] = (reviews.get(id) ?? []).map((r) => ({
      document: r[2],
      number: r[3],
      year: r[1],
      conference: r[4],
      item: r[5],
      lead: r[9],
      said: r[6],
      saidYears: r[7],
      line: r[8],
    }));
    const latest = found[found.length - 1];
    const source = latest ? archive.get('SELECT i.text, c.raw FROM citations c JOIN items i ON i.id = c.item_id WHERE c.id = ?', [reviews.get(id)!.at(-1)![10]]) : undefined;
    const draft = source
      ? draftFrom(String(source.text), latest!.said, String(source.raw), action, years)
      : draftFresh(archive, c, action, years, padded, checks.anniversary.draftLink);
    return {
      id,
      kind: String(c.kind),
      date: str(c.date),
      issuedYear: Number(c.year),
      issuedBy: str(c.issued_by),
      title: str(c.title),
      years,
      action,
      citations: Number(c.citations),
      reviews: found,
      draft,
      lead: latest?.lead ?? [],
    };
  });
}

/** The latest review's item with its action and count of years made this year's. */
function draftFrom(text: string, said: string, raw: string, action: string, years: number): string {
  const start = text.indexOf(said);
  const at = text.indexOf(raw, Math.max(0, start));
  if (start < 0 || at < 0) return sentence(`${action} ${years} năm ${raw}`);
  // "Sơ kết 05 năm thực hiện" → "Tổng kết 10 năm thực hiện": the drafter's digits and link words kept.
  const count = /\d{1,3}/.exec(said);
  const digits = count && count[0].length > 1 && count[0].startsWith('0') ? 2 : 1;
  const rest = count ? said.slice(count.index + count[0].length) : ' năm';
  // The cited document and what follows it, up to another document the item adds ("; Kế hoạch …").
  const tail = text.slice(at);
  const stop = tail.search(/;\s/);
  return sentence(`${action} ${String(years).padStart(digits, '0')}${rest} ${stop > 0 ? tail.slice(0, stop) : tail}`);
}

/** A review line made from the citation itself, when no earlier review of it is in the archive. */
function draftFresh(archive: ArchiveDb, cited: Row, action: string, years: number, padded: boolean, link: string): string {
  const best = archive.get('SELECT raw, title FROM citations WHERE cited_id = ? AND year = ? ORDER BY date IS NULL, length(raw) DESC LIMIT 1', [cited.cited_id!, cited.year!]);
  const raw = String(best?.raw ?? cited.cited_id);
  const title = str(best?.title ?? null);
  const about = title === null ? '' : /^về\b/i.test(title) ? ` ${title}` : ` “${title}”`;
  return sentence(`${action} ${String(years).padStart(padded ? 2 : 1, '0')} năm ${link} ${raw}${about}`);
}

/** Whether the archive's reviews write five years as "05" (most do in the seed's province), as `index` found. */
function archivePadsYears(archive: ArchiveDb): boolean {
  return archive.meta('review_years_padded') !== '0';
}

function sentence(text: string): string {
  const t = trimTrailing(text.trim(), ' ,;:');
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?”"]$/.test(t) ? '' : '.'}`.replace(/”$/, '”.');
}

/** The canonical form of a typed id: "57 - nq/tw" → "57-NQ/TW". */
export function canonicalId(typed: string): string {
  const parts = typed.normalize('NFC').split(/([-/])/).map((part) => part.trim());
  return parts.join('').split(/\s+/).filter(Boolean).join(' ').toUpperCase();
}

/** Every place that cites `id`, by year, then document and position; one row per item, task or other citation. */
export function cites(archive: ArchiveDb, id: string): Citing[] {
  const leads = (column: string) =>
    `(SELECT json_group_array(name) FROM (SELECT name FROM agencies a WHERE a.${column} = c.${column} AND a.role = 'lead' ORDER BY a.position))`;
  // One JSON text for all the places, as for the anniversaries.
  const json = archive.get(
    `SELECT json_group_array(json_array(year, path, number, title, conference, item, task, text, json(lead), raw, line)) AS places FROM (
       SELECT d.year, d.path, d.number, d.title, f.ordinal AS conference, i.number AS item, t.position + 1 AS task, COALESCE(i.text, t.text) AS text,
              CASE WHEN c.item_id IS NOT NULL THEN ${leads('item_id')} WHEN c.task_id IS NOT NULL THEN ${leads('task_id')} ELSE '[]' END AS lead,
              c.raw, c.line, MIN(c.position) AS first
       FROM citations c JOIN documents d ON d.id = c.document_id
       LEFT JOIN items i ON i.id = c.item_id LEFT JOIN conferences f ON f.id = i.conference_id LEFT JOIN tasks t ON t.id = c.task_id
       WHERE c.cited_id = ?
       GROUP BY c.document_id, COALESCE(c.item_id, -1), COALESCE(c.task_id, -1)
       ORDER BY d.year IS NULL, d.year, d.path, first)`,
    [canonicalId(id)],
  );
  type Tuple = [number | null, string, string | null, string | null, number | null, number | null, number | null, string | null, string[], string, number];
  return (JSON.parse(String(json?.places ?? '[]')) as Tuple[]).map((r) => ({
    document: r[1],
    number: r[2],
    title: r[3],
    year: r[0],
    conference: r[4],
    item: r[5],
    task: r[6],
    text: r[7],
    lead: r[8],
    raw: r[9],
    line: r[10],
  }));
}

/** Items (by their conference's quarter) and tasks (by their deadline's) each lead agency has in `year`. */
export function agencies(archive: ArchiveDb, year: number): AgencyLoad[] {
  const rows = archive.all(
    `SELECT name, quarter, SUM(item) AS items, SUM(task) AS tasks FROM (
       SELECT a.name, i.period_quarter AS quarter, 1 AS item, 0 AS task FROM items i JOIN agencies a ON a.item_id = i.id WHERE i.period_year = ? AND a.role = 'lead'
       UNION ALL
       SELECT a.name, t.period_quarter, 0, 1 FROM tasks t JOIN agencies a ON a.task_id = t.id WHERE t.period_year = ? AND a.role = 'lead'
     ) GROUP BY name, quarter ORDER BY name, quarter IS NULL, quarter`,
    [year, year],
  );
  return rows.map((r) => ({ agency: String(r.name), quarter: num(r.quarter), items: Number(r.items), tasks: Number(r.tasks) }));
}

/** The words of a query as the index holds them; empty when it has none. */
export function queryTerms(query: string): string[] {
  return searchKey(query).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Items and tasks holding every word of `query`, diacritics and case aside, best first (BM25). */
export function search(archive: ArchiveDb, query: string, limit = 20): Hit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const rows = archive.all(
    `SELECT s.score, r.item_id, r.task_id, i.number AS item, f.ordinal AS conference, t.position AS task, COALESCE(i.text, t.text) AS text,
            COALESCE(i.start_line, t.start_line) AS start_line, COALESCE(i.start_column, t.start_column) AS start_column,
            COALESCE(i.end_line, t.end_line) AS end_line, COALESCE(i.end_column, t.end_column) AS end_column,
            d.path, d.number, d.title, d.year
     FROM (SELECT docid, bm25(matchinfo(search, 'pcnalx')) AS score FROM search WHERE search MATCH ? ORDER BY score DESC, docid LIMIT ?) s
     JOIN search_rows r ON r.id = s.docid JOIN documents d ON d.id = r.document_id
     LEFT JOIN items i ON i.id = r.item_id LEFT JOIN conferences f ON f.id = i.conference_id LEFT JOIN tasks t ON t.id = r.task_id
     ORDER BY s.score DESC, d.path, start_line`,
    [terms.join(' '), limit],
  );
  return rows.map((r) => ({
    ...place(r),
    kind: r.item_id !== null ? 'item' : 'task',
    conference: num(r.conference),
    item: num(r.item),
    task: r.task === null ? null : Number(r.task) + 1,
    text: String(r.text),
    span: { start: { line: Number(r.start_line), column: Number(r.start_column) }, end: { line: Number(r.end_line), column: Number(r.end_column) } },
    score: Math.round(Number(r.score) * 1000) / 1000,
  }));
}

/** Every lead agency the archive's items and tasks name, with how often, for lint's spelling check. */
export function knownAgencies(archive: ArchiveDb): Map<string, number> {
  return new Map(archive.all("SELECT name, COUNT(*) AS n FROM agencies WHERE role = 'lead' GROUP BY name").map((r) => [String(r.name), Number(r.n)]));
}

function place(r: Row): Place {
  return { document: String(r.path), number: str(r.number), title: str(r.title), year: num(r.year) };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

const str = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: SqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));
