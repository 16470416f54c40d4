import mammoth from 'mammoth';
import { InputError } from '../../errors.js';
import type { IngestMessage } from '../types.js';

/**
 * mammoth reads the same .docx independently. Its document tree has the paragraphs and runs but
 * not what vanban needs most — the numbers Word displays (it keeps only "ordered list, level 2"),
 * the text before tracked changes (it drops w:del), fonts beyond w:ascii — so vanban's own reader
 * makes the text and mammoth serves as a second opinion: its warnings become messages, and a
 * paragraph it reads that vanban's reader lost is reported.
 *
 * Call only after zip-guard has vetted the archive and every XML part (sizes, CRCs, depth, no
 * DTDs): mammoth inflates the parts again with jszip, which has no limits of its own.
 */
export async function mammothParagraphs(bytes: Uint8Array): Promise<{ paragraphs: string[]; messages: IngestMessage[] }> {
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    // extractRawText reads the document exactly as convertToHtml does, without writing HTML:
    // a third of the cost for the same paragraphs (separated by blank lines) and messages.
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (error) {
    const reason = firstLine(error instanceof Error ? error.message : String(error));
    throw new InputError(`corrupt .docx (mammoth: ${reason})`);
  }
  const messages: IngestMessage[] = [];
  for (const m of result.messages) {
    // Style-map notices are about HTML output, which vanban does not use.
    if (/^Unrecognised (paragraph|run|table) style/.test(m.message)) continue;
    messages.push({ severity: 'warning', message: `mammoth: ${firstLine(m.message)}` });
  }
  return { paragraphs: result.value.split(/\n\n/), messages };
}

/**
 * Paragraphs mammoth reads that are missing from vanban's reading (in order), compared on
 * letters only: layout (tabs, breaks, soft hyphens) may differ, words may not.
 */
export function missingParagraphs(theirs: string[], ours: string[]): string[] {
  const key = (s: string) => s.replace(/[\s\u00ad\u2011-]+/g, '');
  // Each of mammoth's pieces must occur, in order, in vanban's whole reading: a paragraph that
  // mammoth's raw text splits at a double line break still matches.
  const mine = ours.map(key).join('');
  const missing: string[] = [];
  let at = 0;
  for (const paragraph of theirs) {
    const k = key(paragraph);
    if (!k) continue;
    const found = mine.indexOf(k, at);
    if (found === -1) missing.push(paragraph.replace(/\s+/g, ' ').trim());
    else at = found + k.length;
  }
  return missing;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
