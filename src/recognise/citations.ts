import type { Citation } from '../model/programme.js';
import { foldPhrase } from '../normalize/fold.js';
import { trimTrailing } from '../normalize/text.js';
import { matchPhrase, type Matchers, type Phrase } from './compile.js';
import type { Joined } from './joined.js';
import { romanToInt, toRoman } from './numbers.js';
import { escapeRegExp } from './regex.js';
import { tick } from '../meter.js';

/**
 * Citations of other documents: "<Kind> [số] <number-symbol>[,] [ngày <date>] [của <body>]
 * [(khóa <R>)] [về … | “…”]", Party ("94-KL/TW"), State legal ("30/2020/NĐ-CP") and State
 * administrative ("123/QĐ-UBND") forms, plus named references without a number ("Nghị quyết
 * Trung ương 7 khóa X"). Matching runs on the folded key; values are sliced from the text.
 * Every pattern is anchored and bounded, so a long hostile line costs linear time.
 */
interface Compiled {
  kindStart: RegExp;
  afterKind: RegExp;
  party: RegExp;
  stateLegal: RegExp;
  stateAdmin: RegExp;
  numericDate: RegExp;
  wordDate: RegExp;
  of: RegExp;
  term: RegExp;
  separator: RegExp;
  titleStarts: Phrase[];
  titleStops: string[];
}

const cache = new WeakMap<Matchers, Compiled>();
const alt = (list: readonly Phrase[]) => list.map((p) => escapeRegExp(p.key)).join('|');
const END = '(?![\\p{L}\\p{N}])';

function compiled(m: Matchers): Compiled {
  let c = cache.get(m);
  if (c) return c;
  const g = m.grammar.genre.citations;
  const words = (list: string[]) => list.map((w) => escapeRegExp(foldPhrase(w))).join('|');
  c = {
    kindStart: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(m.kinds)})${END}`, 'gu'),
    afterKind: new RegExp(`\\s?(?:(?:${words(g.numberWords)})\\s?)?[:：]?\\s?(?=\\d)`, 'uy'),
    party: new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,5})(\\s?-\\s?)(\\p{L}{1,6})(\\s?\\/\\s?)(\\p{L}{1,12}(?:-\\p{L}{1,12}){0,3})${END}`, 'uy'),
    stateLegal: new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,5})\\/(\\d{4})\\/(\\p{L}[\\p{L}\\d]{0,9}(?:-[\\p{L}\\d]{1,15}){0,3})${END}`, 'uy'),
    stateAdmin: new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,5})\\/(\\p{L}{1,8}(?:-[\\p{L}\\d]{1,15}){1,3})${END}`, 'uy'),
    numericDate: new RegExp(
      `\\s?,?\\s?(?:${words(g.dateWords)})\\s(\\d{1,2})\\s?([/.\\-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4})${END}`,
      'uy',
    ),
    wordDate: new RegExp(`\\s?,?\\s?(?:${words(g.dateWords)})\\s(\\d{1,2})\\stháng\\s(\\d{1,2})\\snăm\\s(\\d{4})${END}`, 'uy'),
    of: new RegExp(`\\s?,?\\s?(?:${words(g.ofWords)})\\s`, 'uy'),
    term: new RegExp(`\\s?\\(?\\s?(?:${words(g.termWords)})\\s([ivxlc]{1,6}|\\d{1,2})${END}\\s?\\)?`, 'uy'),
    separator: /\s?,?\s?/uy,
    titleStarts: m.grammar.genre.citations.titleStarts.map((t) => ({ text: t, key: foldPhrase(t) })),
    titleStops: g.titleStops.map((s) => ` ${foldPhrase(s)} `),
  };
  cache.set(m, c);
  return c;
}

/** Every pattern the citation recogniser runs, for the ReDoS test. */
export function citationPatterns(m: Matchers): RegExp[] {
  const c = compiled(m);
  return [c.kindStart, c.afterKind, c.party, c.stateLegal, c.stateAdmin, c.numericDate, c.wordDate, c.of, c.term, c.separator];
}

function sticky(re: RegExp, key: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(key);
}

