import { bareKey, foldKey } from '../normalize/fold.js';
import { matchPhrase, type Matchers } from './compile.js';
import { tick } from '../meter.js';
import { isSpace } from './joined.js';
import { opensOnMarkup, stripMarkup } from './markup.js';
import { StartPatterns } from './starts.js';

export type LineKind =
  | 'blank'
  | 'rule'
  | 'asterisk'
  | 'partyHeading'
  | 'number'
  | 'draft'
  | 'placeDate'
  | 'docType'
  | 'section'
  | 'conference'
  | 'item'
  | 'attribution'
  | 'recipients'
  | 'signature'
  | 'numbered'
  | 'bullet'
  | 'text';

/**
 * One line of the normalized text, labelled by the grammar. recogniseLines makes every Line with
 * all these fields, in this order (undefined where unused): see lineOf.
 */
export interface Line {
  /** 1-based line number in the normalized text. */
  line: number;
  /** Offset of the line's first character in the normalized text. */
  start: number;
  text: string;
  key: string;
  /** The key without diacritics (`bareKey`), when the line was cut from a whole text's. */
  bare?: string;
  kind: LineKind;
  /** Section label, conference ordinal or item number, with the text after it. */
  label?: string;
  rest?: string;
  /** For attributions and recipient labels: where the content starts in `text`. */
  contentAt?: number;
}

/** Lines that always begin a new block; the rest may continue a hard-wrapped paragraph. */
export const STRONG: ReadonlySet<LineKind> = new Set([
  'section',
  'conference',
  'item',
  'attribution',
  'recipients',
  'signature',
  'rule',
]);

/** `key`: the text's folded key (foldKey), when the caller has made it already. */
export function recogniseLines(text: string, m: Matchers, key = foldKey(text)): Line[] {
  // Folded and unmarked once for the whole text: a line's keys are slices, not new strings.
  const bare = bareKey(key);
  const starts = lineStartsOf(m);
  const lines: Line[] = [];
  let start = 0;
  let n = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const r = reading(text.slice(start, end), key.slice(start, end));
    // A third of a programme's lines are blank: they are told at once.
    if (end === start) r.kind = 'blank';
    else classify(r, m, starts);
    lines.push(lineOf(n, start, r, bare.slice(start, end)));
    start = end + 1;
    n++;
  }
  // One unit per line and per character, counted once: the lines' lengths and breaks add up to the text's.
  tick(text.length + 1);
  return lines;
}

/**
 * A line as it is read: one object for every line, all its fields present. A Line given its
 * label or content offset after it was made changes shape and gets a second block for them;
 * made once its reading is known, it has them in itself (recogniseLines ran 15% faster).
 */
interface Reading {
  text: string;
  key: string;
  kind: LineKind;
  label: string | undefined;
  rest: string | undefined;
  contentAt: number | undefined;
}
const current: Reading = { text: '', key: '', kind: 'text', label: undefined, rest: undefined, contentAt: undefined };

function reading(text: string, key: string, r = current): Reading {
  r.text = text;
  r.key = key;
  r.kind = 'text';
  r.label = r.rest = r.contentAt = undefined;
  return r;
}

/**
 * The Line of a reading: every Line has all its fields, in one order, so the outline's reads of
 * them see one shape (lines made in several shapes deoptimized joins, unitOf, linesSpan and close).
 */
function lineOf(line: number, start: number, r: Reading, bare: string): Line {
  return { line, start, text: r.text, key: r.key, bare, kind: r.kind, label: r.label, rest: r.rest, contentAt: r.contentAt };
}

// Headings are short: a line's case is judged on its first characters, so a 10 MB line costs
// no more than a heading.
const CASE_SAMPLE = 300;

function uppercaseRatio(text: string): number {
  const letters = text.slice(0, CASE_SAMPLE).replace(/[^\p{L}]/gu, '');
  if (letters === '') return 0;
  const lower = letters.toLowerCase();
  let upper = 0;
  for (let i = 0; i < letters.length; i++) if (letters[i] !== lower[i]) upper++;
  return upper / letters.length;
}

export function isCaps(text: string): boolean {
  return uppercaseRatio(text) >= 0.9;
}

/** `starts`: the rule line's and the number patterns joined (lineStartsOf). */
function classify(l: Reading, m: Matchers, starts: StartPatterns | null): void {
  // Markdown marks copied with the text ("**T/M TỈNH ỦY**", "### Điều 1.") are layout: read without them.
  if (!opensOnMarkup(l.text)) return classifyText(l, m, starts);
  classifyMarked(l, m, starts);
}

