import type { Conference, Item } from '../model/programme.js';
import { squash, trimTrailing } from '../normalize/text.js';
import { findPhrase, type Matchers } from '../recognise/compile.js';
import { escapeRegExp } from '../recognise/regex.js';
import { tick } from '../meter.js';

/** A "Cơ quan chủ trì tham mưu: X[ mục (3) và (4)]." line as found inside a conference. */
export interface AttributionLine {
  conference: Conference;
  /** How many of the conference's items came before the line. */
  itemsBefore: number;
  /** The block's joined text and its key. */
  text: string;
  key: string;
  contentAt: number;
  line: number;
}

export interface ResolvedAttribution {
  agencies: string[];
  items: number[];
  scoped: boolean;
  conference: number;
  line: number;
}

// A range expands to at most this many item numbers; beyond that it is not a real range.
const MAX_RANGE = 10_000;

/** Item numbers named by "(3) và (4)", "(5), (6), (7) và (8)", "(1) đến (4)", "1 - 4". */
const scopePatterns = new WeakMap<Matchers, RegExp>();

export function scopePattern(m: Matchers): RegExp {
  let re = scopePatterns.get(m);
  if (!re) {
    const range = m.rangeWords.map((w) => escapeRegExp(w.key)).join('|');
    re = new RegExp(`\\(?(\\d{1,5})\\)?(?: ?(?:${range}) ?\\(?(\\d{1,5})\\)?)?`, 'gu');
    scopePatterns.set(m, re);
  }
  return re;
}

export function scopeNumbers(scope: string, m: Matchers): number[] {
  const re = scopePattern(m);
  const numbers: number[] = [];
  for (const match of scope.matchAll(re)) {
    const lo = Number(match[1]);
    const hi = match[2] ? Number(match[2]) : lo;
    tick(1 + Math.max(0, Math.min(hi - lo, MAX_RANGE)));
    if (hi >= lo && hi - lo <= MAX_RANGE) for (let n = lo; n <= hi; n++) numbers.push(n);
    else numbers.push(lo);
  }
  return numbers;
}

/** "Ban Tổ chức Tỉnh ủy, Văn phòng Tỉnh ủy" → two agencies; "Ban Tuyên giáo và Dân vận" stays one. */
export function splitAgencies(text: string): string[] {
  // Most lines name one agency: without a separator there is nothing to split, and a name
  // already spaced singly needs no squashing (a split and a replace per line were a third of this stage).
  if (!text.includes(';') && !text.includes(',')) {
    const agency = trimTrailing(isSquashed(text) ? text : squash(text), '.,;:');
    return agency === '' ? [] : [agency];
  }
  return text
    .split(/;|,(?=\s*\p{Lu})/u)
    .map((a) => trimTrailing(squash(a), '.,;:'))
    .filter((a) => a !== '');
}

/** Whether `squash(text)` is `text`: no space at either end, none but single U+0020 between words. */
export function isSquashed(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 ? text.charCodeAt(i + 1) === 0x20 : isSpace(code)) return false;
  }
  return true;
}

/** `text.replace(/\.\s*$/u, '')`: the one full stop that only spaces follow, and those spaces, cut. */
export function withoutFinalStop(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end > 0 && text.charCodeAt(end - 1) === 0x2e ? text.slice(0, end - 1) : text;
}

/** Where `withoutFinalStop(text.slice(from))` ends in `text`. */
export function finalStopEnd(text: string, from: number): number {
  let end = text.length;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  return end > from && text.charCodeAt(end - 1) === 0x2e ? end - 1 : text.length;
}

