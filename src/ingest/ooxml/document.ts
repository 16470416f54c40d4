import { InputError } from '../../errors.js';
import { tick } from '../../meter.js';
import { tableLines, type CellPart, type TableRow } from '../tables.js';
import { fontOfRunProperties, type StyleSheet } from './styles.js';
import type { Numbering } from './numbering.js';
import { child, elements, MAX_XML_DEPTH, val, type XmlElement, type XmlNode } from './xml.js';

/**
 * Reads word/document.xml into blocks in reading order: each paragraph's text with the label Word
 * displays for its automatic numbering, tables kept as rows of cells, and tracked changes resolved
 * to one view — 'accepted' (insertions in, deletions out) or 'original' (the text before them).
 */
export type Revision = 'accepted' | 'original';

export type Block = ParagraphBlock | TableBlock;

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Numbering label + text, legacy-font runs converted to Unicode. */
  text: string;
  /** The text as stored (no label, no conversion) — what mammoth sees; used to cross-check. */
  stored: string;
}

export interface TableBlock {
  kind: 'table';
  rows: Block[][][];
  /** A two-column layout table (header, Nơi nhận | signature): read column by column. */
  layout: boolean;
  /** Some paragraph inside, nested tables included, has a layout marker (each is tested once). */
  marked: boolean;
}

export interface DocumentReaderOptions {
  revision: Revision;
  styles: StyleSheet;
  numbering: Numbering;
  /** Converts one run of text drawn in `font` to Unicode (identity for Unicode fonts). */
  convert: (text: string, font: string | undefined) => string;
  /** Which encoding a run in `font` is stored in. */
  encodingOf: (font: string | undefined) => string;
  /** In English and Vietnamese; returns a position mark to leave in the text (see ../marks.ts). */
  warn: (message: string, messageVi: string) => string | void;
}

export interface DocumentRead {
  blocks: Block[];
  /** Encodings of the runs that carry text ("unicode", "tcvn3", "vni"). */
  encodings: Set<string>;
  hasRevisions: boolean;
  /** Elements the reader passed over without knowing them: text could hide there. */
  unfamiliar: Set<string>;
}

interface Segment {
  text: string;
  font: string | undefined;
}

/** What a paragraph has read so far; a paragraph whose mark is gone in this view hands it on. */
interface Pending {
  segments: Segment[];
  extras: Block[];
}

const REVISION_ELEMENTS = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);
// The XML reader already bounds nesting; this keeps the recursion bounded on its own too.
const MAX_INLINE_DEPTH = MAX_XML_DEPTH;
const MAX_SYMBOL_FONTS_NAMED = 5;
/** Real documents nest tables two or three deep; deeper ones are read as plain paragraphs. */
export const MAX_TABLE_DEPTH = 8;
/** About 1,500 pages; the text of more would take the parser longer than a reader waits. */
export const MAX_PARAGRAPHS = 50_000;
/** About 1,500 pages of text (paragraph labels and text boxes included). */
export const MAX_TEXT = 4 * 1024 * 1024;

export function readDocument(body: XmlElement, options: DocumentReaderOptions): DocumentRead {
  const reader = new BodyReader(options);
  const blocks = reader.readBlocks(body.children);
  return { blocks, encodings: reader.encodings, hasRevisions: reader.hasRevisions, unfamiliar: reader.unfamiliar };
}

