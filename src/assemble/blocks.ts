import { Joined } from '../recognise/joined.js';
import { closesQuote, STRAIGHT_QUOTE } from '../recognise/quotes.js';
import { tick } from '../meter.js';
import { STRONG, isCaps, type Line, type LineKind } from '../recognise/lines.js';

/** A logical block: a structural line plus the hard-wrapped lines that continue it. */
export class Block {
  private whole: Joined | null = null;

  constructor(
    readonly kind: LineKind,
    readonly first: Line,
    readonly lines: Line[],
  ) {}

  /** The lines joined; made when first asked (an item asks only for its text after its number). */
  get joined(): Joined {
    // A line is a part of a joined paragraph as it is: its text, place and keys.
    this.whole ??= new Joined(this.lines);
    return this.whole;
  }

  /** `joined.slice(from)`: from the line itself when the block is one line. */
  after(from: number): Joined {
    return this.whole === null && this.lines.length === 1 ? Joined.after(this.first, from) : this.joined.slice(from);
  }
}

const JOINABLE: ReadonlySet<LineKind> = new Set(['text', 'item', 'attribution', 'numbered', 'bullet', 'conference', 'section']);
// What a wrapped continuation may look like: plain text, or text that happens to start like a
// numbered paragraph or bullet ("- 2025; …" after a break inside "2020 - 2025").
const WEAK: ReadonlySet<LineKind> = new Set(['text', 'numbered', 'bullet', 'number', 'draft', 'placeDate', 'docType']);

/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return endsWithMark(text, SENTENCE_END);
}

/**
 * Whether `text` ends with one of `marks` (single UTF-16 units), possibly followed by closing quotes
 * or brackets: /[marks]["”»)\]]*$/ read backwards from the end. Asked of nearly every line, that
 * pattern was tried at each of its positions.
 */
export function endsWithMark(text: string, marks: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  // By code: a character read as a string is a new string for most of Vietnamese's letters.
  const code = text.charCodeAt(i);
  for (let k = 0; k < marks.length; k++) if (marks.charCodeAt(k) === code) return true;
  return false;
}

/** A closing quote (the straight one too) or bracket: " ” » ) ] */
function isCloser(code: number): boolean {
  return code === STRAIGHT_QUOTE || closesQuote(code) || code === CLOSE_PAREN || code === CLOSE_BRACKET;
}
const [CLOSE_PAREN, CLOSE_BRACKET] = [0x29, 0x5d];
const SENTENCE_END = '.;:!?…';

export function continues(prev: Pick<Block, 'kind' | 'first' | 'lines'>, line: Line): boolean {
  if (!JOINABLE.has(prev.kind) || !WEAK.has(line.kind)) return false;
  const last = prev.lines[prev.lines.length - 1]!;
  if (prev.kind === 'section') return isCaps(line.text) && !endsSentence(last.text);
  if (prev.kind === 'conference') {
    // A heading wraps inside its "(tháng …)", or anywhere before its closing time.
    const heading = prev.lines.map((l) => l.text).join(' ');
    const open = (heading.match(/\(/g) ?? []).length > (heading.match(/\)/g) ?? []).length;
    return open || !heading.endsWith(')');
  }
  // "Cơ quan chủ trì tham mưu:" wrapped before its agency.
  if (prev.kind === 'attribution' && prev.lines.length === 1 && (last.contentAt ?? 0) >= last.text.length) return true;
  // A lower-case start continues even after ";", ":" or "…": Vietnamese paragraphs and items
  // begin with a capital, a number or a bullet.
  const lowerStart = line.kind === 'text' && /^\p{Ll}/u.test(line.text) && !/^\p{Ll}[).] /u.test(line.text);
  return !endsSentence(last.text) || (lowerStart && !endsWithMark(last.text, '.!?'));
}

/**
 * Groups lines into blocks. A blank line always ends a block; a strong line (heading, item,
 * attribution, footer mark) always starts one; any other line continues the previous block
 * when that block's last line did not end its sentence.
 */
export function groupBlocks(lines: readonly Line[], options: { bulletsAreStrong?: (line: Line) => boolean } = {}): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    tick();
    if (line.kind === 'blank') {
      close();
      continue;
    }
    const strongBullet = line.kind === 'bullet' && options.bulletsAreStrong?.(line) === true;
    if (current && !STRONG.has(line.kind) && !strongBullet && continues(current, line)) {
      current.lines.push(line);
      continue;
    }
    close();
    current = new Block(line.kind, line, [line]);
  }
  close();
  return blocks;
}
