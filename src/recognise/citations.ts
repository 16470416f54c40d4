import type { Citation } from '../model/programme.js';
import { bareKey, foldPhrase } from '../normalize/fold.js';
import { matchPhrase, type Matchers, type Phrase } from './compile.js';
import { isSpace, type Joined } from './joined.js';
import { romanToInt, toRoman } from './numbers.js';
import { mayOpenQuote, opensQuote, closesQuote, STRAIGHT_QUOTE } from './quotes.js';
import { escapeRegExp } from './regex.js';
import { codePointBefore, LiteralSet, PhrasePrefixes, WordSearch } from './word-search.js';
import { gluedDateWord, isTypeCode, kindOfSymbol, repairPartySymbol, repairStateSymbol, symbolCodes, type SymbolCodes } from './citation-symbols.js';
import { tick } from '../meter.js';

/**
 * Citations of other documents: "<Kind> [qualifier] [số] <number-symbol>[,] [ngày <date>] [của <body>]
 * [(khóa <R>)] [về … | “…”]", Party ("94-KL/TW"), State legal ("30/2020/NĐ-CP") and State
 * administrative ("123/QĐ-UBND", "197/STTTT") forms; a number without a symbol ("Chỉ thị 35 của Bộ
 * Chính trị"); further numbers sharing the kind ("các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW");
 * and named references without a number ("Nghị quyết Trung ương 7 khóa X", "Luật Tổ chức chính quyền
 * địa phương ngày 19 tháng 6 năm 2015", "Điều lệ Đảng"). Symbols written with a lost or slashed
 * hyphen, a glued "ngày" or the wrong case are repaired against the known codes and marked
 * `repaired`. An issuer (and its date) written before the citation ("Ngày 23/8/2017, Ban Thường vụ
 * Tỉnh ủy ban hành Chương trình số 27-CTr/TU") counts when the tail names none. Every word list and
 * pattern is in grammars/ (programme.vi.json "citations" and "namedReferences", bodies.json,
 * document-types.json, issuers.json). Matching runs on the folded key; values are sliced from the
 * text. Every pattern is anchored and bounded, so a long hostile line costs linear time.
 */
interface KindPhrase extends Phrase {
  generic: boolean;
  /** The key without marks: kinds are found by it, so "Kết lúận" is still Kết luận. */
  bare: string;
}

interface Compiled {
  kinds: KindPhrase[];
  kindByBare: Map<string, KindPhrase>;
  kindStart: WordSearch;
  /** The named references' literal starts, looked for in one pass. */
  namedLiterals: LiteralSet;
  /** Each named reference's literal's bit in the literals' mask. */
  namedBits: number[];
  /** Every named reference begins with a literal: a paragraph with none of them names none. */
  namedAllLiteral: boolean;
  afterKind: RegExp;
  party: RegExp;
  stateLegal: RegExp;
  stateAdmin: RegExp;
  numberOnly: RegExp;
  numericDate: RegExp;
  wordDate: RegExp;
  of: RegExp;
  term: RegExp;
  plenum: RegExp | null;
  plenumBefore: RegExp | null;
  year: RegExp;
  listJoin: RegExp;
  bodyJoin: RegExp;
  /** What a body join can start with: its non-letter words' first characters, and a space before a word. */
  bodyJoinStarts: Set<number>;
  bodyJoinSpaced: boolean;
  bodyJoinEmpty: boolean;
  /** The first characters of the date and term words, for wordAhead; null when a word could start with a gap. */
  dateStarts: Set<number> | null;
  termStarts: Set<number> | null;
  bareDate: RegExp;
  dateBefore: RegExp;
  wordDateBefore: RegExp;
  titleStarts: Phrase[];
  titleStops: string[];
  /** The first letters of the stops: most spaces in a subject are followed by none of them. */
  titleStopStarts: Set<number>;
  /** What titleEnd stops at: a quote, ";", "." or a space before a stop's first letter. */
  titleEvents: RegExp;
  numberOnlyStops: Phrase[];
  issueVerbs: Phrase[];
  officerTitles: Phrase[];
  adoptedBefore: Phrase[];
  adoptedAfter: Phrase[];
  adoptedAt: Phrase[];
  dateWords: string[];
  notCitedAfter: string[];
  codes: SymbolCodes;
  /** Body names that end in a level ("tỉnh") may be followed by a place name; words that end one. */
  placeLevels: string[];
  placeStops: Set<string>;
  levelNames: Map<string, boolean>;
  romanTerms: Map<string, boolean>;
  /** The bodies by their first letters: a tail asks for one at every citation. */
  bodyIndex: PhrasePrefixes<Matchers['bodies'][number]>;
  /** The same by their letters without marks: "ƯBND tỉnh", "Bộ Chinh tri" as OCR leaves them. */
  bareBodyIndex: PhrasePrefixes<Matchers['bodies'][number]>;
  /** Symbols as read by their spelling, for the next citation that writes one the same way. */
  stateSymbols: Map<string, ReadSymbol>;
  partySymbols: Map<string, ReadSymbol & { typeLength: number; slashLength: number }>;
}

const cache = new WeakMap<Matchers, Compiled>();
const END = '(?![\\p{L}\\p{N}])';
const byLength = (a: Phrase, b: Phrase) => b.key.length - a.key.length;
const phrases = (list: readonly string[]): Phrase[] => list.map((t) => ({ text: t, key: foldPhrase(t) })).sort(byLength);

