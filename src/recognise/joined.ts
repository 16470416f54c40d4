import { bareKey, foldKey } from '../normalize/fold.js';
import { tick } from '../meter.js';

/**
 * A logical paragraph made of one or more physical lines joined by single spaces (hard-wrapped
 * text), remembering where each piece came from so offsets found in the joined text map back to
 * the normalized text.
 */
export interface JoinedPart {
  text: string;
  start: number;
  line: number;
  key?: string;
  bare?: string | undefined;
}

export class Joined {
  readonly text: string;
  readonly key: string;
  private readonly pieces: { at: number; start: number; line: number }[];
  private bareCache: string | null = null;

  /**
   * A part may bring its folded key and its unmarked key (a line's, or slices of them): folding
   * is per word and unmarking per character, so keys join as texts do.
   */
  constructor(parts: readonly JoinedPart[]) {
    let text = '';
    let key: string | null = '';
    let bare: string | null = '';
    // Sized for the parts, not grown by push: most paragraphs are one line, and a first push
    // makes room for seventeen.
    const pieces = new Array<{ at: number; start: number; line: number }>(parts.length);
    let n = 0;
    for (const part of parts) {
      tick(1 + part.text.length);
      if (part.text === '') continue;
      if (text !== '') {
        text += ' ';
        if (key !== null) key += ' ';
        if (bare !== null) bare += ' ';
      }
      pieces[n++] = { at: text.length, start: part.start, line: part.line };
      text += part.text;
      key = key !== null && part.key !== undefined && part.key.length === part.text.length ? key + part.key : null;
      bare = bare !== null && part.bare !== undefined && part.bare.length === part.text.length ? bare + part.bare : null;
    }
    this.text = text;
    this.key = key ?? foldKey(text);
    // An unmarked key is only trusted beside the folded key it was made from.
    this.bareCache = key !== null ? bare : null;
    if (n < pieces.length) pieces.length = n;
    this.pieces = pieces;
  }

  /** The key without diacritics, one character for one: for keywords whose marks an OCR scrambled. */
  get bare(): string {
    // Callers inline this getter: only the field read, the key made out of line when first asked.
    return this.bareCache ?? this.learnBare();
  }

  private learnBare(): string {
    this.bareCache = bareKey(this.key);
    return this.bareCache;
  }

  /** A sub-range of this paragraph (an item's text after its number), still mapped. */
  slice(from: number): Joined {
    const parts: JoinedPart[] = [];
    const bare = this.bareCache;
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i]!;
      const end = i + 1 < this.pieces.length ? this.pieces[i + 1]!.at - 1 : this.text.length;
      if (end <= from) continue;
      const skip = Math.max(0, from - piece.at);
      let at = piece.at + skip;
      while (at < end && isSpace(this.text.charCodeAt(at))) at++;
      const lead = at - piece.at;
      parts.push({ text: this.text.slice(at, end), start: piece.start + lead, line: piece.line, key: this.key.slice(at, end), bare: bare !== null ? bare.slice(at, end) : undefined });
    }
    return new Joined(parts);
  }

  /**
   * `new Joined([part]).slice(from)` without the whole part's Joined: an item's or a heading's
   * text after its label, from a block of one line.
   */
  static after(part: JoinedPart, from: number): Joined {
    const end = part.text.length;
    if (part.key === undefined || part.key.length !== end) return new Joined([part]).slice(from);
    if (end <= from) return new Joined([]);
    let at = Math.max(0, from);
    while (at < end && isSpace(part.text.charCodeAt(at))) at++;
    const bare = part.bare !== undefined && part.bare.length === end ? part.bare.slice(at) : undefined;
    return new Joined([{ text: part.text.slice(at), start: part.start + at, line: part.line, key: part.key.slice(at), bare }]);
  }

  private piece(i: number) {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pieces[mid]!.at <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.pieces[lo];
  }

  /** Offset in the normalized text of the joined text's character `i`. */
  offset(i: number): number {
    const piece = this.piece(i);
    return piece ? piece.start + (i - piece.at) : 0;
  }

  line(i: number): number {
    return this.piece(i)?.line ?? 1;
  }

  get firstLine(): number {
    return this.pieces[0]?.line ?? 1;
  }
}

/** What /\s/ matches, by code: a slice's leading space is skipped without a regular expression. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
