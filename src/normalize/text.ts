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
  let text = raw
    // Invisible characters that only break matching: BOMs, zero-width marks, soft hyphens.
    .replace(/[\ufeff\u200b-\u200d\u2060\u00ad]/g, '')
    // Eth is a look-alike font substitute for Đ in Vietnamese copies.
    .replace(/\u00d0/g, '\u0110')
    .replace(/\u00f0/g, '\u0111');
  text = text.normalize('NFC');
  // Every other space or control character becomes one plain space.
  text = text.replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, ' ');
  // Runs of spaces folded, then each line trimmed, over the whole text at once: splitting it into
  // a string per line and joining them again cost more than the rest of this function.
  text = text.replace(/ {2,}/g, ' ').replace(/ ?\n ?/g, '\n');
  const from = text.startsWith(' ') ? 1 : 0;
  const to = text.endsWith(' ') ? text.length - 1 : text.length;
  return from === 0 && to === text.length ? text : text.slice(from, Math.max(from, to));
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
  let n = end;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
