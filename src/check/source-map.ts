import { normalizeText } from '../normalize/text.js';

/**
 * One line of source text put through the same steps as normalizeText (invisible characters
 * dropped, Ð → Đ, NFC, every kind of space one space, runs of spaces folded, the ends trimmed),
 * remembering for each unit of the result the source characters it came from. null when the
 * result is not exactly what normalizeText makes of the line (legacy TCVN3/VNI text, a
 * composition across characters): no span of such a line can be mapped back exactly.
 */
export interface LineMap {
  text: string;
  /** Length of the source line. */
  length: number;
  /** Per unit of `text`: the source range it came from (a whole character and its marks). */
  from: Int32Array;
  to: Int32Array;
  /** Per unit: whether it starts / ends its source cluster (a span may not cut one). */
  first: Uint8Array;
  last: Uint8Array;
}

const INVISIBLE = /[\ufeff\u200b-\u200d\u2060\u00ad]/;
const SPACE = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f ]/;
const MARK = /\p{M}/u;

export function mapLine(line: string): LineMap | null {
  if (/[\n\r\u2028\u2029\u0085]/.test(line)) return null;
  const units: { ch: string; from: number; to: number; first: boolean; last: boolean }[] = [];
  const points = [...line];
  let offset = 0;
  for (let i = 0; i < points.length; ) {
    // A cluster: one character and the combining marks after it (invisible characters inside dropped).
    const start = offset;
    let cluster = '';
    let j = i;
    do {
      const p = points[j]!;
      if (!INVISIBLE.test(p)) cluster += p === '\u00d0' ? '\u0110' : p === '\u00f0' ? '\u0111' : p;
      offset += p.length;
      j++;
    } while (markFollows(points, j));
    i = j;
    const out = cluster.normalize('NFC');
    for (let k = 0; k < out.length; k++) {
      const ch = SPACE.test(out[k]!) ? ' ' : out[k]!;
      if (ch === ' ' && (units.length === 0 || units[units.length - 1]!.ch === ' ')) continue; // leading or repeated
      units.push({ ch, from: start, to: offset, first: k === 0, last: k === out.length - 1 });
    }
  }
  while (units.length && units[units.length - 1]!.ch === ' ') units.pop();
  const text = units.map((u) => u.ch).join('');
  if (text !== normalizeText(line)) return null;
  return {
    text,
    length: line.length,
    from: Int32Array.from(units, (u) => u.from),
    to: Int32Array.from(units, (u) => u.to),
    first: Uint8Array.from(units, (u) => (u.first ? 1 : 0)),
    last: Uint8Array.from(units, (u) => (u.last ? 1 : 0)),
  };
}

/** Whether a combining mark comes at `j`, after any invisible characters (which are dropped before NFC). */
function markFollows(points: readonly string[], j: number): boolean {
  let k = j;
  while (k < points.length && INVISIBLE.test(points[k]!)) k++;
  return k < points.length && MARK.test(points[k]!);
}

/** The source range of `text.slice(start, end)` of a mapped line, or null when a cluster would be cut. */
export function sourceRange(map: LineMap, start: number, end: number): { start: number; end: number } | null {
  if (start >= end || end > map.text.length || !map.first[start] || !map.last[end - 1]) return null;
  // A span that ends in a space takes the whole run of spaces it stands for, up to the next
  // character, which must begin its cluster (a space folded into a mark's cluster cannot be taken).
  if (map.text[end - 1] === ' ' && end < map.text.length && !map.first[end]) return null;
  const end_ = map.text[end - 1] === ' ' ? (end < map.text.length ? map.from[end]! : map.length) : map.to[end - 1]!;
  return { start: map.from[start]!, end: end_ };
}

/** Source lines (a text file's lines, a .docx paragraph's), each normalized and mapped once, when needed. */
export class SourceLines {
  private readonly normalized: (string | undefined)[] = [];
  private readonly maps: (LineMap | null | undefined)[] = [];
  constructor(readonly lines: readonly string[]) {}

  /** Every place, in order, where `needle` stands in the normalized lines; null for one that cannot be mapped back. */
  occurrences(needle: string): ({ line: number; start: number; end: number } | null)[] {
    const found: ({ line: number; start: number; end: number } | null)[] = [];
    for (let index = 0; index < this.lines.length; index++) {
      const text = (this.normalized[index] ??= normalizeText(this.lines[index]!));
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
        if (this.maps[index] === undefined) this.maps[index] = mapLine(this.lines[index]!);
        const map = this.maps[index]!;
        const range = map && sourceRange(map, at, at + needle.length);
        found.push(range ? { line: index, ...range } : null);
      }
    }
    return found;
  }
}
