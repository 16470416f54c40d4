/**
 * Legacy Vietnamese 8-bit encodings found in archived .doc/.docx files (DOMAIN.md §12.3):
 * TCVN3 (ABC, fonts ".VnTime", ".VnArialH"…) and VNI-Windows (fonts "VNI-Times"…).
 *
 * Word stores the text of such runs as the cp1252-decoded characters of the font's bytes
 * (đ in .VnTime is `®` U+00AE), so everything here works on characters, never on bytes. Bytes
 * 0x80–0x9F are cp1252 punctuation (‘ ’ “ ” – …) in both encodings and pass through unchanged;
 * if the text was decoded as Latin-1 instead, the C1 controls U+0080–U+009F are first mapped to
 * those cp1252 characters.
 *
 * The tables below were written from the byte maps in DOMAIN.md §12.3 (no third-party code).
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---------------------------------------------------------------------------------------------
// Data tables

/**
 * Vietnamese vowels in Unicode NFC, one row per base vowel, columns in the order
 * plain, huyền, hỏi, ngã, sắc, nặng (the column order of both legacy tables).
 */
const VOWEL_ROWS: readonly (readonly [string, string, string, string, string, string])[] = [
  ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
  ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
  ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
  ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
  ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
  ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
  ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
  ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
  ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
  ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
  ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
  ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
];

/**
 * TCVN3 byte map, row for row with VOWEL_ROWS plus đ: [plain lower, plain UPPER, huyền, hỏi, ngã,
 * sắc, nặng]; `null` where the letter is ASCII or (toned capitals) has no code at all. The
 * cp1252 character of a byte 0xA0–0xFF is the Latin-1 code point of the same value.
 */
const TCVN3_ROWS: readonly (readonly [string, number | null, number | null, ...number[]])[] = [
  ['a', null, null, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9], // µ ¶ · ¸ ¹
  ['ă', 0xa8, 0xa1, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6], // ¨ ¡ » ¼ ½ ¾ Æ
  ['â', 0xa9, 0xa2, 0xc7, 0xc8, 0xc9, 0xca, 0xcb], // © ¢ Ç È É Ê Ë
  ['e', null, null, 0xcc, 0xce, 0xcf, 0xd0, 0xd1], // Ì Î Ï Ð Ñ
  ['ê', 0xaa, 0xa3, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6], // ª £ Ò Ó Ô Õ Ö
  ['i', null, null, 0xd7, 0xd8, 0xdc, 0xdd, 0xde], // × Ø Ü Ý Þ
  ['o', null, null, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4], // ß á â ã ä
  ['ô', 0xab, 0xa4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9], // « ¤ å æ ç è é
  ['ơ', 0xac, 0xa5, 0xea, 0xeb, 0xec, 0xed, 0xee], // ¬ ¥ ê ë ì í î
  ['u', null, null, 0xef, 0xf1, 0xf2, 0xf3, 0xf4], // ï ñ ò ó ô
  ['ư', 0xad, 0xa6, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9], // SOFT HYPHEN ¦ õ ö ÷ ø ù
  ['y', null, null, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe], // ú û ü ý þ
  ['đ', 0xae, 0xa7], // ® §
];

/**
 * VNI-Windows, lower case, row for row with VOWEL_ROWS plus đ, as cp1252 characters. A toned
 * vowel is base + mark character, except i's tones and ỵ which are single characters. The
 * capitals are these strings upper-cased (all are Latin-1 letters: ø→Ø, ô→Ô, ñ→Ñ…).
 */
const VNI_ROWS: readonly (readonly string[])[] = [
  ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'], // ơ: `ô` alone means ơ (ô itself is `oâ`)
  ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'], // ư
  ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
  ['ñ'], // đ
];

/** cp1252 0x80–0x9F (undefined slots 0x81, 0x8D, 0x8F, 0x90, 0x9D omitted). */
const CP1252_C1: readonly (readonly [number, string])[] = [
  [0x80, '€'], [0x82, '‚'], [0x83, 'ƒ'], [0x84, '„'], [0x85, '…'], [0x86, '†'], [0x87, '‡'],
  [0x88, 'ˆ'], [0x89, '‰'], [0x8a, 'Š'], [0x8b, '‹'], [0x8c, 'Œ'], [0x8e, 'Ž'],
  [0x91, '‘'], [0x92, '’'], [0x93, '“'], [0x94, '”'], [0x95, '•'], [0x96, '–'], [0x97, '—'],
  [0x98, '˜'], [0x99, '™'], [0x9a, 'š'], [0x9b, '›'], [0x9c, 'œ'], [0x9e, 'ž'], [0x9f, 'Ÿ'],
];