function classifyMarked(l: Reading, m: Matchers, starts: StartPatterns | null): void {
  const bare = stripMarkup(l.text);
  if (bare.at > 0 || bare.text.length < l.text.length) {
    const view = reading(bare.text, l.key.slice(bare.at, bare.at + bare.text.length), { ...current });
    classifyText(view, m, starts);
    l.kind = view.kind;
    if (view.label !== undefined) l.label = view.label;
    if (view.rest !== undefined) l.rest = view.rest;
    if (view.contentAt !== undefined) l.contentAt = view.contentAt + bare.at;
    return;
  }
  classifyText(l, m, starts);
}

function classifyText(l: Reading, m: Matchers, starts: StartPatterns | null): void {
  const { text, key } = l;
  if (text === '') return void (l.kind = 'blank');
  if (text === '*') return void (l.kind = 'asterisk');
  // One match says whether the line is a rule or opens on a number, and which. Numbering patterns
  // match the label only; the heading is the rest of the line (a capture of ".*" would overflow
  // the regex backtrack stack on a 10 MB line).
  const joined = starts === null ? null : starts.exec(text);
  if (starts === null ? m.ruleLine.test(text) : joined !== null && starts.which(joined) === RULE) return void (l.kind = 'rule');
  if (isPartyHeading(key, m)) return void (l.kind = 'partyHeading');
  if (starts !== null && joined === null) return classifyUnnumbered(l, m);
  classifyNumbered(l, m, starts, joined);
}

/**
 * A line that a number pattern opens. Patterns before the first that matches cannot; one that
 * matches but is refused leaves the rest to try.
 */
function classifyNumbered(l: Reading, m: Matchers, starts: StartPatterns | null, joined: RegExpExecArray | null): void {
  const first = starts === null ? 0 : starts.which(joined!) - NUMBERS;
  const sections = m.sections.length;
  const conferences = sections + m.conferenceNumbering.length;
  const at = startOf(starts, joined, first);
  if (first < sections && isSection(l, m, first, at)) return;
  if (first < conferences && isConference(l, m, Math.max(0, first - sections), at)) return;
  if (isItem(l, m, Math.max(0, first - conferences), at)) return;
  classifyUnnumbered(l, m);
}

// Indexed loops: these run for every numbered line, and a for-of that V8 leaves unoptimized
// allocates an iterator result per step.
function isPartyHeading(key: string, m: Matchers): boolean {
  for (let i = 0; i < m.partyHeadings.length; i++) if (m.partyHeadings[i]!.key === key) return true;
  return false;
}

/** A section heading ("II. NỘI DUNG"), tried with the section patterns from `from`. */
function isSection(l: Reading, m: Matchers, from: number, at: Start): boolean {
  const { text } = l;
  for (let i = from; i < m.sections.length; i++) {
    if (!numberAt(text, m.sections[i]!, 'label', i, at)) continue;
    const label = numbered.group;
    const matched = numbered.matched;
    if (!label) continue;
    const title = text.slice(matched.length);
    // A bare "I." is a wrapped "quý I." far more often than a heading; "Phần I" may stand alone.
    if (title === '' ? matched.includes(' ') && /\p{L}{2}/u.test(matched) : uppercaseRatio(title) >= m.minUppercaseRatio) {
      l.kind = 'section';
      l.label = label;
      l.rest = title;
      return true;
    }
  }
  return false;
}

function isConference(l: Reading, m: Matchers, from: number, at: Start): boolean {
  const { text, key } = l;
  const offset = m.sections.length;
  for (let i = from; i < m.conferenceNumbering.length; i++) {
    if (!numberAt(text, m.conferenceNumbering[i]!, 'ordinal', offset + i, at)) continue;
    const ordinal = numbered.group;
    const end = numbered.matched.length;
    if (!ordinal || end === text.length || !matchPhrase(key, end, m.conferenceWords)) continue;
    l.kind = 'conference';
    l.label = ordinal;
    l.rest = text.slice(end);
    return true;
  }
  return false;
}

function isItem(l: Reading, m: Matchers, from: number, at: Start): boolean {
  const { text, key } = l;
  const offset = m.sections.length + m.conferenceNumbering.length;
  for (let i = from; i < m.itemNumbering.length; i++) {
    if (!numberAt(text, m.itemNumbering[i]!, 'number', offset + i, at)) continue;
    const number = numbered.group;
    const end = numbered.matched.length;
    if (!number || end === text.length || matchPhrase(key, end, m.notItemStarts)) continue;
    l.kind = 'item';
    l.label = number;
    l.rest = text.slice(end);
    return true;
  }
  return false;
}

