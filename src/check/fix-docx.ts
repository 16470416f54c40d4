import { deflateRawSync } from 'node:zlib';
import { crc32, openZip } from '../ingest/zip-guard.js';
import { FixRefusal, groupBy, type Edit, type Source } from './fix.js';

const MAIN_PART = 'word/document.xml';
const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A w:t element's text, or a character a run shows that is not a w:t (a tab, a symbol): not editable. */
interface Piece {
  /** Offsets in its line. */
  start: number;
  end: number;
  text: string;
  /** For a w:t: where its start tag begins and ends and its end tag begins in the XML. */
  element: { open: number; openEnd: number; close: number; openTag: string } | null;
}

interface Line {
  text: string;
  pieces: Piece[];
}

/**
 * A .docx as the lines of its paragraphs (the text of their w:t runs, in the accepted view), whose
 * edits change only the w:t elements they touch: the new file is the old zip with word/document.xml
 * replaced and every other entry copied byte for byte.
 */
export function docxSource(bytes: Uint8Array): Source {
  const zip = openZip(bytes);
  const data = zip.read(MAIN_PART);
  if (!data) throw new FixRefusal(`has no ${MAIN_PART}`, `không có ${MAIN_PART}`);
  if (data[0] === 0xff || data[0] === 0xfe) throw new FixRefusal(`${MAIN_PART} is stored in UTF-16: only UTF-8 parts are fixed`, `${MAIN_PART} lưu bằng UTF-16: chỉ sửa phần lưu bằng UTF-8`);
  const xml = new TextDecoder('utf-8').decode(data);
  if (!Buffer.from(xml, 'utf8').equals(Buffer.from(data))) throw new FixRefusal(`${MAIN_PART} is not valid UTF-8`, `${MAIN_PART} không hợp lệ UTF-8`);
  const lines = readLines(xml);
  return {
    lines: lines.map((l) => l.text),
    apply(edits) {
      const part = Buffer.from(applyEdits(xml, lines, edits), 'utf8');
      return replaceEntry(bytes, MAIN_PART, part);
    },
  };
}

// ── reading the paragraphs ──

/** Elements whose content the accepted view of the reader does not show. */
const HIDDEN = new Set(['w:del', 'w:moveFrom', 'mc:Choice']);
const SHOWN_AS: Record<string, string> = { 'w:tab': '\t', 'w:ptab': '\t', 'w:br': '\n', 'w:cr': '\n', 'w:noBreakHyphen': '-', 'w:sym': '\ufffc' };

/** The lines of every paragraph, in the order paragraphs open; a scan of the XML that keeps offsets. */
function readLines(xml: string): Line[] {
  const paragraphs: Line[][] = [];
  const open: { name: string; paragraph: Line[] | null }[] = [];
  let hidden = 0;
  let rootChecked = false;
  const current = () => {
    for (let k = open.length - 1; k >= 0; k--) if (open[k]!.paragraph) return open[k]!.paragraph!;
    return null;
  };
  const add = (paragraph: Line[], piece: Omit<Piece, 'start' | 'end'>) => {
    if (piece.text === '\n') {
      paragraph.push({ text: '', pieces: [] });
      return;
    }
    const line = paragraph[paragraph.length - 1]!;
    line.pieces.push({ ...piece, start: line.text.length, end: line.text.length + piece.text.length });
    line.text += piece.text;
  };
  for (let i = xml.indexOf('<'); i !== -1 && i < xml.length; i = xml.indexOf('<', i)) {
    if (xml.startsWith('<!--', i)) {
      i = after(xml, '-->', i);
      continue;
    }
    if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) {
      i = after(xml, '>', i);
      continue;
    }
    const end = tagEnd(xml, i);
    const tag = xml.slice(i, end);
    const closing = tag.startsWith('</');
    const name = /^<\/?([^\s/>]+)/.exec(tag)?.[1] ?? '';
    const empty = tag.endsWith('/>');
    if (!rootChecked && !closing) {
      rootChecked = true;
      if (!tag.includes(`xmlns:w="${W_NAMESPACE}"`)) throw new FixRefusal(`${MAIN_PART} does not use the usual "w:" prefix for WordprocessingML`, `${MAIN_PART} không dùng tiền tố "w:" thông thường`);
    }
    if (closing) {
      const top = open.pop();
      if (top?.name !== name) throw new FixRefusal(`${MAIN_PART} is not well-formed where vanban reads it`, `${MAIN_PART} sai cấu trúc XML`);
      if (HIDDEN.has(name)) hidden--;
      i = end;
      continue;
    }
    const parent = open[open.length - 1]?.name;
    const paragraph = current();
    if (name === 'w:t' && !empty && parent === 'w:r' && hidden === 0 && paragraph) {
      const close = xml.indexOf('<', end);
      if (!xml.startsWith('</w:t>', close)) throw new FixRefusal(`${MAIN_PART} has a w:t element with markup inside`, `${MAIN_PART} có phần tử w:t chứa thẻ bên trong`);
      add(paragraph, { text: decodeEntities(xml.slice(end, close)), element: { open: i, openEnd: end, close, openTag: tag } });
      i = close + '</w:t>'.length;
      continue;
    }
    if (name in SHOWN_AS && parent === 'w:r' && hidden === 0 && paragraph) add(paragraph, { text: SHOWN_AS[name]!, element: null });
    if (!empty) {
      const isParagraph = name === 'w:p' && hidden === 0;
      const lines: Line[] | null = isParagraph ? [{ text: '', pieces: [] }] : null;
      if (lines) paragraphs.push(lines);
      if (HIDDEN.has(name)) hidden++;
      open.push({ name, paragraph: lines });
    }
    i = end;
  }
  return paragraphs.flat();
}

