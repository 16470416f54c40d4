import { InputError } from '../../errors.js';
import { MAX_PARAGRAPHS, MAX_TEXT } from '../ooxml/document.js';
import {
  applyCharacterSprms,
  applyParagraphSprms,
  characterProperties,
  paragraphProperties,
  type CharacterProperties,
  type ParagraphProperties,
} from './sprm.js';
import { firstRunAfter, runAt, type ChpxRun, type Fib, type PapxRun, type Piece } from './word.js';

/**
 * The main document's characters, in order, cut into paragraphs with their properties: the
 * runs of each (text and character properties), the properties of its mark, and how it ends.
 * Field codes are left out and field results kept, as Word displays them.
 */
export interface Run {
  text: string;
  chp: CharacterProperties;
}

export interface Paragraph {
  runs: Run[];
  pap: ParagraphProperties;
  /** Properties of the paragraph mark (a deleted or inserted mark is a tracked change). */
  mark: CharacterProperties;
  /** 0x07: a table cell's or row's end mark rather than a paragraph mark. */
  cellMark: boolean;
  /** Paragraphs of the text boxes anchored in this one: they follow it, as in the .docx reader. */
  boxes?: Paragraph[];
}

export interface TextNotes {
  /** Pictures, drawn objects, note and comment references met in the text. */
  objects: number;
  /** Field codes whose result is shown (or left out when the field has none). */
  fields: number;
  fieldsWithoutResult: number;
  /** Pieces with a fast-save modifier vanban does not apply. */
  unappliedPrm: boolean;
}

/**
 * 8-bit pieces hold Windows-1252 ([MS-DOC] 2.4.1): Latin-1, except 0x80–0x9F, which are these.
 * (Node's TextDecoder reads 'windows-1252' as Latin-1 where it is built without full ICU.)
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
function decode1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
const utf16 = new TextDecoder('utf-16le');
const MAX_FIELD_DEPTH = 64;
/**
 * Runs of distinct formatting in the whole text: the .docx reader's element budget allows about
 * as many; more is a file built to exhaust memory, one property change per character.
 */
export const MAX_RUNS = 250_000;

/** A drawn object's anchor (0x08) in the text: the shape may be a text box. */
export interface Anchor {
  cp: number;
  /** Index of the paragraph it sits in. */
  paragraph: number;
}

