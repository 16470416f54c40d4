import { InputError } from '../errors.js';
import { legacyFontRuns } from '../normalize/legacy.js';
import { encodingName } from '../normalize/legacy-text.js';
import { linesOf, MAX_TEXT, readDocument, type Revision } from './ooxml/document.js';
import { Numbering } from './ooxml/numbering.js';
import { readStyles } from './ooxml/styles.js';
import { openOle } from './msdoc/ole.js';
import { readParagraphs, type Anchor, type Paragraph, type TextNotes } from './msdoc/paragraphs.js';
import { bodyXml, numberingXml, styleId, stylesXml } from './msdoc/to-ooxml.js';
import { readChpx, readFib, readFonts, readListOverrides, readLists, readPapx, readPieces, readStyleSheet, readTextBoxes, type Fib } from './msdoc/word.js';
import { takeMarks } from './marks.js';
import type { IngestMessage, Ingested } from './types.js';
import { Warnings } from './warnings.js';
import { isOle2, ole2HasStream } from './zip-guard.js';

export interface DocOptions {
  /** Tracked changes: the text with them accepted (default) or as it was before them. */
  revision?: Revision;
}

/**
 * A Word 97-2003 .doc to one line per paragraph, read from the binary format itself ([MS-DOC]):
 * the piece table for the text, the property pages for paragraph and run properties, the list
 * tables for the numbers Word displays, the font table for legacy fonts (TCVN3, VNI) and the
 * table marks for tables. What it reads is handed to the .docx reader as the WordprocessingML it
 * stands for, so both formats share one numbering, one font conversion and one table layout.
 */
export async function ingestDoc(bytes: Uint8Array, options: DocOptions = {}): Promise<Ingested> {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (!isOle2(bytes)) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new InputError('not a Word 97-2003 .doc (a zip archive: a .docx renamed .doc?)');
    throw new InputError('not a Word 97-2003 .doc (no OLE2 header)');
  }
  const ole = openOle(bytes);
  if (ole.stream('EncryptedPackage') || (ole2HasStream(bytes, 'EncryptedPackage') && !ole.stream('WordDocument'))) {
    throw new InputError('encrypted document (password protected)');
  }
  const fib = readFib(ole);
  const pieces = readPieces(fib);
  const fonts = readFonts(fib);
  const papx = readPapx(fib);
  const chpx = readChpx(fib);
  const { paragraphs, notes, anchors } = readParagraphs(fib, pieces, papx, chpx);
  const boxes = placeTextBoxes(fib, anchors, paragraphs, (from, to) => readParagraphs(fib, pieces, papx, chpx, from, to).paragraphs);

  const warnings = new Warnings();
  const numberingRoot = numberingXml(readLists(fib), readListOverrides(fib));
  const styles = readStyles(stylesXml(readStyleSheet(fib), fonts));
  // The shared numbering speaks of numbering.xml; a .doc keeps its lists in the list tables.
  const numbering = new Numbering(numberingRoot, (en, vi) =>
    warnings.add(en.replace('numbering.xml', "the document's list tables"), vi.replace('numbering.xml', 'bảng danh sách của văn bản')),
  );
  numbering.resolveStyleLink = (id) => styles.numberingOf(id)?.numId;
  const revision = options.revision ?? 'accepted';
  const result = readDocument(bodyXml(paragraphs, fonts), {
    revision,
    styles,
    numbering,
    ...legacyFontRuns,
    warn: warnings.add,
  });

  const encoding = encodingName(result.encodings);
  const oldNumbering = paragraphs.some((p) => p.pap.oldNumbering && !p.pap.ilfo && styles.numberingOf(styleId(p.pap.istd))?.numId === undefined);
  const { text, at } = takeMarks(linesOf(result.blocks).join('\n'));
  const messages = [
    ...warnings.all(at),
    ...readerNotes({ fib, notes, unplacedBoxes: boxes.unplaced, oldNumbering, hasRevisions: result.hasRevisions, revision, encoding }),
  ];
  return { text, format: 'doc', encoding, messages };
}

