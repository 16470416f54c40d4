/**
 * Unicode → legacy encoders, for fixture scripts and round-trip tests only. They are the exact
 * inverse of the decoders in legacy.ts, derived from them once at load time (so there is one
 * table to maintain): every candidate cp1252 character, and for VNI every base + mark pair, is
 * decoded and the result recorded.
 *
 * Characters with no legacy code (ASCII, “ ” …, NBSP, other scripts) pass through unchanged, so
 * Unicode text that itself contains Latin-1 symbols which are legacy codes (« » ® µ ñ ö…) does not
 * round-trip; Vietnamese text does.
 */
import { tcvn3ToUnicode, vniToUnicode } from './legacy.js';

/** Unicode letter → TCVN3 cp1252 character. */
const TCVN3_ENCODE = new Map<string, string>();
/** Unicode letter → VNI cp1252 string (one or two characters). */
const VNI_ENCODE = new Map<string, string>();

const LATIN1_HIGH: string[] = [];
for (let c = 0xa0; c <= 0xff; c++) LATIN1_HIGH.push(String.fromCharCode(c));

/** A lowercase Vietnamese letter other than a–z: a vowel with shape and/or tone marks, or đ. */
function isVietnameseLower(ch: string): boolean {
  if (ch === 'đ') return true;
  const nfd = ch.normalize('NFD');
  return ch.length === 1 && nfd.length > 1 && /^[aeiouy][\u0302\u0306\u031b]?[\u0300\u0301\u0303\u0309\u0323]?$/.test(nfd);
}

for (const code of LATIN1_HIGH) {
  const uni = tcvn3ToUnicode(code);
  if (uni !== code && uni.length === 1) TCVN3_ENCODE.set(uni, code);
}
// Codes that decode to themselves (0xFD ý is ý in TCVN3 too) are only seen as letters here, and
// only when no other code claimed the letter (0xE0 à is unused; à is 0xB5).
for (const code of LATIN1_HIGH) {
  if (tcvn3ToUnicode(code) === code && isVietnameseLower(code) && !TCVN3_ENCODE.has(code)) {
    TCVN3_ENCODE.set(code, code);
  }
}
// TCVN3 has no capital toned vowels: an "H" font draws the lowercase code as the capital.
for (const [uni, code] of [...TCVN3_ENCODE]) {
  const upper = uni.toUpperCase();
  if (!TCVN3_ENCODE.has(upper)) TCVN3_ENCODE.set(upper, code);
}

for (const code of LATIN1_HIGH) {
  const uni = vniToUnicode(code);
  if (uni !== code && uni.length === 1) VNI_ENCODE.set(uni, code);
}
const isLower = (ch: string): boolean => ch === ch.toLowerCase() && ch !== ch.toUpperCase();
const isUpper = (ch: string): boolean => ch === ch.toUpperCase() && ch !== ch.toLowerCase();
for (const base of [...'aeiouyôöAEIOUYÔÖ']) {
  for (const mark of LATIN1_HIGH) {
    // Only the canonical spelling: the mark in the same case as its base.
    if (isLower(base) ? !isLower(mark) : !isUpper(mark)) continue;
    const uni = vniToUnicode(base + mark);
    if (uni.length === 1 && !VNI_ENCODE.has(uni)) VNI_ENCODE.set(uni, base + mark);
  }
}

function encodeWith(table: ReadonlyMap<string, string>, text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += table.get(ch) ?? ch;
  return out;
}

/**
 * Unicode → TCVN3 cp1252 characters. Capital toned vowels get the lowercase code, which is what
 * an .VnTimeH run stores for an all-caps line (give it the lower-cased line); unaccented capitals
 * (A, Ă, Â, Đ…) keep their capital codes.
 */
export function encodeTcvn3(text: string): string {
  return encodeWith(TCVN3_ENCODE, text);
}

/** Unicode → VNI-Windows cp1252 characters, capitals included. */
export function encodeVni(text: string): string {
  return encodeWith(VNI_ENCODE, text);
}
