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
  for (const w of words) if (text.includes(w)) return true;
  return false;
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
    const re = reviewPhrase(matchers);
    const actions = matchers.grammar.checks.anniversary.actions.map(foldPhrase).filter((a) => a !== '');
    const found: Diagnostic[] = [];
    for (const c of p.citations) {
      const issued = citationYear(c);
      if (issued === null) continue;
      const from = Math.max(0, c.span.start - WINDOW);
      // Most citations are not reviews: no review word in reach, no pattern to run. Only the
      // window is searched: looking back through the whole text for the last review word went
      // as far as the previous one, the whole text when there is none.
      const window = map.key.slice(from, c.span.start);
      if (!hasAny(window, actions)) continue;
      const match = re.exec(window);
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
