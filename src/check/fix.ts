import type { Format } from '../ingest/types.js';
import type { Diagnostic } from '../model/programme.js';
import { normalizeText } from '../normalize/text.js';
import { SourceLines } from './source-map.js';

/** A finding with a repair (see `Diagnostic.fix`): replace `span` of the normalized text with `text`. */
export type Fixable = Diagnostic & { fix: NonNullable<Diagnostic['fix']> };

/** One replacement in the source: characters start…end of source line `line`. */
export interface Edit {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** A file as lines of source text that edits can be applied to, giving the new file's bytes. */
export interface Source {
  lines: readonly string[];
  apply(edits: readonly Edit[]): Uint8Array;
}

export interface FixResult {
  /** The corrected file; the input bytes when nothing was fixed. */
  bytes: Uint8Array;
  /** Each repair made, with the text it replaced (as normalized). */
  fixed: { finding: Fixable; written: string }[];
  /** Each repair not made, and why (in English and Vietnamese). */
  refused: { finding: Fixable; reason: string; reasonVi: string }[];
}

/** Why a repair was not made, in English and Vietnamese. */
export interface Reason {
  en: string;
  vi: string;
}

/** A file vanban will not fix at all (its format, its encoding): the reason is one line, in English (`message`) and Vietnamese. */
export class FixRefusal extends Error {
  override readonly name = 'FixRefusal';
  constructor(
    message: string,
    readonly vi: string,
  ) {
    super(message);
  }

