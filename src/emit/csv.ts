import type { Programme } from '../model/programme.js';

/**
 * One row per conference item, task and schedule entry, for spreadsheets. The first nine columns
 * are those of the item-only CSV earlier versions wrote, in the same places; the rest came later
 * and are appended, so a reader of the old columns still works.
 */
export const CSV_COLUMNS = [
  'file',
  'year',
  'conference',
  'month',
  'item',
  'action',
  'citations',
  'leadAgencies',
  'text',
  'kind',
  'lead',
  'partners',
  'deadline',
  'date',
  'time',
  'chair',
  'place',
  'preparer',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Value = string | number | null;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. Text that
 * opens with = + - @ (or a tab or CR) would be run as a formula by Excel; it gets a leading
 * single quote, as OWASP recommends against CSV injection. Numbers are written as they are.
 */
export function csvField(value: Value): string {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(fields: Value[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

const row = (values: Partial<Record<Column, Value>>) => csvRow(CSV_COLUMNS.map((c) => values[c] ?? null));

/** The header line, with the BOM Excel needs to read UTF-8 (without it the Vietnamese turns to mojibake). */
export function csvHead(): string {
  return `\ufeff${csvRow([...CSV_COLUMNS])}`;
}

/** A document's rows: its items (kind "item"), tasks ("task") and schedule entries ("entry"). */
export function csvRows(file: string, model: Programme): string {
  let out = '';
  const year = model.header.year;
  for (const conference of model.conferences) {
    for (const item of conference.items) {
      const lead = item.leadAgencies.join('; ');
      out += row({
        file,
        year,
        conference: conference.ordinal,
        month: conference.time?.month ?? null,
        item: item.number,
        action: item.action,
        // A named reference ("Nghị quyết Trung ương 7 khóa X") has no id: its words stand in.
        citations: item.citations.map((c) => c.id ?? c.raw).join('; '),
        leadAgencies: lead,
        text: item.text,
        kind: 'item',
        lead,
      });
    }
  }
  model.tasks.forEach((task, i) => {
    const lead = task.lead.join('; ');
    out += row({
      file,
      year,
      item: i + 1,
      leadAgencies: lead,
      text: task.text,
      kind: 'task',
      lead,
      partners: task.partners.join('; '),
      deadline: task.deadline?.raw ?? null,
      date: task.deadline?.date ?? null,
    });
  });
  model.schedule.forEach((entry, i) => {
    out += row({
      file,
      year,
      month: entry.date ? Number(entry.date.slice(5, 7)) : null,
      item: i + 1,
      text: entry.text,
      kind: 'entry',
      date: entry.date,
      time: entry.time,
      chair: entry.chair,
      place: entry.place,
      preparer: entry.preparer,
    });
  });
  return out;
}
