import type { Statement, SqlValue } from 'sql.js';
import { reviewPhrase } from '../check/rules/anniversary-mismatch.js';
import { citationYear } from '../check/describe.js';
import type { Citation, OutlineNode, Programme } from '../model/programme.js';
import { bareKey, foldKey } from '../normalize/fold.js';
import type { Matchers } from '../recognise/compile.js';
import type { ArchiveDb } from './db.js';

/** The text the full-text index holds and the query is turned into: lower case, no marks, đ → d. */
export function searchKey(text: string): string {
  return bareKey(foldKey(text.normalize('NFC')));
}

/** `text` without the characters of `chars` at its end (a loop: a regex like /[,\s]+$/ backtracks). */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]!) || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

/** A review phrase found right before a citation: "Sơ kết 05 năm thực hiện". */
export interface Review {
  /** The grammar's action it begins with ("Sơ kết"), as the grammar spells it. */
  action: string;
  years: number;
  /** The drafter's words, up to the citation. */
  text: string;
}

/** The review phrase that ends right before `citation` in `text` (an item's), or null. */
export function reviewBefore(text: string, raw: string, matchers: Matchers): Review | null {
  const at = text.indexOf(raw);
  if (at < 0) return null;
  const from = Math.max(0, at - 200);
  const m = reviewPhrase(matchers).exec(foldKey(text.slice(from, at)));
  if (!m) return null;
  const said = trimTrailing(text.slice(from + m.index, at), ',');
  const folded = foldKey(said);
  const action = matchers.grammar.checks.anniversary.actions.find((a) => folded.startsWith(foldKey(a))) ?? said.split(' ').slice(0, 2).join(' ');
  return { action, years: Number(m[2]), text: said };
}

const INSERT = {
  document:
    'INSERT INTO documents (path, sha256, format, genre, issuer, number, number_raw, doc_type, title, year, date, date_raw, place, term, draft, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  node: 'INSERT INTO outline_nodes (document_id, parent_id, position, depth, kind, label, role, heading, text, start_line, start_column, end_line, end_column) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
  conference: 'INSERT INTO conferences (document_id, ordinal, title, session, month, quarter, year, tentative, line) VALUES (?,?,?,?,?,?,?,?,?)',
  item: 'INSERT INTO items (document_id, conference_id, number, text, action, period_year, period_quarter, start_line, start_column, end_line, end_column) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
  task: 'INSERT INTO tasks (document_id, position, text, deadline, deadline_date, deadline_quarter, deadline_year, period_year, period_quarter, start_line, start_column, end_line, end_column) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
  agency: 'INSERT INTO agencies (document_id, item_id, task_id, role, name, position) VALUES (?,?,?,?,?,?)',
  citation:
    'INSERT INTO citations (document_id, item_id, task_id, position, raw, kind, number, symbol, cited_id, date, date_text, year, issued_by, term, title, form, start, end, line, review_action, review_years, review_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  searchRow: 'INSERT INTO search_rows (document_id, item_id, task_id) VALUES (?,?,?)',
  search: 'INSERT INTO search (docid, body) VALUES (?,?)',
} as const;

type Kind = keyof typeof INSERT;

/** A document as the database holds it, for `vanban index` to match with the inputs. */
export interface StoredDocument {
  id: number;
  path: string;
  sha256: string;
  /** Its .json file in the batch's output folder, named by its place inside the input folder. */
  json: string | null;
}

/** Writes documents into an archive, one transaction per call, with statements prepared once. */
export class Store {
  private readonly statements = new Map<Kind, Statement>();

  constructor(
    private readonly archive: ArchiveDb,
    private readonly matchers: Matchers,
  ) {}

  private lastIdStatement: Statement | null = null;

  /** Inserts a row; its id for the kinds other rows point to. */
  private insert(kind: Kind, values: SqlValue[]): number {
    let statement = this.statements.get(kind);
    if (!statement) this.statements.set(kind, (statement = this.archive.db.prepare(INSERT[kind])));
    statement.run(values);
    if (kind === 'agency' || kind === 'citation' || kind === 'search') return 0;
    this.lastIdStatement ??= this.archive.db.prepare('SELECT last_insert_rowid()');
    this.lastIdStatement.step();
    const id = Number(this.lastIdStatement.get()[0]);
    this.lastIdStatement.reset();
    return id;
  }