/** What /\s/ matches, by code. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

interface Segment {
  agencies: string[];
  numbers: number[] | null;
}

function segments(content: string, contentKey: string, m: Matchers): Segment[] {
  // Most lines have one part: it and its key are the content's own, not a split's.
  if (!content.includes(';')) {
    const segment = segmentOf(content, contentKey, m);
    return segment ? [segment] : [];
  }
  const out: Segment[] = [];
  let from = 0;
  for (const part of content.split(';')) {
    const segment = segmentOf(part, contentKey.slice(from, from + part.length), m);
    if (segment) out.push(segment);
    from += part.length + 1;
  }
  return out;
}

/** A part's agencies and the items it scopes, when it names any agency. */
function segmentOf(part: string, key: string, m: Matchers): Segment | null {
  const scope = findPhrase(key, m.scopeWords);
  const segment =
    scope && /^\s*\(?\d/u.test(key.slice(scope.at + scope.phrase.key.length))
      ? { agencies: splitAgencies(part.slice(0, scope.at)), numbers: scopeNumbers(key.slice(scope.at + scope.phrase.key.length), m) }
      : { agencies: splitAgencies(part), numbers: null };
  // "X mục (1); Y" — an unscoped tail after scoped segments is still an agency list.
  return segment.agencies.length > 0 ? segment : null;
}

/** A line of one unscoped segment: its agencies onto exactly the items since the previous line. */
function unscoped(a: AttributionLine, since: number, agencies: string[]): ResolvedAttribution {
  const items = a.conference.items;
  let targets: number[] = [];
  if (a.itemsBefore - since === 1) targets = [items[since]!.number];
  else for (let i = since, seen: Set<number> | null = null; i < a.itemsBefore; i++) seen = addOnce(targets, seen, items[i]!.number);
  tick(Math.max(0, a.itemsBefore - since) * Math.max(1, agencies.length));
  for (let i = since; i < a.itemsBefore; i++) lead(items[i]!, agencies);
  return { agencies: once(agencies), items: targets, scoped: false, conference: a.conference.ordinal, line: a.line };
}

/** Adds the agencies an item does not have yet; an item with none takes a copy of them, once each. */
function lead(item: Item, agencies: readonly string[]): void {
  if (item.leadAgencies.length === 0) {
    item.leadAgencies = once(agencies.slice());
    return;
  }
  for (const agency of agencies) if (!item.leadAgencies.includes(agency)) item.leadAgencies.push(agency);
}

/** The list without its repeats, in order: the list itself when it has none (nearly always). */
function once(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) if (list.lastIndexOf(list[i]!, i - 1) !== -1) return list.filter((x, j) => list.indexOf(x) === j);
  return list;
}

/**
 * Adds `n` to `list` unless it is there: a scan while the list is short (a line names an item or
 * a few), a Set once it is long (a range may name thousands).
 */
function addOnce(list: number[], seen: Set<number> | null, n: number): Set<number> | null {
  if (seen !== null) {
    if (!seen.has(n)) {
      seen.add(n);
      list.push(n);
    }
    return seen;
  }
  if (list.includes(n)) return null;
  list.push(n);
  return list.length > 32 ? new Set(list) : null;
}

/**
 * Puts each attribution's agencies onto its items: a scoped line onto the items it names, an
 * unscoped one onto the conference's items since the previous attribution line.
 */
export function resolveAttributions(lines: readonly AttributionLine[], m: Matchers): ResolvedAttribution[] {
  const resolved: ResolvedAttribution[] = [];
  const lastBefore = new Map<Conference, number>();
  const byNumber = new Map<Conference, Map<number, Item[]>>();
  const itemsNumbered = (c: Conference, n: number): Item[] => {
    let index = byNumber.get(c);
    if (!index) {
      index = new Map();
      for (const item of c.items) {
        const same = index.get(item.number);
        if (same) same.push(item);
        else index.set(item.number, [item]);
      }
      tick(c.items.length);
      byNumber.set(c, index);
    }
    return index.get(n) ?? [];
  };
  // Lines come conference by conference: the map is asked when the conference changes.
  let current: Conference | null = null;
  let since = 0;
  for (const a of lines) {
    if (a.conference !== current) {
      if (current !== null) lastBefore.set(current, since);
      current = a.conference;
      since = lastBefore.get(current) ?? 0;
    }
    const before = since;
    since = a.itemsBefore;
    // withoutFinalStop(text.slice(contentAt)), sliced once.
    const segs = segments(a.text.slice(a.contentAt, finalStopEnd(a.text, a.contentAt)), a.key.slice(a.contentAt, finalStopEnd(a.key, a.contentAt)), m);
    // Most lines name their agencies for the items above them, unscoped.
    if (segs.length === 1 && segs[0]!.numbers === null) {
      resolved.push(unscoped(a, before, segs[0]!.agencies));
      continue;
    }
    const targets: number[] = [];
    let seen: Set<number> | null = null;
    const agencies: string[] = [];
    let scoped = false;
    for (const seg of segs) {
      if (seg.numbers) {
        const items = [...new Set(seg.numbers)].flatMap((n) => itemsNumbered(a.conference, n));
        scoped = true;
        for (const n of seg.numbers) seen = addOnce(targets, seen, n);
        tick(items.length * Math.max(1, seg.agencies.length));
        for (const item of items) lead(item, seg.agencies);
      } else {
        // Unscoped: exactly the items since the previous attribution line, duplicates included.
        const items = a.conference.items;
        for (let i = before; i < a.itemsBefore; i++) seen = addOnce(targets, seen, items[i]!.number);
        tick(Math.max(0, a.itemsBefore - before) * Math.max(1, seg.agencies.length));
        for (let i = before; i < a.itemsBefore; i++) lead(items[i]!, seg.agencies);
      }
      for (const agency of seg.agencies) if (!agencies.includes(agency)) agencies.push(agency);
    }
    resolved.push({ agencies, items: targets, scoped, conference: a.conference.ordinal, line: a.line });
  }
  return resolved;
}