// Elements known to carry no text of the document: passing over them loses nothing.
const SILENT_MARKS = [
  'w:bookmarkStart', 'w:bookmarkEnd', 'w:proofErr', 'w:permStart', 'w:permEnd',
  'w:commentRangeStart', 'w:commentRangeEnd', 'w:moveFromRangeStart', 'w:moveFromRangeEnd',
  'w:moveToRangeStart', 'w:moveToRangeEnd', 'w:customXmlInsRangeStart', 'w:customXmlInsRangeEnd',
  'w:customXmlDelRangeStart', 'w:customXmlDelRangeEnd', 'w:customXmlMoveFromRangeStart',
  'w:customXmlMoveFromRangeEnd', 'w:customXmlMoveToRangeStart', 'w:customXmlMoveToRangeEnd',
];
const SILENT_BLOCKS = new Set(['w:sectPr', 'w:tcPr', 'w:trPr', 'w:tblPr', 'w:tblGrid', ...SILENT_MARKS]);
const SILENT_INLINE = new Set(['w:pPr', ...SILENT_MARKS]);
const SILENT_IN_RUN = new Set([
  'w:rPr', 'w:fldChar', 'w:instrText', 'w:delInstrText', 'w:footnoteReference', 'w:endnoteReference',
  'w:commentReference', 'w:lastRenderedPageBreak', 'w:softHyphen', 'w:annotationRef', 'w:footnoteRef',
  'w:endnoteRef', 'w:separator', 'w:continuationSeparator',
]);

class BodyReader {
  readonly encodings = new Set<string>();
  hasRevisions = false;
  readonly unfamiliar = new Set<string>();
  private readonly warned = new Set<string>();
  private tableDepth = 0;
  private symbolFonts = 0;
  private paragraphs = 0;
  private characters = 0;

  constructor(private readonly options: DocumentReaderOptions) {}

  /** Block-level content of the body, a table cell or a text box, added to `out`. */
  readBlocks(nodes: XmlNode[], out: Block[] = []): Block[] {
    let pending: Pending | null = null;
    const visit = (nodes: XmlNode[], depth: number): void => {
      for (const node of nodes) {
        if (typeof node === 'string') continue;
        switch (node.name) {
          case 'w:p':
            pending = this.readParagraph(node, pending, out);
            break;
          case 'w:tbl':
            if (pending) out.push(...this.finish(null, pending)), (pending = null);
            this.readTable(node, out);
            break;
          case 'w:sdt':
            if (depth < MAX_INLINE_DEPTH) visit(child(node, 'w:sdtContent')?.children ?? [], depth + 1);
            break;
          case 'w:customXml':
            if (depth < MAX_INLINE_DEPTH) visit(node.children, depth + 1);
            break;
          case 'mc:AlternateContent':
            if (depth < MAX_INLINE_DEPTH) visit(alternative(node)?.children ?? [], depth + 1);
            break;
          default:
            if (!SILENT_BLOCKS.has(node.name)) this.unfamiliar.add(node.name);
            break; // sectPr, bookmarks, proofing marks: nothing to read
        }
      }
    };
    visit(nodes, 0);
    if (pending) out.push(...this.finish(null, pending));
    return out;
  }

  /** Returns the content to carry into the next paragraph when this paragraph's mark is gone. */
  private readParagraph(p: XmlElement, carried: Pending | null, out: Block[]): Pending | null {
    const original = this.options.revision === 'original';
    const pPr = child(p, 'w:pPr');
    const markRevision = child(pPr, 'w:rPr');
    const markDeleted = !!child(markRevision, 'w:del') || !!child(markRevision, 'w:moveFrom');
    const markInserted = !!child(markRevision, 'w:ins') || !!child(markRevision, 'w:moveTo');
    const change = child(pPr, 'w:pPrChange');
    if (markDeleted || markInserted || change) this.hasRevisions = true;
    // In the original view a paragraph has the properties it had before the change.
    const properties = original && change ? (child(change, 'w:pPr') ?? pPr) : pPr;

    const styleId = val(properties, 'w:pStyle') ?? this.options.styles.defaultParagraphStyle;
    const paragraphFont = this.options.styles.fontOf(styleId) ?? this.options.styles.defaultFont;
    const content: Pending = carried ?? { segments: [], extras: [] };
    this.readInline(p.children, content, paragraphFont, false, 0);

    const markGone = original ? markInserted : markDeleted;
    if (markGone) return content;
    out.push(...this.finish(properties, content, styleId));
    return null;
  }

