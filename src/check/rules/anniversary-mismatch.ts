import type { Diagnostic } from '../../model/programme.js';
import { foldPhrase } from '../../normalize/fold.js';
import type { Matchers } from '../../recognise/compile.js';
import { escapeRegExp } from '../../recognise/regex.js';
import { citationEn, citationVi, citationYear } from '../describe.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

// How far before a citation its review phrase may start.
const WINDOW = 200;

const patterns = new WeakMap<Matchers, RegExp>();

/** "Sơ kết 05 năm [triển khai] [thực hiện] " right before a citation, on the folded text. */
export function reviewPhrase(m: Matchers): RegExp {
  let re = patterns.get(m);
  if (!re) {
    const a = m.grammar.checks.anniversary;
    const alt = (list: string[]) => list.map((w) => escapeRegExp(foldPhrase(w))).sort((x, y) => y.length - x.length).join('|');
    const links = a.linkWords.length > 0 ? `(?:,? (?:${alt(a.linkWords)}))*` : '';
    re = new RegExp(`(?<![\\p{L}\\p{N}])((?:${alt(a.actions)}) (\\d{1,3}) (?:${alt(a.yearWords)}))${links},? $`, 'u');
    patterns.set(m, re);
  }
  return re;
}

function hasAny(text: string, words: readonly string[]): boolean {
  for (let wIndex = 0; wIndex < words.length; wIndex++) {
    const w = words[wIndex]!;
    if (text.includes(w)) return true;
  }
  return false;
}

/** The review pattern read with each space a space or a line break, tried where the first word of an action starts. */
interface Reader {
  sticky: RegExp;
  starts: string[];
  /** Per start word, where it next occurs in the window being read (-1: nowhere); reused, as reviewIn calls nothing that reads it. */
  next: number[];
}

const readers = new WeakMap<Matchers, Reader | null>();

/** Null when an action folds to nothing: the pattern could then start anywhere. */
function readerOf(m: Matchers): Reader | null {
  let reader = readers.get(m);
  if (reader === undefined) {
    const actions = m.grammar.checks.anniversary.actions.map(foldPhrase);
    // Every space in the pattern is a literal one (words are escaped, and squashed to single spaces).
    const sticky = new RegExp(reviewPhrase(m).source.replaceAll(' ', '[ \\n]'), 'uy');
    const starts = [...new Set(actions.map((a) => a.split(' ')[0]!))];
    reader = actions.includes('') ? null : { sticky, starts, next: starts.map(() => -1) };
    readers.set(m, reader);
  }
  return reader;
}

/**
 * `reviewPhrase(m).exec(window)` with the window's line breaks read as spaces: the same match at
 * the same place (its text keeps the breaks), without a copy of each window with them replaced. The pattern is tried
 * only where the first word of an action starts, in order: a match opens on an action, and it is
 * leftmost, so the first that holds is exec's. Unanchored, its look-behind was tried at every
 * character, and most windows in a programme hold a review (≈ 22,000 of 30,000 in 10 MB).
 */
export function reviewIn(window: string, m: Matchers): RegExpExecArray | null {
  const reader = readerOf(m);
  if (reader === null) {
    const flat = window.replaceAll('\n', ' ');
    const words = m.grammar.checks.anniversary.actions.map(foldPhrase).filter((a) => a !== '');
    return hasAny(flat, words) ? reviewPhrase(m).exec(flat) : null;
  }
  const { sticky, starts, next } = reader;
  for (let k = 0; k < starts.length; k++) next[k] = window.indexOf(starts[k]!);
  for (let at = earliest(next); at !== -1; at = earliest(next)) {
    sticky.lastIndex = at;
    const match = sticky.exec(window);
    if (match) return match;
    // Only the words that start here are looked for again: another's next place is still its
    // first after this one.
    for (let k = 0; k < starts.length; k++) if (next[k] === at) next[k] = window.indexOf(starts[k]!, at + 1);
  }
  return null;
}

/** The least of the places, or -1 when every one is -1. */
function earliest(places: readonly number[]): number {
  let first = -1;
  for (let k = 0; k < places.length; k++) {
    const at = places[k]!;
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  return first;
}

export const anniversaryMismatch: Rule = {
  code: 'anniversary-mismatch',
  severity: 'warning',
  summary: {
    vi: '"Sơ kết/Tổng kết N năm" một văn bản mà năm chương trình trừ năm ban hành khác N',
    en: 'a "Sơ kết/Tổng kết N năm" (N-year review) of a document whose age in the programme year is not N',
  },
  check(p, context) {
    const { matchers } = context;
    const year = p.header.year;
    if (year === null) return [];
    const map = mapOf(context);
    const found: Diagnostic[] = [];
    for (let cIndex = 0; cIndex < p.citations.length; cIndex++) {
      const c = p.citations[cIndex]!;
      const issued = citationYear(c);
      if (issued === null) continue;
      const from = Math.max(0, c.span.start - WINDOW);
      // Only the window is searched: looking back through the whole text for the last review
      // word went as far as the previous one, the whole text when there is none.
      const match = reviewIn(map.foldedSlice(from, c.span.start), matchers);
      if (!match) continue;
      const years = Number(match[2]);
      if (year - issued === years) continue;
      const at = from + match.index;
      // The drafter's own words: "Sơ kết 05 năm".
      const said = map.flatSlice(at, at + match[1]!.length);
      const age = year - issued;
      const vi =
        age > 0
          ? `${citationVi(c)}: '${said}' nhưng năm ${year} là năm thứ ${age}`
          : `${citationVi(c)}: '${said}' nhưng văn bản ban hành năm ${issued}, không trước năm ${year}`;
      const en =
        age > 0
          ? `${citationEn(c)}: '${said}' is a ${years}-year review, but ${year} is year ${age}`
          : `${citationEn(c)}: '${said}' is a ${years}-year review, but the document dates from ${issued}, not before ${year}`;
      found.push(finding(this, map.position(at), vi, en));
    }
    return found;
  },
};