// ---------------------------------------------------------------------------------------------
// Derived lookup maps (built once at module load)

/** TCVN3 cp1252 character → Unicode (74 entries + the C1 fallbacks). */
const TCVN3_DECODE = new Map<string, string>();
/** VNI single cp1252 character → Unicode. */
const VNI_DECODE_1 = new Map<string, string>();
/** VNI base + mark (two cp1252 characters) → Unicode; the base letter decides the case. */
const VNI_DECODE_2 = new Map<string, string>();

for (const [c1, ch] of CP1252_C1) {
  TCVN3_DECODE.set(String.fromCharCode(c1), ch);
  VNI_DECODE_1.set(String.fromCharCode(c1), ch);
}

for (const [base, lower, upper, ...tones] of TCVN3_ROWS) {
  const row = base === 'đ' ? ['đ'] : VOWEL_ROWS.find((r) => r[0] === base)!;
  const plain = row[0]!;
  if (lower !== null) {
    TCVN3_DECODE.set(String.fromCharCode(lower), plain);
  }
  if (upper !== null) {
    TCVN3_DECODE.set(String.fromCharCode(upper), plain.toUpperCase());
  }
  tones.forEach((byte, k) => {
    const uni = row[k + 1]!;
    TCVN3_DECODE.set(String.fromCharCode(byte), uni);
  });
}

VNI_ROWS.forEach((vniRow, r) => {
  const uniRow: readonly string[] = r < VOWEL_ROWS.length ? VOWEL_ROWS[r]! : ['đ'];
  vniRow.forEach((vni, k) => {
    const uni = uniRow[k]!;
    const VNI = vni.toUpperCase();
    const UNI = uni.toUpperCase();
    if (vni.length === 1) {
      if (vni !== uni) {
        VNI_DECODE_1.set(vni, uni);
        VNI_DECODE_1.set(VNI, UNI);
      }
    } else {
      const [b, m] = [vni[0]!, vni[1]!];
      const [B, M] = [VNI[0]!, VNI[1]!];
      VNI_DECODE_2.set(b + m, uni);
      VNI_DECODE_2.set(B + M, UNI);
      // Tolerate a mark typed in the other case: the base letter decides.
      VNI_DECODE_2.set(b + M, uni);
      VNI_DECODE_2.set(B + m, UNI);
    }
  });
});

// The maps as tables by character code, which the decoders read: every key is a Latin-1 or C1
// character (below 0x100), so a pair's two codes make one number and a lookup makes no string.
const byCodeOf = (map: ReadonlyMap<string, string>): (string | undefined)[] => {
  const table: (string | undefined)[] = new Array<string | undefined>(0x100).fill(undefined);
  for (const [from, to] of map) table[from.charCodeAt(0)] = to;
  return table;
};
const TCVN3_BY_CODE = byCodeOf(TCVN3_DECODE);
const VNI_BY_CODE = byCodeOf(VNI_DECODE_1);
/** VNI pairs by their two codes (first << 8 | second), and 1 at the code of each pair's second character. */
const VNI_PAIRS = { byCodes: new Map([...VNI_DECODE_2].map(([pair, to]) => [(pair.charCodeAt(0) << 8) | pair.charCodeAt(1), to])), marks: new Uint8Array(0x100) };
for (const pair of VNI_DECODE_2.keys()) VNI_PAIRS.marks[pair.charCodeAt(1)] = 1;
/** The maps the tables are made from, for the test that holds the decoders to a reading by map. */
export const LEGACY_DECODE_MAPS = { tcvn3: TCVN3_DECODE, vniSingle: VNI_DECODE_1, vniPair: VNI_DECODE_2 } as const;

// ---------------------------------------------------------------------------------------------
// Fonts

const STYLE_WORD = /^(?:bold|italic|regular|normal|oblique|semibold|demibold|light|medium|heavy|black|condensed)$/i;

/** Which legacy encoding a font name implies: ".Vn…" → TCVN3, "VNI-…"/"VNI …" → VNI. */
export function legacyEncodingOf(font: string): LegacyEncoding | null {
  const name = font.trim();
  if (/^\.vn/i.test(name)) return 'tcvn3';
  if (/^vni[- ]/i.test(name)) return 'vni';
  return null;
}

/**
 * A TCVN3 capital ("H") font: the family name ends in "H" (".VnTimeH", ".VnArial NarrowH").
 * Trailing style words ("Bold", "Italic"…) after a space or comma are not part of the family.
 * An all-lowercase name (".vntimeh") is accepted with a lowercase "h".
 */
