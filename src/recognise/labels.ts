import type { OutlineGrammar } from '../grammar/schema.js';
import { byCode } from '../normalize/code-table.js';
import { foldKey } from '../normalize/fold.js';
import type { OutlineNode } from '../model/programme.js';
import { matchPhrase, type Phrase } from './compile.js';
import { romanToInt } from './numbers.js';
import { StartPatterns } from './starts.js';

export type LabelStyle = NonNullable<OutlineNode['labelStyle']>;

/** A label that opens a unit of the body: "II.", "2.1.", "a)", "(3)", "-", "Điều 2.". */
export interface Label {
  /** As printed, without the space after it. */
  label: string;
  style: LabelStyle;
  value: number[] | null;
  /** Where the unit's text starts in the line. */
  textAt: number;
  /** Nesting rank: lower is outer. */
  rank: number;
  /** Styles that nest apart: the style with its delimiter, "-" apart from "+". */
  key: string;
  /** The text after the label is in capitals. */
  caps: boolean;
}

export interface LabelStyleMatcher {
  style: LabelStyle;
  re: RegExp;
  value: OutlineGrammar['styles'][number]['value'];
  rank: number;
  caps: number;
  capital: boolean;
}

export function compileLabels(g: OutlineGrammar): LabelStyleMatcher[] {
  return g.styles.map((s) => ({ style: s.style, re: new RegExp(s.pattern, 'u'), value: s.value, rank: s.rank, caps: s.caps ?? 0, capital: s.capital ?? false }));
}

const LETTERS = 'abcdđeghiklmnopqrstuvxy';

function valueOf(raw: string, kind: LabelStyleMatcher['value']): number[] | null {
  switch (kind) {
    case 'none':
      return null;
    case 'decimal':
      return decimalParts(raw);
    case 'letter': {
      const i = LETTERS.indexOf(raw.toLowerCase());
      return i === -1 ? null : [i + 1];
    }
    case 'roman': {
      const n = romanToInt(raw);
      return n === null ? null : [n];
    }
    default: {
      if (/^\d+$/.test(raw)) return [Number(raw)];
      const n = romanToInt(raw);
      return n === null ? null : [n];
    }
  }
}

/** `raw.split('.').map(Number)`, without the array of parts: digits are summed as they are read. */
function decimalParts(raw: string): number[] {
  const parts: number[] = [];
  let from = 0;
  for (;;) {
    const dot = raw.indexOf('.', from);
    const to = dot === -1 ? raw.length : dot;
    parts.push(digitsAt(raw, from, to));
    if (dot === -1) return parts;
    from = dot + 1;
  }
}

/** Number(raw.slice(from, to)): read in place when it is a few ASCII digits, as a label's are. */
function digitsAt(raw: string, from: number, to: number): number {
  if (to === from || to - from > 9) return Number(raw.slice(from, to));
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(raw.slice(from, to));
    n = n * 10 + d;
  }
  return n;
}

// Headings are short: a line's case is judged on its first characters.
const CASE_SAMPLE = 300;
/** Enough of a line's start for any phrase matched at its start. */
export const PHRASE_SAMPLE = 60;

/** Whether `text` from `from` on is in capitals. */
export function capsText(text: string, from = 0): boolean {
  let letters = 0;
  let upper = 0;
  const end = Math.min(text.length, from + CASE_SAMPLE);
  for (let i = from; i < end; i++) {
    const kind = caseOf(text.charCodeAt(i));
    if (kind === 0) continue;
    letters++;
    if (kind === 2) upper++;
    // A sentence gives itself away within a few words: even were every character left a capital,
    // capitals could no longer make nine in ten letters.
    else if (upper + (end - i - 1) < 9 * (letters - upper)) return false;
  }
  return letters >= 2 && upper / letters >= 0.9;
}

/** 0 for a character without case, 1 lower case, 2 upper case. */
const caseOf = byCode(caseByString);

function caseByString(code: number): number {
  const ch = String.fromCharCode(code);
  const lower = ch.toLowerCase();
  return lower === ch.toUpperCase() ? 0 : ch === lower ? 1 : 2;
}


const labelStarts = new WeakMap<readonly LabelStyleMatcher[], StartPatterns | null>();
/** The last styles asked for (kept alive) and their joined patterns: a document's lines are all read with one list. */
let lastStyles: readonly LabelStyleMatcher[] | null = null;
let lastStarts: StartPatterns | null = null;

/** The styles' patterns joined (one test finds the first that matches: most lines open on no label), or null. */
function startsOf(styles: readonly LabelStyleMatcher[]): StartPatterns | null {
  // Only the comparison is inlined into labelIn, which runs for every line: not the map, nor the joining.
  return styles === lastStyles ? lastStarts : joinedStarts(styles);
}

function joinedStarts(styles: readonly LabelStyleMatcher[]): StartPatterns | null {
  let starts = labelStarts.get(styles);
  if (starts === undefined) labelStarts.set(styles, (starts = StartPatterns.of(styles.map((s) => s.re), ['n'])));
  lastStyles = styles;
  lastStarts = starts;
  return starts;
}

/**
 * The label a line opens with, or null. A label stands before a space (or the end of the line);
 * numbers and bullets glued to a capital ("1.Nâng cao", "-Tổ chức") count too, as sloppy typing.
 */