function isoDate(d: number, mo: number, y: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const OPEN = new Set(['“', '«', '"']);
const CLOSE = new Set(['”', '»']);

// A subject (trích yếu) is a phrase, not a page: bounding the scan keeps a line of thousands of
// citations with unclosed quotes linear instead of quadratic.
const MAX_TITLE = 500;

/** Where a "về …" or quoted subject that starts at `from` ends. */
function titleEnd(block: Joined, from: number, c: Compiled): number {
  const { key, text } = block;
  let depth = 0;
  let straightOpen = false;
  const quoted = OPEN.has(key[from] ?? '') || OPEN.has(key[from + 3] ?? '');
  const limit = Math.min(key.length, from + MAX_TITLE);
  for (let i = from; i < limit; i++) {
    const ch = key[i]!;
    if (ch === '"') {
      if (straightOpen && depth > 0) {
        depth--;
        straightOpen = false;
        if (depth === 0 && quoted) return tickedEnd(from, i + 1);
      } else {
        depth++;
        straightOpen = true;
      }
    } else if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && quoted) return tickedEnd(from, i + 1);
    } else if (depth === 0) {
      if (ch === ';') return tickedEnd(from, i);
      if (ch === '.' && (i + 1 === key.length || (key[i + 1] === ' ' && /\p{Lu}/u.test(text[i + 2] ?? '')))) return tickedEnd(from, i);
      if (ch === ' ' && c.titleStops.some((s) => key.startsWith(s, i))) return tickedEnd(from, i);
    }
  }
  return tickedEnd(from, limit);
}

function tickedEnd(from: number, end: number): number {
  tick(end - from);
  return end;
}

