import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { toRoman } from '../recognise/numbers.js';
import { isLayoutTable, tableLines, type CellPart, type TableRow } from './tables.js';
import { decodeText, looksBinary } from './text.js';
import type { IngestMessage, Ingested } from './types.js';

/**
 * A saved web page (.html, .htm) to one line per block, in reading order, the way a browser shows
 * it: paragraphs, headings, list items and divs are lines, <br> breaks a line, ordered-list items
 * carry the number they display ("3. "), bullets a "- ", tables follow the shared convention of
 * tables.ts. Scripts, styles, the <head>, comments and hidden elements are not document text.
 *
 * The markup is parsed by hast-util-from-html (parse5, the HTML5 parsing algorithm browsers use):
 * entities, unclosed and misnested tags come out as a browser shows them.
 */
export function ingestHtml(bytes: Uint8Array): Ingested {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (looksBinary(bytes)) throw new InputError('not an HTML file (binary data)');
  const messages: IngestMessage[] = [];
  const { text, encoding } = decodeHtml(bytes, messages);
  if (!/<[a-z!?/]/i.test(text)) {
    messages.push({ severity: 'info', message: 'no HTML markup in the file: read as plain text', messageVi: 'tệp không có thẻ HTML: đã đọc như văn bản thường' });
    return { text: text.replace(/^\ufeff/, ''), format: 'html', encoding, messages };
  }
  const tree = parseHtml(text);
  const writer = new Writer();
  writer.children(tree, 0);
  writer.boundary();
  return { text: writer.flat().join('\n'), format: 'html', encoding, messages };
}

/**
 * The hast tree of the page. parse5 builds the tree without recursion, but hast-util-from-parse5
 * converts it recursively: elements nested a few thousand deep (no real page comes near) exhaust
 * the stack, which is a refusal of the input, not a crash.
 */
function parseHtml(text: string): Root {
  try {
    return fromHtml(text);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError('HTML nested too deeply to read');
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Encoding

/**
 * The page's bytes to a string: a BOM is proof; then the charset the page declares in its first
 * bytes (<meta charset>, <meta http-equiv="Content-Type" content="…; charset=…">, an XML
 * declaration), unless the bytes plainly contradict it; else the plain-text guess of text.ts
 * (UTF-8 when valid, then UTF-16 without BOM, then Windows-1258).
 */
export function decodeHtml(bytes: Uint8Array, messages: IngestMessage[] = []): { text: string; encoding: string } {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) return guess(bytes, messages);
  const declared = declaredCharset(bytes);
  if (!declared) return guess(bytes, messages);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const utf8 = strictUtf8(bytes);
  if (declared === 'utf-8') {
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
    const guessed = guess(bytes, messages);
    messages.push({
      severity: 'info',
      message: `the page declares charset utf-8 but is not UTF-8: read as ${guessed.encoding}`,
      messageVi: `trang khai báo bảng mã utf-8 nhưng không phải UTF-8: đã đọc theo ${guessed.encoding}`,
    });
    return guessed;
  }
  if (!iconv.encodingExists(declared)) {
    const guessed = guess(bytes, messages);
    messages.push({
      severity: 'info',
      message: `the page declares an unknown charset "${declared}": read as ${guessed.encoding}`,
      messageVi: `trang khai báo bảng mã không rõ "${declared}": đã đọc theo ${guessed.encoding}`,
    });
    return guessed;
  }
  // Valid UTF-8 with multi-byte sequences is never a legacy single-byte page: a page re-saved as
  // UTF-8 whose old declaration stayed behind.
  if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) {
    messages.push({
      severity: 'info',
      message: `the page declares charset ${declared} but is UTF-8: read as utf-8`,
      messageVi: `trang khai báo bảng mã ${declared} nhưng thực ra là UTF-8: đã đọc theo utf-8`,
    });
    return { text: utf8, encoding: 'utf-8' };
  }
  return { text: iconv.decode(buffer, declared), encoding: declared };
}

