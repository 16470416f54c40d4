import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docx, p, t } from '../../scripts/bench/hostile-docx.mjs';
import { docxSource, replaceEntry } from '../../src/check/fix-docx.js';
import { FixRefusal, fixBytes, textSource, type FixOptions } from '../../src/check/fix.js';
import { mapLine, sourceRange } from '../../src/check/source-map.js';
import { ingestBytes } from '../../src/ingest/file.js';
import type { Format } from '../../src/ingest/types.js';
import { openZip } from '../../src/ingest/zip-guard.js';
import type { Diagnostic, Programme } from '../../src/model/programme.js';
import { normalizeText } from '../../src/normalize/text.js';
import { processDocument } from '../../src/process.js';
import { comparable, seedBytes, seedText, variants } from '../helpers.js';

const code = 'citation-spacing-repaired';
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));

/** The same reading `vanban lint --fix` does, for one format. */
function optionsFor(format: Format): FixOptions {
  const read = (bytes: Uint8Array) => ingestBytes(bytes, format, { mammothCheck: 'never' });
  return {
    read: async (bytes) => (await read(bytes)).text,
    source: async (bytes) => (format === 'docx' ? docxSource(bytes) : textSource(bytes, (await read(bytes)).encoding)),
  };
}

async function lintAndFix(bytes: Uint8Array, format: Format) {
  const { model } = await processDocument(bytes, `x.${format}`, { format, mammothCheck: 'never' });
  const result = await fixBytes(bytes, model.diagnostics, optionsFor(format));
  return { model, result };
}

const text = (bytes: Uint8Array, format: Format) => ingestBytes(bytes, format, { mammothCheck: 'never' }).then((i) => normalizeText(i.text));

/** The bytes of `a` and `b` that differ: one range [start, endA) of a against [start, endB) of b. */
function difference(a: Uint8Array, b: Uint8Array): { start: number; a: string; b: string } {
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < a.length - start && tail < b.length - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { start, a: Buffer.from(a.subarray(start, a.length - tail)).toString('utf8'), b: Buffer.from(b.subarray(start, b.length - tail)).toString('utf8') };
}