  /** The documents already stored: path → id, sha256 and the .json file they were read from. */
  stored(): Map<string, StoredDocument> {
    return new Map(
      this.archive.all('SELECT id, path, sha256, json FROM documents').map((r) => [String(r.path), { id: Number(r.id), path: String(r.path), sha256: String(r.sha256), json: r.json === null ? null : String(r.json) }]),
    );
  }

  /** A stored document's path, as the inputs now name it. */
  rename(id: number, path: string): void {
    this.archive.db.run('UPDATE documents SET path = ? WHERE id = ?', [path, id]);
  }

  remove(id: number): void {
    const db = this.archive.db;
    // The full-text table is virtual: no cascade reaches it.
    db.run('DELETE FROM search WHERE docid IN (SELECT id FROM search_rows WHERE document_id = ?)', [id]);
    db.run('DELETE FROM documents WHERE id = ?', [id]);
  }

  /** Stores one document's model; `json` is its .json file in the batch's output folder. */
  put(path: string, model: Programme, json: string | null): number {
    const h = model.header;
    const year = h.year ?? h.date?.year ?? null;
    const date = h.date?.year && h.date.month && h.date.day ? `${h.date.year}-${pad(h.date.month)}-${pad(h.date.day)}` : null;
    const documentId = this.insert('document', [
      path,
      model.source.sha256,
      model.source.format,
      model.genre,
      h.issuer,
      h.number?.id ?? null,
      h.number?.raw ?? null,
      h.docType,
      h.title,
      year,
      date,
      h.date?.raw ?? null,
      h.place,
      h.term,
      h.draft ? 1 : 0,
      json,
    ]);
    const nodes = this.putOutline(documentId, model.outline);
    const citationHome = new Map<number, { item: number | null; task: number | null; review: Review | null }>();
    const starts = new Map<number, Programme['citations'][number][]>();
    for (const c of model.citations) starts.set(c.span.start, [...(starts.get(c.span.start) ?? []), c]);

    for (const conference of model.conferences) {
      const t = conference.time;
      const conferenceId = this.insert('conference', [documentId, conference.ordinal, conference.title, conference.session, t?.month ?? null, t?.quarter ?? null, t?.year ?? null, t?.tentative ? 1 : 0, conference.line]);
      const periodYear = t?.year ?? year;
      const quarter = t?.quarter ?? (t?.month ? Math.ceil(t.month / 3) : null);
      for (const item of conference.items) {
        const node = nodes.get(item.line);
        const itemId = this.insert('item', [
          documentId,
          conferenceId,
          item.number,
          item.text,
          item.action,
          periodYear,
          quarter,
          item.line,
          node?.span.start.column ?? 1,
          node?.span.end.line ?? item.line,
          node?.span.end.column ?? 1,
        ]);
        item.leadAgencies.forEach((name, i) => this.insert('agency', [documentId, itemId, null, 'lead', name, i]));
        for (const c of item.citations) citationHome.set(c.span.start, { item: itemId, task: null, review: reviewBefore(item.text, c.raw, this.matchers) });
        this.index(documentId, itemId, null, item.text);
      }
    }

    model.tasks.forEach((task, position) => {
      const d = task.deadline;
      const deadlineMonth = d?.date ? Number(d.date.slice(5, 7)) : null;
      const taskId = this.insert('task', [
        documentId,
        position,
        task.text,
        d?.raw ?? null,
        d?.date ?? null,
        d?.quarter ?? null,
        d?.year ?? null,
        d?.year ?? (d?.date ? Number(d.date.slice(0, 4)) : year),
        d?.quarter ?? (deadlineMonth ? Math.ceil(deadlineMonth / 3) : null),
        task.span.start.line,
        task.span.start.column,
        task.span.end.line,
        task.span.end.column,
      ]);
      task.lead.forEach((name, i) => this.insert('agency', [documentId, null, taskId, 'lead', name, i]));
      task.partners.forEach((name, i) => this.insert('agency', [documentId, null, taskId, 'partner', name, i]));
      // A task's citations: those on its lines not already in an item.
      for (const c of model.citations) {
        if (c.line >= task.span.start.line && c.line <= task.span.end.line && !citationHome.has(c.span.start)) citationHome.set(c.span.start, { item: null, task: taskId, review: null });
      }
      this.index(documentId, null, taskId, task.text);
    });

    model.citations.forEach((c, position) => {
      const home = citationHome.get(c.span.start);
      const review = home?.review ?? null;
      this.insert('citation', [
        documentId,
        home?.item ?? null,
        home?.task ?? null,
        position,
        c.raw,
        c.kind,
        c.number,
        c.symbol,
        citedId(c, model.citations),
        c.date,
        c.dateText,
        c.date ? Number(c.date.slice(0, 4)) : (citationYear(c) ?? c.year),
        c.issuedBy,
        c.term,
        c.title,
        c.form,
        c.span.start,
        c.span.end,
        c.line,
        review?.action ?? null,
        review?.years ?? null,
        review?.text ?? null,
      ]);
    });
    return documentId;
  }

