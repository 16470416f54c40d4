import { tick } from '../meter.js';
import { charCount } from '../normalize/text.js';
import type { Citation } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * Offsets in the normalized text to 1-based line and column (in characters), plus searches that
 * read line breaks as spaces: a hard-wrapped item or citation is one run of words in the model.
 */
export class TextMap {
  private readonly starts: number[] = [0];
  private flatText: string | null = null;
  private folded: string | null = null;
  /** Per line, whether it holds characters beyond the BMP (two UTF-16 units, one column). */
  private readonly astral = new Map<number, boolean>();

  /** `textKey`: the text's folded key (foldKey), when the caller has made it already. */
  constructor(
    readonly text: string,
    private readonly textKey?: string,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /**
   * The text with every line break read as a space: same length, same offsets. Made when first
   * asked for: most runs read only a few places of it (flatSlice, find), and a copy of a 10 MB
   * text is a tenth of the checks.
   */
  get flat(): string {
    this.flatText ??= this.text.replaceAll('\n', ' ');
    return this.flatText;
  }

  /** `flat.slice(from, to)`, without making `flat`. */
  flatSlice(from: number, to?: number): string {
    return this.flatText !== null ? this.flatText.slice(from, to) : this.text.slice(from, to).replaceAll('\n', ' ');
  }

  /**
   * `flat.indexOf(needle, from)`; -1 may stand for an index more than `within` after `from`. The
   * text near `from` is searched first, then farther, and the whole text only when the needle is
   * not there: most needles (an item's text, a citation) stand a few characters after `from`.
   */
  flatIndexOf(needle: string, from = 0, within = Infinity): number {
    if (this.flatText !== null) return this.flatText.indexOf(needle, from);
    const start = Math.min(Math.max(from, 0), this.text.length);
    for (const near of NEAR) {
      // Every occurrence that starts within `reach` of `start` lies inside this window.
      const reach = Math.min(within, near);
      const end = Math.min(this.text.length, start + reach + needle.length);
      const at = this.flatSlice(start, end).indexOf(needle);
      if (at !== -1) return start + at;
      if (reach === within || end === this.text.length) return -1;
    }
    return this.flat.indexOf(needle, from);
  }

  /** `flat` folded for matching grammar phrases (same length). */
  get key(): string {
    // Folding reads a line break as it reads a space, so the text's own key serves with its breaks made spaces.
    this.folded ??= this.textKey !== undefined && this.textKey.length === this.text.length ? this.textKey.replaceAll('\n', ' ') : foldKey(this.flat);
    return this.folded;
  }

  /**
   * `key.slice(from, to)`, without making `key`: the text's own key sliced and its breaks made
   * spaces there (a whole key was a 10 MB copy for windows of 200 characters).
   */
  keySlice(from: number, to: number): string {
    if (this.folded !== null || this.textKey === undefined || this.textKey.length !== this.text.length) return this.key.slice(from, to);
    const part = this.textKey.slice(from, to);
    return part.includes('\n') ? part.replaceAll('\n', ' ') : part;
  }

  /** `key.slice(from, to)`, where a line break may stay a break: a window read by a pattern that takes either. */
  foldedSlice(from: number, to: number): string {
    if (this.folded !== null || this.textKey === undefined || this.textKey.length !== this.text.length) return this.key.slice(from, to);
    return this.textKey.slice(from, to);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
  }

  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end === -1 ? undefined : end);
  }

  position(offset: number): Position {
    const at = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    // Columns count characters, not UTF-16 units; a line without astral characters needs no
    // counting, so many findings on one long line stay linear.
    const start = this.starts[lo]!;
    let astral = this.astral.get(lo);
    if (astral === undefined) {
      const end = lo + 1 < this.starts.length ? this.starts[lo + 1]! : this.text.length;
      astral = /[\ud800-\udbff]/.test(this.text.slice(start, end));
      this.astral.set(lo, astral);
    }
    tick(astral ? at - start : 1);
    return { line: lo + 1, column: (astral ? charCount(this.text.slice(start, at)) : at - start) + 1 };
  }

  /** Where `needle` first occurs at or after the start of `line`, reading line breaks as spaces. */
  find(needle: string, line: number, within = Infinity): number | null {
    const from = this.lineStart(line);
    const at = this.flatIndexOf(needle, from, within);
    return at === -1 || at - from > within ? null : at;
  }

  /** Start of the line, or where `needle` is on or after it when it can be found. */
  at(line: number, needle?: string | null): Position {
    const found = needle ? this.find(needle, line, 2000) : null;
    return this.position(found ?? this.lineStart(line));
  }

  /** Offset of a citation's number ("11- CT/TW" in "Chỉ thị số 11- CT/TW"), else its start. */
  citationNumber(c: Citation): number {
    const i = c.number === null ? -1 : c.raw.indexOf(c.number, c.kind.length);
    return c.span.start + Math.max(i, 0);
  }
}

// How far from where a search starts the text is searched alone, in turn (TextMap.flatIndexOf).
const NEAR = [256, 4096];

let last: TextMap | null = null;

/** One map per text: every rule of a run shares it. */
export function textMap(text: string): TextMap {
  if (last?.text !== text) last = new TextMap(text);
  return last;
}

/**
 * The map a rule reads: the one runChecks made for the run, else the one for the context's text.
 * Looking the map up by text compares the whole text with the last one's: once per run, not per rule.
 */
export function mapOf(context: { text: string; map?: TextMap | undefined }): TextMap {
  return context.map ?? textMap(context.text);
}