/** What the reader could not render faithfully, or did on the reader's behalf, in both languages. */
function readerNotes(found: {
  fib: Fib;
  notes: TextNotes;
  unplacedBoxes: number;
  oldNumbering: boolean;
  hasRevisions: boolean;
  revision: Revision;
  encoding: string;
}): IngestMessage[] {
  const { fib, notes, unplacedBoxes, revision, encoding } = found;
  const out: IngestMessage[] = [];
  const say = (severity: IngestMessage['severity'], message: string, messageVi: string) => out.push({ severity, message, messageVi });
  if (notes.unappliedPrm) {
    say(
      'warning',
      'a fast-saved .doc: its text is read through the piece table, but formatting kept in fast-save records may be missing (save it again in Word for a faithful reading)',
      'tệp .doc lưu nhanh (fast save): văn bản đọc theo bảng mảnh, nhưng định dạng trong các bản ghi lưu nhanh có thể bị thiếu (mở bằng Word và lưu lại để đọc đầy đủ)',
    );
  } else if (fib.complex) {
    say('info', 'a fast-saved .doc, read through its piece table', 'tệp .doc lưu nhanh (fast save), đã đọc theo bảng mảnh');
  }
  if (found.oldNumbering) {
    say(
      'warning',
      'Word 6/95 automatic numbering (no list table entry) is not shown: those paragraphs lost their numbers',
      'đánh số tự động kiểu Word 6/95 (không có trong bảng danh sách) không hiển thị được: các đoạn đó mất số thứ tự',
    );
  }
  if (unplacedBoxes > 0) {
    say('warning', `${unplacedBoxes} text box(es) whose anchor was not found were left out`, `${unplacedBoxes} khung văn bản (text box) không tìm thấy vị trí neo, đã bỏ qua`);
  }
  if (notes.fieldsWithoutResult > 0) {
    say(
      'warning',
      `${notes.fieldsWithoutResult} field(s) have no displayed result and were left out`,
      `${notes.fieldsWithoutResult} trường (field) không có kết quả hiển thị, đã bỏ qua`,
    );
  }
  if (found.hasRevisions) {
    say(
      'info',
      `tracked changes: showing the ${revision === 'accepted' ? 'text with all changes accepted' : 'original text, before the changes'}`,
      `có theo dõi thay đổi: hiển thị ${revision === 'accepted' ? 'văn bản đã chấp nhận mọi thay đổi' : 'văn bản gốc, trước khi thay đổi'}`,
    );
  }
  if (fib.ccpComments > 0) say('info', 'comments are not part of the text and were left out', 'các chú thích (comment) không thuộc văn bản, đã bỏ qua');
  if (fib.ccpFootnotes > 0 || fib.ccpEndnotes > 0) {
    say('info', 'footnotes and endnotes are not part of the text and were left out', 'chú thích cuối trang không thuộc văn bản, đã bỏ qua');
  }
  if (encoding !== 'unicode') {
    say('info', `legacy-font runs converted to Unicode (${encoding})`, `đoạn văn bản phông cũ đã chuyển sang Unicode (${encoding})`);
  }
  return out;
}

/**
 * Puts the paragraphs of each text box after the paragraph that anchors its shape, as the .docx
 * reader does; each story is read once however many anchors name it. Returns how many stories
 * with text found no anchor.
 */
function placeTextBoxes(fib: Fib, anchors: Anchor[], paragraphs: Paragraph[], read: (from: number, to: number) => Paragraph[]): { unplaced: number } {
  if (fib.ccpTextboxes === 0) return { unplaced: 0 };
  const { shapeAt, storyOf } = readTextBoxes(fib);
  const placed = new Set<number>();
  // Stories may overlap in a hostile file: all the reading of them shares one text budget.
  let budget = MAX_TEXT;
  const readOnce = (story: { from: number; to: number }) => {
    budget -= story.to - story.from;
    if (budget < 0) throw new InputError(`too much text in text boxes (over ${MAX_TEXT / 1024 / 1024} MB of characters)`);
    return read(story.from, story.to);
  };
  for (const anchor of anchors) {
    const shape = shapeAt.get(anchor.cp);
    const story = shape === undefined ? undefined : storyOf.get(shape);
    const host = paragraphs[Math.min(anchor.paragraph, paragraphs.length - 1)];
    if (!story || !host || placed.has(shape!)) continue;
    placed.add(shape!);
    const box = readOnce(story);
    while (box.length && box[box.length - 1]!.runs.every((r) => r.text.trim() === '')) box.pop(); // the story's closing marks
    if (box.length) (host.boxes ??= []).push(...box.map((p) => ({ ...p, pap: { ...p.pap, inTable: false, depth: 0 } })));
  }
  let unplaced = 0;
  for (const [shape, story] of storyOf) {
    if (placed.has(shape)) continue;
    if (readOnce(story).some((p) => p.runs.some((r) => r.text.trim() !== ''))) unplaced++;
  }
  return { unplaced };
}

