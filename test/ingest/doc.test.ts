import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseFile, type Programme } from '../../src/index.js';
import { ingestDoc } from '../../src/ingest/doc.js';
import { ingestDocx } from '../../src/ingest/docx.js';
import { normalizeText } from '../../src/normalize/text.js';
import { comparable, seedText } from '../helpers.js';
import { ole, olePatched, pieceDoc, wordDocument } from './ole-fixtures.js';

const path = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(path(name));
/** Normalized lines without the blank ones: Word and the .txt export differ in empty paragraphs. */
const lines = (text: string) => normalizeText(text).split('\n').filter((l) => l !== '');
const SEED = lines(seedText());

/**
 * The model without what differs by nature between a .doc and its .docx: `source` (format,
 * sha256; comparable drops it) and the Vietnamese text of reader messages (the .docx reader
 * words them in English only; their English text is compared).
 */
function model(p: Programme): unknown {
  const m = comparable(p) as { diagnostics: Array<Record<string, unknown>> };
  m.diagnostics = m.diagnostics.map((d) => (String(d['code']).startsWith('ingest-') ? { ...d, message: undefined } : d));
  return JSON.parse(JSON.stringify(m));
}

describe('a .doc saved by LibreOffice from each .docx fixture gives the .docx model', () => {
  const pairs = [
    ['seed.doc', 'plain.docx'],
    ['auto-numbered.doc', 'auto-numbered.docx'],
    ['tcvn3.doc', 'tcvn3.docx'],
    ['vni.doc', 'vni.docx'],
    ['tracked-changes.doc', 'tracked-changes.docx'],
  ] as const;
  for (const [doc, docx] of pairs) {
    for (const revision of ['accepted', 'original'] as const) {
      it(`${doc} = ${docx} (${revision})`, async () => {
        const fromDoc = await parseFile(path(`docx/${doc}`), { revision });
        const fromDocx = await parseFile(path(`docx/${docx}`), { revision });
        expect(fromDoc.source.format).toBe('doc');
        expect(model(fromDoc)).toEqual(model(fromDocx));
      });
    }
  }

  it('auto-numbered.doc: the conferences and items are Word automatic numbers, not typed text', async () => {
    const bytes = fixture('docx/auto-numbered.doc');
    // The labels are not in the stored text: "Hội nghị … lần thứ 17" follows a paragraph mark.
    expect(Buffer.from(bytes).includes(Buffer.from('1. Hội nghị', 'utf16le'))).toBe(false);
    const p = await parseFile(path('docx/auto-numbered.doc'));
    expect(p.conferences.length).toBe(5);
    expect(p.conferences.flatMap((c) => c.items).length).toBe(26);
    expect(p.header.draft).toBe(true);
    expect((await ingestDoc(bytes)).text).toContain('II. NỘI DUNG VÀ THỜI GIAN');
  });

  it('seed.doc, vni.doc and tcvn3.doc: the seed lines, legacy fonts by their names', async () => {
    for (const [file, encoding] of [['seed.doc', 'unicode'], ['vni.doc', 'vni'], ['tcvn3.doc', 'mixed:unicode+tcvn3']]) {
      const read = await ingestDoc(fixture(`docx/${file}`));
      expect(lines(read.text)).toEqual(SEED);
      expect(read).toMatchObject({ format: 'doc', encoding });
      expect(read.messages.filter((m) => m.severity === 'warning')).toEqual([]);
    }
  });

  it('tcvn3.doc: .VnTimeH capitals come back from the font names', async () => {
    const read = await ingestDoc(fixture('docx/tcvn3.doc'));
    expect(read.text.split('\n').map((l) => l.trim())).toContain('TỈNH ỦY HẬU GIANG');
    expect(read.text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(read.encoding).toBe('mixed:unicode+tcvn3');
  });

  it('tracked-changes.doc: accepted by default, the original on request, with the same lines as the .docx', async () => {
    const bytes = fixture('docx/tracked-changes.doc');
    for (const revision of ['accepted', 'original'] as const) {
      const doc = await ingestDoc(bytes, { revision });
      const docx = await ingestDocx(fixture('docx/tracked-changes.docx'), { revision });
      // LibreOffice's export keeps run revisions but not those of paragraph marks: a deleted
      // paragraph's mark stays as an empty paragraph, so blank lines are left aside here.
      expect(lines(doc.text)).toEqual(lines(docx.text));
      expect(doc.messages.map((m) => m.message)).toContain(
        `tracked changes: showing the ${revision === 'accepted' ? 'text with all changes accepted' : 'original text, before the changes'}`,
      );
    }
    expect((await ingestDoc(bytes)).text).toContain('lần thứ 17 (tháng 3/2024)');
    expect((await ingestDoc(bytes, { revision: 'original' })).text).toContain('lần thứ 16 (tháng 3/2024)');
  });

  it('objects.doc: a field shows its result, a text box follows the paragraph that anchors it (as in .docx)', async () => {
    const read = await ingestDoc(fixture('docx/objects.doc'));
    expect(read.text.split('\n')).toEqual(['TỈNH ỦY HẬU GIANG', 'Xem trang thông tin của Tỉnh ủy.', 'Khung: ', 'Nội dung trong khung', 'Hết.']);
    expect(read.messages).toEqual([]);
  });

  it('messages come in Vietnamese and English', async () => {
    const read = await ingestDoc(fixture('docx/tracked-changes.doc'));
    expect(read.messages.length).toBeGreaterThan(0);
    for (const m of read.messages) expect(m.messageVi).toMatch(/\p{L}/u);
  });
});

describe('the piece table', () => {
  it('8-bit and UTF-16 pieces, stored out of order, read in character order', async () => {
    const bytes = pieceDoc([
      { text: 'TỈNH ỦY HẬU GIANG\r' },
      { text: 'Số 15-CTr/TU \x93trích\x94\x0bdòng\r', compressed: false },
      { text: 'Plain \x93quoted\x94 text\x1eone\tcell\r', compressed: true },
      { text: 'Hết.' },
    ]);
    const read = await ingestDoc(bytes);
    expect(read.text.split('\n')).toEqual(['TỈNH ỦY HẬU GIANG', 'Số 15-CTr/TU \x93trích\x94', 'dòng', 'Plain “quoted” text-one\tcell', 'Hết.']);
  });

  it('a field shows its result and never its code; a field with no result is counted', async () => {
    const bytes = pieceDoc([{ text: 'Xem \x13 HYPERLINK "x" \x14trang\x15 và \x13 PAGE \x15.\r' }]);
    const read = await ingestDoc(bytes);
    expect(read.text).toBe('Xem trang và .');
    expect(read.messages.map((m) => m.message)).toContain('1 field(s) have no displayed result and were left out');
  });
});

/** Expects an InputError of one line, or a result; anything else fails the test. */
async function outcomeOf(bytes: Uint8Array): Promise<'read' | 'refused'> {
  try {
    await ingestDoc(bytes);
    return 'read';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message).not.toContain('\n');
    return 'refused';
  }
}

