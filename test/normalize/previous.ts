// Normalization, folding and line recognition as they were before they were made faster
// (src/normalize/text.ts, fold.ts and src/recognise/lines.ts, December 2026), kept as the
// definitions rewrites.property.test.ts holds the new ones to.
import { byCode } from '../../src/normalize/code-table.js';
import { convertLegacyText, type LegacyText } from '../../src/normalize/legacy-text.js';
import { matchPhrase, type Matchers } from '../../src/recognise/compile.js';
import type { Line } from '../../src/recognise/lines.js';
import { stripMarkup } from '../../src/recognise/markup.js';
import { StartPatterns } from '../../src/recognise/starts.js';

/** The canonical text, and the lines where legacy TCVN3/VNI text was converted on the way. */
export function normalizeDocument(raw: string): { text: string; legacy: LegacyText } {
  // Before anything else: the soft hyphen removed below is TCVN3's ư.
  const legacy = convertLegacyText(raw.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n'));
  return { text: canonical(legacy.text), legacy };
}

function canonical(raw: string): string {
  // Invisible characters that only break matching (BOMs, zero-width marks, soft hyphens) go; eth,
  // a look-alike font substitute for Đ in Vietnamese copies, becomes Đ. One pass for all of them.
  let text = raw.replace(INVISIBLE_OR_ETH, (c) => (c === '\u00d0' ? '\u0110' : c === '\u00f0' ? '\u0111' : ''));
  text = text.normalize('NFC');
  return foldSpacing(text);
}

/**
 * Every other space or control character is a space; runs of spaces become one and each line is
 * trimmed. A pattern finds the places that may change (any space but a lone plain one between
 * words) and only those are read here, the text copied around them: one pattern of alternatives
 * tried at every space cost half of normalization, a string per line split and joined more.
 */
function foldSpacing(text: string): string {
  let out = '';
  let copied = 0;
  let scanned = 0;
  const n = text.length;
  MAY_CHANGE.lastIndex = 0;
  for (let m = MAY_CHANGE.exec(text); m; m = MAY_CHANGE.exec(text)) {
    let at = text.charCodeAt(m.index) === NEWLINE ? m.index + 1 : m.index;
    // A run may begin with plain spaces before the character that gave it away ("a \tb").
    while (at > scanned && text.charCodeAt(at - 1) === SPACE) at--;
    let end = at;
    while (end < n && isSpacing(text.charCodeAt(end))) end++;
    scanned = Math.max(end, m.index + 1);
    MAY_CHANGE.lastIndex = scanned;
    if (end === at) continue;
    // A run at either end of a line goes; inside a line it is one plain space.
    const edge = at === 0 || text.charCodeAt(at - 1) === NEWLINE || end === n || text.charCodeAt(end) === NEWLINE;
    if (edge || end - at > 1 || text.charCodeAt(at) !== SPACE) {
      out += text.slice(copied, at) + (edge ? '' : ' ');
      copied = end;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const INVISIBLE_OR_ETH = /[\ufeff\u200b-\u200d\u2060\u00ad\u00d0\u00f0]/g;
const [SPACE, NEWLINE] = [0x20, 0x0a];
const OTHER_SPACE = '[\\t\\v\\f\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f]';
// A space that is not plain, a plain one before another or a line break, after a line break, or at either end.
const MAY_CHANGE = new RegExp(`${OTHER_SPACE}| [ \\n]|\\n |^ | $`, 'g');


/** A space or control character other than the line break: what normalization folds to a space. */
function isSpacing(code: number): boolean {
  if (code <= 0x20) return code !== NEWLINE && code !== 0x0d;
  if (code < 0x7f) return false;
  if (code <= 0xa0) return code !== 0x85;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}


export function foldKey(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = lowerPerChar(text);
  return lower.replace(NEW_STYLE_TONE, moveToneBack);
}

// oa, oe, uy with the tone on the second vowel at the end of a word; "qu" + y keeps its tone on y (quý).
const NEW_STYLE_TONE = /(?<!q)(u)([ỳýỷỹỵ])(?![\p{L}\p{M}])|(o)([àáảãạèéẻẽẹ])(?![\p{L}\p{M}])/gu;

const TONES = new Map<string, { base: string; mark: string }>();
for (const ch of 'àáảãạèéẻẽẹỳýỷỹỵ') {
  const nfd = ch.normalize('NFD');
  TONES.set(ch, { base: nfd[0]!, mark: nfd.slice(1) });
}

function moveToneBack(match: string, u1?: string, v1?: string, u2?: string, v2?: string): string {
  const first = u1 ?? u2;
  const toned = v1 ?? v2;
  if (!first || !toned) return match;
  const tone = TONES.get(toned);
  if (!tone) return match;
  return (first + tone.mark).normalize('NFC') + tone.base;
}

function lowerPerChar(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const low = ch.toLowerCase();
    out += low.length === 1 ? low : ch;
  }
  return out;
}

/**
 * A folded key without its diacritics, one character for one ("kết lủận" and "kết luận" both read
 * "ket luan"; đ reads d): for text whose marks a site or an OCR scrambled. Same length as its input.
 */
export function bareKey(key: string): string {
  const n = key.length;
  let i = 0;
  while (i < n && bareCode(key.charCodeAt(i)) === key.charCodeAt(i)) i++;
  if (i === n) return key;
  // One array of codes and one decode, rather than a string grown a few letters at a time.
  const codes = new Uint16Array(n);
  for (let j = 0; j < n; j++) codes[j] = bareCode(key.charCodeAt(j));
  return UTF16.decode(codes);
}

/**
 * A code's letter without marks; đ to d. Surrogates, and codes whose letter is not one UTF-16
 * unit, stay: lengths agree.
 */
function bareOf(code: number): number {
  if (code < 0xc0) return code;
  const ch = String.fromCharCode(code);
  const bare = (ch === 'đ' || ch === 'Đ' ? 'd' : (ch.normalize('NFD')[0] ?? ch)).charCodeAt(0);
  // Half of a surrogate pair (seven CJK compatibility ideographs decompose to one) is no letter.
  return bare >= 0xd800 && bare <= 0xdfff ? code : bare;
}

const bareCode = byCode(bareOf);
const UTF16 = new TextDecoder('utf-16le');

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

function isCaps(text: string): boolean {
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