export function isCapitalFont(font: string): boolean {
  const name = font.trim();
  if (!/^\.vn/i.test(name)) return false;
  const words = name.split(/[\s,]+/);
  while (words.length > 1 && STYLE_WORD.test(words[words.length - 1]!)) words.pop();
  const family = words.join(' ');
  if (family.length <= 3) return false;
  const last = family[family.length - 1]!;
  if (last === 'H') return true;
  return last === 'h' && family === family.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Decoding

/**
 * TCVN3 (as cp1252 characters) → Unicode NFC. Characters outside the table (ASCII, cp1252
 * punctuation, unused codes) are kept. With `capital` (text from an "H" font) the result is
 * upper-cased, since TCVN3 stores capital toned vowels as the lowercase codes.
 */
export function tcvn3ToUnicode(text: string, capital = false): string {
  const out = decodeRuns(text, TCVN3_BY_CODE, null).normalize('NFC');
  return capital ? out.toUpperCase() : out;
}

/**
 * VNI-Windows (as cp1252 characters) → Unicode NFC. A base letter followed by a mark character
 * is decoded as one letter before single characters are looked at.
 */
export function vniToUnicode(text: string): string {
  return decodeRuns(text, VNI_BY_CODE, VNI_PAIRS).normalize('NFC');
}

/**
 * `text` with each pair of characters, then each single character, the tables map (by code,
 * below 0x100) replaced; the rest copied in runs. A pair is looked up only where the next
 * character can be its second: no string is made for it.
 */
function decodeRuns(text: string, singles: readonly (string | undefined)[], pairs: typeof VNI_PAIRS | null): string {
  let out = '';
  let copied = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) continue;
    const next = pairs !== null && i + 1 < n ? text.charCodeAt(i + 1) : 0x100;
    const pair = next <= 0xff && pairs!.marks[next] === 1 ? pairs!.byCodes.get((code << 8) | next) : undefined;
    const to = pair ?? singles[code];
    if (to === undefined) continue;
    out += text.slice(copied, i) + to;
    if (pair !== undefined) i++;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Convert a run by its font: TCVN3 (upper-cased for "H" fonts), VNI, or unchanged. */
export function convertLegacyRun(text: string, font: string): string {
  switch (legacyEncodingOf(font)) {
    case 'tcvn3':
      return tcvn3ToUnicode(text, isCapitalFont(font));
    case 'vni':
      return vniToUnicode(text);
    default:
      return text;
  }
}

/** How the Word readers (.docx, .doc) treat a run drawn in `font`; a run without a font is Unicode. */
export const legacyFontRuns = {
  convert: (text: string, font: string | undefined): string => (font === undefined ? text : convertLegacyRun(text, font)),
  encodingOf: (font: string | undefined): string => (font === undefined ? 'unicode' : (legacyEncodingOf(font) ?? 'unicode')),
};

// ---------------------------------------------------------------------------------------------
// Detection (for runs whose font is unknown)

/** Letters Unicode Vietnamese has and neither legacy encoding can contain (beyond Latin-1). */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]/;

/** A Latin-1 character, as every legacy letter code is. */
const LEGACY_CODE = /[\u00a1-\u00ff]/;

/** Words: ASCII letters and Latin-1 characters (which carry the legacy codes, incl. U+00AD). */
const WORD = /[A-Za-z\u00a1-\u00ff]+/g;

const TCVN3_WORDS = new Set([
  'cña', 'vµ', 'n¨m', 'ngµy', 'th¸ng', '®\u00adîc', 'ng\u00adêi', 'ViÖt', '§¶ng', 'Céng', 's¶n',
  'NghÞ', 'quyÕt', 'KÕt', 'luËn', 'ChØ', 'thÞ', '®Þnh', 'TØnh', 'ñy', 'HËu', 'khãa',
  'c¸c', 'lµ', 'cã', '®Õn', '®·', 'nh÷ng', 'ph¸t', 'triÓn', '®¹o', 'l·nh', 'chØ', '®¶ng',
]);

const VNI_WORDS = new Set([
  'cuûa', 'vaø', 'naêm', 'ngaøy', 'thaùng', 'ñöôïc', 'ngöôøi', 'Vieät', 'Ñaûng', 'Coäng', 'saûn',
  'Nghò', 'quyeát', 'Keát', 'luaän', 'Chæ', 'thò', 'ñònh', 'Tænh', 'uûy', 'Haäu', 'khoùa',
  'caùc', 'laø', 'coù', 'ñeán', 'ñaõ', 'nhöõng', 'phaùt', 'trieån', 'ñaïo', 'laõnh', 'chæ', 'ñaûng',
]);