function cleanTitle(raw: string): string | null {
  let t = trimTrailing(raw.trim(), '.,;:');
  // Drop the opening quote (after an optional "về") and a closing one left without a partner.
  t = t.replace(/^(về\s+)?[“«"]\s*/iu, (_m, ve: string | undefined) => ve ?? '');
  const opens = (t.match(/[“«]/gu) ?? []).length;
  const closes = (t.match(/[”»]/gu) ?? []).length;
  if (closes > opens && /[”»"]$/u.test(t)) t = t.slice(0, -1).trimEnd();
  else if (opens === closes && /^[^“«]*"$/u.test(t) && (t.match(/"/g) ?? []).length % 2 === 1) t = t.slice(0, -1);
  t = trimTrailing(t, '.,;:');
  return t === '' ? null : t;
}

function canonicalNumber(n: string): string {
  return n.length === 1 ? `0${n}` : n;
}

export function findCitations(block: Joined, m: Matchers): Citation[] {
  const c = compiled(m);
  const { key, text } = block;
  const found: Citation[] = [];
  c.kindStart.lastIndex = 0;
  for (let k = c.kindStart.exec(key); k; k = c.kindStart.exec(key)) {
    tick();
    const kindAt = k.index;
    const kind = m.kinds.find((p) => p.key === k[0]);
    const afterKind = sticky(c.afterKind, key, kindAt + k[0].length);
    if (!kind || !afterKind) continue;
    const numAt = kindAt + k[0].length + afterKind[0].length;

    let number: string;
    let symbol: string;
    let id: string;
    let repaired = false;
    let end: number;
    const legal = sticky(c.stateLegal, key, numAt);
    const party = legal ? null : sticky(c.party, key, numAt);
    const admin = legal || party ? null : sticky(c.stateAdmin, key, numAt);
    if (legal) {
      number = `${legal[1]}/${legal[2]}`;
      symbol = text.slice(numAt + legal[1]!.length + legal[2]!.length + 2, numAt + legal[0].length);
      id = `${number}/${symbol}`;
      end = numAt + legal[0].length;
    } else if (party) {
      number = party[1]!;
      const typeAt = numAt + party[1]!.length + party[2]!.length;
      const type = text.slice(typeAt, typeAt + party[3]!.length);
      const issuerAt = typeAt + party[3]!.length + party[4]!.length;
      const issuer = text.slice(issuerAt, issuerAt + party[5]!.length);
      symbol = `${type}/${issuer}`;
      repaired = /\s/.test(party[2]! + party[4]!);
      id = `${canonicalNumber(number)}-${symbol}`;
      end = numAt + party[0].length;
    } else if (admin) {
      number = admin[1]!;
      symbol = text.slice(numAt + admin[1]!.length + 1, numAt + admin[0].length);
      id = `${number}/${symbol}`;
      end = numAt + admin[0].length;
    } else {
      continue;
    }

    // The tail: date, issuing body and term, in whatever order the drafter wrote them.
    let date: string | null = null;
    let dateText: string | null = null;
    let issuedBy: string | null = null;
    let term: string | null = null;
    for (let progress = true; progress; ) {
      progress = false;
      const d: RegExpExecArray | null = date === null && dateText === null ? (sticky(c.numericDate, key, end) ?? sticky(c.wordDate, key, end)) : null;
      if (d) {
        const [day, month, year]: (string | undefined)[] = d.length === 5 ? [d[1], d[3], d[4]] : [d[1], d[2], d[3]];
        date = isoDate(Number(day), Number(month), Number(year));
        dateText = `${day}/${month}/${year}`;
        end += d[0].length;
        progress = true;
        continue;
      }
      if (issuedBy === null) {
        const of = sticky(c.of, key, end);
        const body = of ? matchPhrase(key, end + of[0].length, m.bodies) : null;
        if (of && body) {
          issuedBy = body.name;
          end += of[0].length + body.key.length;
          progress = true;
          continue;
        }
      }
      if (term === null) {
        const t = sticky(c.term, key, end);
        if (t && (t[0].includes('(') === t[0].trimEnd().endsWith(')'))) {
          term = normaliseTerm(t[1]!);
          end += t[0].length;
          progress = true;
        }
      }
    }
    end = trimEnd(key, kindAt, end);

    let title: string | null = null;
    const sep = sticky(c.separator, key, end);
    const titleAt = end + (sep?.[0].length ?? 0);
    if (matchPhrase(key, titleAt, c.titleStarts) || OPEN.has(key[titleAt] ?? '')) {
      title = cleanTitle(text.slice(titleAt, titleEnd(block, titleAt, c)));
    }

    found.push({
      raw: text.slice(kindAt, end),
      kind: kind.text,
      number,
      symbol,
      id,
      date,
      issuedBy,
      term,
      title,
      span: { start: block.offset(kindAt), end: block.offset(end - 1) + 1 },
      line: block.line(kindAt),
      repaired,
      dateText,
    });
    c.kindStart.lastIndex = end;
  }
  return withNamedReferences(block, m, found);
}

function trimEnd(key: string, from: number, end: number): number {
  while (end > from && /[\s,]/u.test(key[end - 1]!)) end--;
  return end;
}

function normaliseTerm(raw: string): string {
  return /^\d+$/.test(raw) ? toRoman(Number(raw)) : raw.toUpperCase();
}

function withNamedReferences(block: Joined, m: Matchers, numbered: Citation[]): Citation[] {
  const named: Citation[] = [];
  for (const ref of m.namedReferences) {
    ref.re.lastIndex = 0;
    for (let r = ref.re.exec(block.key); r; r = ref.re.exec(block.key)) {
      const at = r.index;
      const end = at + r[0].length;
      const start = block.offset(at);
      const overlaps = numbered.some((c) => start < c.span.end && block.offset(end - 1) + 1 > c.span.start);
      if (overlaps) continue;
      const term = r.groups?.term ? normaliseTerm(r.groups.term) : null;
      named.push({
        raw: block.text.slice(at, end),
        kind: ref.kind,
        number: null,
        symbol: null,
        id: null,
        date: null,
        issuedBy: ref.issuedBy,
        term: term && romanToInt(term) !== null ? term : null,
        title: null,
        span: { start, end: block.offset(end - 1) + 1 },
        line: block.line(at),
        repaired: false,
        dateText: null,
      });
    }
  }
  if (named.length === 0) return numbered;
  return [...numbered, ...named].sort((a, b) => a.span.start - b.span.start);
}