describe('a line mapped back to its source', () => {
  it('maps the normalized text of a messy line to the characters it came from', () => {
    const line = '\t(2)  Kết\u00a0luận số\u200b 94 - KL/TW  ';
    const map = mapLine(line.normalize('NFD'))!;
    expect(map.text).toBe('(2) Kết luận số 94 - KL/TW');
    const at = map.text.indexOf('94 - KL/TW');
    const range = sourceRange(map, at, at + '94 - KL/TW'.length)!;
    expect(line.normalize('NFD').slice(range.start, range.end)).toBe('94 - KL/TW');
    // Inside "ế" (e + two marks in NFD) a span may not start.
    expect(sourceRange(map, map.text.indexOf('ết') + 1, map.text.indexOf('ết') + 2)).not.toBeNull();
    expect(mapLine('không có dấu')!.text).toBe('không có dấu');
  });

  it('refuses a line whose normalization is more than character for character (TCVN3 letters)', () => {
    expect(mapLine('Ch\u00a9\u00ad\u00a8ng tr\u00d8nh c\u00f4ng t\u00b8c n\u00a8m 2024')).toBeNull();
  });

  it('editing the mapped source range of any span gives the normalized line with the span replaced', () => {
    // Not "Ð" and other legacy letters: whether a line is TCVN3 depends on all its letters, so an
    // edit may change it (the read-back check in fixBytes refuses such a repair).
    const alphabet = fc.constantFrom('a', 'ế', 'e\u0302\u0301', 'Đ', 'ư', ' ', '  ', '\t', '\u00a0', '\u200b', '\u00ad', '9', '-', '/', '\u0301', '\u3000');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), fc.nat(), fc.nat(), fc.stringMatching(/^[a-z0-9-]{1,5}$/), (parts, i, j, replacement) => {
        const line = parts.join('');
        const map = mapLine(line);
        if (!map || map.text.length === 0) return;
        const start = i % map.text.length;
        const end = start + 1 + (j % (map.text.length - start));
        const range = sourceRange(map, start, end);
        if (!range) return;
        const edited = line.slice(0, range.start) + replacement + line.slice(range.end);
        expect(normalizeText(edited)).toBe(map.text.slice(0, start) + replacement + map.text.slice(end));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fixing a text file', () => {
  const draft = seedText().replace('Kết luận số 94-KL/TW', 'Kết luận số 94 - KL/TW');

  it('changes only the repaired symbols of the seed, and the result lints without them', async () => {
    const bytes = Buffer.from(draft, 'utf8');
    const { result } = await lintAndFix(bytes, 'txt');
    expect(result.fixed.map((f) => [f.finding.line, f.written, f.finding.fix.text])).toEqual([
      [29, '94 - KL/TW', '94-KL/TW'],
      [55, '11- CT/TW', '11-CT/TW'],
    ]);
    expect(Buffer.from(result.bytes).toString('utf8')).toBe(draft.replace('94 - KL/TW', '94-KL/TW').replace('11- CT/TW', '11-CT/TW'));
    const again = await lintAndFix(result.bytes, 'txt');
    expect(again.model.diagnostics.filter((d) => d.code === code)).toEqual([]);
    expect(again.result.fixed).toEqual([]);
  });

  it('keeps CRLF line ends, the BOM, NFD letters, tabs and double spaces everywhere else', async () => {
    const messy = `\ufeff${draft.replace(/\n/g, '\r\n').normalize('NFD').replace('Ban Chấp hành'.normalize('NFD'), 'Ban\tChấp  hành')}`;
    const bytes = Buffer.from(messy, 'utf8');
    const { result } = await lintAndFix(bytes, 'txt');
    expect(result.fixed).toHaveLength(2);
    expect(result.bytes.length).toBe(bytes.length - 3);
    expect(Buffer.from(result.bytes).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // Two spaces (one byte each) fewer, and nothing else changed, byte for byte.
    expect(Buffer.from(result.bytes).toString('utf8')).toBe(messy.replace('94 - KL/TW', '94-KL/TW').replace('11- CT/TW', '11-CT/TW'));
  });

  it('refuses a legacy encoding or UTF-16 rather than re-encode the file', async () => {
    for (const [variant, encoding] of [['Windows-1258', 'windows-1258'], ['TCVN3 bytes', 'tcvn3'], ['UTF-16LE with BOM', 'utf-16le']] as const) {
      const bytes = variants[variant](draft);
      // The model still has its repairs: only writing them back is refused.
      expect((await processDocument(bytes, 'x.txt')).model.diagnostics.filter((d) => d.fix)).toHaveLength(2);
      const refusal = await lintAndFix(bytes, 'txt').catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(FixRefusal);
      expect((refusal as FixRefusal).reason).toEqual({
        en: `stored in ${encoding}: only UTF-8 files are fixed, rather than re-encoded and corrupted`,
        vi: `lưu bằng mã ${encoding}: chỉ sửa tệp UTF-8, không chuyển mã để khỏi làm hỏng tệp`,
      });
    }
  });

  it('refuses a repair it cannot place exactly: the same text once in the model, twice in the file', async () => {
    // A Markdown comment holds a second "11- CT/TW" that the reader never shows.
    const md = `${seedText()}\n<!-- ghi chú: Chỉ thị số 11- CT/TW -->\n`;
    const { result } = await lintAndFix(Buffer.from(md, 'utf8'), 'md');
    expect(result.fixed).toEqual([]);
    expect(result.refused.map((r) => r.reason)).toEqual(["'11- CT/TW' is once in the text but 2 times in the file"]);
  });

  it('fixes Markdown where the symbol stands as written, and reads back the same outline', async () => {
    const md = `# Chương trình\n\n${draft.replace('Chỉ thị số 11- CT/TW', 'Chỉ thị số **11- CT/TW**')}`;
    const { model, result } = await lintAndFix(Buffer.from(md, 'utf8'), 'md');
    expect(result.fixed.map((f) => f.written)).toEqual(['94 - KL/TW', '11- CT/TW']);
    expect(Buffer.from(result.bytes).toString('utf8')).toBe(md.replace('94 - KL/TW', '94-KL/TW').replace('**11- CT/TW**', '**11-CT/TW**'));
    const after = (await processDocument(result.bytes, 'x.md', { format: 'md' })).model;
    expect(after.conferences.map((c) => c.items.length)).toEqual(model.conferences.map((c) => c.items.length));
  });
});

describe('fixing a .docx', () => {
  it('round trip on a real file: the finding is gone, the text is the same but for the repair, other entries are byte-identical', async () => {
    const bytes = fixture('docx/plain.docx');
    const { model, result } = await lintAndFix(bytes, 'docx');
    expect(result.fixed.map((f) => [f.finding.line, f.finding.column, f.written])).toEqual([[55, 123, '11- CT/TW']]);
    const after = (await processDocument(result.bytes, 'x.docx', { format: 'docx' })).model;
    expect(after.diagnostics.filter((d) => d.code === code)).toEqual([]);
    const same = (ds: Diagnostic[]) => ds.filter((d) => d.code !== code).map((d) => [d.code, d.line, d.column, d.message]);
    expect(same(after.diagnostics)).toEqual(same(model.diagnostics));
    expect(await text(result.bytes, 'docx')).toBe((await text(bytes, 'docx')).replace('11- CT/TW', '11-CT/TW'));
    // Everything else equal: the model as read before, with the symbol as written now, no longer
    // marked repaired, and without the finding (places aside, which comparable() leaves out).
    const expected = JSON.parse(JSON.stringify(comparable(model)).replaceAll('11- CT/TW', '11-CT/TW')) as Programme;
    for (const c of expected.citations) if (c.id === '11-CT/TW') c.repaired = false;
    for (const c of expected.conferences.flatMap((x) => x.items).flatMap((i) => i.citations)) if (c.id === '11-CT/TW') c.repaired = false;
    expected.diagnostics = expected.diagnostics.filter((d) => d.code !== code);
    expect(comparable(after)).toEqual(expected);
    // The zip: every entry but word/document.xml has the same local header and data bytes.
    const raw = (zipBytes: Uint8Array, name: string) => {
      const entries = [...openZip(zipBytes).entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
      const k = entries.findIndex((e) => e.name === name);
      const end = entries[k + 1]?.localHeaderOffset ?? Buffer.from(zipBytes).indexOf(Buffer.from([0x50, 0x4b, 1, 2]), entries[k]!.localHeaderOffset);
      return Buffer.from(zipBytes.subarray(entries[k]!.localHeaderOffset, end));
    };
    const names = openZip(bytes).entries.map((e) => e.name);
    expect(openZip(result.bytes).entries.map((e) => e.name)).toEqual(names);
    for (const name of names.filter((n) => n !== 'word/document.xml')) expect(raw(result.bytes, name).equals(raw(bytes, name)), name).toBe(true);
    // In word/document.xml, only the one w:t changed: two bytes (the space) gone.
    const before = Buffer.from(openZip(bytes).read('word/document.xml')!);
    const fixed = Buffer.from(openZip(result.bytes).read('word/document.xml')!);
    expect(difference(before, fixed)).toMatchObject({ a: ' ', b: '' });
  });

  it('a symbol split over runs: the replacement goes into the first, the rest of the span leaves the second', async () => {
    const body = [
      p('TỈNH ỦY HẬU GIANG'),
      `<w:p>${t('Thực hiện Chỉ thị số 11')}<w:r><w:rPr><w:b/></w:rPr><w:t>- </w:t></w:r>${t('CT/TW của Bộ Chính trị.')}</w:p>`,
    ].join('');
    const bytes = docx({ body });
    const { result } = await lintAndFix(bytes, 'docx');
    expect(result.fixed.map((f) => f.written)).toEqual(['11- CT/TW']);
    const xml = Buffer.from(openZip(result.bytes).read('word/document.xml')!).toString('utf8');
    expect(xml).toContain(`${t('Thực hiện Chỉ thị số 11-CT/TW')}<w:r><w:rPr><w:b/></w:rPr><w:t></w:t></w:r>${t(' của Bộ Chính trị.')}`);
  });

  it('refuses a repair across a tab, and legacy-font text is never mapped', async () => {
    const body = `${p('TỈNH ỦY HẬU GIANG')}<w:p>${t('Thực hiện Chỉ thị số 11-')}<w:r><w:tab/></w:r>${t('CT/TW của Bộ Chính trị.')}</w:p>`;
    const { model, result } = await lintAndFix(docx({ body }), 'docx');
    expect(model.diagnostics.filter((d) => d.fix).length).toBe(1);
    expect(result.fixed).toEqual([]);
    expect(result.refused.map((r) => r.reason)).toEqual(['a repair covers a tab, a break or a symbol']);
  });

  it('replaceEntry copies every other entry and the archive comment, and the result is a zip the reader accepts', () => {
    const bytes = fixture('docx/plain.docx');
    const withComment = Buffer.concat([bytes.subarray(0, bytes.length - 2), Buffer.from([5, 0]), Buffer.from('ghi c')]);
    const out = replaceEntry(withComment, 'word/styles.xml', Buffer.from('<w:styles/>'));
    expect(Buffer.from(out).subarray(-5).toString()).toBe('ghi c');
    expect(Buffer.from(openZip(out).read('word/styles.xml')!).toString()).toBe('<w:styles/>');
    expect(Buffer.from(openZip(out).read('word/document.xml')!).equals(Buffer.from(openZip(bytes).read('word/document.xml')!))).toBe(true);
  });
});

it('the seed itself: one repair, the rest of the file untouched', async () => {
  const { result } = await lintAndFix(seedBytes(), 'txt');
  expect(difference(seedBytes(), result.bytes)).toMatchObject({ a: ' ', b: '' });
});