/** The plain-text guess, with what it noticed (bad UTF-8 bytes) kept. */
function guess(bytes: Uint8Array, messages: IngestMessage[]): { text: string; encoding: string } {
  const decoded = decodeText(bytes);
  messages.push(...decoded.messages);
  return { text: decoded.text, encoding: decoded.encoding };
}

const CHARSET_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  // A <meta> that can be read as ASCII is not UTF-16, whatever it says (the HTML standard's rule).
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8',
  cp1258: 'windows-1258',
  'x-cp1258': 'windows-1258',
  // Browsers read these labels as Windows-1252 (the WHATWG Encoding Standard).
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
};

/** The charset the page declares in its first 4 KB, lower-cased and unaliased; null if none. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const lower = head.toLowerCase();
  let label: string | undefined;
  // <meta …> tags by indexOf, not a regex: "<meta <meta <meta…" must stay linear.
  for (let at = lower.indexOf('<meta'); at !== -1 && !label; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    label = /charset\s*=\s*["']?([\w.:-]+)/.exec(lower.slice(at, end === -1 ? lower.length : end))?.[1];
    if (end === -1) break;
  }
  if (!label && /^\s*<\?xml\s/i.test(head)) label = /^[^>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head.trimStart())?.[1];
  label = label?.toLowerCase();
  if (!label) return null;
  return CHARSET_ALIASES[label] ?? label;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Tree to lines

/** Elements whose content is not text of the document. */
const SKIPPED = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'meta', 'link', 'base',
  'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video', 'select', 'button', 'textarea',
]);

/** Elements a browser lays out as blocks: each starts and ends a line. */
const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'ul', 'caption', 'option', 'optgroup', 'frameset', 'frame', 'listing', 'xmp', 'plaintext',
]);

/** Nesting deeper than this is read as flat text: a hostile page must not exhaust the stack. */
const MAX_DEPTH = 256;

interface ListContext {
  ordered: boolean;
  next: number;
  step: number;
  type: string;
}

type Item = string | { table: string[] };

/** Collects lines; tables are kept as items so a table cell can tell its text from nested tables. */
class Writer {
  readonly items: Item[] = [];
  private line = '';
  private label = '';
  private pre = 0;
  private readonly lists: ListContext[] = [];

  flat(): string[] {
    return this.items.flatMap((item) => (typeof item === 'string' ? [item] : item.table));
  }

  children(node: Root | Element, depth: number): void {
    for (const child of node.children) this.node(child, depth + 1);
  }

  private node(node: RootContent | ElementContent, depth: number): void {
    if (node.type === 'text') {
      this.text(node.value);
      return;
    }
    if (node.type !== 'element') return; // comments, doctype
    if (depth > MAX_DEPTH) {
      this.text(flatText(node));
      return;
    }
    const name = node.tagName;
    if (SKIPPED.has(name) || hidden(node)) return;
    switch (name) {
      case 'br':
        this.emit(true);
        return;
      case 'table':
        this.boundary();
        this.table(node, depth);
        return;
      case 'ol':
      case 'ul':
      case 'menu':
      case 'dir':
        this.boundary();
        this.lists.push(listContext(node));
        this.children(node, depth);
        this.lists.pop();
        this.boundary();
        return;
      case 'li':
        this.boundary();
        this.label += this.listLabel(node);
        this.children(node, depth);
        this.boundary();
        if (this.label) this.push(this.label.trimEnd()); // an empty item still shows its marker
        this.label = '';
        return;
      case 'pre':
      case 'listing':
      case 'xmp':
      case 'plaintext':
      case 'textarea':
        this.boundary();
        this.pre++;
        this.children(node, depth);
        this.pre--;
        this.boundary();
        return;
      default:
        if (BLOCKS.has(name)) {
          this.boundary();
          this.children(node, depth);
          this.boundary();
        } else {
          this.children(node, depth); // inline: span, b, i, a, font, …
        }
    }
  }

