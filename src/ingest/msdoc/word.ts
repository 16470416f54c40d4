import { InputError } from '../../errors.js';
import { MAX_LEVEL_TEXT } from '../ooxml/numbering.js';
import { Bytes } from './bytes.js';
import type { OleFile } from './ole.js';

/**
 * The parts of a Word 97-2003 binary file ([MS-DOC]) that hold the text and its structure: the
 * File Information Block, the piece table, the paragraph and character property pages, the font
 * table, the style sheet and the list tables. Every count the file declares is checked against
 * the bytes that hold it, so none can make the reader loop or allocate past the file's size.
 */

const corrupt = (why: string) => new InputError(`corrupt .doc (${why})`);

export interface Fib {
  complex: boolean;
  quickSaves: number;
  /** Characters of the main document; the other stories (notes, headers, text boxes) follow. */
  ccpText: number;
  ccpFootnotes: number;
  ccpHeaders: number;
  ccpComments: number;
  ccpEndnotes: number;
  ccpTextboxes: number;
  ccpMacros: number;
  table: Bytes;
  word: Bytes;
  /** (fc, lcb) of each structure in the table stream, by its index in FibRgFcLcb97. */
  fcLcb: (index: number) => { fc: number; lcb: number };
}

export const FC = { stshf: 1, plcfBteChpx: 12, plcfBtePapx: 13, sttbfFfn: 15, plcfFldMom: 16, clx: 33, plcSpaMom: 40, plcftxbxTxt: 56, plfLst: 73, plfLfo: 74 } as const;

export function readFib(ole: OleFile): Fib {
  const wordStream = ole.stream('WordDocument');
  if (!wordStream) throw new InputError('not a Word 97-2003 .doc (an OLE2 file without a WordDocument stream)');
  const word = new Bytes(wordStream, 'WordDocument');
  if (word.length < 68) throw corrupt('the WordDocument stream is cut off');
  const ident = word.u16(0);
  if (ident !== 0xa5ec) throw corrupt('no Word file information block');
  const nFib = word.u16(2);
  if (nFib < 0xc1 && nFib !== 0) throw new InputError('a Word 6/95 file: only Word 97 and later .doc files are read (open it in Word and save it again)');
  const flags = word.u16(10);
  if (flags & 0x0100) throw new InputError('encrypted document (password protected)');
  const tableName = flags & 0x0200 ? '1Table' : '0Table';
  const tableStream = ole.stream(tableName);
  if (!tableStream) throw corrupt(`no ${tableName} stream`);
  let at = 32;
  const csw = word.u16(at);
  at += 2 + 2 * csw;
  const cslw = word.u16(at);
  const lw = at + 2;
  at = lw + 4 * cslw;
  const cbRgFcLcb = word.u16(at);
  const fcLcbStart = at + 2;
  const lwAt = (k: number) => (k < cslw ? word.i32(lw + 4 * k) : 0);
  const table = new Bytes(tableStream, tableName);
  const count = (k: number) => {
    const v = lwAt(k);
    if (v < 0 || v > word.length) throw corrupt('the character counts exceed the file');
    return v;
  };
  return {
    complex: (flags & 0x0004) !== 0,
    quickSaves: (flags >> 4) & 0xf,
    ccpText: count(3),
    ccpFootnotes: count(4),
    ccpHeaders: count(5),
    ccpComments: count(7),
    ccpEndnotes: count(8),
    ccpTextboxes: count(9),
    ccpMacros: count(6),
    table,
    word,
    fcLcb: (index) => (index < cbRgFcLcb ? { fc: word.u32(fcLcbStart + 8 * index), lcb: word.u32(fcLcbStart + 8 * index + 4) } : { fc: 0, lcb: 0 }),
  };
}

/** A structure of the table stream, or null when the file has none. */
function structure(fib: Fib, index: number): { at: number; size: number } | null {
  const { fc, lcb } = fib.fcLcb(index);
  if (lcb === 0) return null;
  if (fc + lcb > fib.table.length) throw corrupt('a table structure lies past the end of its stream');
  return { at: fc, size: lcb };
}

// ── The piece table (CLX) ────────────────────────────────────────────────────