  /** Turns read content into the paragraph block (plus any text boxes it anchors). */
  private finish(properties: XmlElement | null | undefined, content: Pending, styleId?: string): Block[] {
    const label = properties === null ? '' : (this.label(properties, styleId) ?? '');
    const merged: Segment[] = [];
    for (const segment of content.segments) {
      const last = merged[merged.length - 1];
      // Runs of one font are converted together: a VNI letter and its tone mark may sit in two runs.
      if (last && last.font === segment.font) last.text += segment.text;
      else merged.push({ ...segment });
    }
    let text = label;
    let stored = '';
    for (const segment of merged) {
      if (/\S/.test(segment.text)) this.encodings.add(this.options.encodingOf(segment.font));
      text += this.options.convert(segment.text, segment.font);
      stored += segment.text;
    }
    this.count(text);
    return [{ kind: 'paragraph', text, stored }, ...content.extras];
  }

  private label(properties: XmlElement | undefined, styleId: string | undefined): string | null {
    const { numbering, styles } = this.options;
    const direct = child(properties, 'w:numPr');
    const fromStyle = styles.numberingOf(styleId);
    const numId = val(direct, 'w:numId') ?? fromStyle?.numId;
    if (numId === undefined) return null;
    const ilvlText =
      val(direct, 'w:ilvl') ??
      (direct && val(direct, 'w:numId') !== undefined ? undefined : fromStyle?.ilvl);
    let ilvl = ilvlText === undefined ? undefined : parseInt(ilvlText, 10);
    if (ilvl === undefined || Number.isNaN(ilvl)) ilvl = numbering.levelForStyle(numId, styleId) ?? 0;
    numbering.takeMarks(); // what came before this paragraph (the definitions) has no place in it
    const label = numbering.next(numId, ilvl);
    const marks = numbering.takeMarks();
    return marks ? marks + (label ?? '') : label;
  }