export function readLabel(text: string, styles: readonly LabelStyleMatcher[], notStarts: readonly Phrase[], key?: string): Label | null {
  // The folded key of `text` when the caller has it (a line's): else folded here, as far as a phrase reaches.
  const label = labelIn(text, text, styles, notStarts, key);
  if (label) return label;
  // Scrambled or OCR'd marks on the label itself ("Í- MỤC TIÊU"): read it without them. Labels
  // begin with a Latin letter, a digit or a mark, so only a line opening on a marked letter can hide one.
  if (text === '' || text.charCodeAt(0) < 0xc0 || text[0]!.normalize('NFD').length === 1) return null;
  const bare = bareStart(text);
  return bare === text ? null : labelIn(bare, text, styles, notStarts, key);
}

/** The first characters without their diacritics, one for one (same length). */
function bareStart(text: string): string {
  const head = [...text.slice(0, 8)].map((ch) => (ch === 'Đ' || ch === 'đ' ? ch : (ch.normalize('NFD')[0] ?? ch))).join('');
  return head.length === Math.min(8, text.length) ? head + text.slice(8) : text;
}

function labelIn(text: string, shown: string, styles: readonly LabelStyleMatcher[], notStarts: readonly Phrase[], key: string | undefined): Label | null {
  const starts = startsOf(styles);
  const joined = starts === null ? null : starts.exec(text);
  if (starts !== null && joined === null) return null;
  // Styles before the first that matches cannot; one that matches but is refused leaves the rest to try.
  // The first is read off the joined match; the rest (rarely reached) alone.
  const first = starts === null ? 0 : starts.which(joined!);
  for (let i = first; i < styles.length; i++) {
    const s = styles[i]!;
    let matched: string;
    let n: string | undefined;
    const kept = i === first && starts !== null ? starts.keptOf(joined!, i, 'n') : null;
    if (kept !== null) {
      matched = starts!.matched(joined!, i);
      n = kept;
    } else {
      const m = s.re.exec(text);
      if (!m) continue;
      matched = m[0];
      n = m.groups?.n;
    }
    const end = matched.length;
    const glued = end < text.length && !isSpaceAt(text, end);
    if (glued && !isCapitalAt(text, end)) continue;
    const at = spaceEnd(text, end);
    if (s.capital && !isCapitalAt(text, at)) continue;
    if (s.style === 'bullet' && (at === text.length || isDashCode(text.charCodeAt(at)))) continue;
    if (at < text.length && (key !== undefined ? matchPhrase(key, at, notStarts) : matchPhrase(foldKey(text.slice(at, at + PHRASE_SAMPLE)), 0, notStarts))) continue;
    const value = valueOf(n ?? '', s.value);
    if (s.style !== 'bullet' && value === null) continue;
    const caps = capsText(text, at);
    const depth = s.style === 'decimal' ? (value?.length ?? 2) - 1 : 0;
    return {
      label: shown.slice(0, end).trimEnd(),
      style: s.style,
      value,
      textAt: at,
      rank: s.rank + depth * 0.5 - (caps ? s.caps : 0),
      key: styleKey(s, matched, depth, caps && s.caps > 0),
      caps,
    };
  }
  return null;
}

// Sticky: tested at lastIndex, so a line's character is judged without slicing the line.
const SPACE = /\s/y;
const CAPITAL = /\p{Lu}/uy;

function isSpaceAt(text: string, at: number): boolean {
  SPACE.lastIndex = at;
  return SPACE.test(text);
}

function isCapitalAt(text: string, at: number): boolean {
  // A slice from a pair's second half opens on a lone surrogate, no capital; a /u match would take
  // the whole pair. (Only a pattern not anchored at the start can end a label there.)
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  CAPITAL.lastIndex = at;
  return CAPITAL.test(text);
}

/** Where the white space from `at` ends (what trimStart would drop). */
function spaceEnd(text: string, at: number): number {
  while (at < text.length && isSpaceAt(text, at)) at++;
  return at;
}

/** "-", "–" or "—": a dash after a bullet is a rule, not a unit. */
function isDashCode(code: number): boolean {
  return code === 0x2d || code === 0x2013 || code === 0x2014;
}

// A label's key takes few values: each is built once and shared, not rebuilt for every labelled line.
const styleKeys = new Map<LabelStyle, Map<number, string>>();

/** "1.1" and "1.1." are one style: a decimal's delimiter is its own dots; a bullet's is itself. */
function styleKey(s: LabelStyleMatcher, matched: string, depth: number, caps: boolean): string {
  // The mark packs into one number with depth and caps when it is one UTF-16 unit or none.
  const last = matched.length - 1;
  const code = s.style === 'decimal' || last < 0 ? 0 : s.style === 'bullet' && last > 0 ? -1 : matched.charCodeAt(last) + 1;
  if (code === -1 || depth > 15) return keyText(s, matched, depth, caps);
  const id = (code * 16 + depth) * 2 + (caps ? 1 : 0);
  let keys = styleKeys.get(s.style);
  if (keys === undefined) styleKeys.set(s.style, (keys = new Map()));
  let key = keys.get(id);
  if (key === undefined) keys.set(id, (key = keyText(s, matched, depth, caps)));
  return key;
}

function keyText(s: LabelStyleMatcher, matched: string, depth: number, caps: boolean): string {
  const mark = s.style === 'bullet' ? matched : s.style === 'decimal' ? '' : matched.slice(matched.length - 1);
  return `${s.style}:${mark}:${depth}:${caps ? 'caps' : ''}`;
}
