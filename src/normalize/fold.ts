import { byCode } from './code-table.js';
import { squash } from './text.js';

/**
 * The matching key: the normalized text lower-cased, with the old/new tone placement of the open
 * clusters oa, oe, uy made one ("khoá" → "khóa", "thuỷ" → "thủy"). It has exactly the length of
 * its input, so an offset found in the key is the same offset in the text the user sees.
 */
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

/** Fold a grammar phrase the same way, for comparing with keys. */
export function foldPhrase(phrase: string): string {
  return foldKey(squash(phrase.normalize('NFC')));
}

/**
 * A folded key without its diacritics, one character for one ("kết lủận" and "kết luận" both read
 * "ket luan"; đ reads d): for text whose marks a site or an OCR scrambled. Same length as its input.
 */
export function bareKey(key: string): string {
  // Codes below U+00C0 have no marks: a native scan says whether any other is there at all.
  if (!MAY_HAVE_MARKS.test(key)) return key;
  // The key's UTF-16 units rewritten in place and decoded once: a Buffer encodes and decodes
  // UTF-16 natively, several times faster than a TextDecoder or a string grown letter by letter.
  const units = Buffer.from(key, 'utf16le');
  const codes = new Uint16Array(units.buffer, units.byteOffset, key.length);
  for (let j = 0; j < codes.length; j++) {
    const code = codes[j]!;
    if (code >= 0xc0) codes[j] = bareCode(code);
  }
  return units.toString('utf16le');
}
const MAY_HAVE_MARKS = /[^\0-\xbf]/;

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
