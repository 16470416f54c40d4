import { InputError } from '../../errors.js';
import type { IngestMessage } from '../types.js';
import type { XmlElement, XmlNode } from './xml.js';

/** mammoth reads about 40,000 elements a second; a larger file is not cross-checked. */
export const MAX_MAMMOTH_ELEMENTS = 50_000;
/**
 * mammoth de-duplicates its messages pairwise at every level of nesting, which costs about
 * (depth + 3) × kinds² comparisons (measured: 2,000 kinds of unknown element 0.7 s, 16,000 kinds
 * 20 s); real documents need a few hundred thousand.
 */
const MAX_MAMMOTH_COMPARISONS = 10_000_000;
/** Elements whose attribute values mammoth puts in a message (a symbol's font, a missing style). */
const NAMED_IN_MESSAGES = new Set(['w:sym', 'w:br', 'w:pStyle', 'w:rStyle', 'w:tblStyle', 'a:blip', 'v:imagedata']);

/**
 * Why mammoth should not read a file — null when it may: too many elements in all, or too many
 * distinct messages it could raise. `bodies` are the parts it reads as content (document, notes,
 * comments); every element name and every value named in a message counts as a possible message.
 */
export function mammothRefusal(elements: number, bodies: XmlElement[]): { en: string; vi: string } | null {
  if (elements > MAX_MAMMOTH_ELEMENTS) {
    const [n, max] = [elements, MAX_MAMMOTH_ELEMENTS];
    return {
      en: `${n.toLocaleString('en')} XML elements, over the ${max.toLocaleString('en')} it reads in reasonable time`,
      vi: `${n.toLocaleString('vi')} phần tử XML, quá ${max.toLocaleString('vi')} phần tử mà nó đọc được trong thời gian hợp lý`,
    };
  }
  const kinds = new Set<string>();
  let depth = 0;
  const stack: Array<[XmlNode, number]> = bodies.map((b) => [b, 1]);
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    if (typeof node === 'string') continue;
    depth = Math.max(depth, d);
    kinds.add(NAMED_IN_MESSAGES.has(node.name) ? `${node.name} ${Object.values(node.attrs).join(' ')}` : node.name);
    for (const c of node.children) stack.push([c, d + 1]);
  }
  if ((depth + 3) * kinds.size ** 2 <= MAX_MAMMOTH_COMPARISONS) return null;
  return {
    en: `${kinds.size.toLocaleString('en')} kinds of element, style or symbol ${depth} levels deep, whose messages it compares pairwise`,
    vi: `${kinds.size.toLocaleString('vi')} loại phần tử, kiểu hoặc ký hiệu lồng sâu ${depth} cấp, mà nó so sánh từng cặp khi báo lỗi`,
  };
}

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
    // Loaded on first use: most files never need it, and loading it costs a worker ~0.1 s.
    const { default: mammoth } = await import('mammoth');
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (error) {
    const reason = firstLine(error instanceof Error ? error.message : String(error));
    throw new InputError(`corrupt .docx (mammoth: ${reason})`);
  }
  const messages: IngestMessage[] = [];
  for (const m of result.messages) {
    // Style-map notices are about HTML output, which vanban does not use.
    if (/^Unrecognised (paragraph|run|table) style/.test(m.message)) continue;
    // mammoth's own words, quoted as it says them.
    messages.push({ severity: 'warning', message: `mammoth: ${firstLine(m.message)}`, messageVi: `mammoth báo: ${firstLine(m.message)}` });
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