  private text(value: string): void {
    if (this.pre > 0) {
      const parts = value.split(/\r\n?|\n/);
      parts.forEach((part, k) => {
        if (k > 0) this.emit(true);
        this.line += part;
      });
      return;
    }
    const collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
    this.line += this.line.endsWith(' ') && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
  }

  /** The end of a block: the line so far, unless there is no text in it. */
  boundary(): void {
    this.emit(false);
  }

  /** Ends the current line; `always` (a <br>, a new line in <pre>) keeps it even when blank. */
  private emit(always: boolean): void {
    const line = this.line.trim();
    this.line = '';
    if (!/\S/.test(line)) {
      if (always && !this.label) this.push('');
      return;
    }
    this.push(this.label + line);
    this.label = '';
  }

  private push(line: string): void {
    this.items.push(line);
  }

  private listLabel(li: Element): string {
    const list = this.lists[this.lists.length - 1];
    if (!list || !list.ordered) return '- ';
    const value = numberProperty(li, 'value');
    if (value !== null) list.next = value;
    const n = list.next;
    list.next += list.step;
    return `${ordinal(n, list.type)}. `;
  }

  private table(table: Element, depth: number): void {
    const rows: TableRow[] = [];
    const caption: string[] = [];
    const visit = (node: Element, d: number): void => {
      for (const child of node.children) {
        if (child.type !== 'element' || hidden(child)) continue;
        if (child.tagName === 'tr') rows.push(this.row(child, d + 1));
        else if (child.tagName === 'caption') caption.push(...this.cell(child, d + 1).flatMap(partLines));
        else if (d < MAX_DEPTH && (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot')) visit(child, d + 1);
      }
    };
    visit(table, depth);
    this.items.push({ table: [...caption, ...tableLines(rows, isLayoutTable(rows))] });
  }

  private row(tr: Element, depth: number): TableRow {
    const cells: TableRow = [];
    for (const child of tr.children) {
      if (child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th') && !hidden(child)) {
        cells.push(this.cell(child, depth + 1));
      }
    }
    return cells;
  }

  /** A cell read on its own: its paragraphs as text, the tables nested in it as lines. */
  private cell(cell: Element, depth: number): CellPart[] {
    const writer = new Writer();
    writer.children(cell, depth);
    writer.boundary();
    return writer.items;
  }
}

function partLines(part: CellPart): string[] {
  return typeof part === 'string' ? [part] : part.table;
}

function listContext(list: Element): ListContext {
  const ordered = list.tagName === 'ol';
  const reversed = ordered && list.properties['reversed'] !== undefined && list.properties['reversed'] !== false;
  const items = list.children.filter((c) => c.type === 'element' && c.tagName === 'li').length;
  const start = numberProperty(list, 'start') ?? (reversed ? items : 1);
  const type = typeof list.properties['type'] === 'string' ? list.properties['type'] : '1';
  return { ordered, next: start, step: reversed ? -1 : 1, type };
}

function numberProperty(element: Element, name: string): number | null {
  const value = element.properties[name];
  const n = typeof value === 'number' ? value : typeof value === 'string' ? parseInt(value, 10) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** The number an ordered list shows for `n` with its type attribute ("1", "a", "A", "i", "I"). */
function ordinal(n: number, type: string): string {
  if (n >= 1 && n < 4000 && (type === 'i' || type === 'I')) return type === 'i' ? toRoman(n).toLowerCase() : toRoman(n);
  if (n >= 1 && (type === 'a' || type === 'A')) {
    let s = '';
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
    return type === 'A' ? s.toUpperCase() : s;
  }
  return String(n);
}

/** The hidden attribute or an inline display:none (Word's exported pages hide some runs so). */
function hidden(element: Element): boolean {
  const { hidden, style } = element.properties;
  if (hidden !== undefined && hidden !== false && hidden !== null) return true;
  return typeof style === 'string' && /(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)\b/i.test(style);
}

/** The text of a subtree without recursion, for nesting too deep to walk. */
function flatText(root: Element): string {
  let out = '';
  const stack: Array<ElementContent> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element' && !SKIPPED.has(node.tagName)) {
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
    }
  }
  return out;
}