export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the first character in the WordDocument stream. */
  fc: number;
  /** 8-bit (Windows-1252) text rather than UTF-16. */
  compressed: boolean;
  /** Property modifiers of a fast-saved piece (Prm), applied over the FKP's. */
  grpprl: Uint8Array | null;
  /** A Prm0 (single-sprm) modifier vanban does not apply. */
  unappliedPrm: boolean;
}

/** Word's fast saves leave a few thousand pieces at most; a table of more is built to slow the reader. */
export const MAX_PIECES = 100_000;

export function readPieces(fib: Fib): Piece[] {
  const clx = structure(fib, FC.clx);
  if (!clx) throw corrupt('no piece table');
  const t = fib.table;
  const grpprls: Uint8Array[] = [];
  let at = clx.at;
  const end = clx.at + clx.size;
  while (at < end && t.u8(at) === 0x01) {
    const cb = t.i16(at + 1);
    if (cb < 0) throw corrupt('a negative property block in the piece table');
    grpprls.push(t.slice(at + 3, cb));
    at += 3 + cb;
  }
  if (at >= end || t.u8(at) !== 0x02) throw corrupt('no piece table');
  const lcb = t.u32(at + 1);
  const plc = at + 5;
  if (plc + lcb > t.length || lcb < 4 || (lcb - 4) % 12 !== 0) throw corrupt('the piece table is damaged');
  const n = (lcb - 4) / 12;
  if (n > MAX_PIECES) throw corrupt(`more than ${MAX_PIECES.toLocaleString('en')} pieces in the piece table`);
  const pieces: Piece[] = [];
  for (let k = 0; k < n; k++) {
    const cpStart = t.u32(plc + 4 * k);
    const cpEnd = t.u32(plc + 4 * (k + 1));
    if (cpEnd < cpStart) throw corrupt('the piece table is out of order');
    const pcd = plc + 4 * (n + 1) + 8 * k;
    const raw = t.u32(pcd + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
    const prm = t.u16(pcd + 6);
    let grpprl: Uint8Array | null = null;
    let unappliedPrm = false;
    if (prm & 1) grpprl = grpprls[prm >> 1] ?? null;
    else if (prm >> 1 !== 0) unappliedPrm = true;
    pieces.push({ cpStart, cpEnd, fc: Math.floor(fc), compressed, grpprl, unappliedPrm });
  }
  return pieces;
}

// ── Formatted disk pages (FKP): paragraph and character properties by byte range ──

export interface FcRange {
  fcFirst: number;
  fcLim: number;
}
export interface PapxRun extends FcRange {
  istd: number;
  grpprl: Uint8Array;
}
export interface ChpxRun extends FcRange {
  grpprl: Uint8Array;
}

const PAGE = 512;
const NO_PROPERTIES: Uint8Array = new Uint8Array();
/**
 * A page holds up to 101 runs of formatting (29 of paragraphs), so this is some 200,000 runs:
 * as many as the .docx reader's element budget allows, more than a long programme needs.
 */
export const MAX_PROPERTY_PAGES = 2_000;

function pageNumbers(fib: Fib, index: number): number[] {
  const plc = structure(fib, index);
  if (!plc) return [];
  if (plc.size < 4 || (plc.size - 4) % 8 !== 0) throw corrupt('a property page table is damaged');
  const n = (plc.size - 4) / 8;
  if (n > fib.word.length / PAGE) throw corrupt('more property pages than the file holds');
  if (n > MAX_PROPERTY_PAGES) throw corrupt(`more than ${MAX_PROPERTY_PAGES.toLocaleString('en')} property pages`);
  const pages: number[] = [];
  for (let k = 0; k < n; k++) pages.push(fib.table.u32(plc.at + 4 * (n + 1) + 4 * k) & 0x3fffff);
  return pages;
}

function page(fib: Fib, pn: number): Bytes {
  return new Bytes(fib.word.slice(pn * PAGE, PAGE), 'WordDocument');
}

export function readPapx(fib: Fib): PapxRun[] {
  const runs: PapxRun[] = [];
  for (const pn of pageNumbers(fib, FC.plcfBtePapx)) {
    const p = page(fib, pn);
    const crun = p.u8(PAGE - 1);
    if (4 * (crun + 1) + 13 * crun > PAGE - 1) throw corrupt('a paragraph property page is damaged');
    for (let k = 0; k < crun; k++) {
      const fcFirst = p.u32(4 * k);
      const fcLim = p.u32(4 * (k + 1));
      const offset = 2 * p.u8(4 * (crun + 1) + 13 * k);
      let istd = 0;
      let grpprl = NO_PROPERTIES;
      if (offset !== 0) {
        let cb = p.u8(offset);
        let start = offset + 1;
        let size: number;
        if (cb !== 0) size = 2 * cb - 1;
        else {
          cb = p.u8(offset + 1);
          start = offset + 2;
          size = 2 * cb;
        }
        if (size >= 2) {
          const body = p.slice(start, Math.min(size, PAGE - 1 - start));
          istd = body[0]! | (body[1]! << 8);
          grpprl = body.subarray(2);
        }
      }
      runs.push({ fcFirst, fcLim, istd, grpprl });
    }
  }
  return sortRuns(runs);
}

export function readChpx(fib: Fib): ChpxRun[] {
  const runs: ChpxRun[] = [];
  for (const pn of pageNumbers(fib, FC.plcfBteChpx)) {
    const p = page(fib, pn);
    const crun = p.u8(PAGE - 1);
    if (4 * (crun + 1) + crun > PAGE - 1) throw corrupt('a character property page is damaged');
    const shared = new Map<number, Uint8Array>();
    for (let k = 0; k < crun; k++) {
      const fcFirst = p.u32(4 * k);
      const fcLim = p.u32(4 * (k + 1));
      const offset = 2 * p.u8(4 * (crun + 1) + k);
      // Runs of one page often share their properties: one view of them each.
      let grpprl = offset === 0 ? NO_PROPERTIES : shared.get(offset);
      if (!grpprl) shared.set(offset, (grpprl = p.slice(offset + 1, Math.min(p.u8(offset), PAGE - 1 - offset - 1))));
      runs.push({ fcFirst, fcLim, grpprl });
    }
  }
  return sortRuns(runs);
}

function sortRuns<T extends FcRange>(runs: T[]): T[] {
  return runs.filter((r) => r.fcLim > r.fcFirst).sort((a, b) => a.fcFirst - b.fcFirst);
}

/** The run whose range holds `fc`, by binary search; undefined when none does. */
export function runAt<T extends FcRange>(runs: T[], fc: number): T | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcFirst) hi = mid - 1;
    else if (fc >= r.fcLim) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** Index of the first run ending after `fc`. */
