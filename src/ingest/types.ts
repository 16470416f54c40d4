/** Every ingest module (txt, md, docx, doc, html) returns this; nothing downstream knows the format. */
export type Format = 'txt' | 'md' | 'docx' | 'doc' | 'html';

export interface IngestMessage {
  severity: 'warning' | 'info';
  /** In English; `messageVi` when the reader says it in Vietnamese too. */
  message: string;
  messageVi?: string;
  /** The 1-based line of the text it concerns, when there is one. */
  line?: number | null;
}

export interface Ingested {
  /** One line per paragraph/line, list labels as the reader sees them; not yet normalized. */
  text: string;
  format: Format;
  /** What the text was stored in: "utf-8", "utf-8-bom", "utf-16le", "windows-1258", "tcvn3", ... */
  encoding: string;
  messages: IngestMessage[];
}
