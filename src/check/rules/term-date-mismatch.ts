import type { Diagnostic, Programme } from '../../model/programme.js';
import { foldKey } from '../../normalize/fold.js';
import { findPhrase, type Matchers } from '../../recognise/compile.js';
import { citationEn, citationVi } from '../describe.js';
import { mapOf, type TextMap } from '../locate.js';
import { finding, type Rule } from '../rule.js';

type Term = Matchers['grammar']['terms']['central'][number];

const span = (t: Term) => `${t.from.slice(0, 4)}–${t.to ? t.to.slice(0, 4) : 'nay'}`;
const spanEn = (t: Term) => `${t.from.slice(0, 4)}–${t.to ? t.to.slice(0, 4) : 'now'}`;
const contains = (t: Term, iso: string) => t.from <= iso && (t.to === null || iso <= t.to);

const centralNames = new WeakMap<Matchers, Set<string>>();

/** Whether a body name is a central one: a set per grammar, not a walk of 200 bodies per citation. */
function isCentral(name: string | null, m: Matchers): boolean {
  let names = centralNames.get(m);
  if (!names) centralNames.set(m, (names = new Set(m.bodies.filter((b) => b.level === 'central').map((b) => b.name))));
  return name !== null && names.has(name);
}

const termsByName = new WeakMap<Matchers, Map<string, Term>>();

/** `terms.find((t) => t.term === name)`: a map per grammar, not a closure and a walk per citation. */
export function termNamed(name: string, m: Matchers): Term | undefined {
  let terms = termsByName.get(m);
  if (!terms) {
    terms = new Map();
    // The first of a name, as find() answered.
    for (const t of m.grammar.terms.central) if (!terms.has(t.term)) terms.set(t.term, t);
    termsByName.set(m, terms);
  }
  return terms.get(name);
}

/**
 * A central body's "khóa R" must be the Central Committee term its date falls in (terms.json).
 * Provincial terms are numbered per province ("Ban Chấp hành Đảng bộ tỉnh khóa XIV" is 2020–2025
 * in Hậu Giang, the Central Committee's XIV starts in 2026), so they are never read against it.
 */
export const termDateMismatch: Rule = {
  code: 'term-date-mismatch',
  severity: 'warning',
  summary: {
    vi: '"khóa R" của cơ quan Trung ương không chứa ngày ban hành; hoặc năm chương trình nằm ngoài khóa, nhiệm kỳ ghi ở đầu văn bản',
    en: "a central body's \"khóa R\" (term) that does not contain the document's date; or a programme year outside the term or period its title names",
  },
  check(p, context) {
    const { matchers } = context;
    const map = mapOf(context);
    const terms = matchers.grammar.terms.central;
    const found: Diagnostic[] = headerFindings(this, p, matchers, map);
    for (let cIndex = 0; cIndex < p.citations.length; cIndex++) {
      const c = p.citations[cIndex]!;
      if (c.term === null || c.date === null || !isCentral(c.issuedBy, matchers)) continue;
      const term = termNamed(c.term, matchers);
      if (!term || contains(term, c.date)) continue;
      const actual = terms.find((t) => contains(t, c.date!));
      const body = `${c.issuedBy} khóa ${c.term}`;
      const vi = `${citationVi(c)}: ghi '${body}' nhưng khóa ${c.term} là ${span(term)}${actual ? `, ngày ban hành thuộc khóa ${actual.term}` : ''}`;
      const en = `${citationEn(c)}: says '${body}', but khóa ${c.term} ran ${spanEn(term)}${actual ? ` and the date falls in khóa ${actual.term}` : ''}`;
      found.push(finding(this, map.position(c.span.start), vi, en));
    }
    return found;
  },
};

/** The title's "năm 2024 của <body> khóa R nhiệm kỳ A - B" against itself and terms.json. */
function headerFindings(rule: Rule, p: Programme, m: Matchers, map: TextMap) {
  const { title, year, term, period } = p.header;
  if (title === null || year === null) return [];
  const named = findPhrase(foldKey(title), m.bodies);
  // At "khóa XIV" in the title when it is written so, else at the title.
  const where = () => {
    const at = map.flatIndexOf(title);
    if (at === -1) return null;
    const key = foldKey(title);
    const termAt = term === null ? -1 : Math.max(-1, ...m.termWords.map((w) => key.indexOf(`${w.key} ${term.toLowerCase()}`)));
    return map.position(at + Math.max(termAt, 0));
  };
  if (named?.phrase.level === 'central' && term !== null) {
    const t = m.grammar.terms.central.find((x) => x.term === term);
    const years = t ? { from: Number(t.from.slice(0, 4)), to: t.to ? Number(t.to.slice(0, 4)) : Infinity } : null;
    if (t && years && (year < years.from || year > years.to)) {
      return [
        finding(
          rule,
          where(),
          `Chương trình năm ${year} của ${named.phrase.name} khóa ${term}, nhưng khóa ${term} là ${span(t)}`,
          `The ${year} programme of the ${named.phrase.name} khóa ${term}, but khóa ${term} is ${spanEn(t)}`,
        ),
      ];
    }
    return [];
  }
  if (period && (year < period.from || year > period.to)) {
    return [
      finding(
        rule,
        where(),
        `Chương trình năm ${year} nhưng nhiệm kỳ ghi ở đầu văn bản là ${period.from} - ${period.to}`,
        `The programme is for ${year}, but the term its title names runs ${period.from}–${period.to}`,
      ),
    ];
  }
  return [];
}