export function firstRunAfter(runs: FcRange[], fc: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.fcLim <= fc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ── The font table (SttbfFfn) ────────────────────────────────────────────────

export function readFonts(fib: Fib): string[] {
  const s = structure(fib, FC.sttbfFfn);
  if (!s) return [];
  const t = fib.table;
  const count = t.u16(s.at);
  const end = s.at + s.size;
  const fonts: string[] = [];
  let at = s.at + 4;
  for (let k = 0; k < count && at < end; k++) {
    const size = t.u8(at) + 1;
    if (at + size > end) throw corrupt('the font table is damaged');
    const nameAt = at + 40;
    let name = '';
    for (let c = nameAt; c + 2 <= at + size; c += 2) {
      const code = t.u16(c);
      if (code === 0) break;
      name += String.fromCharCode(code);
    }
    fonts.push(name);
    at += size;
  }
  return fonts;
}

// ── The style sheet (STSH) ───────────────────────────────────────────────────

export interface Style {
  istd: number;
  kind: 'paragraph' | 'character' | 'table' | 'numbering';
  name: string;
  /** The built-in style it is (1–9 are Heading 1–9), 0x0FFE for a user style. */
  sti: number;
  basedOn?: number;
  papx?: Uint8Array;
  chpx?: Uint8Array;
}

export interface StyleSheet {
  styles: Style[];
  /** The default fonts (ASCII, other) of the document. */
  defaultFtc: { ascii: number; other: number } | null;
}

const KINDS = ['paragraph', 'paragraph', 'character', 'table', 'numbering'] as const;

export function readStyleSheet(fib: Fib): StyleSheet {
  const s = structure(fib, FC.stshf);
  if (!s) return { styles: [], defaultFtc: null };
  const t = fib.table;
  const end = s.at + s.size;
  const cbStshi = t.u16(s.at);
  const stshi = s.at + 2;
  const cstd = t.u16(stshi);
  const cbBase = t.u16(stshi + 2);
  const defaultFtc = cbStshi >= 18 ? { ascii: t.u16(stshi + 12), other: t.u16(stshi + 16) } : null;
  const styles: Style[] = [];
  let at = stshi + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= end; istd++) {
    const cbStd = t.u16(at);
    const std = at + 2;
    at = std + cbStd;
    if (cbStd === 0) continue;
    if (at > end) throw corrupt('the style sheet is damaged');
    if (cbStd < cbBase + 2 || cbBase < 10) continue;
    const sti = t.u16(std) & 0x0fff;
    const stk = t.u16(std + 2) & 0x000f;
    const base = t.u16(std + 2) >> 4;
    const cupx = t.u16(std + 4) & 0x000f;
    const nameAt = std + cbBase;
    const cch = t.u16(nameAt);
    if (nameAt + 2 + 2 * cch + 2 > at) continue;
    const style: Style = { istd, kind: KINDS[stk] ?? 'paragraph', name: t.utf16(nameAt + 2, cch), sti };
    if (base !== 0x0fff) style.basedOn = base;
    let upx = nameAt + 2 + 2 * cch + 2;
    for (let k = 0; k < cupx && k < 3; k++) {
      if ((upx - std) % 2) upx++;
      if (upx + 2 > at) break;
      const cb = t.u16(upx);
      if (upx + 2 + cb > at) break;
      const body = t.slice(upx + 2, cb);
      if (style.kind === 'paragraph' && k === 0) style.papx = body.subarray(2);
      else if ((style.kind === 'paragraph' && k === 1) || (style.kind === 'character' && k === 0)) style.chpx = body;
      upx += 2 + cb;
    }
    styles.push(style);
  }
  return { styles, defaultFtc };
}

