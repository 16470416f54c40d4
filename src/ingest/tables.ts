/**
 * How every reader (docx, html, md) writes a table as lines, so nothing downstream knows where a
 * table came from:
 *
 * - a data table is one line per row, its cells joined by " | ", the paragraphs of a cell joined
 *   by one space, and a "|" inside a cell written "¦" so the separator stays unambiguous;
 * - a table nested in a cell follows the row that holds it, as lines of its own;
 * - a table of one column is a frame around paragraphs (a boxed note): its paragraphs are lines;
 * - a layout table (the two-column header "TỈNH ỦY … | ĐẢNG CỘNG SẢN VIỆT NAM", or
 *   "Nơi nhận | signature") is read column by column, the way a plain-text export reads it.
 */

export const CELL_SEPARATOR = ' | ';

/** What a cell holds, in order: the text of its paragraphs, and the lines of tables nested in it. */
export type CellPart = string | { table: string[] };
export type TableRow = CellPart[][];

export function tableLines(rows: TableRow[], layout: boolean): string[] {
  const out: string[] = [];
  const partLines = (part: CellPart) => (typeof part === 'string' ? [part] : part.table);
  if (layout) {
    const columns = Math.max(0, ...rows.map((row) => row.length));
    for (let c = 0; c < columns; c++) for (const row of rows) for (const part of row[c] ?? []) out.push(...partLines(part));
    return out;
  }
  if (rows.every((row) => row.length <= 1)) {
    for (const row of rows) for (const cell of row) for (const part of cell) out.push(...partLines(part));
    return out;
  }
  for (const row of rows) {
    const after: string[] = [];
    const cells = row.map((cell) => {
      const paragraphs: string[] = [];
      for (const part of cell) {
        if (typeof part === 'string') paragraphs.push(part);
        else after.push(...part.table);
      }
      return cellText(paragraphs);
    });
    if (cells.some((cell) => cell !== '')) out.push(cells.join(CELL_SEPARATOR));
    out.push(...after);
  }
  return out;
}

/** A cell's paragraphs (and the line breaks inside them) as one line. */
export function cellText(paragraphs: string[]): string {
  return paragraphs
    .flatMap((p) => p.split(/[\r\n]+/))
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ')
    .replace(/\|/g, '¦');
}

// The same markers as isLayoutTable in ooxml/document.ts, which reads .docx tables.
const LAYOUT_MARKERS =
  /ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|^NƠI NHẬN|^(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.)\s|^\*$/mu;

/** Two columns at most, two in some row, and the words of a header or a signature block. */
export function isLayoutTable(rows: TableRow[]): boolean {
  if (rows.length === 0 || rows.some((row) => row.length > 2) || !rows.some((row) => row.length === 2)) return false;
  const text = rows
    .flat(2)
    .flatMap((part) => (typeof part === 'string' ? [part] : part.table))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .normalize('NFC')
    .toUpperCase();
  return LAYOUT_MARKERS.test(text);
}