/** The paragraphs of the story at [from, to) in character positions: the main text by default. */
export function readParagraphs(
  fib: Fib,
  pieces: Piece[],
  papx: PapxRun[],
  chpx: ChpxRun[],
  from = 0,
  to = fib.ccpText,
): { paragraphs: Paragraph[]; notes: TextNotes; anchors: Anchor[] } {
  if (to - from > MAX_TEXT) throw new InputError(`too much text (over ${MAX_TEXT / 1024 / 1024} MB of characters)`);
  const anchors: Anchor[] = [];
  const notes: TextNotes = { objects: 0, fields: 0, fieldsWithoutResult: 0, unappliedPrm: false };
  const paragraphs: Paragraph[] = [];
  let runs: Run[] = [];
  // Field nesting: each entry is true while its code is being read (before its separator).
  const fields: Array<{ inCode: boolean; hasResult: boolean }> = [];
  let codes = 0; // fields whose code is being read: their text is not shown
  const inCode = () => codes > 0;

  let runCount = 0;
  const push = (text: string, chp: CharacterProperties) => {
    if (!text || inCode()) return;
    const last = runs[runs.length - 1];
    if (last && last.chp === chp) last.text += text;
    else {
      if (++runCount > MAX_RUNS) throw new InputError(`too many runs of formatting (over ${MAX_RUNS.toLocaleString('en')})`);
      runs.push({ text, chp });
    }
  };
  // One object per distinct set of properties, so that runs of equal formatting merge.
  const shared = new Map<string, CharacterProperties>();
  const plainRun = characterProperties([]);
  const intern = (chp: CharacterProperties) => {
    if (chp.ftcAscii === undefined && chp.ftcOther === undefined && chp.istd === undefined && !chp.symbol && !chp.deleted && !chp.inserted && !chp.special) {
      return plainRun;
    }
    const key = `${chp.ftcAscii},${chp.ftcOther},${chp.istd},${+chp.deleted}${+chp.inserted}${+chp.special},${chp.symbol?.ftc},${chp.symbol?.char}`;
    const known = shared.get(key);
    if (known) return known;
    if (shared.size < MAX_RUNS) shared.set(key, chp);
    return chp;
  };
  const endParagraph = (fc: number, mark: CharacterProperties, cellMark: boolean, piece: Piece) => {
    const run = runAt(papx, fc);
    const pap = paragraphProperties(run?.istd ?? 0, run ? [run.grpprl] : []);
    if (piece.grpprl) applyParagraphSprms(pap, piece.grpprl);
    paragraphs.push({ runs, pap, mark, cellMark });
    runs = [];
    // Row-end marks are paragraphs here, not in the .docx reader's count: twice its limit.
    if (paragraphs.length > 2 * MAX_PARAGRAPHS) throw new InputError(`too many paragraphs (over ${MAX_PARAGRAPHS.toLocaleString('en')})`);
  };

  const sorted = [...pieces].sort((a, b) => a.cpStart - b.cpStart);
  for (const piece of sorted) {
    if (piece.cpStart >= to) break;
    if (piece.cpEnd <= from) continue;
    if (piece.unappliedPrm) notes.unappliedPrm = true;
    const count = Math.min(piece.cpEnd, to) - piece.cpStart;
    const width = piece.compressed ? 1 : 2;
    const bytes = fib.word.slice(piece.fc, count * width);
    const text = piece.compressed ? decode1252(bytes) : utf16.decode(bytes);
    // Character runs over this piece: each CHPX range, cut to the piece.
    let k = Math.max(0, from - piece.cpStart);
    while (k < count) {
      const fc = piece.fc + k * width;
      const index = firstRunAfter(chpx, fc);
      const run = chpx[index];
      const covered = run && run.fcFirst <= fc ? run : undefined;
      const limit = covered ? covered.fcLim : (run?.fcFirst ?? Infinity);
      const n = Math.max(1, Math.min(count - k, Math.ceil((limit - fc) / width)));
      const own = characterProperties(covered ? [covered.grpprl] : []);
      if (piece.grpprl) applyCharacterSprms(own, piece.grpprl);
      const chp = intern(own);
      for (let i = k; i < k + n; i++) {
        let plain = i;
        while (plain < k + n && text.charCodeAt(plain) >= 0x20 && text.charCodeAt(plain) !== 0x28) plain++;
        if (plain > i) {
          push(text.slice(i, plain), chp); // ordinary characters, up to the next special one
          i = plain - 1;
          continue;
        }
        const code = text.charCodeAt(i);
        switch (code) {
          case 0x0d:
            endParagraph(piece.fc + i * width, chp, false, piece);
            break;
          case 0x07:
            endParagraph(piece.fc + i * width, chp, true, piece);
            break;
          case 0x0c: {
            // A section mark ends its paragraph; a page break inside one is a line break.
            const para = runAt(papx, piece.fc + i * width);
            if (para && para.fcLim === piece.fc + (i + 1) * width) endParagraph(piece.fc + i * width, chp, false, piece);
            else push('\n', chp);
            break;
          }
          case 0x0b:
            push('\n', chp);
            break;
          case 0x09:
            push('\t', chp);
            break;
          case 0x1e:
            push('-', chp); // non-breaking hyphen, read as a plain one as in .docx
            break;
          case 0x1f:
            push('\u00ad', chp); // optional hyphen: in .VnTime text this byte is the letter ư
            break;
          case 0x13:
            notes.fields++;
            if (fields.length < MAX_FIELD_DEPTH) fields.push({ inCode: true, hasResult: false }), codes++;
            break;
          case 0x14: {
            const field = fields[fields.length - 1];
            if (field?.inCode) codes--;
            if (field) Object.assign(field, { inCode: false, hasResult: true });
            break;
          }
          case 0x15: {
            const field = fields.pop();
            if (field?.inCode) codes--;
            if (field && !field.hasResult) notes.fieldsWithoutResult++;
            break;
          }
          case 0x28:
            if (chp.symbol && chp.special) push(symbolText(chp.symbol.char), chp);
            else push('(', chp);
            break;
          default:
            if (code === 0x08 && !inCode()) anchors.push({ cp: piece.cpStart + i, paragraph: paragraphs.length });
            if (code !== 0) notes.objects++; // 0x01 picture, 0x02 note, 0x05 comment, 0x08 drawing …
        }
      }
      k += n;
    }
  }
  if (runs.length) paragraphs.push({ runs, pap: paragraphProperties(0, []), mark: characterProperties([]), cellMark: false });
  return { paragraphs, notes, anchors };
}

/** A symbol's character: Symbol-font codes F020–F07E are their ASCII letters, as in .docx. */
function symbolText(char: number): string {
  const low = char >= 0xf000 ? char - 0xf000 : char;
  if (low >= 0x20 && low < 0x7f && char >= 0xf000) return String.fromCharCode(low);
  return char >= 0x20 && char < 0xf000 ? String.fromCodePoint(char) : '';
}