function after(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  if (at === -1) throw new FixRefusal(`${MAIN_PART} is cut short`, `${MAIN_PART} bị cắt cụt`);
  return at + marker.length;
}

/** The end of the tag at `i`, past '>' characters inside quoted attribute values. */
function tagEnd(xml: string, i: number): number {
  let quote = '';
  for (let k = i + 1; k < xml.length; k++) {
    const c = xml[k]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k + 1;
  }
  throw new FixRefusal(`${MAIN_PART} is cut short`, `${MAIN_PART} bị cắt cụt`);
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITY[ref] ?? whole;
  });
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ── writing the edits ──

/**
 * The XML with each edit made in the w:t elements it covers: the replacement goes where the
 * edit starts, the rest of the covered text is removed. An edit over a tab, break or symbol is refused.
 */
function applyEdits(xml: string, lines: readonly Line[], edits: readonly Edit[]): string {
  const changed = new Map<Piece, string>();
  for (const [index, group] of groupBy(edits, (e) => e.line)) {
    const line = lines[index]!;
    for (const edit of [...group].sort((a, b) => b.start - a.start)) {
      const covered = line.pieces.filter((p) => p.end > edit.start && p.start < edit.end);
      if (covered.length === 0 || covered.some((p) => p.element === null)) throw new FixRefusal('a repair covers a tab, a break or a symbol', 'chỗ sửa trùm lên dấu tab, ngắt dòng hoặc ký hiệu');
      covered.forEach((p, k) => {
        const text = changed.get(p) ?? p.text;
        const from = Math.max(edit.start, p.start) - p.start;
        const to = Math.min(edit.end, p.end) - p.start;
        changed.set(p, text.slice(0, from) + (k === 0 ? edit.text : '') + text.slice(to));
      });
    }
  }
  let out = xml;
  for (const [piece, text] of [...changed].sort((a, b) => b[0].element!.open - a[0].element!.open)) {
    const { open, close, openTag } = piece.element!;
    // Word drops a w:t's leading and trailing spaces unless told to keep them.
    const keep = /^\s|\s$/.test(text) && !/xml:space=["']preserve["']/.test(openTag);
    const tag = keep ? openTag.replace(/^<w:t/, '<w:t xml:space="preserve"') : openTag;
    out = out.slice(0, open) + tag + escapeText(text) + out.slice(close);
  }
  return out;
}

// ── the zip ──

const SIG_EOCD = 0x06054b50;

/**
 * The zip with one entry's data replaced (deflated), every other entry's local header and data
 * copied byte for byte, the central directory copied with the offsets and the replaced entry's
 * sizes and checksum updated, and the archive comment kept.
 */
export function replaceEntry(bytes: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const entries = openZip(bytes).entries;
  let eocd = -1;
  for (let p = buffer.length - 22; p >= 0 && p >= buffer.length - 22 - 0xffff; p--) {
    if (buffer.readUInt32LE(p) === SIG_EOCD) {
      eocd = p;
      break;
    }
  }
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  const target = entries.find((e) => e.name === name)!;
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const deflated = deflateRawSync(data);
  const checksum = crc32(data);

  const parts: Buffer[] = [buffer.subarray(0, byOffset[0]?.localHeaderOffset ?? cdOffset)];
  let written = parts[0]!.length;
  const moved = new Map<number, number>();
  byOffset.forEach((entry, k) => {
    const from = entry.localHeaderOffset;
    const to = byOffset[k + 1]?.localHeaderOffset ?? cdOffset;
    moved.set(from, written);
    let block: Buffer;
    if (entry === target) {
      const nameLength = buffer.readUInt16LE(from + 26);
      const header = Buffer.alloc(30);
      buffer.copy(header, 0, from, from + 30);
      header.writeUInt16LE(buffer.readUInt16LE(from + 6) & ~0x0008, 6); // sizes in the header, no data descriptor
      header.writeUInt16LE(8, 8);
      header.writeUInt32LE(checksum, 14);
      header.writeUInt32LE(deflated.length, 18);
      header.writeUInt32LE(data.length, 22);
      header.writeUInt16LE(0, 28);
      block = Buffer.concat([header, buffer.subarray(from + 30, from + 30 + nameLength), deflated]);
    } else block = buffer.subarray(from, to);
    parts.push(block);
    written += block.length;
  });

  const directory = Buffer.from(buffer.subarray(cdOffset, cdOffset + cdSize));
  for (let p = 0; p < directory.length; ) {
    const offset = directory.readUInt32LE(p + 42);
    directory.writeUInt32LE(moved.get(offset)!, p + 42);
    if (offset === target.localHeaderOffset) {
      directory.writeUInt16LE(directory.readUInt16LE(p + 8) & ~0x0008, p + 8);
      directory.writeUInt16LE(8, p + 10);
      directory.writeUInt32LE(checksum, p + 16);
      directory.writeUInt32LE(deflated.length, p + 20);
      directory.writeUInt32LE(data.length, p + 24);
    }
    p += 46 + directory.readUInt16LE(p + 28) + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
  }
  const end = Buffer.from(buffer.subarray(eocd));
  end.writeUInt32LE(written, 16);
  return Buffer.concat([...parts, directory, end]);
}
