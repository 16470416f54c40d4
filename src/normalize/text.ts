import { tick } from '../meter.js';
import { convertLegacyText, hasLegacyHint, unicodeText, type LegacyText } from './legacy-text.js';

/**
 * The canonical text every span, line number and `vanban text` refers to: NFC, one line per
 * source line, spaces folded and trimmed. Lines are kept one-for-one (blank ones too) so that a
 * diagnostic's line number is the line the drafter sees in the .txt.
 */
export function normalizeText(raw: string): string {
  return normalizeDocument(raw).text;
}

/** The canonical text, and the lines where legacy TCVN3/VNI text was converted on the way. */
export function normalizeDocument(raw: string): { text: string; legacy: LegacyText } {
  tick(raw.length);
  // Native scans for the rare characters the first passes rewrite: most texts have none, and skip
  // them. (Two classes: joined into one, V8 scans ten times slower.)
  if (!LINE_BREAK_OR_INVISIBLE.test(raw) && !hasLegacyHint(raw)) return { text: nfcFolded(raw), legacy: unicodeText(raw) };
  // Before anything else: the soft hyphen removed below is TCVN3's ư.
  const legacy = convertLegacyText(raw.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n'));
  return { text: canonical(legacy.text), legacy };
}

function canonical(raw: string): string {
  // Invisible characters that only break matching (BOMs, zero-width marks, soft hyphens) go; eth,
  // a look-alike font substitute for Đ in Vietnamese copies, becomes Đ. One pass for all of them.
  const text = raw.replace(INVISIBLE_OR_ETH, (c) => (c === '\u00d0' ? '\u0110' : c === '\u00f0' ? '\u0111' : ''));
  return nfcFolded(text);
}

const INVISIBLE_OR_ETH = /[\ufeff\u200b-\u200d\u2060\u00ad\u00d0\u00f0]/g;
/** Line breaks to unify and invisible characters (the rest of INVISIBLE_OR_ETH are legacy hints). */
const LINE_BREAK_OR_INVISIBLE = /[\r\u2028\u2029\u0085\ufeff\u200b-\u200d\u2060]/;

/**
 * `text.normalize('NFC')`, normalizing only the lines that may change. Characters below U+0300
 * (Latin, with Vietnamese's precomposed letters), the Latin Extended Additional block (the rest of
 * them) and common punctuation are composed already and compose with nothing before them: a
 * line of those alone is NFC as it is. NFC never reaches across a line break.
 */
export function toNfc(text: string): string {
  return byNfcLines(text, (piece) => piece);
}

/**
 * foldSpacing(toNfc(text)): both work line by line, so each piece is folded as it is cut, and the
 * text is copied into one string once rather than twice.
 */
function nfcFolded(text: string): string {
  return byNfcLines(text, foldSpacing);
}

/** `text` cut into whole lines, those that may change under NFC normalized, and each piece passed through `each`. */
function byNfcLines(text: string, each: (piece: string) => string): string {
  NFC_MAY_CHANGE.lastIndex = 0;
  let m = NFC_MAY_CHANGE.exec(text);
  if (m === null) return each(text);
  let out = '';
  let copied = 0;
  for (; m; m = NFC_MAY_CHANGE.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    let end = text.indexOf('\n', m.index);
    if (end === -1) end = text.length;
    out += each(text.slice(copied, start)) + each(text.slice(start, end).normalize('NFC'));
    copied = end;
    NFC_MAY_CHANGE.lastIndex = end;
  }
  return out + each(text.slice(copied));
}
/** The characters NFC leaves alone wherever they stand (test/normalize checks every one). */
export const NFC_STABLE = '\\0-\\u02ff\\u1e00-\\u1eff\\u2010-\\u2027\\u2030-\\u205e';
const NFC_MAY_CHANGE = new RegExp(`[^${NFC_STABLE}]`, 'g');

/**
 * Every other space or control character is a space; runs of spaces become one and each line is
 * trimmed. A pattern finds the places that may change (any space but a lone plain one between
 * words) and only those are read here, the text copied around them: one pattern of alternatives
 * tried at every space cost half of normalization, a string per line split and joined more.
 */
export function foldSpacing(text: string): string {
  let out = '';
  let copied = 0;
  let scanned = 0;
  const n = text.length;
  for (let hit = text.charCodeAt(0) === SPACE ? 0 : nextChange(text, 0); hit !== -1; hit = nextChange(text, scanned)) {
    let at = text.charCodeAt(hit) === NEWLINE ? hit + 1 : hit;
    // A run may begin with plain spaces before the character that gave it away ("a \tb").
    while (at > scanned && text.charCodeAt(at - 1) === SPACE) at--;
    let end = at;
    while (end < n && isSpacing(text.charCodeAt(end))) end++;
    scanned = Math.max(end, hit + 1);
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

/**
 * The next place from `from` that may change: the pattern's next match, or a space ending the
 * text. (The pattern leaves out the text's two ends: anchors in it made V8 scan half as fast.)
 */
function nextChange(text: string, from: number): number {
  MAY_CHANGE.lastIndex = from;
  const m = MAY_CHANGE.exec(text);
  if (m !== null) return m.index;
  return from < text.length && text.charCodeAt(text.length - 1) === SPACE ? text.length - 1 : -1;
}

const [SPACE, NEWLINE] = [0x20, 0x0a];
const OTHER_SPACE = '[\\t\\v\\f\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f]';
// A space that is not plain, a plain one before another or a line break, or after a line break.
const MAY_CHANGE = new RegExp(`${OTHER_SPACE}| [ \\n]|\\n `, 'g');

/** The spacing pattern, for the ReDoS test. */
export const spacingPattern = MAY_CHANGE;

/** A space or control character other than the line break: what normalization folds to a space. */
function isSpacing(code: number): boolean {
  if (code <= 0x20) return code !== NEWLINE && code !== 0x0d;
  if (code < 0x7f) return false;
  if (code <= 0xa0) return code !== 0x85;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Whitespace folded and trimmed, as every string in the model is. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `text` without trailing characters from `chars` (and spaces). A loop, not /[…]+$/: that
 * pattern retries from every position of a long run and turns quadratic.
 */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]!) || text[end - 1] === ' ')) end--;
  return text.slice(0, end);
}

/** Characters (code points) in `text`, the unit columns count in, without copying it. */
export function charCount(text: string, end = text.length): number {
  // Most text has no character beyond the BMP: a native scan says so faster than a loop counts.
  if (!HIGH_SURROGATE.test(end === text.length ? text : text.slice(0, end))) return end;
  let n = end;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
const HIGH_SURROGATE = /[\ud800-\udbff]/;