function compiled(m: Matchers): Compiled {
  let c = cache.get(m);
  if (c) return c;
  const g = m.grammar.genre.citations;
  const words = (list: string[]) => list.map((w) => escapeRegExp(foldPhrase(w))).join('|');
  const kinds: KindPhrase[] = [
    ...m.kinds.map((k) => ({ ...k, generic: false, bare: bareKey(k.key) })),
    ...g.genericKinds.map((t) => ({ text: t, key: foldPhrase(t), generic: true, bare: bareKey(foldPhrase(t)) })),
  ].sort(byLength);
  const qualifiers = g.qualifiers.length > 0 ? `(?:(?:${words(g.qualifiers)})\\s)?` : '';
  const dates = words(g.dateWords);
  const numeric = `(\\d{1,2})\\s?([/.\\-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4})`;
  const joins = g.joinWords.map((w) => (/^\p{L}/u.test(w) ? `\\s${escapeRegExp(foldPhrase(w))}` : escapeRegExp(w))).join('|');
  const bareBodies = m.bodies.map((b) => ({ ...b, key: bareKey(b.key) }));
  c = {
    kinds,
    kindByBare: new Map(kinds.map((k) => [k.bare, k])),
    kindStart: new WordSearch(kinds.map((k) => k.bare)),
    namedLiterals: new LiteralSet(m.namedReferences.map((r) => r.literal)),
    namedAllLiteral: m.namedReferences.every((r) => r.literal !== ''),
    namedBits: [],
    afterKind: new RegExp(`\\s?${qualifiers}(?:(?:${words(g.numberWords)})\\s?)?[:：]?\\s?(?=\\d)`, 'uy'),
    party: new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,5}\\p{Ll}?)(\\s?[-–]{1,2}\\s?|\\s|\\/)(\\p{L}{1,6})(\\s?\\/\\s?)(\\p{L}{1,12}(?:-\\p{L}{1,12}){0,3})${END}`, 'uy'),
    stateLegal: new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,5}\\p{Ll}?)\\/(\\d{4})\\/(\\p{L}[\\p{L}\\d]{0,11}(?:-[\\p{L}\\d]{1,15}){0,3})${END}`, 'uy'),
    stateAdmin: new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,5}\\p{Ll}?)(\\s?\\/\\s?)(\\p{L}{1,10}(?:-\\s?[\\p{L}\\d]{1,15}){0,3})(?![\\p{L}\\p{N}/])`, 'uy'),
    numberOnly: /(?<![\p{L}\p{N}])(\d{1,5}(?:\/(?:19|20)\d{2})?)(?![\p{L}\p{N}/]|[.,:-]\p{N}|\s?[-–]\s?\p{L})/uy,
    numericDate: new RegExp(`\\s{0,3},?\\s{0,3}(?:${dates})\\s?${numeric}${END}`, 'uy'),
    wordDate: new RegExp(`\\s{0,3},?\\s{0,3}(?:${dates})\\s?(\\d{1,2})\\stháng\\s(\\d{1,2})\\snăm\\s(\\d{4})${END}`, 'uy'),
    of: new RegExp(`\\s{0,3},?\\s{0,3}(?:${words(g.ofWords)})\\s`, 'uy'),
    term: new RegExp(`\\s?\\(?\\s?(?:${words(g.termWords)})\\s([ivxlc]{1,6}|\\d{1,2})${END}\\s?\\)?`, 'uy'),
    plenum: g.plenum ? new RegExp(`\\s{0,3},?\\s{0,3}(?:${g.plenum})`, 'uy') : null,
    plenumBefore: g.plenumBefore ? new RegExp(g.plenumBefore, 'u') : null,
    year: new RegExp(`\\s?,?\\s?năm\\s((?:19|20)\\d{2})${END}`, 'uy'),
    listJoin: new RegExp(`\\s?(?:,\\s?và|,|;|\\svà)\\s(?:(?:${words(g.numberWords)})\\s?)?(?=\\d)`, 'uy'),
    bareDate: /\s{1,3}(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{L}\p{N}])/uy,
    bodyJoin: new RegExp(`(?:${joins || '(?!)'})\\s`, 'uy'),
    bodyJoinStarts: new Set(g.joinWords.filter((w) => !/^\p{L}/u.test(w)).map((w) => w.charCodeAt(0))),
    bodyJoinSpaced: g.joinWords.some((w) => /^\p{L}/u.test(w)),
    bodyJoinEmpty: g.joinWords.includes(''),
    dateStarts: wordStarts(g.dateWords),
    termStarts: wordStarts(g.termWords),
    dateBefore: new RegExp(`(?<![\\p{L}\\p{N}])(?:${dates})\\s?${numeric}\\s?,?\\s?$`, 'u'),
    wordDateBefore: new RegExp(`(?<![\\p{L}\\p{N}])(?:${dates})\\s?(\\d{1,2})\\stháng\\s(\\d{1,2})\\snăm\\s(\\d{4})\\s?,?\\s?$`, 'u'),
    titleStarts: g.titleStarts.map((t) => ({ text: t, key: foldPhrase(t) })),
    titleStops: g.titleStops.map((s) => ` ${foldPhrase(s)} `),
    titleStopStarts: new Set(g.titleStops.map((s) => foldPhrase(s).charCodeAt(0))),
    titleEvents: new RegExp(`[“”«»";.]| (?=[${g.titleStops.map(foldPhrase).filter((s) => s !== '').map((s) => unitEscape(s.charCodeAt(0))).join('')}])`, 'g'),
    numberOnlyStops: phrases(g.numberOnlyStops),
    issueVerbs: phrases(g.issueVerbs),
    officerTitles: phrases(g.officerTitles),
    adoptedBefore: phrases(g.adoptedBy?.before ?? []),
    adoptedAfter: phrases(g.adoptedBy?.after ?? []),
    adoptedAt: phrases(g.adoptedBy?.at ?? []),
    dateWords: g.dateWords.map(foldPhrase),
    notCitedAfter: g.notCitedAfter.map((w) => `${foldPhrase(w)} `),
    codes: symbolCodes(m),
    bodyIndex: new PhrasePrefixes(m.bodies),
    bareBodyIndex: new PhrasePrefixes(bareBodies),
    stateSymbols: new Map(),
    partySymbols: new Map(),
    placeLevels: g.placeLevels.map((l) => ` ${l}`),
    levelNames: new Map(),
    romanTerms: new Map(),
    placeStops: new Set([...g.termWords, ...g.dateWords, ...g.ofWords, ...g.placeStops].map(foldPhrase)),
  };
  c.namedBits = m.namedReferences.map((r) => c!.namedLiterals.bit(r.literal));
  cache.set(m, c);
  return c;
}

/** Every pattern the citation recogniser runs, for the ReDoS test. */
export function citationPatterns(m: Matchers): RegExp[] {
  const c = compiled(m);
  return [
    c.kindStart.pattern, c.afterKind, c.party, c.stateLegal, c.stateAdmin, c.numberOnly, c.numericDate, c.wordDate, c.of, c.term,
    c.year, c.titleEvents, c.listJoin, c.bodyJoin, BARE_LEGAL_TYPE, c.bareDate, c.dateBefore, c.wordDateBefore, ...(c.plenum ? [c.plenum] : []), ...(c.plenumBefore ? [c.plenumBefore] : []),
  ];
}

function sticky(re: RegExp, key: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(key);
}

/** Where a sticky pattern's match at `at` ends, -1 for none: for a pattern whose groups are not read, without a match array. */
function stickyEnd(re: RegExp, key: string, at: number): number {
  re.lastIndex = at;
  return re.test(key) ? re.lastIndex : -1;
}

// Most of the sticky patterns fail at once where they are tried; these tests by code say so
// first, without a pattern's run, and never refuse a place the pattern would match.

/** Where /\s?,?\s?/y, tried at `at`, ends: a space, a comma, a space, each if there. */
export function afterSeparator(key: string, at: number): number {
  if (isSpace(key.charCodeAt(at))) at++;
  if (key.charCodeAt(at) === COMMA) at++;
  if (isSpace(key.charCodeAt(at))) at++;
  return at;
}

/**
 * Whether a word whose first characters are `starts` may begin after the spaces, commas and
 * brackets at `at`: what a date's or a term's pattern (a few of those, then a word) needs first.
 */
function wordAhead(key: string, at: number, starts: Set<number> | null): boolean {
  if (starts === null) return true;
  // The patterns allow seven such characters at most: more, and none of them matches.
  const end = at + MAX_GAP;
  while (at < end && isGap(key.charCodeAt(at))) at++;
  return starts.has(key.charCodeAt(at));
}
const MAX_GAP = 8;

