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
  let out = '';
  let from = 0;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    // Surrogates stay as they are: a letter without marks is one UTF-16 unit, so lengths agree.
    if (code < 0xc0 || (code >= 0xd800 && code <= 0xdfff)) continue;
    const ch = key[i]!;
    let bare = BARE.get(ch);
    if (bare === undefined) {
      bare = ch === 'đ' || ch === 'Đ' ? 'd' : (ch.normalize('NFD')[0] ?? ch);
      if (bare.length !== 1) bare = ch;
      BARE.set(ch, bare);
    }
    if (bare === ch) continue;
    out += key.slice(from, i) + bare;
    from = i + 1;
  }
  return from === 0 ? key : out + key.slice(from);
}

const BARE = new Map<string, string>();
