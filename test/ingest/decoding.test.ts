import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { decodeText, utf8 } from '../../src/ingest/text.js';
import { seedBytes } from '../helpers.js';

const seed = parse(seedBytes());
const lineOf = (bytes: Buffer, at: number) => bytes.subarray(0, at).toString('latin1').split('\n').length;

describe('UTF-8 with a few bad bytes stays UTF-8', () => {
  it('one damaged byte: the whole programme is read and the line is named', () => {
    const bytes = Buffer.from(seedBytes());
    const at = bytes.indexOf(Buffer.from(' các ', 'utf8'), 3000) + 2;
    bytes[at + 1] = 0xff; // inside "á"
    const model = parse(bytes);
    expect(model.source.encoding).toBe('utf-8');
    expect(model.conferences.length).toBe(seed.conferences.length);
    expect(model.citations.length).toBe(seed.citations.length);
    const said = model.diagnostics.filter((d) => d.code === 'ingest-warning' && d.messageEn.includes('not valid UTF-8'));
    expect(said.map((d) => d.line)).toEqual([lineOf(bytes, at)]);
    expect(said[0]!.message).toContain('không hợp lệ UTF-8');
  });

  it('a last character cut in half', () => {
    const full = Buffer.from('Kế hoạch số 12-KH/TU\nThực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về chuyển đổi số', 'utf8');
    const cut = full.subarray(0, full.length - 1);
    const decoded = decodeText(cut);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('Nghị quyết số 57-NQ/TW');
    expect(decoded.messages.map((m) => m.line)).toEqual([2]);
  });

  it('two revisions that differ are never both read as the same garbage', () => {
    const a = Buffer.from(seedBytes());
    const b = Buffer.from(seedBytes().toString('utf8').replace('Kết luận số 94-KL/TW', 'Kết luận số 95-KL/TW'), 'utf8');
    a[a.length - 2] = 0xc3; // a stray lead byte
    expect(parse(a).citations.map((c) => c.id)).toContain('94-KL/TW');
    expect(parse(b).citations.map((c) => c.id)).toContain('95-KL/TW');
  });
});

describe('legacy text is chosen on evidence across the file', () => {
  it('Windows-1258 stays Windows-1258 (no valid multi-byte sequences)', () => {
    // "Kế hoạch" in Windows-1258: e + circumflex (0xEA) + combining acute (0xEC).
    const bytes = Buffer.from([0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0x61, 0x66, 0x63, 0x68]);
    expect(decodeText(bytes).encoding).toBe('windows-1258');
  });

  it('a look-alike Đ (Latin-1 eth) in Unicode text is not legacy text', () => {
    const text = 'Căn cứ Quyết định số 34/2006/QÐ-UBND ngày 11/8/2006 của Ủy ban nhân dân tỉnh;';
    const model = parse(text);
    expect(model.citations.map((c) => c.id)).toEqual(['34/2006/QĐ-UBND']);
    expect(model.diagnostics.map((d) => d.code)).not.toContain('legacy-text-converted');
  });

  it('a .VnTime page printed as Latin-1, with ư shown as a minus sign (citations.tsv C093)', () => {
    const tsv = readFileSync(new URL('../../fixtures/corpus/dev/citations.tsv', import.meta.url), 'utf8');
    const row = tsv.split('\n').find((l) => l.startsWith('C093\t'))!.split('\t')[2]!.replace(/\\n/g, '\n');
    const model = parse(row);
    expect(model.citations.map((c) => [c.raw, c.form, c.issuedBy, c.term])).toEqual([
      ['Nghị quyết Trung ương 5 khoá VIII', 'named', 'Ban Chấp hành Trung ương', 'VIII'],
    ]);
    expect(model.diagnostics.filter((d) => d.code === 'legacy-text-converted').map((d) => d.line)).toEqual([1]);
    // Running prose that begins with a document's kind is not the header's type line.
    expect(model.header.docType).toBeNull();
  });
});

describe('the UTF-8 decoder is the fatal TextDecoder it replaced', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const before = (bytes: Uint8Array): string | null => {
    try {
      return fatal.decode(bytes);
    } catch {
      return null;
    }
  };
  // Valid text (any code point, BOMs inside), then damaged: a byte changed, cut short, a stray byte.
  const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('\ufeff', '\ufeffa\ufeff', 'Hội nghị', ''));
  const bytes = fc.oneof(
    text.map((t) => Buffer.from(t, 'utf8')),
    fc.tuple(text, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([t, at, b]) => {
      const x = Buffer.from(t, 'utf8');
      if (x.length > 0) x[at % x.length] = b;
      return x;
    }),
    text.map((t) => Buffer.from(t, 'utf8').subarray(0, -1)),
    fc.uint8Array({ maxLength: 64 }),
    fc.constantFrom([0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xef, 0xbb, 0xbf]).map((b) => Buffer.from(b)),
  );

  it('the same text, and null for the same bytes', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(utf8(b)).toBe(before(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('on the seed and a 1 MB file', () => {
    const seedFile = seedBytes();
    expect(utf8(seedFile)).toBe(before(seedFile));
    const big = Buffer.from(seedFile.toString('utf8').repeat(20), 'utf8');
    expect(utf8(big)).toBe(before(big));
  });
});
