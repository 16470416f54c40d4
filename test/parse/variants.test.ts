import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { decodeText } from '../../src/ingest/text.js';
import { encodeTcvn3 } from '../../src/normalize/legacy-encode.js';
import { normalizedText } from '../../src/parse.js';
import { comparable, oldTones, seedBytes, seedText, variants } from '../helpers.js';

const reference = parse(seedBytes());

/**
 * .VnTime has no codes for capital toned vowels: a title-case word ("Ủy ban") comes back with a
 * small letter (capitals in all-capital lines are restored). Both sides are compared so.
 */
function withoutTcvn3Capitals(value: unknown): unknown {
  const lost = (ch: string) => ch !== ch.toLowerCase() && encodeTcvn3(ch) === encodeTcvn3(ch.toLowerCase()) && /[^\x00-\x7f]/.test(ch);
  return JSON.parse(
    JSON.stringify(value, (_k, v) =>
      typeof v === 'string' ? v.replace(/\p{L}+/gu, (w) => (w === w.toUpperCase() || !lost(w[0]!) ? w : w[0]!.toLowerCase() + w.slice(1))) : v,
    ),
  );
}

describe('the seed in every form people have it gives the same model', () => {
  for (const [name, make] of Object.entries(variants)) {
    it(name, () => {
      const bytes = make(seedText());
      const model = parse(bytes);
      const expected = comparable(reference);
      const actual = comparable(model);
      if (name === 'TCVN3 bytes' || name === 'VNI bytes') {
        // Read from its letters, and said so once, at the first line.
        const said = model.diagnostics.filter((d) => d.code === 'legacy-text-converted');
        expect(said.map((d) => [d.line, d.messageEn])).toEqual([[1, `${name.split(' ')[0]} text (not Unicode) on 72 lines, converted to Unicode from its letters`]]);
        const rest = comparable({ ...model, diagnostics: model.diagnostics.filter((d) => !said.includes(d)) });
        expect(name === 'TCVN3 bytes' ? withoutTcvn3Capitals(rest) : rest).toEqual(name === 'TCVN3 bytes' ? withoutTcvn3Capitals(expected) : expected);
      } else if (name === 'new tone placement') {
        expect(oldTones(actual)).toEqual(expected);
        // …while the output keeps the document's own spelling.
        expect(model.conferences[0]!.items[0]!.leadAgencies).toEqual(['Văn phòng Tỉnh uỷ']);
        expect(model.header.title).toContain('khoá XIV');
      } else {
        expect(actual).toEqual(expected);
      }
    });
  }

  it('detects each encoding', () => {
    const t = seedText();
    expect(decodeText(variants['BOM + CRLF'](t)).encoding).toBe('utf-8-bom');
    expect(decodeText(variants['UTF-16LE with BOM'](t)).encoding).toBe('utf-16le');
    expect(decodeText(variants['UTF-16BE with BOM'](t)).encoding).toBe('utf-16be');
    expect(decodeText(variants['Windows-1258'](t)).encoding).toBe('windows-1258');
    expect(decodeText(variants['TCVN3 bytes'](t)).encoding).toBe('tcvn3');
    expect(decodeText(variants['VNI bytes'](t)).encoding).toBe('vni');
    expect(decodeText(Buffer.from(t, 'utf16le')).encoding).toBe('utf-16le');
    expect(decodeText(seedBytes()).encoding).toBe('utf-8');
  });

  it('hard-wrapping really splits items and citations across lines', () => {
    const wrapped = variants['hard-wrapped at 72 columns'](seedText()).toString('utf8');
    expect(wrapped.split('\n').every((l) => l.length <= 72)).toBe(true);
    const model = parse(Buffer.from(wrapped));
    const text = normalizedText(Buffer.from(wrapped));
    const split = model.citations.filter((c) => text.slice(c.span.start, c.span.end).includes('\n'));
    expect(split.length).toBeGreaterThan(0);
    for (const c of split) {
      // The span covers the line break; raw is the same words with one space.
      expect(text.slice(c.span.start, c.span.end).replace(/\n/g, ' ')).toBe(c.raw);
      expect(reference.citations.map((r) => r.raw)).toContain(c.raw);
    }
    expect(model.conferences.flatMap((c) => c.items).filter((i) => i.text.length > 72).length).toBeGreaterThan(10);
  });
});
