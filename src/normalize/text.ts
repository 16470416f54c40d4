import { tick } from '../meter.js';
import { convertLegacyText, type LegacyText } from './legacy-text.js';

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
export function foldSpacing(text: string): string {
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
