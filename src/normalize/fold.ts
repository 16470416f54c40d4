import { byCode } from './code-table.js';
import { squash } from './text.js';

/**
 * The matching key: the normalized text lower-cased, with the old/new tone placement of the open
 * clusters oa, oe, uy made one ("khoá" → "khóa", "thuỷ" → "thủy"). It has exactly the length of
 * its input, so an offset found in the key is the same offset in the text the user sees.
 */
export function foldKey(text: string): string {
  if (text.length >= WHOLE_TEXT) {
    const whole = foldWhole(text);
    if (whole !== null) return whole.key;
  }
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

// A whole text (a document's) is folded in one pass over its UTF-16 units, with its bare key
// made on the way: lower-casing by table costs no more than the native call, and the bare key's
// own pass over the text is saved. Shorter texts are folded natively: a Buffer's cost comes first.
const WHOLE_TEXT = 4096;
const LOW = 0x2000;

/** The last whole text's keys: recogniseLines asks bareKey for the key foldKey has just made. */
let lastWhole: { key: string; bare: string } | null = null;

/** The last whole text's bare key, let go of once handed out: a document's keys are not kept past its parse. */
function takeLastBare(): string {
  const { bare } = lastWhole!;
  lastWhole = null;
  return bare;
}

/**
 * The folded and bare keys of `text`, or null when it has a character that lower-cases by its
 * context (Σ, final or not), a surrogate or a leading BOM (see bareKey): those are left to the
 * native call.
 */
function foldWhole(text: string): { key: string; bare: string } | null {
  if (text.charCodeAt(0) === BOM) return null;
  const t = foldTables();
  const n = text.length;
  const keyBytes = Buffer.from(text, 'utf16le');
  const bareBytes = Buffer.allocUnsafe(2 * n);
  const key = new Uint16Array(keyBytes.buffer, keyBytes.byteOffset, n);
  const bare = new Uint16Array(bareBytes.buffer, bareBytes.byteOffset, n);
  for (let j = foldByTable(key, bare, 0, t); j < n; j = foldByTable(key, bare, j + 1, t)) {
    if (!foldOne(key, bare, j, t)) return null;
  }
  lastWhole = { key: keyBytes.toString('utf16le'), bare: bareBytes.toString('utf16le') };
  return lastWhole;
}

/**
 * Folds the units from `from` by table, up to the first the table cannot fold alone: a code
 * from U+2070 or lower-casing to one, Σ, or a toned vowel after its u or o. Returns its index,
 * or the length. No call in the loop: with one, V8 reloads the arrays at every step and the
 * loop runs three times slower. One table of both keys' units (the dashes and quotes of General
 * Punctuation too): a unit costs one lookup and one comparison.
 */
function foldByTable(key: Uint16Array, bare: Uint16Array, from: number, t: FoldTables): number {
  const { fold, first } = t;
  const n = key.length;
  for (let j = from; j < n; j++) {
    const c = key[j]!;
    const f = c < FOLDED ? fold[c]! : STOP;
    if (f >= TONED && (f >= STOP || (j > 0 && key[j - 1] === first[f & UNIT]))) return j;
    key[j] = f & UNIT;
    bare[j] = (f >>> 14) & UNIT;
  }
  return n;
}

/** Codes the fold table covers; a unit's lower case and bare letter packed in 14 bits each, and two flags. */
const FOLDED = 0x2070;
const UNIT = 0x3fff;
const TONED = 1 << 28;
const STOP = 1 << 29;

/** A code's entry in the fold table: its lower case and that one's bare letter, TONED for a vowel NEW_STYLE_TONE moves, or STOP. */
function foldEntry(code: number, t: Omit<FoldTables, 'fold'>): number {
  const low = code < LOW ? t.lower[code]! : lowerHigh(code);
  if (low < 0 || low >= FOLDED) return STOP;
  const bare = low < LOW ? t.bare[low]! : bareCode(low);
  if (bare >= FOLDED) return STOP;
  return (low < LOW && t.toned[low] !== 0 ? TONED : 0) | (bare << 14) | low;
}

/** One unit folded, whatever it is; false for one that lower-cases by its context or a surrogate. */
function foldOne(key: Uint16Array, bare: Uint16Array, j: number, t: FoldTables): boolean {
  const c = key[j]!;
  const low = c < LOW ? t.lower[c]! : lowerHigh(c);
  if (low < 0) return false;
  key[j] = low;
  bare[j] = low < LOW ? t.bare[low]! : bareCode(low);
  if (low < LOW && t.toned[low] !== 0) moveToneInPlace(key, j, t);
  return true;
}

/**
 * NEW_STYLE_TONE and moveToneBack on lower-cased units: the toned vowel at `j` (lower-cased
 * already, as is all before it) gives its tone to the u or o before it at a word's end. The unit
 * before that is never one a move has changed: a move ends a word, and u and o are letters.
 */
function moveToneInPlace(key: Uint16Array, j: number, t: FoldTables): void {
  if (j === 0 || key[j - 1] !== t.first[key[j]!]) return;
  if (key[j - 1] === U && j >= 2 && key[j - 2] === Q) return;
  if (j + 1 < key.length && isLetterOrMark(key[j + 1]!, t)) return;
  const toned = key[j]!;
  key[j - 1] = t.firstToned[toned]!;
  key[j] = t.base[toned]!;
}
const [U, Q] = [0x75, 0x71];

/** Whether a unit, lower-cased, is a letter or a mark: what NEW_STYLE_TONE's look-ahead refuses. */
function isLetterOrMark(code: number, t: FoldTables): boolean {
  const low = code < LOW ? t.lower[code]! : lowerHigh(code);
  return low >= 0 && (low < LOW ? t.letter[low]! : letterOrMarkHigh(low)) === 1;
}

interface FoldTables {
  /** foldEntry of codes below FOLDED. */
  fold: Int32Array;
  /** Lower case of codes below U+2000, the code itself when that is not one unit; -1 for Σ. */
  lower: Int32Array;
  bare: Uint16Array;
  letter: Uint8Array;
  /** Of a toned vowel NEW_STYLE_TONE moves: the vowel it moves to (u or o), that vowel toned, and itself untoned. */
  first: Uint16Array;
  firstToned: Uint16Array;
  base: Uint16Array;
  /** 1 for a toned vowel NEW_STYLE_TONE moves. */
  toned: Uint8Array;
}

let tables: FoldTables | null = null;

function foldTables(): FoldTables {
  if (tables !== null) return tables;
  const t: Omit<FoldTables, 'fold'> = {
    lower: Int32Array.from({ length: LOW }, (_, c) => (c === SIGMA ? -1 : lowerOf(c))),
    bare: Uint16Array.from({ length: LOW }, (_, c) => bareCode(c)),
    letter: Uint8Array.from({ length: LOW }, (_, c) => (LETTER_OR_MARK.test(String.fromCharCode(c)) ? 1 : 0)),
    first: new Uint16Array(LOW),
    firstToned: new Uint16Array(LOW),
    base: new Uint16Array(LOW),
    toned: new Uint8Array(LOW),
  };
  for (const [first, vowels] of [['u', 'ỳýỷỹỵ'], ['o', 'àáảãạèéẻẽẹ']] as const) {
    for (const ch of vowels) {
      const code = ch.charCodeAt(0);
      const moved = moveToneBack(first + ch, first, ch);
      t.first[code] = first.charCodeAt(0);
      t.firstToned[code] = moved.charCodeAt(0);
      t.base[code] = moved.charCodeAt(1);
      t.toned[code] = 1;
    }
  }
  return (tables = { ...t, fold: Int32Array.from({ length: FOLDED }, (_, c) => foldEntry(c, t)) });
}
const SIGMA = 0x3a3;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/** A code's lower case when that is one unit, else the code; -1 for a surrogate (a pair lower-cases as one). */
function lowerOf(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return -1;
  const low = String.fromCharCode(code).toLowerCase();
  return low.length === 1 ? low.charCodeAt(0) : code;
}
const lowerHighCode = byCode((code) => lowerOf(code) & 0xffff);
/** lowerOf for codes from U+2000, learnt one by one. */
function lowerHigh(code: number): number {
  return code >= 0xd800 && code <= 0xdfff ? -1 : lowerHighCode(code);
}
const letterOrMarkHigh = byCode((code) => (LETTER_OR_MARK.test(String.fromCharCode(code)) ? 1 : 0));

/** Fold a grammar phrase the same way, for comparing with keys. */
export function foldPhrase(phrase: string): string {
  return foldKey(squash(phrase.normalize('NFC')));
}

/**
 * A folded key without its diacritics, one character for one ("kết lủận" and "kết luận" both read
 * "ket luan"; đ reads d): for text whose marks a site or an OCR scrambled. Same length as its input.
 */
export function bareKey(key: string): string {
  if (lastWhole !== null && lastWhole.key === key) return takeLastBare();
  // Codes below U+00C0 have no marks: a native scan says whether any other is there at all.
  if (!MAY_HAVE_MARKS.test(key)) return key;
  // The key's UTF-16 units rewritten in place and decoded once: a Buffer encodes and decodes
  // UTF-16 natively, several times faster than a TextDecoder or a string grown letter by letter.
  const units = Buffer.from(key, 'utf16le');
  const codes = new Uint16Array(units.buffer, units.byteOffset, key.length);
  let changed = false;
  let surrogate = false;
  for (let j = 0; j < codes.length; j++) {
    const code = codes[j]!;
    if (code < 0xc0) continue;
    const bare = bareCode(code);
    if (bare !== code) (codes[j] = bare), (changed = true);
    else if (code >= 0xd800 && code <= 0xdfff) surrogate = true;
  }
  if (!changed) return key;
  // A key with surrogates or a leading BOM is decoded as it always was, by a TextDecoder, which
  // reads a lone surrogate as U+FFFD and drops the BOM (normalized text has neither).
  return surrogate || codes[0] === BOM ? UTF16.decode(codes) : units.toString('utf16le');
}
const UTF16 = new TextDecoder('utf-16le');
const BOM = 0xfeff;
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
