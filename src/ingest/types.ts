/** Every ingest module (txt, md, docx, doc, html) returns this; nothing downstream knows the format. */
export type Format = 'txt' | 'md' | 'docx' | 'doc' | 'html';

/** What a reader noticed, in both languages; it becomes an ingest-warning or ingest-info finding. */
export interface IngestMessage {
  severity: 'warning' | 'info';
  /** In English. */
  message: string;
  /** In Vietnamese (the default language of findings). */
  messageVi: string;
  /**
   * The 1-based line of the text it concerns, and the column in that line of the normalized text
   * when known. Absent: it concerns the whole file, which the finding places at 1:1.
   */
  line?: number | null;
  column?: number | null;
}

/**
 * How a reader reports what it noticed while reading. It may return a mark to put into the text
 * where the thing happened, which the reader resolves into a line and column (see ./marks.ts).
 */
export type ReaderWarning = (message: string, messageVi: string) => string | void;

export interface Ingested {
  /** One line per paragraph/line, list labels as the reader sees them; not yet normalized. */
  text: string;
  format: Format;
  /** What the text was stored in: "utf-8", "utf-8-bom", "utf-16le", "windows-1258", "tcvn3", ... */
  encoding: string;
  messages: IngestMessage[];
}