describe('damaged and hostile .doc files end in a result or a one-line InputError', () => {
  const refused = async (bytes: Uint8Array, message: string | RegExp) => {
    const error = await ingestDoc(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
  };

  it('refuses what is not a .doc', async () => {
    await refused(fixture('docx/plain.docx'), 'not a Word 97-2003 .doc (a zip archive: a .docx renamed .doc?)');
    await refused(fixture('broken/not-a-zip.docx'), 'not a Word 97-2003 .doc (no OLE2 header)');
    await refused(fixture('broken/encrypted.docx'), 'encrypted document (password protected)');
    await refused(new Uint8Array(), 'the file is empty');
    await refused(fixture('docx/seed.doc').subarray(0, 15_000), /^corrupt \.doc \(/);
    await refused(ole({ WordDocument: new Uint8Array(100) }), 'corrupt .doc (no Word file information block)');
    await refused(ole({ Other: new Uint8Array(100) }), 'not a Word 97-2003 .doc (an OLE2 file without a WordDocument stream)');
  });

  it('sector chains that loop, merge or leave the file, and absurd counts', async () => {
    const good = ole({ WordDocument: wordDocument(), '0Table': new Uint8Array(64) });
    expect(await outcomeOf(good)).toBe('refused'); // a FIB without a piece table
    await refused(olePatched(good, 'fat-loop'), /^corrupt \.doc \(/);
    await refused(olePatched(good, 'fat-cycle'), 'corrupt .doc (a sector chain loops back on itself)');
    await refused(olePatched(good, 'stream-inside'), 'corrupt .doc (two streams share their sectors)');
    await refused(olePatched(good, 'fat-merge'), 'corrupt .doc (two sector chains run into one another)');
    await refused(olePatched(good, 'fat-outside'), /^corrupt \.doc \(/);
    await refused(olePatched(good, 'directory-loop'), /^corrupt \.doc \(/);
    await refused(olePatched(good, 'fat-count'), 'corrupt .doc (truncated or damaged)');
    await refused(olePatched(good, 'stream-size'), /^corrupt \.doc \(/);
  });

  it('a FIB whose counts and offsets point past its streams', async () => {
    const table = new Uint8Array(64);
    const cases: Array<[Parameters<typeof wordDocument>[0], RegExp]> = [
      [{ ccpText: 0x7fffffff }, /character counts exceed the file|too much text/],
      [{ clx: { fc: 0, lcb: 0x7fffffff } }, /past the end of its stream/],
      [{ clx: { fc: 60, lcb: 4 } }, /no piece table|ends early/],
      [{ nFib: 0x65 }, /Word 6\/95/],
      [{ encrypted: true }, /encrypted document/],
    ];
    for (const [fib, message] of cases) await refused(ole({ WordDocument: wordDocument(fib), '0Table': table }), message);
  });

  const damage = fc.record({
    kind: fc.constantFrom('flip', 'cut', 'sector'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bit: fc.integer({ min: 0, max: 7 }),
    seed: fc.integer({ min: 0, max: 0xffff }),
  });
  const damaged = (original: Uint8Array, changes: Array<{ kind: string; at: number; bit: number; seed: number }>) => {
    let bytes = Buffer.from(original);
    for (const { kind, at, bit, seed } of changes) {
      const k = Math.min(bytes.length - 1, Math.floor(at * bytes.length));
      if (kind === 'flip') bytes[k]! ^= 1 << bit;
      else if (kind === 'cut') bytes = bytes.subarray(0, k);
      else {
        // A whole 512-byte sector of noise: FAT, directory, FIB, piece table or text.
        const start = Math.floor(k / 512) * 512;
        let x = seed || 1;
        for (let i = start; i < Math.min(bytes.length, start + 512); i++) {
          x = (x * 1103515245 + 12345) & 0x7fffffff;
          bytes[i] = x >> 16;
        }
      }
      if (bytes.length === 0) break;
    }
    return bytes;
  };

  for (const file of ['seed.doc', 'auto-numbered.doc', 'tcvn3.doc', 'tracked-changes.doc', 'objects.doc']) {
    it(`${file}: bit flips, cuts and sectors of noise`, async () => {
      const original = fixture(`docx/${file}`);
      await fc.assert(
        fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), async (changes) => {
          await outcomeOf(damaged(original, changes));
        }),
        { numRuns: 150, seed: 20240115 },
      );
    }, 120_000);
  }

  it('random bytes behind an OLE2 signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 512, maxLength: 4096 }), async (noise) => {
        const bytes = Buffer.from(noise);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
        expect(await outcomeOf(bytes)).toBe('refused');
      }),
      { numRuns: 200, seed: 20240115 },
    );
  });
});