  /** Runs and the inline wrappers around them. */
  private readInline(nodes: XmlNode[], into: Pending, paragraphFont: string | undefined, deleted: boolean, depth: number): void {
    if (depth > MAX_INLINE_DEPTH) return;
    const original = this.options.revision === 'original';
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      const name = node.name;
      if (name === 'w:r') {
        this.readRun(node, into, paragraphFont, deleted, depth);
      } else if (REVISION_ELEMENTS.has(name)) {
        this.hasRevisions = true;
        const isDeletion = name === 'w:del' || name === 'w:moveFrom';
        if (isDeletion === original) this.readInline(node.children, into, paragraphFont, isDeletion, depth + 1);
      } else if (name === 'w:sdt') {
        this.readInline(child(node, 'w:sdtContent')?.children ?? [], into, paragraphFont, deleted, depth + 1);
      } else if (name === 'mc:AlternateContent') {
        this.readInline(alternative(node)?.children ?? [], into, paragraphFont, deleted, depth + 1);
      } else if (INLINE_WRAPPERS.has(name)) {
        this.readInline(node.children, into, paragraphFont, deleted, depth + 1);
      } else if (!SILENT_INLINE.has(name)) {
        this.unfamiliar.add(name);
      }
      // Everything else (pPr, bookmarks, comment ranges and references, proofing marks, math)
      // adds no text; comments live in comments.xml and are never read.
    }
  }

  private readRun(run: XmlElement, into: Pending, paragraphFont: string | undefined, deleted: boolean, depth: number): void {
    const rPr = child(run, 'w:rPr');
    const font = fontOfRunProperties(rPr) ?? this.options.styles.fontOf(val(rPr, 'w:rStyle')) ?? paragraphFont;
    const push = (text: string) => {
      if (text) into.segments.push({ text, font });
    };
    for (const node of run.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:t':
          push(textOf(node));
          break;
        case 'w:delText':
          if (deleted) push(textOf(node)); // deleted text is only ever shown in the original view
          break;
        case 'w:tab':
        case 'w:ptab':
          push('\t');
          break;
        case 'w:br':
        case 'w:cr':
          push('\n');
          break;
        case 'w:noBreakHyphen':
          push('-'); // symbols such as "36-NQ/TW" are matched with a plain hyphen
          break;
        case 'w:sym':
          push(this.symbol(node));
          break;
        case 'mc:AlternateContent':
          this.readDrawings(alternative(node), into, depth);
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.readDrawings(node, into, depth);
          break;
        default:
          if (!SILENT_IN_RUN.has(node.name)) this.unfamiliar.add(node.name);
          break; // rPr, fldChar, instrText (field codes), footnote and comment references
      }
    }
  }

  /** Text boxes anchored in a run become paragraphs after the anchoring paragraph. */
  private readDrawings(element: XmlElement | undefined, into: Pending, depth: number): void {
    if (!element) return;
    const stack: Array<[XmlElement, number]> = [[element, depth]];
    while (stack.length) {
      const [node, d] = stack.pop()!;
      if (d > MAX_INLINE_DEPTH) continue;
      for (const c of elements(node).reverse()) {
        if (c.name === 'w:txbxContent') into.extras.push(...this.readBlocks(c.children));
        else if (c.name === 'mc:AlternateContent') {
          const chosen = alternative(c);
          if (chosen) stack.push([chosen, d + 1]);
        } else stack.push([c, d + 1]);
      }
    }
  }

  private symbol(sym: XmlElement): string {
    const font = sym.attrs['w:font'] ?? '';
    const code = parseInt(sym.attrs['w:char'] ?? '', 16);
    if (!Number.isNaN(code)) {
      const low = code >= 0xf000 ? code - 0xf000 : code;
      if (/^symbol$/i.test(font) && low >= 0x20 && low < 0x7f) return String.fromCharCode(low);
      if (code < 0xf000 && code >= 0x20) return String.fromCodePoint(code);
    }
    // Named for the first few fonts; a file with thousands of symbol fonts gets one more line.
    // The mark stands where the symbol was.
    const message = `a symbol character from the font "${font}" was left out`;
    if (this.warned.has(message) || this.symbolFonts++ < MAX_SYMBOL_FONTS_NAMED) return this.warnOnce(message, `một ký tự ký hiệu của phông "${font}" đã bị bỏ qua`);
    return this.warnOnce('symbol characters from more fonts were left out', 'các ký tự ký hiệu của những phông khác cũng đã bị bỏ qua');
  }

  /** Refuses a document whose text would take the parser longer than a reader waits. */
  private count(text: string): void {
    this.characters += text.length;
    if (++this.paragraphs > MAX_PARAGRAPHS) {
      throw new InputError(`too many paragraphs (over ${MAX_PARAGRAPHS.toLocaleString('en')})`);
    }
    if (this.characters > MAX_TEXT) throw new InputError(`too much text (over ${MAX_TEXT / 1024 / 1024} MB of characters)`);
  }

  /** A table, or the paragraphs of its cells in order, straight into `out`, when nested too deeply. */
  private readTable(tbl: XmlElement, out: Block[]): void {
    this.tableDepth++;
    try {
      if (this.tableDepth > MAX_TABLE_DEPTH) {
        this.warnOnce(
          `tables nested more than ${MAX_TABLE_DEPTH} deep were read as plain paragraphs`,
          `bảng lồng nhau quá ${MAX_TABLE_DEPTH} cấp được đọc như các đoạn văn thường`,
        );
        for (const cells of this.rowsOf(tbl)) for (const tc of cells) this.readBlocks(tc.children, out);
        return;
      }
      const rows = this.rowsOf(tbl).map((cells) => cells.map((tc) => this.readBlocks(tc.children)));
      const marked = rows.some((row) => row.some((cell) => cell.some(hasLayoutMarker)));
      out.push({ kind: 'table', rows, layout: marked && isLayoutShape(rows), marked });
    } finally {
      this.tableDepth--;
    }
  }

  /** The cells of each row this view shows. */
  private rowsOf(tbl: XmlElement): XmlElement[][] {
    const original = this.options.revision === 'original';
    const rows: XmlElement[][] = [];
    for (const tr of unwrap(tbl, 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      const rowDeleted = !!child(trPr, 'w:del');
      const rowInserted = !!child(trPr, 'w:ins');
      if (rowDeleted || rowInserted) this.hasRevisions = true;
      if (original ? rowInserted : rowDeleted) continue;
      rows.push(unwrap(tr, 'w:tc'));
    }
    return rows;
  }

  /** The position mark of the warning when it is new (to put where it happened), else ''. */
  private warnOnce(message: string, messageVi: string): string {
    if (this.warned.has(message)) return '';
    this.warned.add(message);
    return this.options.warn(message, messageVi) ?? '';
  }
}

