import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { convertLegacyText, encodingName } from '../normalize/legacy-text.js';
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
  const stored = document
    // filterUnicode would turn the drafter's curly quotes into straight ones.
    .getBody({ filterUnicode: false })
    .replace(OPTIONAL_HYPHEN, '\u00ad')
    .replace(/\u2011/g, '-') // Word's non-breaking hyphen, as in the .docx reader
    .replace(/\r\n?/g, '\n');
  const { text, encodings, lines } = convertLegacyText(stored);
  const encoding = encodingName(encodings);
  if (encodings.has('tcvn3')) {
    messages.push({
      severity: 'warning',
      message: 'TCVN3 text recognised without font names: capitals typed in .VnTimeH fonts come out in lower case',
      messageVi: 'nhận ra chữ TCVN3 mà không có tên phông: chữ hoa gõ bằng phông .VnTimeH sẽ thành chữ thường',
      line: lines[0] ?? null,
    });
  }
  if (document.getTextboxes({ includeHeadersAndFooters: false }).trim() !== '') {
    messages.push({
      severity: 'warning',
      message: 'text boxes are not part of the text and were left out',
      messageVi: 'chữ trong các hộp văn bản (text box) không thuộc nội dung văn bản và đã được bỏ qua',
    });
  }
  return { text, format: 'doc', encoding, messages };
}

/**
 * word-extractor 1.0.4 turns Word's optional-hyphen code (0x1F) into the string "undefined" (its
 * replacement table has no entry for it). Inside a word that is a soft hyphen U+00AD — which in
 * .VnTime text is the letter ư, so it must be put back before TCVN3 is recognised.
 */
const OPTIONAL_HYPHEN = /undefined(?=[\p{L}\u00a1-\u00ff])|(?<=[\p{L}\u00a1-\u00ff])undefined/gu;
