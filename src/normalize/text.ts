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
  // Every other space or control character is a space; runs of spaces become one and each line
  // is trimmed, in one pass over the whole text (a string per line, split and joined, cost more
  // than the rest of this function).
  text = text.replace(SPACING, (run) => (run.includes('\n') ? '\n' : ' '));
  const from = text.startsWith(' ') ? 1 : 0;
  const to = text.endsWith(' ') ? text.length - 1 : text.length;
  return from === 0 && to === text.length ? text : text.slice(from, Math.max(from, to));
}

const INVISIBLE_OR_ETH = /[\ufeff\u200b-\u200d\u2060\u00ad\u00d0\u00f0]/g;
const SPACE_CLASS = '[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]';
const ANY_SPACE = SPACE_CLASS.replace('[', '[ ');
// Spaces around a line break (the line trimmed), a run of two or more, or one that is not a plain space.
const SPACING = new RegExp(`${ANY_SPACE}+\n${ANY_SPACE}*|\n${ANY_SPACE}+|${ANY_SPACE}{2,}|${SPACE_CLASS}`, 'g');

/** The spacing pattern, for the ReDoS test. */
export const spacingPattern = SPACING;

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
  let n = end;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
