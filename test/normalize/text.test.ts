import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey } from '../../src/normalize/fold.js';
import { charCount, foldSpacing, normalizeText } from '../../src/normalize/text.js';
import { seedText } from '../helpers.js';

describe('normalizeText', () => {
  it('makes the seed NFC, with plain spaces, one line per source line', () => {
    const raw = seedText();
    const text = normalizeText(raw);
    expect(text.normalize('NFC')).toBe(text);
    expect(text).not.toMatch(/[\t\u00a0]| {2}/);
    expect(text.split('\n')).toHaveLength(raw.split('\n').length);
    expect(text.split('\n')[0]).toBe('TỈNH ỦY HẬU GIANG');
    expect(text.split('\n')[42]).toContain('“về đẩy mạnh'); // the decomposed "về" of line 43
    expect(text.split('\n')[43]).toMatch(/^\(7\) Tổng kết 10 năm/); // NBSP and the leading space gone
  });

  it('maps look-alikes and removes invisible characters', () => {
    expect(normalizeText('\ufeffÐảng\u00adviên\u200b  ở\u00a0đây\r\nx\ry')).toBe('Đảngviên ở đây\nx\ny');
  });

  it('keeps every line, each with its spaces folded and trimmed', () => {
    // The definition, line by line; the implementation works on the whole text at once.
    const perLine = (s: string) =>
      normalizeText(s.replace(/ {2,}/g, ' '))
        .split('\n')
        .every((line) => line === line.trim() && !line.includes('  '));
    const spaces = fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\u00a0', '\r', 'a', 'ệ', '\u200b'), maxLength: 60 });
    fc.assert(fc.property(spaces, (s) => perLine(s) && normalizeText(s).split('\n').length === s.replace(/\r\n?/g, '\n').split('\n').length), { numRuns: 2000 });
    expect(normalizeText(' \n  a  b \n\n c ')).toBe('\na b\n\nc');
    expect(normalizeText(' ')).toBe('');
  });

  it('folds spacing as the pattern it replaced did, on any text of spaces, controls and letters', () => {
    const space = '[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]';
    const any = space.replace('[', '[ ');
    const pattern = new RegExp(`${any}+\n${any}*|\n${any}+|${any}{2,}|${space}`, 'g');
    const definition = (text: string) => {
      const t = text.replace(pattern, (run) => (run.includes('\n') ? '\n' : ' '));
      return t.slice(t.startsWith(' ') ? 1 : 0, t.endsWith(' ') ? Math.max(t.startsWith(' ') ? 1 : 0, t.length - 1) : t.length);
    };
    const unit = fc.constantFrom(' ', '  ', '\n', '\t', '\v', '\u00a0', '\u0085', '\u0000', '\u001f', '\u007f', '\u009f', '\u2000', '\u200a', '\u200b', '\u3000', '\r', 'a', 'ệ', '.');
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), (s) => foldSpacing(s) === definition(s)), { numRuns: 30000 });
  });

  it('counts characters as code points, with or without an end', () => {
    const definition = (s: string, end: number) => s.slice(0, end).length - (s.slice(0, end).match(/[\ud800-\udbff]/g) ?? []).length;
    const unit = fc.constantFrom('a', 'ệ', '𝐀', '\ud800', '\udc00', ' ');
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), fc.nat(14), (s, e) => {
      const end = Math.min(e, s.length);
      expect([charCount(s), charCount(s, end)]).toEqual([definition(s, s.length), definition(s, end)]);
    }), { numRuns: 20000 });
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)), {
      numRuns: 300,
    });
  });
});

describe('foldKey', () => {
  it('makes old and new tone placement one, and leaves the rest alone', () => {
    const pairs = [
      ['khoá XIV', 'khóa xiv'],
      ['Tỉnh Uỷ', 'tỉnh ủy'],
      ['hoà bình', 'hòa bình'],
      ['thuỷ lợi', 'thủy lợi'],
      ['khoẻ', 'khỏe'],
      ['quý I', 'quý i'],
      ['hoàng', 'hoàng'],
      ['khoảng', 'khoảng'],
      ['thuyền', 'thuyền'],
    ];
    for (const [input, key] of pairs) expect(foldKey(input!)).toBe(key);
    expect(foldKey('khoá')).toBe(foldKey('khóa'));
    expect(foldKey('UỶ BAN')).toBe(foldKey('Ủy ban'));
  });

  it('keeps the length of its input, so offsets in the key are offsets in the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => foldKey(s).length === s.length),
      { numRuns: 500 },
    );
    expect(foldKey('İstanbul').length).toBe('İstanbul'.length);
  });
});