/** A line that opens on no section, conference or item number: a label phrase, a footer mark or text. */
function classifyUnnumbered(l: Reading, m: Matchers): void {
  const { text, key } = l;
  const attribution = matchPhrase(key, 0, m.attributionPhrases);
  if (attribution) {
    const content = colonEnd(key, attribution.key.length, true);
    if (content !== -1) {
      l.kind = 'attribution';
      l.contentAt = content;
      return;
    }
  }
  const recipients = matchPhrase(key, 0, m.recipientsLabels);
  if (recipients) {
    // The colon is optional: the content starts after it or the label.
    l.kind = 'recipients';
    l.contentAt = colonEnd(key, recipients.key.length, false);
    return;
  }
  for (let i = 0; i < m.signatureMarks.length; i++) {
    const mark = m.signatureMarks[i]!;
    if (text.startsWith(mark.text) && /^\s*\p{Lu}/u.test(text.slice(mark.text.length)) && isCaps(text)) {
      l.kind = 'signature';
      l.label = mark.text;
      l.rest = text.slice(mark.text.length).trim();
      return;
    }
  }
  if (matchPhrase(key, 0, m.numberWords) && /^\S{1,12} ?[:：]? ?[\d ]{0,12}[-/]/u.test(text) && text.length <= 60) {
    return void (l.kind = 'number');
  }
  if (matchPhrase(key, 0, m.draftMarks) && text.length <= 40) return void (l.kind = 'draft');
  if (m.placeDate.test(key)) return void (l.kind = 'placeDate');
  const docType = matchPhrase(key, 0, m.docTypes);
  if (docType && isCaps(text.slice(0, docType.key.length))) return void (l.kind = 'docType');
  if (m.numberedParagraph.test(text)) return void (l.kind = 'numbered');
  if (m.bullet.test(text)) return void (l.kind = 'bullet');
}

/**
 * Where /\s*[:：]\s*\/y (the colon `required`, else /\s*[:：]?\s*\/y) tried at `at` ends, or -1: read
 * where a label phrase ends, with no slice of the line and no call of a pattern.
 */
function colonEnd(key: string, at: number, required: boolean): number {
  let i = spaceEnd(key, at);
  const code = key.charCodeAt(i);
  if (code === COLON || code === FULLWIDTH_COLON) i = spaceEnd(key, i + 1);
  else if (required) return -1;
  return i;
}
const [COLON, FULLWIDTH_COLON] = [0x3a, 0xff1a];

function spaceEnd(key: string, at: number): number {
  while (at < key.length && isSpace(key.charCodeAt(at))) at++;
  return at;
}

/** The patterns of a rule line and of section, conference and item numbers joined, in that order (null: try each). */
const lineStarts = new WeakMap<Matchers, StartPatterns | null>();
/** In the joined patterns: the rule line's index, and where the number patterns begin. */
const [RULE, NUMBERS] = [0, 1];

function lineStartsOf(m: Matchers): StartPatterns | null {
  let any = lineStarts.get(m);
  if (any === undefined) lineStarts.set(m, (any = StartPatterns.of([m.ruleLine, ...m.sections, ...m.conferenceNumbering, ...m.itemNumbering], ['label', 'ordinal', 'number'])));
  return any;
}

/** The joined patterns' one match at a line's start, and the index of the first number pattern that matched. */
interface Start {
  starts: StartPatterns | null;
  joined: RegExpExecArray | null;
  first: number;
}

/** The line's Start: one object, rewritten for every numbered line (as `numbered` is), not one made per line. */
const lineStart: Start = { starts: null, joined: null, first: 0 };

function startOf(starts: StartPatterns | null, joined: RegExpExecArray | null, first: number): Start {
  lineStart.starts = starts;
  lineStart.joined = joined;
  lineStart.first = first;
  return lineStart;
}

/** What `numberAt` last read: the text its pattern matched and the pattern's named group. */
const numbered = { matched: '', group: undefined as string | undefined };

/**
 * Whether pattern `re` (number `index` of the number patterns) matches at the start of `text`, read
 * off the joined match when it is the first that matched: most numbered lines need no second exec.
 */
function numberAt(text: string, re: RegExp, name: string, index: number, at: Start): boolean {
  const kept = index === at.first && at.starts !== null ? at.starts.keptOf(at.joined!, NUMBERS + index, name) : null;
  if (kept !== null) {
    numbered.matched = at.starts!.matched(at.joined!, NUMBERS + index);
    numbered.group = kept;
    return true;
  }
  const match = re.exec(text);
  if (match === null) return false;
  numbered.matched = match[0];
  numbered.group = match.groups?.[name];
  return true;
}
