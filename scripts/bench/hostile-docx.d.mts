// Types of scripts/bench/hostile-docx.mjs, for the tests that build .docx files with it.

export const W_NS: string;
export const NS: string;

export interface Entry {
  name: string;
  data: string | Uint8Array;
  /** Lie about the size in the central directory. */
  declaredSize?: number;
  crc?: number;
}

export interface Parts {
  /** The inside of w:body. */
  body: string;
  styles?: string;
  numbering?: string;
  comments?: string;
  footnotes?: string;
  /** Image parts under word/media/, related to the document as rIdImg0, rIdImg1 … */
  media?: Record<string, Uint8Array>;
}

export function zip(entries: Entry[]): Buffer;
export function docx(parts: Parts, override?: Partial<Record<string, Partial<Entry>>>): Buffer;
export function t(text: string): string;
export function p(text: string, pPr?: string): string;
export function num(numId: number, ilvl?: number): string;
/** A picture as Word anchors it in a run, the way mammoth looks for it. */
export function picture(relId: string): string;
export function lvl(ilvl: number, format: string, text: string, extra?: string, start?: number): string;
export const hostileDocx: Record<string, () => Buffer>;
