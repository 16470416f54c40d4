import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareKey, foldKey } from '../../src/normalize/fold.js';
import { normalizeDocument, NFC_STABLE, toNfc } from '../../src/normalize/text.js';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { recogniseLines, type Line } from '../../src/recognise/lines.js';
import * as before from './previous.js';

// Normalization, folding and line recognition were rewritten for speed (issue 12): passes skipped
// when their characters are absent, NFC per line, a whole text folded by table with its bare key,
// numbered lines tried from the first pattern that matches. Each is held here to the definition
// it replaced (test/normalize/previous.ts), on generated input.

const runs = { numRuns: 400 };
const textOf = (alphabet: readonly string[], maxLength = 60) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));

/** Characters that decide something in one pass or another. */
const tricky = [
  ...[' ', '  ', '\n', '\r', '\r\n', '\t', '\u00a0', '\u3000', '\u2028', '\u0085', '\u0000', '\u007f'],
  ...['\ufeff', '\u200b', '\u00ad', '\u00d0', '\u00f0', '\u2212', '¸', 'Þ', 'Õ', 'ª', '«', '»', '°'],
  ...['\u0301', '\u0300', '\u0323', '\u0340', '\u2126', '\u212b', '\u2000', '\u1100', '\u1161', '\u11a8', '가', '\uf900', '𝐀', '\ud800'],
  ...['Σ', 'İ', '𐐀', 'Ⅰ', 'Ａ', 'ẞ', 'ǅ', 'Ω', '“', '…', '–'],
];
const words = ['hoà', 'HOÀ', 'thuỷ', 'THUỶ', 'quý', 'QUÝ', 'uý', 'oẹ', 'khoé', 'hoá', 'Hoà.', 'Ủy', 'Đảng', 'đ', 'a', 'u', 'o', 'q', 'y', 'ý', 'à', 'e\u0301', 'kết luận', 'Nghị quyết', '-KL/TW'];

describe('normalizeDocument reads as the passes it replaced', () => {
  it('on any text of spaces, breaks, invisible, legacy and composing characters', () => {
    fc.assert(
      fc.property(textOf([...tricky, ...words]), (raw) => {
        const now = normalizeDocument(raw);
        const then = before.normalizeDocument(raw);
        expect(now.text).toBe(then.text);
        expect([...now.legacy.encodings]).toEqual([...then.legacy.encodings]);
        expect(now.legacy.lines).toEqual(then.legacy.lines);
      }),
      { numRuns: 3000 },
    );
  });

  it('toNfc is NFC, normalizing only lines that may change', () => {
    fc.assert(fc.property(textOf([...tricky, ...words]), (s) => toNfc(s) === s.normalize('NFC')), { numRuns: 3000 });
  });

  it('no character of the NFC-stable ranges changes or composes with one before it', () => {
    // The second and later characters of every canonical decomposition: what may compose backwards.
    const composing = new Set<number>();
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const d = String.fromCodePoint(cp).normalize('NFD');
      for (let i = 1; i < d.length; i++) composing.add(d.charCodeAt(i));
    }
    const stable = new RegExp(`^[${NFC_STABLE}]$`);
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (!stable.test(ch)) continue;
      // Unchanged alone, no mark, composing with nothing before it, and reordered with no mark (class 0).
      if (ch.normalize('NFC') !== ch || /\p{M}/u.test(ch) || composing.has(c) || ('\u0334' + ch).normalize('NFC') !== '\u0334' + ch) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe('foldKey and bareKey read as before', () => {
  // Texts of 4096 units or more are folded by table: the filler puts generated text past that.
  const filler = 'Nghị quyết số 94-KL/TW '.repeat(200);

  it('on short and whole texts of tone clusters and characters that lower-case oddly', () => {
    fc.assert(
      fc.property(textOf([...tricky, ...words]), fc.boolean(), (s, first) => {
        for (const text of [s, first ? filler + s : s + filler]) {
          const key = foldKey(text);
          expect(key).toBe(before.foldKey(text));
          expect(bareKey(key)).toBe(before.bareKey(key));
          expect(bareKey(text)).toBe(before.bareKey(text));
        }
      }),
      runs,
    );
  });

  it('on every UTF-16 unit but the surrogates, alone and after u, o and q', () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => c)
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCharCode(c));
    for (const glue of ['', ' ', 'u', 'o', 'qu', 'hoà ']) {
      const text = filler + units.join(glue);
      const withoutSigma = text.replaceAll('Σ', 'S');
      for (const t of [text, withoutSigma]) {
        const key = foldKey(t);
        expect(key).toBe(before.foldKey(t));
        expect(bareKey(key)).toBe(before.bareKey(key));
      }
    }
  });
});

describe('recogniseLines labels lines as before', () => {
  const m = defaultMatchers();
  // Lines are now made in one shape, every field present (undefined where unused): the previous
  // lines are compared in that shape, so a field missing from a new line still fails.
  const oneShape = ({ line, start, text, key, bare, kind, label, rest, contentAt }: Line): Line => ({ line, start, text, key, bare, kind, label, rest, contentAt });
  const pieces = [
    ...['I.', 'II. ', 'IV)', 'Phần I', 'Phần thứ hai', 'quý I.', '1.', '12) ', '3-', '2.1.', '(1)', '(2) ', '(12)', 'a)', '-', '+', '•', '–'],
    ...['Hội nghị', 'Kỳ họp', 'Cơ quan chủ trì tham mưu', 'Cơ quan tham mưu chuẩn bị', ':', '：', ' : ', 'Nơi nhận', 'T/M', 'K/T', 'TM.', 'Q.'],
    ...['TỈNH ỦY HẬU GIANG', 'MỤC ĐÍCH, YÊU CẦU', 'Số', '-CTr/TU', '27-CTr/TU', 'Dự thảo', 'Hậu Giang, ngày', ' 15 tháng 1 năm 2024'],
    ...['ĐẢNG CỘNG SẢN VIỆT NAM', 'CHƯƠNG TRÌNH', 'Chương trình', 'hoặc', 'và', 'đến', 'Sơ kết công tác', '**', '__', '*', '_', '### ', '> ', '---', '***'],
    ...[' ', '  ', '\n', '\n', '\t', 'a', 'A', 'Ủy', '.', ','],
  ];

  it('on any text of numbers, label phrases, footer marks and markup', () => {
    fc.assert(
      fc.property(textOf(pieces, 40), (raw) => {
        const text = normalizeDocument(raw).text;
        expect(recogniseLines(text, m)).toStrictEqual(before.recogniseLines(text, m).map(oneShape));
      }),
      { numRuns: 3000 },
    );
  });
});