/** wordAhead for the grammar's date or term words, for the test that holds it to their patterns. */
export function tailWordAhead(key: string, at: number, m: Matchers, words: 'date' | 'term'): boolean {
  const c = compiled(m);
  return wordAhead(key, at, words === 'date' ? c.dateStarts : c.termStarts);
}
const isGap = (code: number) => isSpace(code) || code === COMMA || code === OPEN_PAREN;
const OPEN_PAREN = 0x28;

function wordStarts(words: readonly string[]): Set<number> | null {
  const folded = words.map(foldPhrase);
  if (folded.some((w) => w === '' || isGap(w.charCodeAt(0)))) return null;
  return new Set(folded.map((w) => w.charCodeAt(0)));
}

/** Whether a list's join (", ", "; ", " và ") may start at `at`: a comma, semicolon or "v" within two spaces. */
export function mayJoinList(key: string, at: number): boolean {
  let i = at;
  while (i - at < 2 && isSpace(key.charCodeAt(i))) i++;
  const code = key.charCodeAt(i);
  return code === COMMA || code === SEMICOLON || code === LOWER_V;
}

/** Whether a co-issuer's join may start at `at`: one of its non-letter words, or the space before a word. */
function mayJoinBody(key: string, at: number, c: Compiled): boolean {
  const code = key.charCodeAt(at);
  return c.bodyJoinEmpty || c.bodyJoinStarts.has(code) || (c.bodyJoinSpaced && isSpace(code));
}

/** mayJoinBody with the grammar's join words, for the test that holds it to the pattern. */
export function mayJoinBodyAt(key: string, at: number, m: Matchers): boolean {
  return mayJoinBody(key, at, compiled(m));
}

/** Whether `key.slice(from, to).trim()` is empty. */
function onlySpaces(key: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(key.charCodeAt(i))) return false;
  return true;
}

/** `text.trimEnd().endsWith(')')` without the trimmed copy. */
export function closesParenthesis(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return i >= 0 && text.charCodeAt(i) === CLOSE_PAREN;
}
const [COMMA, LOWER_V, CLOSE_PAREN] = [',', 'v', ')'].map((ch) => ch.charCodeAt(0)) as [number, number, number];