const INLINE_WRAPPERS = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:dir', 'w:bdo']);

/** mc:AlternateContent: the Fallback is what every reader understands (mammoth reads it too). */
function alternative(node: XmlElement): XmlElement | undefined {
  return child(node, 'mc:Fallback') ?? child(node, 'mc:Choice');
}

/** Rows of a table or cells of a row, looking through content controls and custom XML. */
function unwrap(parent: XmlElement, name: string, depth = 0): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of elements(parent)) {
    if (c.name === name) out.push(c);
    else if (depth < 8 && c.name === 'w:sdt') out.push(...unwrap(child(c, 'w:sdtContent') ?? c, name, depth + 1));
    else if (depth < 8 && c.name === 'w:customXml') out.push(...unwrap(c, name, depth + 1));
  }
  return out;
}

function textOf(t: XmlElement): string {
  let s = '';
  for (const c of t.children) if (typeof c === 'string') s += c;
  return s;
}

const LAYOUT_MARKERS =
  /ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|^NƠI NHẬN|^(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.)\s|^\*$/mu;

/**
 * The header (issuer, "*", Số… | ĐẢNG CỘNG SẢN VIỆT NAM, date) and footer (Nơi nhận | signature)
 * are two-column tables laid out for the page; a plain-text export of the draft reads them left
 * cell first, then right cell, even when they have several rows. Other tables read row by row.
 * A table is a layout table when it has that shape and a marker somewhere inside.
 */
function isLayoutShape(rows: Block[][][]): boolean {
  return rows.length > 0 && rows.every((row) => row.length <= 2) && rows.some((row) => row.length === 2);
}

/** A nested table knows its answer already, so every paragraph is tested once however deep. */
function hasLayoutMarker(block: Block): boolean {
  if (block.kind === 'table') return block.marked;
  tick(1 + block.text.length);
  return LAYOUT_MARKERS.test(`${block.text.replace(/\s+/g, ' ').trim().normalize('NFC').toUpperCase()}\n`);
}

/**
 * The lines of the blocks in reading order. A layout table is read column by column; any other
 * table one line per row, by the convention every reader shares (../tables.ts).
 */
export function linesOf(blocks: Block[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      lines.push(block.text);
    } else if (block.layout) {
      const columns = Math.max(...block.rows.map((row) => row.length));
      for (let c = 0; c < columns; c++) for (const row of block.rows) lines.push(...linesOf(row[c] ?? []));
    } else {
      const rows: TableRow[] = block.rows.map((row) =>
        row.map((cell) => cell.map((b): CellPart => (b.kind === 'paragraph' ? b.text : { table: linesOf([b]) }))),
      );
      lines.push(...tableLines(rows, false));
    }
  }
  return lines;
}

/** The stored text of every paragraph in document order (tables row by row), as mammoth reads it. */
export function storedParagraphs(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    // Without the position marks (../marks.ts), which mammoth's reading does not have.
    if (block.kind === 'paragraph') out.push(block.stored.replace(/\ufdd0[\s\S]/g, ''));
    else for (const row of block.rows) for (const cell of row) out.push(...storedParagraphs(cell));
  }
  return out;
}

