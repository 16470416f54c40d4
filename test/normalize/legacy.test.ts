import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  convertLegacyRun,
  isCapitalFont,
  legacyEncodingOf,
  looksLikeTcvn3,
  looksLikeVni,
  tcvn3ToUnicode,
  vniToUnicode,
} from '../../src/normalize/legacy.js';
import { encodeTcvn3, encodeVni } from '../../src/normalize/legacy-encode.js';

const SEED = readFileSync(
  new URL('../../fixtures/seed/programme-2024-hau-giang-draft.txt', import.meta.url),
  'utf8',
).normalize('NFC');
const SEED_LINES = SEED.split(/\r?\n/);

const SHY = '\u00ad';
// Tone marks in the column order of both legacy tables: huyền, hỏi, ngã, sắc, nặng.
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;
const nfc = (s: string): string => s.normalize('NFC');
const hasLetter = (s: string): boolean => /\p{L}/u.test(s);
const hasTone = (ch: string): boolean => /[\u0300\u0301\u0303\u0309\u0323]/.test(ch.normalize('NFD'));

/** All 67 lowercase non-ASCII Vietnamese letters, built from combining marks (not from the module). */
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const LOWER_LETTERS = [
  ...BASES.flatMap((b) => [b, ...TONES.map((t) => nfc(b + t))]).filter((ch) => ch > '\u007f'),
  'đ',
];

