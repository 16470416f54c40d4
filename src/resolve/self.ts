import type { Citation, Header, SelfMention } from '../model/programme.js';
import { foldKey, foldPhrase } from '../normalize/fold.js';
import { matchPhrase, type Matchers } from '../recognise/compile.js';
import type { Line } from '../recognise/lines.js';
import { escapeRegExp } from '../recognise/regex.js';
import { tick } from '../meter.js';

/**
 * Where a document names itself: "Nghị quyết này", "Quyết định này có hiệu lực …", "Chương trình
 * hành động số 27" in Chương trình 27-CTr/TU. These point to `header.number`; they are not
 * citations of another document.
 */
const patterns = new WeakMap<Matchers, RegExp | null>();

/** The pattern, for the ReDoS test. */
export function selfPattern(m: Matchers): RegExp | null {
  if (patterns.has(m)) return patterns.get(m)!;
  const g = m.grammar.genre.citations;
  const words = (list: readonly string[]) => list.map((w) => escapeRegExp(foldPhrase(w))).join('|');
  const kinds = [...m.kinds.map((k) => k.key), ...g.genericKinds.map(foldPhrase)].sort((a, b) => b.length - a.length);
  const re =
    g.selfWords.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${kinds.map(escapeRegExp).join('|')})(?: (?:${words(g.qualifiers)}))? (?:${words(g.selfWords)})(?![\\p{L}\\p{N}])`, 'gu');
  patterns.set(m, re);
  return re;
}

/** "Kind này" anywhere in the text, line by line on the keys the lines already have. */
export function findSelfMentions(lines: readonly Line[], m: Matchers): SelfMention[] {
  const re = selfPattern(m);
  if (!re) return [];
  const found: SelfMention[] = [];
  const words = m.grammar.genre.citations.selfWords.map((w) => probeOf(foldPhrase(w)));
  // Indexed loops: run once per parse, this loop is rarely optimised before it ends, and an
  // iterator then makes a result object per line.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // A line that has none of the self words cannot hold a mention: skip the long alternation.
    if (!holdsAny(l.key, words)) continue;
    re.lastIndex = 0;
    for (let r = re.exec(l.key); r; r = re.exec(l.key)) {
      tick();
      const raw = l.text.slice(r.index, r.index + r[0].length);
      found.push({ raw, kind: kindOf(raw, m), span: { start: l.start + r.index, end: l.start + r.index + r[0].length }, line: l.line });
    }
  }
  return found;
}

/** A self word searched by all but its first letter, then that letter before it. */
export interface Probe {
  word: string;
  first: number;
  rest: string;
}

/**
 * "này" opens on an "n", met every few letters, where the native search stops to compare; "ày"
 * is rarer (mostly in "ngày"), so each line is searched for it, then its "n" looked at.
 */
export function probeOf(word: string): Probe {
  return { word, first: word.charCodeAt(0), rest: word.slice(1) };
}

/** `probes.some((p) => key.includes(p.word))` without a closure per line. */
export function holdsAny(key: string, probes: readonly Probe[]): boolean {
  for (let i = 0; i < probes.length; i++) if (holds(key, probes[i]!)) return true;
  return false;
}

function holds(key: string, { word, first, rest }: Probe): boolean {
  if (rest === '') return key.includes(word);
  for (let at = key.indexOf(rest, 1); at !== -1; at = key.indexOf(rest, at + 1)) if (key.charCodeAt(at - 1) === first) return true;
  return false;
}

function kindOf(raw: string, m: Matchers): string {
  return matchPhrase(foldKey(raw), 0, m.kinds)?.text ?? raw.split(' ').slice(0, 2).join(' ');
}

/**
 * A citation of the document itself: its own id, or its own kind and number without a symbol
 * ("Chương trình hành động số 27" in Chương trình số 27-CTr/TU).
 */
export function citesItself(c: Citation, header: Header): boolean {
  const own = header.number;
  if (!own?.id) return false;
  if (c.id !== null) return c.id === own.id;
  if (c.form !== 'number-only' || own.number === null || Number(c.number) !== own.number) return false;
  const kind = foldPhrase(c.kind);
  const docType = header.docType ? foldPhrase(header.docType) : '';
  return docType.startsWith(kind) || kind.startsWith(docType);
}
