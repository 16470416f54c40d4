import { bareKey, foldKey } from '../normalize/fold.js';
import { matchPhrase, type Matchers } from './compile.js';
import { tick } from '../meter.js';
import { stripMarkup } from './markup.js';
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

/** One line of the normalized text, labelled by the grammar. */
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
  const lines: Line[] = [];
  let start = 0;
  let n = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line: Line = { line: n, start, text: text.slice(start, end), key: key.slice(start, end), bare: bare.slice(start, end), kind: 'text' };
    classify(line, m);
    tick(1 + line.text.length);
    lines.push(line);
    start = end + 1;
    n++;
  }
  return lines;
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

function classify(l: Line, m: Matchers): void {
  // Markdown marks copied with the text ("**T/M TỈNH ỦY**", "### Điều 1.") are layout: read without them.
  const bare = stripMarkup(l.text);
  if (bare.at > 0 || bare.text.length < l.text.length) {
    const view: Line = { line: l.line, start: l.start, text: bare.text, key: l.key.slice(bare.at, bare.at + bare.text.length), kind: l.kind };
    classifyText(view, m);
    l.kind = view.kind;
    if (view.label !== undefined) l.label = view.label;
    if (view.rest !== undefined) l.rest = view.rest;
    if (view.contentAt !== undefined) l.contentAt = view.contentAt + bare.at;
    return;
  }
  classifyText(l, m);
}

// Indexed loops: this runs for every line, and a for-of that V8 leaves unoptimized allocates an
// iterator result per step.
function classifyText(l: Line, m: Matchers): void {
  const { text, key } = l;
  if (text === '') return void (l.kind = 'blank');
  if (text === '*') return void (l.kind = 'asterisk');
  if (m.ruleLine.test(text)) return void (l.kind = 'rule');
  if (m.partyHeadings.some((p) => p.key === key)) return void (l.kind = 'partyHeading');
  if (!numbered(text, m)) return classifyUnnumbered(l, m);

  // Numbering patterns match the label only; the heading is the rest of the line (a capture
  // of ".*" would overflow the regex backtrack stack on a 10 MB line).
  for (let i = 0; i < m.sections.length; i++) {
    const re = m.sections[i]!;
    const match = re.exec(text);
    const label = match?.groups?.label;
    const title = match ? text.slice(match[0].length) : '';
    // A bare "I." is a wrapped "quý I." far more often than a heading; "Phần I" may stand alone.
    const bareAllowed = match !== null && match[0].includes(' ') && /\p{L}{2}/u.test(match[0]);
    if (label && (title === '' ? bareAllowed : uppercaseRatio(title) >= m.minUppercaseRatio)) {
      l.kind = 'section';
      l.label = label;
      l.rest = title;
      return;
    }
  }
  for (let i = 0; i < m.conferenceNumbering.length; i++) {
    const re = m.conferenceNumbering[i]!;
    const match = re.exec(text);
    const ordinal = match?.groups?.ordinal;
    const rest = match ? text.slice(match[0].length) : '';
    if (ordinal && rest && matchPhrase(key, match![0].length, m.conferenceWords)) {
      l.kind = 'conference';
      l.label = ordinal;
      l.rest = rest;
      return;
    }
  }
  for (let i = 0; i < m.itemNumbering.length; i++) {
    const re = m.itemNumbering[i]!;
    const match = re.exec(text);
    const number = match?.groups?.number;
    const rest = match ? text.slice(match[0].length) : '';
    if (number && rest && !matchPhrase(key, match![0].length, m.notItemStarts)) {
      l.kind = 'item';
      l.label = number;
      l.rest = rest;
      return;
    }
  }
  classifyUnnumbered(l, m);
}

/** A line that opens on no section, conference or item number: a label phrase, a footer mark or text. */
function classifyUnnumbered(l: Line, m: Matchers): void {
  const { text, key } = l;
  const attribution = matchPhrase(key, 0, m.attributionPhrases);
  if (attribution) {
    const colon = /^\s*[:：]\s*/.exec(key.slice(attribution.key.length));
    if (colon) {
      l.kind = 'attribution';
      l.contentAt = attribution.key.length + colon[0].length;
      return;
    }
  }
  const recipients = matchPhrase(key, 0, m.recipientsLabels);
  if (recipients && /^\s*[:：]?/.test(key.slice(recipients.key.length))) {
    l.kind = 'recipients';
    l.contentAt = recipients.key.length + (/^\s*[:：]?\s*/.exec(key.slice(recipients.key.length))?.[0].length ?? 0);
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

const numberStarts = new WeakMap<Matchers, StartPatterns | null>();

/** Whether a section, conference or item number could open the line: most lines open on none. */
function numbered(text: string, m: Matchers): boolean {
  let any = numberStarts.get(m);
  if (any === undefined) numberStarts.set(m, (any = StartPatterns.of([...m.sections, ...m.conferenceNumbering, ...m.itemNumbering])));
  return any === null || any.test(text);
}
