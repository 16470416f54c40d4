import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { looksLikeTcvn3, looksLikeVni, tcvn3ToUnicode, vniToUnicode, type LegacyEncoding } from '../normalize/legacy.js';
import type { IngestMessage, Ingested } from './types.js';
import { isOle2, ole2HasStream, ole2Truncated } from './zip-guard.js';

/** The little of word-extractor's API that is used (the package ships no types). */
interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
  getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean; filterUnicode?: boolean }): string;
}
type WordExtractorClass = new () => { extract(input: Buffer): Promise<WordDocument> };

const WordExtractor = createRequire(import.meta.url)('word-extractor') as WordExtractorClass;

/**
 * A Word 97-2003 .doc to text through word-extractor: the paragraphs of the main text in order,
 * table cells as tab-ended runs (so a two-column header reads left cell, then right cell).
 *
 * What a .doc cannot give back: the numbers of automatic numbering (Word computes them from the
 * list tables; they are not in the text stream) and run fonts, so legacy TCVN3/VNI text is
 * recognised line by line from its letters, and TCVN3 capitals typed in .VnTimeH stay lowercase.
 */
export async function ingestDoc(bytes: Uint8Array): Promise<Ingested> {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (!isOle2(bytes)) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new InputError('not a Word 97-2003 .doc (a zip archive: a .docx renamed .doc?)');
    throw new InputError('not a Word 97-2003 .doc (no OLE2 header)');
  }
  if (ole2Truncated(bytes)) throw new InputError('corrupt .doc (truncated or damaged)');
  if (ole2HasStream(bytes, 'EncryptedPackage')) throw new InputError('encrypted document (password protected)');
  if (!ole2HasStream(bytes, 'WordDocument')) throw new InputError('not a Word 97-2003 .doc (an OLE2 file without a WordDocument stream)');

  let document: WordDocument;
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    // word-extractor trips over cut-off files with buffer range errors that mean nothing to a user.
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_OUT_OF_RANGE') {
      throw new InputError('corrupt .doc (truncated or damaged)');
    }
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
    throw new InputError(`corrupt .doc (${reason})`);
  }

  const messages: IngestMessage[] = [];
  const encodings = new Set<string>();
  const stored = document
    // filterUnicode would turn the drafter's curly quotes into straight ones.
    .getBody({ filterUnicode: false })
    .replace(OPTIONAL_HYPHEN, '\u00ad')
    .replace(/\u2011/g, '-') // Word's non-breaking hyphen, as in the .docx reader
    .split(/\r\n?|\n/);
  const documentEncoding = legacyEncodingOfDocument(stored);
  const lines = stored.map((line) => convertLegacySpans(line, documentEncoding, encodings));
  const encoding = encodingName(encodings);
  if (encodings.has('tcvn3')) {
    messages.push({
      severity: 'warning',
      message: 'TCVN3 text recognised without font names: capitals typed in .VnTimeH fonts come out in lower case',
    });
  }
  if (document.getTextboxes({ includeHeadersAndFooters: false }).trim() !== '') {
    messages.push({ severity: 'warning', message: 'text boxes are not part of the text and were left out' });
  }
  return { text: lines.join('\n'), format: 'doc', encoding, messages };
}

/**
 * word-extractor 1.0.4 turns Word's optional-hyphen code (0x1F) into the string "undefined" (its
 * replacement table has no entry for it). Inside a word that is a soft hyphen U+00AD — which in
 * .VnTime text is the letter ư, so it must be put back before TCVN3 is recognised.
 */
const OPTIONAL_HYPHEN = /undefined(?=[\p{L}\u00a1-\u00ff])|(?<=[\p{L}\u00a1-\u00ff])undefined/gu;

/** Letters only Unicode Vietnamese has (neither TCVN3 nor VNI, both Latin-1 based, can hold them). */
const UNICODE_ONLY_LETTER = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0323]/u;

interface Span {
  text: string;
  /** A word with a Unicode-only letter: certainly not legacy text. */
  unicode: boolean;
}

/** A line cut at words with Unicode-only letters; the text between them may be legacy. */
function spansOf(line: string): Span[] {
  const spans: Span[] = [];
  let between = '';
  for (const token of line.split(/(\s+)/)) {
    if (token !== '' && !/^\s/.test(token) && UNICODE_ONLY_LETTER.test(token)) {
      if (between) spans.push({ text: between, unicode: false });
      spans.push({ text: token, unicode: true });
      between = '';
    } else between += token;
  }
  if (between) spans.push({ text: between, unicode: false });
  return spans;
}

/**
 * Without fonts, legacy text is recognised from its letters, span by span: a line may mix a
 * Unicode run ("Cơ quan chủ trì tham mưu:") with a .VnTime one ("Ban c¸n sù ®¶ng"). A span too
 * short to prove anything ("Sè -CTr/TU") follows the document when the document as a whole is
 * legacy, if it stands alone on its line or has a character Unicode Vietnamese never uses.
 */
function convertLegacySpans(line: string, documentEncoding: LegacyEncoding | null, encodings: Set<string>): string {
  const spans = spansOf(line);
  const alone = spans.length === 1;
  return spans
    .map(({ text, unicode }) => {
      if (unicode) return encodings.add('unicode'), text;
      let encoding: LegacyEncoding | null = looksLikeTcvn3(text) ? 'tcvn3' : looksLikeVni(text) ? 'vni' : null;
      if (!encoding && documentEncoding && /[\u00a1-\u00ff]/.test(text) && (alone || hasNonVietnameseLatin1(text))) {
        encoding = documentEncoding;
      }
      if (encoding === 'tcvn3') return encodings.add('tcvn3'), tcvn3ToUnicode(text, typedInCapitals(text));
      if (encoding === 'vni') return encodings.add('vni'), vniToUnicode(text);
      if (/\p{L}/u.test(text)) encodings.add('unicode');
      return text;
    })
    .join('');
}

/** The legacy encoding of the document's non-Unicode text taken together, if it shows one. */
function legacyEncodingOfDocument(lines: string[]): LegacyEncoding | null {
  const legacyText = lines.map((line) => spansOf(line).filter((span) => !span.unicode).map((span) => span.text).join(' ')).join('\n');
  if (looksLikeTcvn3(legacyText)) return 'tcvn3';
  if (looksLikeVni(legacyText)) return 'vni';
  return null;
}

/** Latin-1 letters and signs Vietnamese in Unicode does not use (Unicode "và", "có" use à, ó). */
function hasNonVietnameseLatin1(span: string): boolean {
  for (const c of span) if (c >= '\u00a1' && c <= '\u00ff' && !VIETNAMESE_LATIN1.includes(c)) return true;
  return false;
}
const VIETNAMESE_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';

/**
 * A .VnTimeH span typed with Caps Lock on: its plain letters are capitals while its toned vowels,
 * which have only lowercase codes, are not. (Typed in lower case, such a span cannot be told apart.)
 */
function typedInCapitals(span: string): boolean {
  const ascii = span.match(/[A-Za-z]/g) ?? [];
  return ascii.length >= 2 && ascii.every((c) => c >= 'A' && c <= 'Z') && /[\u00b5-\u00fe]/.test(span);
}

function encodingName(encodings: Set<string>): string {
  const found = ['unicode', 'tcvn3', 'vni'].filter((e) => encodings.has(e));
  if (found.length === 0) return 'unicode';
  return found.length === 1 ? found[0]! : `mixed:${found.join('+')}`;
}