/**
 * TCVN3 codes that never occur in Unicode Vietnamese nor as VNI codes, split by where a Vietnamese
 * syllable puts them, so that ordinary symbols («quotes», Brand®, 5µm) do not count:
 * capitals, đ and the ă/â forms (always followed by a letter) …
 */
const TCVN3_BEFORE_LETTER = new Set([...'¡¢£¤¥¦§®¨©»¼½¾Ç']);
/** … and the other lowercase toned forms (always preceded by a letter). */
const TCVN3_AFTER_LETTER = new Set([...'ª«¬µ¶·¸¹ÐÞßç÷þ×']);
/** Pairs that are VNI codes but also ordinary Unicode Vietnamese (hoàng, khoá, ngoã). */
const VNI_PLAUSIBLE_UNICODE = new Set(['oà', 'oá', 'oã', 'OÀ', 'OÁ', 'OÃ', 'Oà', 'Oá', 'Oã', 'oÀ', 'oÁ', 'oÃ']);

/**
 * The most common words of Vietnamese administrative prose: a reading that yields them is right.
 * The byte-level decoder (src/ingest/text.ts) scores whole readings by them; a word here counts as
 * evidence for the legacy encoding whose reading of it is one of them.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  'của', 'và', 'các', 'năm', 'ngày', 'được', 'thực', 'hiện', 'trong', 'những', 'với', 'người', 'tỉnh',
  'việc', 'đảng', 'công', 'tác', 'phát', 'triển', 'theo', 'số', 'về', 'có', 'là',
]);

/**
 * Does the word (with a legacy code in it) read as a common word in this encoding, and only in it?
 * ("các", "là" are common words already: Unicode, whatever a legacy table makes of them.)
 */
function readsCommon(word: string, decode: (w: string) => string): boolean {
  const lower = word.toLowerCase();
  const read = decode(word).toLowerCase();
  return read !== lower && COMMON_WORDS.has(read) && !COMMON_WORDS.has(lower);
}

interface Evidence {
  words: number;
  tcvn3: number;
  vni: number;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z\u00a1-\u00ff]/.test(ch);
}

function gatherEvidence(text: string): Evidence | null {
  if (UNICODE_VIETNAMESE.test(text)) return null;
  const ev: Evidence = { words: 0, tcvn3: 0, vni: 0 };
  for (const [word] of text.matchAll(WORD)) {
    ev.words++;
    if (TCVN3_WORDS.has(word)) ev.tcvn3 += 3;
    if (VNI_WORDS.has(word)) ev.vni += 3;
    let t = false;
    let v = false;
    for (let i = 0; i < word.length; i++) {
      const ch = word[i]!;
      if (TCVN3_BEFORE_LETTER.has(ch) && isWordChar(word[i + 1])) t = true;
      else if (TCVN3_AFTER_LETTER.has(ch) && i > 0) t = true;
      // Soft hyphen (ư) counts only before another Latin-1 code (ươ, ưở…), not as a hyphenation point.
      else if (ch === '\u00ad' && i > 0 && word.charCodeAt(i + 1) >= 0xa1) t = true;
      if (i + 1 < word.length) {
        const pair = ch + word[i + 1]!;
        if (VNI_DECODE_2.has(pair) && !VNI_PLAUSIBLE_UNICODE.has(pair)) v = true;
      }
    }
    if (t) ev.tcvn3++;
    if (v) ev.vni++;
    // "Thùc hiÖn … sè": codes that are also Western letters (ù Ö è) prove nothing alone, but a
    // word whose reading is a common word does, once, as a legacy letter code does.
    if (LEGACY_CODE.test(word)) {
      if (readsCommon(word, tcvn3ToUnicode)) ev.tcvn3++;
      if (readsCommon(word, vniToUnicode)) ev.vni++;
    }
  }
  return ev;
}

function wins(score: number, other: number, words: number, least: number): boolean {
  return score > other && score >= least && score * 10 >= words;
}

/**
 * Does text (font unknown) look like TCVN3 in cp1252 characters? `least` is the evidence asked
 * for: one word with a legacy code is enough for a .doc run; text among Unicode needs more (a
 * look-alike "Ð" in "QÐ-UBND" is one such word).
 */
export function looksLikeTcvn3(text: string, least = 1): boolean {
  const ev = gatherEvidence(text);
  return ev !== null && wins(ev.tcvn3, ev.vni, ev.words, least);
}

/** Does text (font unknown) look like VNI-Windows in cp1252 characters? */
export function looksLikeVni(text: string, least = 1): boolean {
  const ev = gatherEvidence(text);
  return ev !== null && wins(ev.vni, ev.tcvn3, ev.words, least);
}