  get reason(): Reason {
    return { en: this.message, vi: this.vi };
  }
}

export interface FixOptions {
  /** Reads bytes of this format to the text normalizeText takes (the ingest readers). */
  read: (bytes: Uint8Array) => Promise<string>;
  /** The file as source lines; throws FixRefusal when it cannot be edited safely. */
  source: (bytes: Uint8Array) => Promise<Source>;
}

export const isFixable = (d: Diagnostic): d is Fixable => d.fix !== undefined;

/**
 * Applies the repairs of `findings` to the file's bytes. Spans refer to the normalized text: each
 * is placed in the source by finding the same text there (the k-th place in the normalized text
 * is the k-th in the source, when both have the same number), through a character map of its
 * line. The result is read again and must normalize to exactly the text with the repairs made;
 * a repair that cannot be placed or checked that way is refused, never guessed.
 */
export async function fixBytes(bytes: Uint8Array, findings: readonly Diagnostic[], options: FixOptions): Promise<FixResult> {
  const wanted = findings.filter(isFixable);
  if (wanted.length === 0) return { bytes, fixed: [], refused: [] };
  const normalized = normalizeText(await options.read(bytes));
  const source = await options.source(bytes);
  const lines = new SourceLines(source.lines);
  const refused: FixResult['refused'] = [];
  const planned: { finding: Fixable; edit: Edit }[] = [];
  const byNeedle = groupBy(wanted, (d) => normalized.slice(d.fix.span.start, d.fix.span.end));
  for (const [needle, group] of byNeedle) {
    const inText = occurrences(normalized, needle);
    const inSource = lines.occurrences(needle);
    for (const finding of group) {
      const k = inText.indexOf(finding.fix.span.start);
      const place = inSource[k];
      const refuse = (why: Reason) => refused.push({ finding, reason: why.en, reasonVi: why.vi });
      if (needle === '' || needle.includes('\n') || k === -1) refuse({ en: 'its span is not a run of text on one line', vi: 'đoạn cần sửa không nằm gọn trên một dòng' });
      else if (inText.length !== inSource.length) {
        refuse({
          en: `'${needle}' is ${times(inText.length)} in the text but ${times(inSource.length)} in the file`,
          vi: `'${needle}' có ${inText.length} lần trong văn bản nhưng ${inSource.length} lần trong tệp`,
        });
      } else if (!place) refuse(UNMAPPED);
      else planned.push({ finding, edit: { line: place.line, start: place.start, end: place.end, text: finding.fix.text } });
    }
  }
  // The file with the chosen repairs, if it reads back as the text with them; else why not.
  const attempt = async (chosen: typeof planned): Promise<Uint8Array | Reason> => {
    let out: Uint8Array;
    try {
      out = source.apply(chosen.map((p) => p.edit));
    } catch (error) {
      if (error instanceof FixRefusal) return error.reason;
      throw error;
    }
    const expected = withRepairs(normalized, chosen.map((p) => p.finding));
    return normalizeText(await options.read(out)) === expected ? out : READ_BACK;
  };
  if (planned.length === 0) return { bytes, fixed: [], refused };
  let result = await attempt(planned);
  let kept = planned;
  if (!(result instanceof Uint8Array)) {
    // One repair that cannot be made must not cost the others: keep those that check alone.
    kept = [];
    const why = new Map<(typeof planned)[number], Reason>();
    for (const p of planned) {
      const alone = await attempt([p]);
      if (!(alone instanceof Uint8Array)) why.set(p, alone);
      else kept.push(p);
    }
    result = kept.length ? await attempt(kept) : READ_BACK;
    if (!(result instanceof Uint8Array)) kept = [];
    for (const p of planned) {
      const reason = why.get(p) ?? (result instanceof Uint8Array ? READ_BACK : result);
      if (!kept.includes(p)) refused.push({ finding: p.finding, reason: reason.en, reasonVi: reason.vi });
    }
  }
  return { bytes: result instanceof Uint8Array ? result : bytes, fixed: kept.map((p) => ({ finding: p.finding, written: normalized.slice(p.finding.fix.span.start, p.finding.fix.span.end) })), refused };
}

const READ_BACK: Reason = { en: 'the corrected file does not read back as the corrected text', vi: 'tệp đã sửa đọc lại không ra đúng văn bản đã sửa' };
const UNMAPPED: Reason = {
  en: 'its line cannot be mapped back to the file exactly (legacy TCVN3/VNI letters, or characters that compose across each other)',
  vi: 'dòng của nó không ánh xạ chính xác về tệp được (chữ TCVN3/VNI, hoặc ký tự tổ hợp với nhau)',
};

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** Offsets of `needle` in `text`, line by line (never across a line break), in order. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/** The normalized text with the repairs made. */
export function withRepairs(text: string, findings: readonly Fixable[]): string {
  let out = text;
  for (const d of [...findings].sort((a, b) => b.fix.span.start - a.fix.span.start)) out = out.slice(0, d.fix.span.start) + d.fix.text + out.slice(d.fix.span.end);
  return out;
}

/** Edits of one line applied from the last to the first, so that earlier offsets stay valid. */
export function editLine(line: string, edits: readonly Edit[]): string {
  let out = line;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u0085/g;

/**
 * A UTF-8 text file (.txt, .md) as its lines. Only a file whose bytes are exactly the UTF-8 of
 * its text (with or without BOM) is edited, so every byte outside a repair stays as it was, line
 * ends included; a legacy or UTF-16 file is refused rather than re-encoded.
 */
export function textSource(bytes: Uint8Array, encoding: string): Source {
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
    throw new FixRefusal(
      `stored in ${encoding}: only UTF-8 files are fixed, rather than re-encoded and corrupted`,
      `lưu bằng mã ${encoding}: chỉ sửa tệp UTF-8, không chuyển mã để khỏi làm hỏng tệp`,
    );
  }
  const bom = encoding === 'utf-8-bom' ? 3 : 0;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom));
  if (!Buffer.from(text, 'utf8').equals(Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom))) {
    throw new FixRefusal('has bytes that are not valid UTF-8: fixing it would change them', 'có byte không hợp lệ UTF-8: sửa sẽ làm thay đổi chúng');
  }
  const lines: string[] = [];
  const breaks: string[] = [];
  let last = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    lines.push(text.slice(last, m.index));
    breaks.push(m[0]);
    last = m.index + m[0].length;
  }
  lines.push(text.slice(last));
  return {
    lines,
    apply(edits) {
      const byLine = groupBy(edits, (e) => e.line);
      const out = lines.map((line, i) => (byLine.has(i) ? editLine(line, byLine.get(i)!) : line) + (breaks[i] ?? '')).join('');
      return Buffer.concat([bytes.subarray(0, bom), Buffer.from(out, 'utf8')]);
    },
  };
}

/** The formats `--fix` can write back. */
export const FIXABLE_FORMATS: readonly Format[] = ['txt', 'md', 'docx'];

/** Map.groupBy, which Node.js 20 lacks. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