describe('TCVN3 byte map (DOMAIN.md §12.3), all 74 codes', () => {
  // [base, plain lower, plain UPPER, huyền, hỏi, ngã, sắc, nặng] — transcribed from the doc table.
  const rows: [string, number | null, number | null, number[]][] = [
    ['a', null, null, [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
    ['ă', 0xa8, 0xa1, [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
    ['â', 0xa9, 0xa2, [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
    ['e', null, null, [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
    ['ê', 0xaa, 0xa3, [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
    ['i', null, null, [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
    ['o', null, null, [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
    ['ô', 0xab, 0xa4, [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
    ['ơ', 0xac, 0xa5, [0xea, 0xeb, 0xec, 0xed, 0xee]],
    ['u', null, null, [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
    ['ư', 0xad, 0xa6, [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
    ['y', null, null, [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
    ['đ', 0xae, 0xa7, []],
  ];
  const expected = new Map<string, string>();
  for (const [base, lower, upper, tones] of rows) {
    if (lower !== null) expected.set(String.fromCharCode(lower), base);
    if (upper !== null) expected.set(String.fromCharCode(upper), base.toUpperCase());
    tones.forEach((b, k) => expected.set(String.fromCharCode(b), nfc(base + TONES[k]!)));
  }

  it('decodes every code to the expected letter', () => {
    expect(expected.size).toBe(74);
    for (const [code, uni] of expected) expect([code, tcvn3ToUnicode(code)]).toEqual([code, uni]);
  });

  it('leaves the other Latin-1 characters alone', () => {
    for (let b = 0xa0; b <= 0xff; b++) {
      const ch = String.fromCharCode(b);
      if (!expected.has(ch)) expect(tcvn3ToUnicode(ch)).toBe(ch);
    }
  });

  it('encodes every Vietnamese letter; toned capitals get the lowercase code', () => {
    expect(LOWER_LETTERS).toHaveLength(67);
    for (const l of LOWER_LETTERS) {
      const code = encodeTcvn3(l);
      expect(code).toHaveLength(1);
      expect(expected.get(code)).toBe(l);
      const U = l.toUpperCase();
      if (hasTone(l)) expect(encodeTcvn3(U)).toBe(code);
      else expect(expected.get(encodeTcvn3(U))).toBe(U);
      expect(tcvn3ToUnicode(encodeTcvn3(U), true)).toBe(U);
    }
    expect(encodeTcvn3('Ý')).toBe('ý'); // 0xFD is ý in TCVN3 as in Latin-1
  });
});

describe('VNI-Windows map (DOMAIN.md §12.3)', () => {
  // Marks per column, by vowel family — transcribed from the doc table.
  const plainMarks = ['ø', 'û', 'õ', 'ù', 'ï'];
  const breveMarks = ['è', 'ú', 'ü', 'é', 'ë'];
  const circMarks = ['à', 'å', 'ã', 'á', 'ä'];
  const vni: [string, string, string[]][] = [
    ['a', 'a', plainMarks.map((m) => 'a' + m)],
    ['ă', 'aê', breveMarks.map((m) => 'a' + m)],
    ['â', 'aâ', circMarks.map((m) => 'a' + m)],
    ['e', 'e', plainMarks.map((m) => 'e' + m)],
    ['ê', 'eâ', circMarks.map((m) => 'e' + m)],
    ['i', 'i', ['ì', 'æ', 'ó', 'í', 'ò']],
    ['o', 'o', plainMarks.map((m) => 'o' + m)],
    ['ô', 'oâ', circMarks.map((m) => 'o' + m)],
    ['ơ', 'ô', plainMarks.map((m) => 'ô' + m)],
    ['u', 'u', plainMarks.map((m) => 'u' + m)],
    ['ư', 'ö', plainMarks.map((m) => 'ö' + m)],
    ['y', 'y', [...plainMarks.slice(0, 4).map((m) => 'y' + m), 'î']],
  ];
  const cases: [string, string][] = [['đ', 'ñ']];
  for (const [base, plain, toned] of vni) {
    cases.push([base, plain]);
    toned.forEach((s, k) => cases.push([nfc(base + TONES[k]!), s]));
  }

  it('decodes and encodes every letter, lower and upper case', () => {
    expect(cases).toHaveLength(73);
    for (const [uni, code] of cases) {
      expect([code, vniToUnicode(code)]).toEqual([code, uni]);
      expect([uni, encodeVni(uni)]).toEqual([uni, code]);
      expect([code.toUpperCase(), vniToUnicode(code.toUpperCase())]).toEqual([code.toUpperCase(), uni.toUpperCase()]);
      expect(encodeVni(uni.toUpperCase())).toBe(code.toUpperCase());
    }
  });

  it('reads ô alone as ơ, oâ as ô, and tolerates a mark in the other case', () => {
    expect(vniToUnicode('ô oâ Ô OÂ')).toBe('ơ ô Ơ Ô');
    expect(vniToUnicode('Aù aÙ')).toBe('Á á');
  });
});

describe('fingerprints (DOMAIN.md §12.3 table)', () => {
  const rows: [string, string, string][] = [
    ['của / và / năm / ngày / tháng', 'cña / vµ / n¨m / ngµy / th¸ng', 'cuûa / vaø / naêm / ngaøy / thaùng'],
    ['được / người', `®${SHY}îc / ng${SHY}êi`, 'ñöôïc / ngöôøi'],
    ['Việt Nam / Đảng Cộng sản', 'ViÖt Nam / §¶ng Céng s¶n', 'Vieät Nam / Ñaûng Coäng saûn'],
    [
      'Nghị quyết / Kết luận / Chỉ thị / Quy định',
      'NghÞ quyÕt / KÕt luËn / ChØ thÞ / Quy ®Þnh',
      'Nghò quyeát / Keát luaän / Chæ thò / Quy ñònh',
    ],
    ['Tỉnh ủy / Hậu Giang / khóa', 'TØnh ñy / HËu Giang / khãa', 'Tænh uûy / Haäu Giang / khoùa'],
  ];

  it.each(rows)('%s', (uni, tcvn3, vni) => {
    expect(tcvn3ToUnicode(tcvn3)).toBe(uni);
    expect(vniToUnicode(vni)).toBe(uni);
    expect(encodeTcvn3(uni)).toBe(tcvn3);
    expect(encodeVni(uni)).toBe(vni);
    expect(looksLikeTcvn3(tcvn3)).toBe(true);
    expect(looksLikeVni(tcvn3)).toBe(false);
    expect(looksLikeVni(vni)).toBe(true);
    expect(looksLikeTcvn3(vni)).toBe(false);
    expect(looksLikeTcvn3(uni)).toBe(false);
    expect(looksLikeVni(uni)).toBe(false);
  });

  it('decodes the real-world .VnTimeH mojibake with the soft hyphen restored', () => {
    const run = `Ban ChÊp hµnh Trung ${SHY}¬ng`;
    expect(tcvn3ToUnicode(run)).toBe('Ban Chấp hành Trung ương');
    expect(tcvn3ToUnicode(`${run} ®¶ng céng s¶n viÖt nam`, true)).toBe(
      'BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM',
    );
    expect(convertLegacyRun(`${run} ®¶ng céng s¶n viÖt nam`, '.VnTimeH')).toBe(
      'BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM',
    );
  });

  it('passes cp1252 punctuation through, and maps C1 controls (Latin-1 decoding) to it', () => {
    const punct = '“Nghị quyết” … ‘x’ – y';
    expect(tcvn3ToUnicode(encodeTcvn3(punct))).toBe(punct);
    expect(vniToUnicode(encodeVni(punct))).toBe(punct);
    expect(encodeTcvn3('“…”')).toBe('“…”');
    expect(encodeVni('“…”')).toBe('“…”');
    expect(tcvn3ToUnicode('“vµ” …')).toBe('“và” …');
    expect(vniToUnicode('“vaø” …')).toBe('“và” …');
    expect(tcvn3ToUnicode('\u0093vµ\u0094\u0085\u0096')).toBe('“và”…–');
    expect(vniToUnicode('\u0093vaø\u0094\u0085\u0096')).toBe('“và”…–');
  });
});

describe('round trips on the seed text', () => {
  it('VNI: the whole seed', () => {
    const encoded = encodeVni(SEED);
    expect(encoded).not.toBe(SEED);
    expect(vniToUnicode(encoded)).toBe(SEED);
  });

  it('TCVN3: caps header lines through an "H" font', () => {
    const caps = SEED_LINES.filter((l) => hasLetter(l) && l === l.toUpperCase() && l !== l.toLowerCase());
    expect(caps).toEqual(
      expect.arrayContaining([expect.stringContaining('TỈNH ỦY HẬU GIANG'), expect.stringContaining('ĐẢNG CỘNG SẢN VIỆT NAM')]),
    );
    for (const line of caps) {
      expect(tcvn3ToUnicode(encodeTcvn3(line.toLowerCase()), true)).toBe(line.toUpperCase());
    }
  });

  it('TCVN3: every line lower-cased, and every line without a toned capital', () => {
    // [seed] has no all-lowercase line (each starts with a capital or a number), so lower-case them.
    for (const line of SEED_LINES.map((l) => l.toLowerCase())) {
      expect(tcvn3ToUnicode(encodeTcvn3(line))).toBe(line);
    }
    const untoned = SEED_LINES.filter((l) => ![...l].some((ch) => ch !== ch.toLowerCase() && hasTone(ch)));
    expect(untoned.length).toBeGreaterThan(50);
    for (const line of untoned) expect(tcvn3ToUnicode(encodeTcvn3(line))).toBe(line);
  });

  it('TCVN3: the whole seed comes back with toned capitals lower-cased (they have no code)', () => {
    const lossy = [...SEED].map((ch) => (ch !== ch.toLowerCase() && hasTone(ch) ? ch.toLowerCase() : ch)).join('');
    expect(tcvn3ToUnicode(encodeTcvn3(SEED))).toBe(lossy);
  });

  it('detectors tell the three forms apart', () => {
    const t = encodeTcvn3(SEED);
    const v = encodeVni(SEED);
    expect([looksLikeTcvn3(t), looksLikeVni(t)]).toEqual([true, false]);
    expect([looksLikeTcvn3(v), looksLikeVni(v)]).toEqual([false, true]);
    expect([looksLikeTcvn3(SEED), looksLikeVni(SEED)]).toEqual([false, false]);
    // Body lines (a dozen words or more) are recognised one by one too.
    for (const line of SEED_LINES.filter((l) => l.split(/\s+/).length >= 12)) {
      expect([line, looksLikeTcvn3(encodeTcvn3(line))]).toEqual([line, true]);
      expect([line, looksLikeVni(encodeVni(line))]).toEqual([line, true]);
    }
  });

  it('converts a large text exactly', () => {
    const big = SEED.repeat(40); // ~0.4 MB
    expect(tcvn3ToUnicode(encodeTcvn3(big)).length).toBe(big.length);
    expect(vniToUnicode(encodeVni(big))).toBe(big);
  });
});

describe('detectors on non-legacy text', () => {
  it.each(['Hello world', '«Bonjour» Microsoft® 5µm © 2024 § 3', 'hyphen\u00adation', 'Đảng Cộng sản Việt Nam', ''])(
    '%j is neither',
    (text) => {
      expect(looksLikeTcvn3(text)).toBe(false);
      expect(looksLikeVni(text)).toBe(false);
    },
  );

  it('recognises single legacy words', () => {
    expect(looksLikeTcvn3('§¶ng')).toBe(true);
    expect(looksLikeVni('Ñaûng')).toBe(true);
  });

  // Found by the legacy citation property (1 run in ~100 failed): in "Thùc hiÖn KÕ ho¹ch sè …" only
  // "ho¹ch" carries a code no Western letter has, but "thùc", "hiÖn" and "sè" read as common words.
  it('takes common words read in a legacy encoding as evidence', () => {
    const line = 'Thực hiện Kế hoạch phối hợp số 1/KH-SNV.';
    expect([looksLikeTcvn3(encodeTcvn3(line), 2), looksLikeVni(encodeTcvn3(line), 2)]).toEqual([true, false]);
    expect([looksLikeTcvn3(encodeVni(line), 2), looksLikeVni(encodeVni(line), 2)]).toEqual([false, true]);
  });

  it.each(['các là có', 'Théo và các tác giả', 'très père à la fête'])('does not take %j, Unicode or Western, for legacy', (text) => {
    expect(looksLikeTcvn3(text, 2)).toBe(false);
    expect(looksLikeVni(text, 2)).toBe(false);
  });
});

describe('fonts', () => {
  it('legacyEncodingOf', () => {
    for (const f of ['.VnTime', '.VnTimeH', '.VnArial', '.VnArialH', '.VnCentury Schoolbook', '.vntime', '.VNTIMEH']) {
      expect([f, legacyEncodingOf(f)]).toEqual([f, 'tcvn3']);
    }
    for (const f of ['VNI-Times', 'VNI-Helve', 'VNI-Aptima', 'vni-times', 'VNI Times']) {
      expect([f, legacyEncodingOf(f)]).toEqual([f, 'vni']);
    }
    for (const f of ['Times New Roman', 'Arial', 'VnTime', 'VNITimes', 'Vni', '']) {
      expect([f, legacyEncodingOf(f)]).toEqual([f, null]);
    }
  });

  it('isCapitalFont', () => {
    for (const f of ['.VnTimeH', '.VnArialH', '.VnAvantH', '.VnBlackH', '.VnTimeH Bold', '.VnArial NarrowH', '.vntimeh']) {
      expect([f, isCapitalFont(f)]).toEqual([f, true]);
    }
    for (const f of ['.VnTime', '.VnArial', '.VnCentury Schoolbook', '.VnTime Bold', '.VnBlack', 'VNI-Times', 'TimesH', '.Vn']) {
      expect([f, isCapitalFont(f)]).toEqual([f, false]);
    }
  });

  it('convertLegacyRun dispatches on the font', () => {
    expect(convertLegacyRun('§¶ng Céng s¶n', '.VnTime')).toBe('Đảng Cộng sản');
    expect(convertLegacyRun('®¶ng céng s¶n', '.VnTimeH')).toBe('ĐẢNG CỘNG SẢN');
    expect(convertLegacyRun('Ñaûng Coäng saûn', 'VNI-Times')).toBe('Đảng Cộng sản');
    expect(convertLegacyRun('§¶ng', 'Times New Roman')).toBe('§¶ng');
  });
});
