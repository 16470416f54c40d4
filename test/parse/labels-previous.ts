// The label reader before issue 12's rewrite (one joined exec, no slices, shared keys): the definition test/parse/labels.property.test.ts holds the new one to.
import type { OutlineGrammar } from '../../src/grammar/schema.js';
import { byCode } from '../../src/normalize/code-table.js';
import { foldKey } from '../../src/normalize/fold.js';
import type { OutlineNode } from '../../src/model/programme.js';
import { matchPhrase, type Phrase } from '../../src/recognise/compile.js';
import { romanToInt } from '../../src/recognise/numbers.js';
import { StartPatterns } from '../../src/recognise/starts.js';

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
      return raw.split('.').map(Number);
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

// Headings are short: a line's case is judged on its first characters.
const CASE_SAMPLE = 300;
/** Enough of a line's start for any phrase matched at its start. */
export const PHRASE_SAMPLE = 60;

export function capsText(text: string): boolean {
  let letters = 0;
  let upper = 0;
  const end = Math.min(text.length, CASE_SAMPLE);
  for (let i = 0; i < end; i++) {
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

/** The first style that could match at the start of `text`, -1 for none: most lines open on no label. */
function firstStyle(text: string, styles: readonly LabelStyleMatcher[]): number {
  let starts = labelStarts.get(styles);
  if (starts === undefined) labelStarts.set(styles, (starts = StartPatterns.of(styles.map((s) => s.re))));
  return starts === null ? 0 : starts.first(text);
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
  const first = firstStyle(text, styles);
  if (first === -1) return null;
  // Styles before the first that matches cannot; one that matches but is refused leaves the rest to try.
  for (let i = first; i < styles.length; i++) {
    const s = styles[i]!;
    const m = s.re.exec(text);
    if (!m) continue;
    const after = text.slice(m[0].length);
    const glued = after !== '' && !/^\s/.test(after);
    if (glued && !/^\p{Lu}/u.test(after)) continue;
    const rest = after.trimStart();
    if (s.capital && !/^\p{Lu}/u.test(rest)) continue;
    if (s.style === 'bullet' && (rest === '' || /^[-–—]/u.test(rest))) continue;
    if (rest !== '' && (key !== undefined ? matchPhrase(key, text.length - rest.length, notStarts) : matchPhrase(foldKey(rest.slice(0, PHRASE_SAMPLE)), 0, notStarts))) continue;
    const raw = m.groups?.n ?? '';
    const value = valueOf(raw, s.value);
    if (s.style !== 'bullet' && value === null) continue;
    const caps = capsText(rest);
    const delimiter = m[0].slice(m[0].length - 1);
    const depth = s.style === 'decimal' ? (value?.length ?? 2) - 1 : 0;
    return {
      label: shown.slice(0, m[0].length).trimEnd(),
      style: s.style,
      value,
      textAt: text.length - rest.length,
      rank: s.rank + depth * 0.5 - (caps ? s.caps : 0),
      // "1.1" and "1.1." are one style: a decimal's delimiter is its own dots.
      key: `${s.style}:${s.style === 'bullet' ? m[0] : s.style === 'decimal' ? '' : delimiter}:${depth}:${caps && s.caps > 0 ? 'caps' : ''}`,
      caps,
    };
  }
  return null;
}
