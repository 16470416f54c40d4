import type { Programme } from '../model/programme.js';
import { AtomicFile } from './atomic.js';

/** One row per item, for spreadsheets: who leads what, when, citing which documents. */
export const CSV_COLUMNS = ['file', 'year', 'conference', 'month', 'item', 'action', 'citations', 'leadAgencies', 'text'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(fields: (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function csvRows(file: string, model: Programme): string {
  let out = '';
  for (const conference of model.conferences) {
    for (const item of conference.items) {
      out += csvRow([
        file,
        model.header.year,
        conference.ordinal,
        conference.time?.month ?? null,
        item.number,
        item.action,
        // A named reference ("Nghị quyết Trung ương 7 khóa X") has no id: its words stand in.
        item.citations.map((c) => c.id ?? c.raw).join('; '),
        item.leadAgencies.join('; '),
        item.text,
      ]);
    }
  }
  return out;
}

export interface ExportPaths {
  csv?: string | undefined;
  ndjson?: string | undefined;
}

/**
 * The CSV and NDJSON exports, in input order, each written to a temporary file and renamed when
 * complete. The CSV starts with a BOM: without it Excel reads UTF-8 as the ANSI code page and
 * the Vietnamese turns to mojibake.
 */
export async function writeExports(paths: ExportPaths, documents: AsyncIterable<{ file: string; model: Programme }>): Promise<void> {
  const files: AtomicFile[] = [];
  try {
    const csv = paths.csv ? await AtomicFile.create(paths.csv) : null;
    if (csv) files.push(csv);
    const ndjson = paths.ndjson ? await AtomicFile.create(paths.ndjson) : null;
    if (ndjson) files.push(ndjson);
    await csv?.write(`\ufeff${csvRow([...CSV_COLUMNS])}`);
    for await (const { file, model } of documents) {
      await csv?.write(csvRows(file, model));
      await ndjson?.write(`${JSON.stringify(model)}\n`);
    }
    for (const f of files) await f.commit();
  } catch (error) {
    for (const f of files) await f.abort();
    throw error;
  }
}