/** "2014-03-28" for a real calendar day of whole numbers, else null; years before 100 are none (Date.UTC reads them as 19xx). */
export function isoDate(d: number, mo: number, y: number): string | null {
  if (!(y >= 100 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(mo, y))) return null;
  // A programme cites the same few hundred days again and again: each is written once.
  const whole = Number.isInteger(d) && Number.isInteger(mo) && Number.isInteger(y);
  const day = whole ? (y * 16 + mo) * 32 + d : -1;
  let iso = whole ? ISO_DATES.get(day) : undefined;
  if (iso === undefined) {
    iso = `${y < 1000 ? String(y).padStart(4, '0') : y}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
    if (whole) remember(ISO_DATES, day, iso);
  }
  return iso;
}
const ISO_DATES = new Map<number, string>();

function daysIn(month: number, year: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

const [SEMICOLON, FULL_STOP, SPACE] = [';', '.', ' '].map((ch) => ch.charCodeAt(0)) as [number, number, number];

// A subject (trích yếu) is a phrase, not a page: bounding the scan keeps a line of thousands of
// citations with unclosed quotes linear instead of quadratic.
const MAX_TITLE = 500;

/** Where a "về …" or quoted subject that starts at `from` ends. */
function titleEnd(block: Joined, from: number, c: Compiled): number {
  const { key, text } = block;
  let depth = 0;
  let straightOpen = false;
  const quoted = mayOpenQuote(key.charCodeAt(from)) || mayOpenQuote(key.charCodeAt(from + 3));
  const limit = Math.min(key.length, from + MAX_TITLE);
  // Only quotes, ";", "." and a space before a stop's first letter end a subject or change its
  // depth: the pattern finds them natively, in the window and one character past it (where a
  // space at its end looks), rather than a loop reading every character of the key's slice.
  const events = c.titleEvents;
  const window = key.slice(from, Math.min(key.length, limit + 1));
  events.lastIndex = 0;
  while (events.test(window)) {
    const i = from + events.lastIndex - 1;
    if (i >= limit) break;
    const code = key.charCodeAt(i);
    if (code === STRAIGHT_QUOTE) {
      if (straightOpen && depth > 0) {
        depth--;
        straightOpen = false;
        if (depth === 0 && quoted) return tickedEnd(from, i + 1);
      } else {
        depth++;
        straightOpen = true;
      }
    } else if (opensQuote(code)) depth++;
    else if (closesQuote(code)) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && quoted) return tickedEnd(from, i + 1);
    } else if (depth === 0) {
      if (code === SEMICOLON) return tickedEnd(from, i);
      if (code === FULL_STOP && (i + 1 === key.length || (key.charCodeAt(i + 1) === SPACE && upperAt(text, i + 2)))) return tickedEnd(from, i);
      if (code === SPACE && c.titleStopStarts.has(key.charCodeAt(i + 1)) && startsWithAny(key, i, c.titleStops)) return tickedEnd(from, i);
    }
  }
  return tickedEnd(from, limit);
}

/** titleEnd with the grammar's stops, for the test that holds it to its earlier definition. */
export function titleEndAt(block: Joined, from: number, m: Matchers): number {
  return titleEnd(block, from, compiled(m));
}

/** A UTF-16 unit as a pattern writes it in a class. */
function unitEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `/\p{Lu}/u.test(text[i] ?? '')`, by code for ASCII: asked after each full stop of a subject. */
export function upperAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (!(code >= 0x80)) return code >= 0x41 && code <= 0x5a;
  return /\p{Lu}/u.test(text[i]!);
}

// A helper, not a closure over the loop's index: a closure would make V8 give every pass of the
// loop its own context object, a few dozen bytes for every character of every subject.
function startsWithAny(key: string, at: number, list: readonly string[]): boolean {
  for (const s of list) if (key.startsWith(s, at)) return true;
  return false;
}

function tickedEnd(from: number, end: number): number {
  tick(end - from);
  return end;
}

/** A subject as the model keeps it: without its opening quote, an unpartnered closing one and end punctuation. */
export function cleanTitle(raw: string): string | null {
  // Read as two ranges of `raw`, sliced once: "về" with its spaces [s, ve) before an opening quote
  // that goes, and the rest [b, e); without such a quote the first is empty and the rest is all.
  let s = 0;
  let e = raw.length;
  while (s < e && isSpace(raw.charCodeAt(s))) s++;
  while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
  e = trimmedEnd(raw, s, e, isTrailingPunctuation);
  const quote = leadQuoteAt(raw, s, e);
  let ve = quote > s ? quote : s;
  let b = s;
  if (quote >= 0) {
    b = quote + 1;
    while (b < e && isSpace(raw.charCodeAt(b))) b++;
  }
  let opens = 0;
  let closes = 0;
  let straight = 0;
  // The quotes are found by a pattern, natively: a subject holds a few of them in a hundred characters.
  QUOTE_MARKS.lastIndex = b;
  while (QUOTE_MARKS.test(raw) && QUOTE_MARKS.lastIndex <= e) {
    const code = raw.charCodeAt(QUOTE_MARKS.lastIndex - 1);
    if (code === OPEN_CURLY || code === OPEN_GUILLEMET) opens++;
    else if (code === CLOSE_CURLY || code === CLOSE_GUILLEMET) closes++;
    else straight++;
  }
  const last = e > b ? raw.charCodeAt(e - 1) : ve > s ? raw.charCodeAt(ve - 1) : NaN;
  // A closing quote left without a partner goes; so does a last straight quote that opened nothing.
  if (closes > opens && (last === CLOSE_CURLY || last === CLOSE_GUILLEMET || last === STRAIGHT_QUOTE)) {
    e = trimmedEnd(raw, b, e - 1, isSpace);
    if (e === b) ve = trimmedEnd(raw, s, ve, isSpace);
  } else if (opens === 0 && closes === 0 && last === STRAIGHT_QUOTE && straight % 2 === 1) e--;
  e = trimmedEnd(raw, b, e, isTrailingPunctuation);
  if (e === b) ve = trimmedEnd(raw, s, ve, isTrailingPunctuation);
  if (e === b) return ve === s ? null : raw.slice(s, ve);
  return ve === s ? raw.slice(b, e) : raw.slice(s, ve) + raw.slice(b, e);
}

/** Where the range [s, e) ends once the characters `drops` reads are trimmed from its end. */
function trimmedEnd(raw: string, s: number, e: number, drops: (code: number) => boolean): number {
  while (e > s && drops(raw.charCodeAt(e - 1))) e--;
  return e;
}
/** What trimTrailing(t, '.,;:') trims. */
const isTrailingPunctuation = (code: number) => code === FULL_STOP || code === COMMA || code === SEMICOLON || code === COLON || code === SPACE;
const COLON = 0x3a;

/**
 * Where the opening quote that goes is, in the range; -1 for none. What the pattern that dropped it
 * read (an optional "về" of any case and its spaces, then “, « or "): the quote opens the range,
 * or follows "về" and at least one space.
 */
function leadQuoteAt(raw: string, s: number, e: number): number {
  if (s >= e) return -1;
  const first = raw.charCodeAt(s);
  if (mayOpenQuote(first)) return s;
  if ((first !== LOWER_V && first !== UPPER_V) || s + 1 >= e) return -1;
  const second = raw.charCodeAt(s + 1);
  if (second !== LOWER_VE && second !== UPPER_VE) return -1;
  let q = s + 2;
  while (q < e && isSpace(raw.charCodeAt(q))) q++;
  return q > s + 2 && q < e && mayOpenQuote(raw.charCodeAt(q)) ? q : -1;
}
const QUOTE_MARKS = /[“”«»"]/g;
const [UPPER_V, LOWER_VE, UPPER_VE] = ['V', 'ề', 'Ề'].map((ch) => ch.charCodeAt(0)) as [number, number, number];
const [OPEN_CURLY, CLOSE_CURLY, OPEN_GUILLEMET, CLOSE_GUILLEMET] = ['“', '”', '«', '»'].map((ch) => ch.charCodeAt(0)) as [number, number, number, number];

function canonicalNumber(n: string): string {
  return n.length === 1 ? `0${n}` : n;
}

export interface NumberSymbol {
  number: string;
  symbol: string;
  id: string;
  repaired: boolean;
  /** The symbol is a Party one ("94-KL/TW"), for the kind a type code names. */
  party: boolean;
  end: number;
}

/** The number and symbol at `at` in one of the three shapes, repaired; null when there is none. */
function readNumber(block: Joined, at: number, c: Compiled): NumberSymbol | null {
  const { key, text } = block;
  const legal = slashAfterNumber(key, at) ? sticky(c.stateLegal, key, at) : null;
  if (legal) {
    const number = `${text.slice(at, at + legal[1]!.length)}/${legal[2]}`;
    const symbolAt = at + legal[1]!.length + legal[2]!.length + 2;
    return stateSymbol(text, number, symbolAt, at + legal[0].length, c);
  }
  const party = sticky(c.party, key, at);
  if (party) {
    const sep = party[2]!;
    const typeAt = at + party[1]!.length + sep.length;
    // Without its hyphen ("26 NQ/TW", "646/QĐ/QUTW") only a known type code makes it a symbol.
    // An en dash typed for the hyphen ("26 – NQ/TW") is a hyphen, repaired.
    if (sep === '-' || /[-–]/u.test(sep) || isTypeCode(text.slice(typeAt, typeAt + party[3]!.length), c.codes)) {
      const read = partySymbol(text, typeAt, party[3]!.length, party[4]!.length, at + party[0].length, c);
      const number = text.slice(at, at + party[1]!.length);
      // Spaces in the separators, or any separator but "-" and "/", are written wrong.
      const repaired = read.glued > 0 || read.repaired || sep !== '-' || party[4] !== '/';
      return { number, symbol: read.symbol, id: `${canonicalNumber(number)}-${read.symbol}`, repaired, party: true, end: at + party[0].length - read.cut };
    }
  }
  const admin = sticky(c.stateAdmin, key, at);
  if (admin) {
    const number = text.slice(at, at + admin[1]!.length);
    const symbolAt = at + admin[1]!.length + admin[2]!.length;
    const found = stateSymbol(text, number, symbolAt, at + admin[0].length, c);
    // A symbol without a hyphen is one when it splits into known codes ("NQCP") or is an
    // authority's capitals ("197/STTTT"), not any word after a slash.
    const written = text.slice(symbolAt, found.end);
    if (written.includes('-') || found.repaired || (written.length >= 2 && /^\p{Lu}+$/u.test(written))) {
      return admin[2]!.length > 1 ? { ...found, repaired: true } : found;
    }
  }
  return null;
}

/** readNumber with the grammar's patterns, for the test that holds it to its earlier definition. */
export function numberSymbolAt(block: Joined, at: number, m: Matchers): NumberSymbol | null {
  return readNumber(block, at, compiled(m));
}

function stateSymbol(text: string, number: string, symbolAt: number, end: number, c: Compiled): NumberSymbol {
  const written = text.slice(symbolAt, end);
  let read = c.stateSymbols.get(written);
  if (read === undefined) {
    read = readStateSymbol(written, c);
    remember(c.stateSymbols, written, read);
  }
  return { number, symbol: read.symbol, id: `${number}/${read.symbol}`, repaired: read.repaired, party: false, end: end - read.cut };
}

/** What a symbol's spelling reads as: canonical, how many glued characters it loses at its end, and whether it was repaired. */
interface ReadSymbol {
  symbol: string;
  cut: number;
  glued: number;
  repaired: boolean;
}

function readStateSymbol(written: string, c: Compiled): ReadSymbol {
  const spaced = /-\s/u.test(written);
  if (spaced) written = written.replace(/-\s/gu, '-');
  const glued = gluedDateWord(written, c.dateWords);
  const cut = glued > 0 && glued < written.length ? glued : 0;
  const fixed = repairStateSymbol(written.slice(0, written.length - cut), c.codes);
  return { symbol: fixed.symbol, cut, glued, repaired: fixed.repaired || glued > 0 || spaced };
}

/** A Party symbol's type, slash and issuer ("KL/TW", "CTR / TUngày") read once per spelling and split. */
function partySymbol(text: string, typeAt: number, typeLength: number, slashLength: number, end: number, c: Compiled): ReadSymbol {
  const written = text.slice(typeAt, end);
  const known = c.partySymbols.get(written);
  if (known !== undefined && known.typeLength === typeLength && known.slashLength === slashLength) return known;
  const issuer = written.slice(typeLength + slashLength);
  const glued = gluedDateWord(issuer, c.dateWords);
  const cut = glued > 0 && glued < issuer.length ? glued : 0;
  const fixed = repairPartySymbol(`${written.slice(0, typeLength)}/${issuer.slice(0, issuer.length - cut)}`, c.codes);
  const read = { symbol: fixed.symbol, cut, glued, repaired: fixed.repaired, typeLength, slashLength };
  remember(c.partySymbols, written, read);
  return read;
}

// Symbols repeat ("NQ/TW", "QĐ-UBND"): their readings are kept, a bounded number of them.
const REMEMBERED = 4096;
function remember<K, T>(memo: Map<K, T>, key: K, value: T): void {
  if (memo.size >= REMEMBERED) memo.clear();
  memo.set(key, value);
}

/** Whether a "/" follows the digits at `at` (and a letter after them): a State legal number's first need. */
function slashAfterNumber(key: string, at: number): boolean {
  let i = at;
  while (i - at < 5 && isDigit(key.charCodeAt(i))) i++;
  return i > at && (key.charCodeAt(i) === SLASH || key.charCodeAt(i + 1) === SLASH);
}

interface Tail {
  date: string | null;
  dateText: string | null;
  issuedBy: string | null;
  term: string | null;
  year: number | null;
  end: number;
}

/** A body (with an officer's title before it: "Bộ trưởng Bộ Tài chính") at `at`. */
function bodyAt(block: Joined, at: number, c: Compiled): { name: string; length: number } | null {
  const { key } = block;
  const officer = matchPhrase(key, at, c.officerTitles);
  if (officer && key[at + officer.key.length] === ' ') {
    const body = c.bodyIndex.match(key, at + officer.key.length + 1);
    if (body) return { name: `${officer.text} ${body.name}`, length: officer.key.length + 1 + body.key.length };
  }
  const body = c.bodyIndex.match(key, at) ?? c.bareBodyIndex.match(block.bare, at);
  return body ? { name: body.name, length: body.key.length } : null;
}

/** Co-issuers after the first ("của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư"): their end. */
function coIssuers(block: Joined, end: number, c: Compiled): number {
  const { key } = block;
  for (let n = 0; n < 6; n++) {
    tick();
    const joined = mayJoinBody(key, end, c) ? stickyEnd(c.bodyJoin, key, end) : -1;
    const body = joined >= 0 ? bodyAt(block, joined, c) : null;
    if (!body) break;
    // "… của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành …": a body followed by its own verb is the
    // subject of the sentence, not a co-issuer; a co-issuer ends the list, the citation or its clause.
    const after = joined + body.length;
    if (!/^(?:$|[\s]*[,;.:)(]|\s(?:và|về|khóa|khoá|ngày|tại|năm)(?![\p{L}]))/u.test(key.slice(after, after + 8))) break;
    end = after;
  }
  return end;
}

/** The date, issuing body and term after a citation, in whatever order the drafter wrote them. */
function readTail(block: Joined, from: number, m: Matchers, c: Compiled, named: boolean): Tail {
  const { key } = block;
  const t: Tail = { date: null, dateText: null, issuedBy: null, term: null, year: null, end: from };
  let dated = false;
  for (let progress = true; progress; ) {
    progress = false;
    tick();
    const dateAhead = t.dateText === null && wordAhead(key, t.end, c.dateStarts);
    const d: RegExpExecArray | null = dateAhead ? (sticky(c.numericDate, key, t.end) ?? sticky(c.wordDate, key, t.end)) : null;
    if (d) {
      // The numeric form has its separator as the second group.
      const numeric = d.length === 5;
      const day = d[1];
      const month = numeric ? d[3] : d[2];
      const year = numeric ? d[4] : d[3];
      t.date = isoDate(Number(day), Number(month), Number(year));
      // A real date's year is the year written (what its ISO form begins with).
      if (t.date !== null) t.year = Number(year);
      t.dateText = `${day}/${month}/${year}`;
      t.end += d[0].length;
      dated = true;
      progress = true;
      continue;
    }
    if (t.issuedBy === null) {
      const issuer = issuerAfter(block, t.end, m, c, dated);
      if (issuer) {
        t.issuedBy = issuer.name;
        t.end = coIssuers(block, placeAfter(block, issuer.end, issuer.name, c), c);
        progress = true;
        continue;
      }
    }
    if (t.term === null) {
      const r = wordAhead(key, t.end, c.termStarts) ? sticky(c.term, key, t.end) : null;
      if (r && r[0].includes('(') === closesParenthesis(r[0])) {
        t.term = normaliseTerm(r[1]!);
        t.end += r[0].length;
        progress = true;
        continue;
      }
    }
    if (named && t.year === null && t.dateText === null) {
      const y = sticky(c.year, key, t.end);
      if (y) {
        t.year = Number(y[1]);
        t.end += y[0].length;
        progress = true;
      }
    }
  }
  return t;
}

/**
 * "của UBND tỉnh Hậu Giang khóa IX": the place named after a local body ("tỉnh", "huyện" …), its
 * capitalised words up to a term, date or subject word, belongs to the issuer; the issuer keeps the
 * body's name, and what follows the place (the term) is read on.
 */
function placeAfter(block: Joined, end: number, name: string, c: Compiled): number {
  const { key, text } = block;
  if (!namesLevel(name, c)) return end;
  let at = end;
  for (let words = 0; words < 4; words++) {
    const word = sticky(PLACE_WORD, text, at);
    if (!word || c.placeStops.has(key.slice(at + 1, at + word[0].length))) break;
    at += word[0].length;
  }
  return at;
}
/** Whether an issuer's name ends in a level ("UBND tỉnh"): asked of the few names bodies have, once each. */
function namesLevel(name: string, c: Compiled): boolean {
  let known = c.levelNames.get(name);
  if (known === undefined) {
    known = c.placeLevels.some((l) => name.endsWith(l));
    remember(c.levelNames, name, known);
  }
  return known;
}

const PLACE_WORD = / \p{Lu}[\p{L}\p{M}]{0,15}(?![\p{L}\p{M}\p{N}])/uy;

/** "của <body>", a plenum ("Hội nghị lần thứ 7 Ban Chấp hành Trung ương"), "được <body> thông qua", or a body right after the date. */
function issuerAfter(block: Joined, at: number, m: Matchers, c: Compiled, dated: boolean): { name: string; end: number } | null {
  const { key } = block;
  const ofEnd = stickyEnd(c.of, key, at);
  if (ofEnd >= 0) {
    const body = bodyAt(block, ofEnd, c);
    if (body) return { name: body.name, end: ofEnd + body.length };
  }
  if (c.plenum) {
    const p = sticky(c.plenum, key, at);
    if (p) {
      const after = at + p[0].length;
      const body = key[after] === ' ' ? bodyAt(block, after + 1, c) : null;
      if (body) return { name: body.name, end: after + 1 + body.length };
      const issuer = m.grammar.genre.citations.plenumIssuer;
      if ((p.groups?.central || p.groups?.central2) && issuer) return { name: issuer, end: after };
    }
  }
  const s = afterSeparator(key, at);
  const before = matchPhrase(key, s, c.adoptedBefore);
  if (before && key[s + before.key.length] === ' ') {
    const body = bodyAt(block, s + before.key.length + 1, c);
    const afterAt = body ? s + before.key.length + 1 + body.length : -1;
    const verb = body && key[afterAt] === ' ' ? matchPhrase(key, afterAt + 1, c.adoptedAfter) : null;
    if (body && verb) return { name: body.name, end: afterAt + 1 + verb.key.length };
  }
  const atWords = matchPhrase(key, s, c.adoptedAt);
  if (atWords && key[s + atWords.key.length] === ' ') {
    const body = bodyAt(block, s + atWords.key.length + 1, c);
    if (body) return { name: body.name, end: s + atWords.key.length + 1 + body.length };
  }
  // "ngày 23 tháng 4 năm 2018 Chính phủ về …": the date leaves no doubt whose it is.
  if (dated && key[at] === ' ') {
    const body = bodyAt(block, at + 1, c);
    if (body) return { name: body.name, end: at + 1 + body.length };
  }
  return null;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CAPITAL = /^\p{Lu}/u;
const BEFORE_WINDOW = 60;

/**
 * "Ngày 23/8/2017, Ban Thường vụ Tỉnh ủy ban hành Chương trình …": the body ending just before an
 * issue verb that stands right before the kind (up to a few capitalised words between: "Đảng ủy
 * NHPT đã ban hành"), and a date right before that body.
 */
function issuerBefore(block: Joined, kindAt: number, m: Matchers, c: Compiled): { name: string; date: string | null; dateText: string | null; term: string | null } | null {
  const { key, text } = block;
  if (kindAt < 2 || key[kindAt - 1] !== ' ') return null;
  const verbEnd = kindAt - 1;
  let verbAt = -1;
  for (const v of c.issueVerbs) {
    const at = verbEnd - v.key.length;
    if (at >= 0 && key.startsWith(v.key, at) && (at === 0 || !LETTER_OR_DIGIT.test(key[at - 1]!))) {
      verbAt = at;
      break;
    }
  }
  if (verbAt < 2 || key[verbAt - 1] !== ' ') return null;
  // A plenum that adopted it: "Hội nghị Trung ương 5 khóa VIII đã thông qua Nghị quyết “…”".
  const plenum = c.plenumBefore?.exec(key.slice(Math.max(0, verbAt - 1 - BEFORE_WINDOW), verbAt - 1));
  const plenumIssuer = m.grammar.genre.citations.plenumIssuer;
  if (plenum && plenumIssuer) return { name: plenumIssuer, date: null, dateText: null, term: plenum.groups?.term ? normaliseTerm(plenum.groups.term) : null };
  const gapWords = m.grammar.genre.citations.issuerGapWords;
  let bodyEnd = verbAt - 1;
  for (let gap = 0; gap <= gapWords; gap++) {
    tick();
    for (const body of m.bodies) {
      const at = bodyEnd - body.key.length;
      if (at < 0 || verbAt - at > BEFORE_WINDOW || !key.startsWith(body.key, at)) continue;
      if (at > 0 && LETTER_OR_DIGIT.test(key[at - 1]!)) continue;
      const officer = c.officerTitles.find((o) => at - o.key.length - 1 >= 0 && key.startsWith(`${o.key} `, at - o.key.length - 1));
      const from = officer ? at - officer.key.length - 1 : at;
      const name = officer ? `${officer.text} ${body.name}` : body.name;
      const window = key.slice(Math.max(0, from - 40), from);
      const d = c.dateBefore.exec(window);
      const w = d ? null : c.wordDateBefore.exec(window);
      const [day, month, year] = d ? [d[1], d[3], d[4]] : w ? [w[1], w[2], w[3]] : [];
      if (day === undefined) return { name, date: null, dateText: null, term: null };
      return { name, date: isoDate(Number(day), Number(month), Number(year)), dateText: `${day}/${month}/${year}`, term: null };
    }
    // One more capitalised word between the body and the verb ("NHPT", "Hà Nội").
    const wordStart = key.lastIndexOf(' ', bodyEnd - 1) + 1;
    if (wordStart <= 0 || wordStart >= bodyEnd || !CAPITAL.test(text.slice(wordStart, bodyEnd))) break;
    if (!/^[\p{L}\p{N}]+$/u.test(key.slice(wordStart, bodyEnd))) break;
    bodyEnd = wordStart - 1;
  }
  return null;
}

/**
 * "Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương khóa
 * XII": what the last of a list names after it belongs to every number before it that names none
 * (the date only when no number before has its own).
 */
function shareListTail(found: Citation[], first: number): void {
  const last = found[found.length - 1];
  if (!last || found.length - first < 2) return;
  const list = found.slice(first, -1);
  const ownDates = list.some((x) => x.dateText !== null);
  for (const x of list) {
    tick();
    x.issuedBy ??= last.issuedBy;
    x.term ??= last.term;
    if (!ownDates && x.dateText === null) {
      x.date = last.date;
      x.dateText = last.dateText;
      x.year = last.year;
    }
  }
}

function isYear(n: string): boolean {
  return /^(?:19|20)\d{2}$/u.test(n);
}

// Where each numbered citation of a paragraph ends in its key, ascending (each is found after the
// last): one array, emptied for each paragraph, rather than a Set made for each.
const NUMBERED_ENDS: number[] = [];

/** Whether an ascending list holds `n`. */
function holds(list: readonly number[], n: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === n;
}

export function findCitations(block: Joined, m: Matchers): Citation[] {
  const c = compiled(m);
  const { key, text } = block;
  const found: Citation[] = [];
  // Where each numbered citation ends in the key: a named document right after one is its subject.
  const ends = NUMBERED_ENDS;
  ends.length = 0;
  const unmarked = block.bare;
  let from = 0;
  // One call of find (and of each search below), not one to start and one to go on: each call
  // is compiled into its caller again.
  for (;;) {
    const k = c.kindStart.find(unmarked, from);
    if (!k) break;
    tick();
    const kindAt = k.at;
    from = kindAt + k.word.length;
    const kind = c.kindByBare.get(k.word);
    const numAt = kind ? stickyEnd(c.afterKind, key, from) : -1;
    if (!kind || numAt < 0) continue;

    let num = readNumber(block, numAt, c);
    let form: Citation['form'] = 'numbered';
    let tail: Tail;
    if (num) {
      tail = readTail(block, num.end, m, c, false);
    } else {
      // A number without a symbol: "Chỉ thị 35 của Bộ Chính trị", "Nghị quyết số 18 ngày 25-10-2017".
      const only = kind.generic ? null : sticky(c.numberOnly, key, numAt);
      if (!only) continue;
      const written = /\p{Lu}/u.test(text[kindAt]!) || !onlySpaces(key, from, numAt);
      if (!written || isYear(only[1]!)) continue;
      const end = numAt + only[0].length;
      tail = readTail(block, end, m, c, false);
      if (tail.end === end) {
        const next = key[end] === ' ' ? end + 1 : end;
        if (matchPhrase(key, next, c.numberOnlyStops)) continue;
      }
      num = { number: text.slice(numAt, end), symbol: '', id: '', repaired: false, party: false, end };
      form = 'number-only';
    }

    let kindName = kind.generic ? (num.symbol ? kindOfSymbol(num.symbol, num.party, c.codes) : null) ?? m.grammar.genre.citations.fallbackKind : kind.text;
    let start = kindAt;
    const first = found.length;
    for (;;) {
      tick();
      let end = trimEnd(key, start, tail.end);
      // Another number sharing the kind: "…18-NQ/TW, 19-NQ/TW và 20-NQ/TW", "… và số 343/TTr-CP".
      const joinEnd = mayJoinList(key, end) ? stickyEnd(c.listJoin, key, end) : -1;
      const next = joinEnd >= 0 ? readNumber(block, joinEnd, c) : null;
      let title: string | null = null;
      if (!next) {
        const titleAt = afterSeparator(key, end);
        if (matchPhrase(key, titleAt, c.titleStarts) || mayOpenQuote(key.charCodeAt(titleAt))) {
          title = cleanTitle(text.slice(titleAt, titleEnd(block, titleAt, c)));
        }
      }
      const before = tail.issuedBy === null || tail.dateText === null ? (form === 'list' ? null : issuerBefore(block, kindAt, m, c)) : null;
      const onlyNumber = form === 'number-only';
      found.push({
        raw: text.slice(start, end),
        kind: kindName,
        number: num.number,
        symbol: onlyNumber ? null : num.symbol,
        id: onlyNumber ? null : num.id,
        date: tail.dateText !== null ? tail.date : (before?.date ?? null),
        issuedBy: tail.issuedBy ?? before?.name ?? null,
        term: tail.term ?? (tail.issuedBy === null ? (before?.term ?? null) : null),
        title,
        span: { start: block.offset(start), end: block.offset(end - 1) + 1 },
        line: block.line(start),
        repaired: num.repaired,
        dateText: tail.dateText ?? before?.dateText ?? null,
        form,
        year: tail.year ?? (before?.date ? Number(before.date.slice(0, 4)) : null),
        refersTo: null,
      });
      from = end;
      ends.push(end);
      if (!next) break;
      start = joinEnd;
      num = next;
      form = 'list';
      kindName = kind.generic ? (kindOfSymbol(num.symbol, num.party, c.codes) ?? kindName) : kindName;
      tail = readTail(block, num.end, m, c, false);
      end = tail.end;
    }
    shareListTail(found, first);
  }
  const bare = bareSymbols(block, m, c, found);
  return withNamedReferences(block, m, c, bare.length === 0 ? found : [...found, ...bare].sort((a, b) => a.span.start - b.span.start), ends);
}

/**
 * A State legal symbol without a kind word, as listings print it ("28/2016/TT-BGTVT 14/10/2016
 * Sửa đổi …"): its type code is known, so it names its kind; a bare date right after is its date.
 */
function bareSymbols(block: Joined, m: Matchers, c: Compiled, found: readonly Citation[]): Citation[] {
  const { key, text } = block;
  const out: Citation[] = [];
  let next = 0;
  let from = 0;
  for (;;) {
    const legal = bareLegalAt(key, from);
    if (!legal) break;
    tick();
    const at = legal.at;
    from = legal.end;
    const start = block.offset(at);
    for (; next < found.length && found[next]!.span.end <= start; next++);
    if (next < found.length && found[next]!.span.start <= start) continue;
    const num = readNumber(block, at, c);
    if (!num || num.party) continue;
    const kind = kindOfSymbol(num.symbol, false, c.codes);
    if (kind === null || !num.symbol.includes('-')) continue;
    const d = sticky(c.bareDate, key, num.end);
    const date = d ? isoDate(Number(d[1]), Number(d[2]), Number(d[3])) : null;
    const tail = d ? null : readTail(block, num.end, m, c, false);
    const end = trimEnd(key, at, d ? num.end + d[0].length : tail!.end);
    if (next < found.length && found[next]!.span.start < block.offset(end - 1) + 1) continue;
    out.push({
      raw: text.slice(at, end),
      kind,
      number: num.number,
      symbol: num.symbol,
      id: num.id,
      date: d ? date : tail!.date,
      issuedBy: tail?.issuedBy ?? null,
      term: tail?.term ?? null,
      title: null,
      span: { start, end: block.offset(end - 1) + 1 },
      line: block.line(at),
      repaired: num.repaired,
      dateText: d ? `${d[1]}/${d[2]}/${d[3]}` : tail!.dateText,
      form: 'numbered',
      year: d ? Number(d[3]) : tail!.year,
      refersTo: null,
    });
    from = Math.max(from, end);
  }
  return out;
}

/**
 * The next "28/2016/TT-…" at or after `from`: what /(?<![\p{L}\p{N}/.,-])\d{1,5}\/(?:19|20)\d{2}\/\p{L}{1,6}-\p{L}/gu
 * finds, found from each "/" instead: with its look-behind V8 tried the pattern at every position.
 */
export function bareLegalAt(key: string, from: number): { at: number; end: number } | null {
  for (let slash = key.indexOf('/', from); slash !== -1; slash = key.indexOf('/', slash + 1)) {
    let at = slash;
    while (at > from && slash - at < 5 && isDigit(key.charCodeAt(at - 1))) at--;
    if (at === slash) continue;
    // The century first: a date's "28/3/2014" fails it by code, before a character's test.
    const century = key.charCodeAt(slash + 1) * 256 + key.charCodeAt(slash + 2);
    if (century !== NINETEEN && century !== TWENTY) continue;
    if (at > 0 && NOT_BEFORE_LEGAL.test(String.fromCodePoint(codePointBefore(key, at)))) continue;
    if (!isDigit(key.charCodeAt(slash + 3)) || !isDigit(key.charCodeAt(slash + 4)) || key.charCodeAt(slash + 5) !== SLASH) continue;
    const type = sticky(BARE_LEGAL_TYPE, key, slash + 6);
    if (type) return { at, end: slash + 6 + type[0].length };
  }
  return null;
}
const BARE_LEGAL_TYPE = /\p{L}{1,6}-\p{L}/uy;
const NOT_BEFORE_LEGAL = /[\p{L}\p{N}/.,-]/u;
const [NINETEEN, TWENTY] = ['19', '20'].map((y) => y.charCodeAt(0) * 256 + y.charCodeAt(1)) as [number, number];
const SLASH = 0x2f;

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** Where a citation ending at `end` ends without its trailing spaces and commas: what /[\s,]/u read of each character, by code. */
export function trimEnd(key: string, from: number, end: number): number {
  while (end > from && (isSpace(key.charCodeAt(end - 1)) || key.charCodeAt(end - 1) === COMMA)) end--;
  return end;
}

/** Whether a term reads as a Roman numeral: asked of the few terms there are, once each. */
function isRomanTerm(term: string, c: Compiled): boolean {
  let known = c.romanTerms.get(term);
  if (known === undefined) {
    known = romanToInt(term) !== null;
    remember(c.romanTerms, term, known);
  }
  return known;
}

function normaliseTerm(raw: string): string {
  // Terms are few ("xii", "XIII", "12"): each spelling is read once.
  let term = TERMS.get(raw);
  if (term === undefined) {
    term = /^\d+$/.test(raw) ? toRoman(Number(raw)) : raw.toUpperCase();
    remember(TERMS, raw, term);
  }
  return term;
}
const TERMS = new Map<string, string>();

/**
 * The next match of a named reference's pattern from its lastIndex, searched from its literal's
 * next occurrence: every match begins with the literal, and a pattern that opens with a
 * look-behind is otherwise tried at every position before it.
 */
function nextNamed(re: RegExp, literal: string, key: string): RegExpExecArray | null {
  if (literal !== '') {
    const at = key.indexOf(literal, re.lastIndex);
    if (at < 0) return null;
    re.lastIndex = at;
  }
  return re.exec(key);
}

/** nextNamed for the test that holds it to the pattern's own search. */
export function namedMatchesFrom(re: RegExp, literal: string, key: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let r = nextNamed(re, literal, key); r; r = nextNamed(re, literal, key)) {
    out.push(r);
    if (r[0].length === 0) re.lastIndex++;
  }
  return out;
}

function withNamedReferences(block: Joined, m: Matchers, c: Compiled, numbered: Citation[], numberedEnds: readonly number[]): Citation[] {
  const present = c.namedLiterals.mask(block.key);
  if (present === 0 && c.namedAllLiteral) return numbered;
  // Made at the first pattern that runs: most paragraphs hold no literal of any.
  let scan: NamedScan | null = null;
  for (let i = 0; i < m.namedReferences.length; i++) {
    const ref = m.namedReferences[i]!;
    if (ref.literal !== '' && (present & c.namedBits[i]!) === 0) continue;
    scan ??= new NamedScan(block, m, c, numbered, numberedEnds);
    const re = ref.re;
    re.lastIndex = 0;
    // The cores read so far by start, walked once as this pattern's matches move right.
    const cores = scan.cores;
    const sorted = cores.length < 2 ? cores : [...cores].sort(byStart);
    let next = 0;
    let reach = -1;
    for (;;) {
      const r = nextNamed(re, ref.literal, block.key);
      if (!r) break;
      tick();
      const at = r.index;
      for (; next < sorted.length && sorted[next]![0] < at; next++) reach = Math.max(reach, sorted[next]![1]);
      if (r[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      scan.read(ref, r, reach);
    }
  }
  if (scan === null || scan.named.length === 0) return numbered;
  return [...numbered, ...scan.named].sort((a, b) => a.span.start - b.span.start);
}
const byStart = (a: readonly [number, number], b: readonly [number, number]) => a[0] - b[0];

type NamedReference = Matchers['namedReferences'][number];

/**
 * The named references of one paragraph, read match by match: a class of its own, so that the
 * loop over the patterns stays small and each match's reading is compiled apart.
 */
class NamedScan {
  readonly named: Citation[] = [];
  /** Where those that read a tail start and where their pattern's match ends. */
  readonly cores: [number, number][] = [];
  /** Where the named ones start: made at the first, as most paragraphs that hold a literal name nothing. */
  private starts: Set<number> | null = null;

  constructor(
    private readonly block: Joined,
    private readonly m: Matchers,
    private readonly c: Compiled,
    private readonly numbered: readonly Citation[],
    private readonly numberedEnds: readonly number[],
  ) {}

  /** Reads the match `r` of `ref`'s pattern, `reach` the furthest end of a core before it: adds the citation it names, if any. */
  read(ref: NamedReference, r: RegExpExecArray, reach: number): void {
    const { block, m, c } = this;
    const at = r.index;
    const core = at + r[0].length;
    const groups = r.groups ?? {};
    let title: string | null = null;
    if (groups.title !== undefined) {
      const titleAt = block.key.indexOf(groups.title, at + 1);
      title = titleAt < 0 ? null : block.text.slice(titleAt, titleAt + groups.title.length);
      if (ref.capitalTitle && (title === null || !/^\p{Lu}/u.test(title))) return;
    }
    // A named reference inside one that read a tail (the laws an amending law names) reads none.
    const inside = core <= reach;
    const tail = ref.tail && !inside ? readTail(block, core, m, c, true) : null;
    let quotedEnd = core;
    if (ref.quotedTitle) {
      const titleAt = afterSeparator(block.key, core);
      quotedEnd = titleEnd(block, titleAt, c);
      title = cleanTitle(block.text.slice(titleAt, quotedEnd));
    }
    const before = tail?.issuedBy ? null : issuerBefore(block, at, m, c);
    if (ref.needsIssuer && !tail?.issuedBy && !before && !ref.issuedBy) return;
    // The document a sentence issues ("ban hành Quy chế làm việc của …") or a numbered citation's
    // unmarked subject ("Quyết định 01/2012/QĐ-UBND quy chế làm việc của …") is not cited by name.
    if (endsWithAnyBefore(block.key, at, c.notCitedAfter)) return;
    if (holds(this.numberedEnds, at - 1) || holds(this.numberedEnds, at - 2)) return;
    if (tail) this.cores.push([at, core]);
    const end = tail ? trimEnd(block.key, at, Math.max(core, tail.end)) : quotedEnd;
    const start = block.offset(at);
    const spanEnd = block.offset(end - 1) + 1;
    if (overlapsAny(this.numbered, start, spanEnd) || this.starts?.has(start) === true) return;
    (this.starts ??= new Set()).add(start);
    const term = groups.term ? normaliseTerm(groups.term) : (tail?.term ?? before?.term ?? null);
    const issuedBy = tail?.issuedBy ?? (ref.issuedBy ? ref.issuedBy.replace(/\{(\w+)\}/gu, (_m, g: string) => groups[g] ?? '').trim() : (before?.name ?? null));
    this.named.push({
      raw: block.text.slice(at, end),
      kind: ref.kind,
      number: null,
      symbol: null,
      id: null,
      date: tail?.date ?? (tail?.dateText ? null : (before?.date ?? null)),
      issuedBy,
      term: term && isRomanTerm(term, c) ? term : null,
      title,
      span: { start, end: spanEnd },
      line: block.line(at),
      repaired: false,
      dateText: tail?.dateText ?? before?.dateText ?? null,
      form: 'named',
      year: groups.year ? Number(groups.year) : (tail?.year ?? null),
      refersTo: null,
    });
  }
}

/** Whether one of the words (each with its space) ends just before `at`. */
function endsWithAnyBefore(key: string, at: number, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (at >= w.length && key.startsWith(w, at - w.length)) return true;
  }
  return false;
}

/** Whether the span [start, end) overlaps a citation's. */
function overlapsAny(citations: readonly Citation[], start: number, end: number): boolean {
  for (let i = 0; i < citations.length; i++) if (start < citations[i]!.span.end && end > citations[i]!.span.start) return true;
  return false;
}