  /** Every node, parents first; the nodes by their first line, for the spans of items. */
  private putOutline(documentId: number, outline: OutlineNode[]): Map<number, OutlineNode> {
    const byLine = new Map<number, OutlineNode>();
    let position = 0;
    const stack: { node: OutlineNode; parent: number | null; depth: number }[] = outline.map((node) => ({ node, parent: null, depth: 0 })).reverse();
    for (let next = stack.pop(); next; next = stack.pop()) {
      const { node, parent, depth } = next;
      const s = node.span;
      const id = this.insert('node', [documentId, parent, position++, depth, node.kind, node.label, node.role, node.heading, node.text, s.start.line, s.start.column, s.end.line, s.end.column]);
      if (!byLine.has(s.start.line)) byLine.set(s.start.line, node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, parent: id, depth: depth + 1 });
    }
    return byLine;
  }

  private index(documentId: number, itemId: number | null, taskId: number | null, text: string): void {
    const row = this.insert('searchRow', [documentId, itemId, taskId]);
    this.insert('search', [row, searchKey(text)]);
  }

  /**
   * The tables derived from all documents, rebuilt: `cited`, one row per canonical id with the
   * date most citations give it (the earliest among equals), and `reviews`, every review item
   * with what the anniversaries list of it, in one narrow row (no joins when asked).
   */
  refreshDerived(): void {
    const db = this.archive.db;
    db.exec('DELETE FROM reviews');
    db.exec(`
      INSERT INTO reviews (cited_id, year, path, number, conference, item, item_id, citation_id, said, years, line, lead)
      SELECT c.cited_id, d.year, d.path, d.number, f.ordinal, i.number, i.id, c.id, c.review_text, c.review_years, c.line,
             (SELECT json_group_array(name) FROM (SELECT name FROM agencies a WHERE a.item_id = i.id AND a.role = 'lead' ORDER BY a.position))
      FROM citations c JOIN items i ON i.id = c.item_id JOIN conferences f ON f.id = i.conference_id JOIN documents d ON d.id = c.document_id
      WHERE c.review_years IS NOT NULL AND c.cited_id IS NOT NULL
      ORDER BY c.cited_id, d.year, d.path, f.ordinal, i.number`);
    db.exec('DELETE FROM cited');
    db.exec(`
      INSERT INTO cited (cited_id, kind, date, year, issued_by, title, citations)
      SELECT cited_id, kind, date, year, issued_by, title, total FROM (
        SELECT cited_id, kind, date, year, issued_by, title, n,
               SUM(n) OVER (PARTITION BY cited_id) AS total,
               ROW_NUMBER() OVER (PARTITION BY cited_id ORDER BY n DESC, date IS NULL, date, year) AS pick
        FROM (
          SELECT cited_id, MIN(kind) AS kind, date, year, MAX(issued_by) AS issued_by, MAX(title) AS title, COUNT(*) AS n
          FROM citations WHERE cited_id IS NOT NULL AND year IS NOT NULL
          GROUP BY cited_id, date, year
        )
      ) WHERE pick = 1`);
    // Whether the archive's reviews write five years "05" (most in the seed's province) or "5".
    const row = this.archive.get(
      "SELECT SUM(review_text GLOB '*[^0-9]0[1-9] *') AS padded, SUM(review_text GLOB '*[^0-9][1-9] *') AS bare FROM citations WHERE review_years BETWEEN 1 AND 9",
    );
    this.archive.setMeta('review_years_padded', Number(row?.padded ?? 0) >= Number(row?.bare ?? 0) ? '1' : '0');
  }

  finish(): void {
    for (const statement of this.statements.values()) statement.free();
    this.statements.clear();
    this.lastIdStatement?.free();
    this.lastIdStatement = null;
  }
}

/** The canonical id a citation names, or that of the full citation a short mention repeats. */
function citedId(c: Citation, all: Citation[]): string | null {
  if (c.id) return c.id;
  return c.refersTo !== null ? (all[c.refersTo]?.id ?? null) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
