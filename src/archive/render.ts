import { csvRow } from '../emit/csv.js';
import type { AgencyLoad, Anniversary, Citing, Hit } from './questions.js';

export const FORMATS = ['text', 'json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];
type Lang = 'vi' | 'en';
type Cell = string | number | null;

/** A question's answer as rows: what CSV and Markdown print (JSON prints the answer itself). */
interface Table {
  columns: string[];
  rows: Cell[][];
}

export function render(format: Format, answer: unknown, table: Table, text: () => string): string {
  if (format === 'json') return `${JSON.stringify(answer, null, 2)}\n`;
  if (format === 'csv') return `\ufeff${csvRow(table.columns)}${table.rows.map(csvRow).join('')}`;
  if (format === 'md') return markdown(table);
  return text();
}

function markdown({ columns, rows }: Table): string {
  const cell = (v: Cell) => (v === null ? '' : String(v).replaceAll('\\', '\\\\').replaceAll('|', '\\|').split('\n').map((line) => line.trim()).join(' '));
  const line = (cells: Cell[]) => `| ${cells.map(cell).join(' | ')} |`;
  return `${[line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n')}\n`;
}

/** "HN 2, mục 8" / "conference 2, item 8"; "nhiệm vụ 3" / "task 3". */
function where(r: { conference: number | null; item: number | null; task?: number | null }, lang: Lang): string {
  if (r.item !== null) return lang === 'vi' ? `HN ${r.conference}, mục ${r.item}` : `conference ${r.conference}, item ${r.item}`;
  if (r.task !== null && r.task !== undefined) return lang === 'vi' ? `nhiệm vụ ${r.task}` : `task ${r.task}`;
  return lang === 'vi' ? 'ngoài mục' : 'outside the items';
}

const leadText = (lead: string[], lang: Lang) => (lead.length ? lead.join('; ') : lang === 'vi' ? '(chưa rõ cơ quan chủ trì)' : '(no lead agency)');
const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

export function anniversariesOut(list: Anniversary[], year: number, format: Format, lang: Lang): string {
  const table: Table = {
    columns: ['id', 'kind', 'date', 'issuedBy', 'years', 'action', 'reviews', 'lead', 'draft'],
    rows: list.map((a) => [
      a.id,
      a.kind,
      a.date ?? String(a.issuedYear),
      a.issuedBy,
      a.years,
      a.action,
      a.reviews.map((r) => `${r.year ?? '?'}: ${r.said} (${r.document}, ${where(r, lang)}; ${leadText(r.lead, lang)})`).join(' | '),
      a.lead.join('; '),
      a.draft,
    ]),
  };
  return render(format, { year, anniversaries: list }, table, () => {
    if (list.length === 0) return lang === 'vi' ? `Không có văn bản nào đến kỳ sơ kết, tổng kết trong năm ${year}.\n` : `No cited document comes due for a review in ${year}.\n`;
    const blocks = list.map((a) => {
      const head = `${a.kind} ${a.id} (${[dmy(a.date) ?? a.issuedYear, a.issuedBy].filter(Boolean).join(', ')}): ${a.action} ${a.years} ${lang === 'vi' ? 'năm' : 'years'}`;
      const reviews = a.reviews.length
        ? a.reviews.map((r) => `  ${r.year ?? '?'}  ${r.said}  — ${r.document}:${r.line}, ${where(r, lang)}; ${leadText(r.lead, lang)}`)
        : [lang === 'vi' ? '  (chưa có lần sơ kết, tổng kết nào trong kho)' : '  (no earlier review in the archive)'];
      return [head, ...reviews, `  ${lang === 'vi' ? 'dự thảo' : 'draft'}: ${a.draft}`].join('\n');
    });
    const count = lang === 'vi' ? `${list.length} văn bản đến kỳ sơ kết, tổng kết năm ${year}` : `${list.length} documents come due for a review in ${year}`;
    return `${blocks.join('\n\n')}\n\n${count}\n`;
  });
}

export function citesOut(list: Citing[], id: string, format: Format, lang: Lang): string {
  const table: Table = {
    columns: ['year', 'document', 'number', 'conference', 'item', 'task', 'lead', 'text', 'citation', 'line'],
    rows: list.map((c) => [c.year, c.document, c.number, c.conference, c.item, c.task, c.lead.join('; '), c.text, c.raw, c.line]),
  };
  return render(format, { id, cites: list }, table, () => {
    if (list.length === 0) return lang === 'vi' ? `Không văn bản nào trong kho trích dẫn ${id}.\n` : `Nothing in the archive cites ${id}.\n`;
    const out: string[] = [];
    let year: number | null | undefined;
    for (const c of list) {
      if (c.year !== year) out.push(`${(year = c.year) ?? (lang === 'vi' ? 'không rõ năm' : 'year unknown')}`);
      const what = c.text ?? c.raw;
      out.push(`  ${c.document}:${c.line} ${where(c, lang)}${c.lead.length ? ` — ${c.lead.join('; ')}` : ''}`, `    ${clip(what, 160)}`);
    }
    const documents = new Set(list.map((c) => c.document)).size;
    out.push('', lang === 'vi' ? `${documents} văn bản, ${list.length} chỗ trích dẫn ${id}` : `${documents} documents, ${list.length} places cite ${id}`);
    return `${out.join('\n')}\n`;
  });
}

export function agenciesOut(list: AgencyLoad[], year: number, format: Format, lang: Lang): string {
  const table: Table = { columns: ['agency', 'quarter', 'items', 'tasks'], rows: list.map((a) => [a.agency, a.quarter, a.items, a.tasks]) };
  return render(format, { year, agencies: list }, table, () => {
    if (list.length === 0) return lang === 'vi' ? `Không có mục hay nhiệm vụ nào có cơ quan chủ trì trong năm ${year}.\n` : `No item or task with a lead agency in ${year}.\n`;
    const names = [...new Set(list.map((a) => a.agency))];
    const quarters = [1, 2, 3, 4, null] as const;
    const head = lang === 'vi' ? ['Cơ quan chủ trì', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Chưa rõ quý', 'Cộng'] : ['Lead agency', 'Q1', 'Q2', 'Q3', 'Q4', 'No quarter', 'Total'];
    const cell = (items: number, tasks: number) => (items + tasks === 0 ? '-' : tasks === 0 ? String(items) : `${items}+${tasks}`);
    const rows = names.map((name) => {
      const mine = list.filter((a) => a.agency === name);
      const sum = (q: (typeof quarters)[number] | 'all', k: 'items' | 'tasks') => mine.filter((a) => q === 'all' || a.quarter === q).reduce((n, a) => n + a[k], 0);
      return [name, ...quarters.map((q) => cell(sum(q, 'items'), sum(q, 'tasks'))), cell(sum('all', 'items'), sum('all', 'tasks'))];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
    const note = lang === 'vi' ? `Năm ${year}: số mục hội nghị (+ số nhiệm vụ) mỗi cơ quan chủ trì, theo quý của hội nghị hoặc hạn hoàn thành` : `${year}: conference items (+ tasks) each agency leads, by the quarter of the conference or the deadline`;
    return `${note}\n${[line(head), ...rows.map(line)].join('\n')}\n`;
  });
}

export function searchOut(list: Hit[], query: string, format: Format, lang: Lang): string {
  const table: Table = {
    columns: ['score', 'kind', 'document', 'year', 'line', 'column', 'endLine', 'endColumn', 'conference', 'item', 'task', 'text'],
    rows: list.map((h) => [h.score, h.kind, h.document, h.year, h.span.start.line, h.span.start.column, h.span.end.line, h.span.end.column, h.conference, h.item, h.task, h.text]),
  };
  return render(format, { query, hits: list }, table, () => {
    if (list.length === 0) return lang === 'vi' ? `Không tìm thấy "${query}".\n` : `No item or task matches "${query}".\n`;
    return `${list.map((h) => `${h.document}:${h.span.start.line}:${h.span.start.column} ${where(h, lang)} (${h.year ?? '?'})\n  ${clip(h.text, 160)}`).join('\n')}\n`;
  });
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