// ── List tables (PlfLst, PlfLfo) ─────────────────────────────────────────────

export interface ListLevel {
  start: number;
  nfc: number;
  legal: boolean;
  /** 0 restarts after any shallower level; otherwise the level limit, from ilvlRestartLim. */
  noRestart: boolean;
  restartLimit: number;
  /** 0 tab, 1 space, 2 nothing. */
  follow: number;
  /** The number text with level placeholders as "%1" … "%9". */
  text: string;
}

export interface List {
  lsid: number;
  levels: ListLevel[];
  /** Paragraph style linked to each level (0x0FFF = none). */
  styles: number[];
}

export interface ListOverride {
  lsid: number;
  levels: Array<{ ilvl: number; start?: number; level?: ListLevel }>;
}

/** A long programme has a hundred lists or so; thousands are a file built to make the reader work. */
export const MAX_LISTS = 2_000;

export function readLists(fib: Fib): List[] {
  const s = structure(fib, FC.plfLst);
  if (!s) return [];
  const t = fib.table;
  const count = t.i16(s.at);
  if (count < 0 || count > MAX_LISTS || s.at + 2 + 28 * count > s.at + s.size) throw corrupt('the list table is damaged');
  const lists: List[] = [];
  let at = s.at + 2 + 28 * count;
  for (let k = 0; k < count; k++) {
    const lstf = s.at + 2 + 28 * k;
    const simple = (t.u8(lstf + 26) & 1) !== 0;
    const styles: number[] = [];
    for (let l = 0; l < 9; l++) styles.push(t.u16(lstf + 8 + 2 * l));
    const levels: ListLevel[] = [];
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const read = readLevel(t, at);
      levels.push(read.level);
      at = read.next;
    }
    lists.push({ lsid: t.i32(lstf), levels, styles });
  }
  return lists;
}

function readLevel(t: Bytes, at: number): { level: ListLevel; next: number } {
  const start = t.i32(at);
  const nfc = t.u8(at + 4);
  const flags = t.u8(at + 5);
  const placeholders = new Set<number>();
  for (let k = 0; k < 9; k++) {
    const p = t.u8(at + 6 + k);
    if (p === 0) break;
    placeholders.add(p - 1);
  }
  const follow = t.u8(at + 15);
  const cbChpx = t.u8(at + 24);
  const cbPapx = t.u8(at + 25);
  const restartLimit = t.u8(at + 26);
  let next = at + 28 + cbPapx + cbChpx;
  const cch = t.u16(next);
  t.slice(next + 2, 2 * cch); // the whole number text is there…
  // …but only its start is read: the .docx numbering cuts a label at MAX_LEVEL_TEXT anyway.
  const raw = t.utf16(next + 2, Math.min(cch, 2 * MAX_LEVEL_TEXT));
  next += 2 + 2 * cch;
  let text = '';
  let copied = 0;
  for (const k of [...placeholders].sort((a, b) => a - b)) {
    if (k >= raw.length || raw.charCodeAt(k) >= 9) continue;
    text += `${raw.slice(copied, k)}%${raw.charCodeAt(k) + 1}`;
    copied = k + 1;
  }
  text += raw.slice(copied);
  return {
    level: { start, nfc, legal: (flags & 0x04) !== 0, noRestart: (flags & 0x08) !== 0, restartLimit, follow, text },
    next,
  };
}

export function readListOverrides(fib: Fib): ListOverride[] {
  const s = structure(fib, FC.plfLfo);
  if (!s) return [];
  const t = fib.table;
  const count = t.i32(s.at);
  if (count < 0 || count > MAX_LISTS || s.at + 4 + 16 * count > s.at + s.size) throw corrupt('the list override table is damaged');
  const overrides: ListOverride[] = [];
  let data = s.at + 4 + 16 * count;
  for (let k = 0; k < count; k++) {
    const lfo = s.at + 4 + 16 * k;
    const levelCount = t.u8(lfo + 12);
    const override: ListOverride = { lsid: t.i32(lfo), levels: [] };
    if (levelCount > 9) throw corrupt('a list override has more than nine levels');
    data += 4; // every LFO has its LfoData: a cp, then its levels
    {
      for (let l = 0; l < levelCount; l++) {
        const startAt = t.i32(data);
        const bits = t.u8(data + 4);
        data += 8;
        const entry: ListOverride['levels'][number] = { ilvl: bits & 0x0f };
        if (bits & 0x10) entry.start = startAt;
        if (bits & 0x20) {
          const read = readLevel(t, data);
          entry.level = read.level;
          data = read.next;
        }
        override.levels.push(entry);
      }
    }
    overrides.push(override);
  }
  return overrides;
}

// ── Text boxes: shapes anchored in the main text (PlcSpaMom), their stories (PlcftxbxTxt) ──

export interface TextBoxes {
  /** Shape id of the drawn object anchored at each character position of the main text. */
  shapeAt: Map<number, number>;
  /** The character range of each text box story, by its shape id, in document positions. */
  storyOf: Map<number, { from: number; to: number }>;
}

export function readTextBoxes(fib: Fib): TextBoxes {
  const shapeAt = new Map<number, number>();
  const storyOf = new Map<number, { from: number; to: number }>();
  const t = fib.table;
  const spa = structure(fib, FC.plcSpaMom);
  if (spa && spa.size >= 4 && (spa.size - 4) % 30 === 0) {
    const n = (spa.size - 4) / 30;
    for (let k = 0; k < n; k++) shapeAt.set(t.u32(spa.at + 4 * k), t.u32(spa.at + 4 * (n + 1) + 26 * k));
  }
  const txbx = structure(fib, FC.plcftxbxTxt);
  if (txbx && txbx.size >= 4 && (txbx.size - 4) % 26 === 0) {
    // The text box stories follow the main text, notes, headers, comments and endnotes.
    const base = fib.ccpText + fib.ccpFootnotes + fib.ccpHeaders + fib.ccpMacros + fib.ccpComments + fib.ccpEndnotes;
    const n = (txbx.size - 4) / 26;
    for (let k = 0; k < n; k++) {
      const from = t.u32(txbx.at + 4 * k);
      const to = t.u32(txbx.at + 4 * (k + 1));
      const lid = t.u32(txbx.at + 4 * (n + 1) + 22 * k + 14);
      if (to > from && to <= fib.ccpTextboxes && !storyOf.has(lid)) storyOf.set(lid, { from: base + from, to: base + to });
    }
  }
  return { shapeAt, storyOf };
}
