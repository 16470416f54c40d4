import fc from 'fast-check';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docx, hostileDocx, lvl, num, p, picture, t } from '../../scripts/bench/hostile-docx.mjs';
import { InputError } from '../../src/errors.js';
import { ingestDocx } from '../../src/ingest/docx.js';
import { MAX_MESSAGES } from '../../src/ingest/warnings.js';
import { MAX_PARAGRAPHS, MAX_TABLE_DEPTH, MAX_TEXT } from '../../src/ingest/ooxml/document.js';
import { MAX_MAMMOTH_ELEMENTS, mammothRefusal } from '../../src/ingest/ooxml/mammoth-check.js';
import { MAX_LETTERS, MAX_LEVEL_TEXT } from '../../src/ingest/ooxml/numbering.js';
import { MAX_XML_ATTRIBUTES, parseXml } from '../../src/ingest/ooxml/xml.js';
import { ZipArchive, crc32, crc32InJs } from '../../src/ingest/zip-guard.js';
import { meter } from '../../src/meter.js';

// The inputs issue 12's review built to exhaust time or memory, each bounded by construction:
// what is refused names the limit, what is cut or skipped says so. Time and memory of each are
// measured by `node scripts/bench/hostile-docx.mjs`, not here.

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const warnings = (read: { messages: Array<{ severity: string; message: string }> }) =>
  read.messages.filter((m) => m.severity === 'warning').map((m) => m.message);

async function refusal(bytes: Uint8Array, options: Parameters<typeof ingestDocx>[1] = {}): Promise<string> {
  const error = await ingestDocx(bytes, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message;
}

const numbered = (level: string, paragraphs: number) =>
  docx({
    body: Array.from({ length: paragraphs }, (_, k) => p(`Mục ${k + 1}`, num(1))).join(''),
    numbering: `<w:abstractNum w:abstractNumId="0">${level}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
  });

afterEach(() => vi.restoreAllMocks());

describe('numbering labels stay a few characters long', () => {
  it('a 7 MB label text used by 2,000 paragraphs is cut, with a warning', async () => {
    const read = await ingestDocx(hostileDocx['numbering label text of 7 MB, 2,000 paragraphs']!());
    const all = lines(read.text);
    expect(all).toHaveLength(2000);
    expect(all[1999]).toBe(`2000${'.'.repeat(MAX_LEVEL_TEXT - 2)} Mục 2000`);
    expect(warnings(read)).toEqual([`a numbering label longer than ${MAX_LEVEL_TEXT} characters was cut to its first ${MAX_LEVEL_TEXT}`]);
  });

  it('letters past the limit are shown in digits; a start beyond 32 bits is ignored', async () => {
    const letters = await ingestDocx(hostileDocx['letter numbering from 200,000,000']!());
    expect(lines(letters.text).slice(0, 2)).toEqual(['200000000. Mục 1', '200000001. Mục 2']);
    expect(warnings(letters)).toEqual([`letter numbering past ${26 * MAX_LETTERS} is shown in digits`]);

    const huge = await ingestDocx(hostileDocx['letter numbering from 10^14']!());
    expect(lines(huge.text).slice(0, 3)).toEqual(['0. Mục 1', 'A. Mục 2', 'B. Mục 3']);
    expect(warnings(huge)).toEqual(['a numbering start of 100000000000000 is out of range and was ignored']);
  });

  it('letters up to the limit repeat as Word shows them', async () => {
    const read = await ingestDocx(numbered(lvl(0, 'lowerLetter', '%1)', '', 26 * MAX_LETTERS - 1), 3));
    expect(lines(read.text)).toEqual([`${'y'.repeat(MAX_LETTERS)}) Mục 1`, `${'z'.repeat(MAX_LETTERS)}) Mục 2`, '261) Mục 3']);
  });
});

describe('tables nested deeply', () => {
  it('300 levels: every paragraph kept, the deepest read as paragraphs, with a warning', async () => {
    const read = await ingestDocx(hostileDocx['300 nested tables']!());
    const all = lines(read.text);
    for (const k of [1, MAX_TABLE_DEPTH, MAX_TABLE_DEPTH + 1, 300]) expect(all).toContain(`Bảng ${k}`);
    expect(all).toContain('Ô trong cùng');
    expect(warnings(read)).toEqual([`tables nested more than ${MAX_TABLE_DEPTH} deep were read as plain paragraphs`]);
  });

  it('each paragraph is tested for the layout markers once, however deep its table', async () => {
    let inner = p('ĐẢNG CỘNG SẢN VIỆT NAM');
    for (let k = 0; k < MAX_TABLE_DEPTH; k++) {
      inner = `<w:tbl><w:tr><w:tc>${p(`Bảng ${k}`)}${inner}${p('')}</w:tc><w:tc>${p('Nơi nhận:')}</w:tc></w:tr></w:tbl>`;
    }
    const bytes = docx({ body: inner });
    const read = await ingestDocx(bytes);
    expect(warnings(read)).toEqual([]);
    expect(lines(read.text)[0]).toBe('Bảng 7');
    // Each paragraph tested at most once: its characters plus one. Testing a table's whole text
    // at every level, as before, is quadratic in the depth.
    const paragraphs = MAX_TABLE_DEPTH * 3 + 1;
    const characters = 'ĐẢNG CỘNG SẢN VIỆT NAM'.length + MAX_TABLE_DEPTH * ('Bảng 0'.length + 'Nơi nhận:'.length);
    meter.units = 0;
    await ingestDocx(bytes);
    expect(meter.units).toBeGreaterThan(0);
    expect(meter.units).toBeLessThanOrEqual(paragraphs + characters);
  });
});

describe("mammoth's cross-check only where it costs little", () => {
  for (const name of ['16,000 distinct unknown elements', '8,000 distinct undefined paragraph styles', '16,000 distinct unknown symbols']) {
    it(`${name}: not handed to mammoth, and the warning says why`, async () => {
      const reads = vi.spyOn(mammoth, 'extractRawText');
      const read = await ingestDocx(hostileDocx[name]!());
      expect(reads).not.toHaveBeenCalled();
      expect(warnings(read)).toContainEqual(
        expect.stringMatching(
          /^vanban's reader passed over elements it does not know \(.+\) and mammoth did not cross-check the file: [\d,]+ kinds of element, style or symbol \d+ levels deep, whose messages it compares pairwise$/,
        ),
      );
    });
  }

  it('50,000 footnotes: too many elements for mammoth, and the warning says so', async () => {
    const reads = vi.spyOn(mammoth, 'extractRawText');
    const read = await ingestDocx(hostileDocx['50,000 footnotes']!(), { mammothCheck: 'always' });
    expect(reads).not.toHaveBeenCalled();
    expect(warnings(read)).toContainEqual(
      expect.stringMatching(new RegExp(`^mammoth did not cross-check the file: [\\d,]+ XML elements, over the ${MAX_MAMMOTH_ELEMENTS.toLocaleString('en')} it`)),
    );
  });

  it('the bound counts kinds and depth: a few hundred kinds pass, thousands do not', () => {
    const body = (kinds: number, depth: number) => {
      let inner = `<w:p>${Array.from({ length: kinds }, (_, k) => `<w:x${k}/>`).join('')}</w:p>`;
      for (let k = 0; k < depth; k++) inner = `<w:sdt><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
      return parseXml(`<w:document xmlns:w="w"><w:body>${inner}</w:body></w:document>`, 'word/document.xml');
    };
    expect(mammothRefusal(1000, [body(300, 10)])).toBeNull();
    expect(mammothRefusal(1000, [body(2000, 0)])?.en).toMatch(/^2,00\d kinds of element/);
    expect(mammothRefusal(1000, [body(300, 200)])?.en).toMatch(/^30\d kinds of element, style or symbol 40\d levels deep/);
    expect(mammothRefusal(MAX_MAMMOTH_ELEMENTS + 1, [])?.en).toMatch(/^50,001 XML elements/);
  });

  it("thousands of the reader's distinct warnings are cut to a few, and counted", async () => {
    const symbols = await ingestDocx(hostileDocx['16,000 distinct unknown symbols']!(), { mammothCheck: 'never' });
    expect(warnings(symbols)).toEqual([
      ...['F0', 'F1', 'F2', 'F3', 'F4'].map((font) => `a symbol character from the font "${font}" was left out`),
      'symbol characters from more fonts were left out',
    ]);
    const dangling = docx({ body: Array.from({ length: 2000 }, (_, k) => p('x', num(k + 1))).join('') });
    const read = await ingestDocx(dangling);
    expect(read.messages).toHaveLength(MAX_MESSAGES + 1);
    expect(read.messages[0]!.message).toBe('numbering 1 is not defined in numbering.xml; its labels are left out');
    // Each kept warning stands at the paragraph that uses the numbering; the count line concerns the whole file.
    expect(read.messages.slice(0, MAX_MESSAGES).map((m) => m.line)).toEqual(Array.from({ length: MAX_MESSAGES }, (_, k) => k + 1));
    expect(read.messages[MAX_MESSAGES]).toEqual({
      severity: 'warning',
      message: '1,950 more warnings like these were left out',
      messageVi: 'còn 1.950 cảnh báo tương tự không được liệt kê',
    });
  });
});

describe('the XML reader and the zip guard', () => {
  it('matches an end tag to its start tag by the name written or, failing that, by namespace', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const read = (xml: string) => parseXml(xml, 'word/document.xml');
    expect(read(`<w:document xmlns:w="${W}"><w:p ></w:p ></w:document>`).children).toEqual([{ name: 'w:p', attrs: {}, children: [] }]);
    // Another prefix for the same namespace closes it too, as it always has.
    expect(read(`<w:document xmlns:w="${W}" xmlns:x="${W}"><w:p></x:p></w:document>`).children).toHaveLength(1);
    expect(() => read(`<w:document xmlns:w="${W}"><w:p></w:r></w:document>`)).toThrow('corrupt .docx (malformed XML in word/document.xml: </w:r> closes <w:p>)');
    expect(() => read(`<w:document xmlns:w="${W}" xmlns:x="urn:other"><w:p></x:p></w:document>`)).toThrow('</x:p> closes <w:p>');
  });

  it("checks a part's CRC-32 the same with zlib's and with the JavaScript one of older Node.js 20", () => {
    expect(crc32InJs(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the check value of CRC-32/ISO-HDLC
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => crc32(bytes) === crc32InJs(bytes)));
  });

  it('refuses an element with more attributes than Word ever writes', async () => {
    const attributes = (n: number) => Array.from({ length: n }, (_, k) => `a${k}=""`).join(' ');
    await expect(ingestDocx(docx({ body: `<w:p ${attributes(MAX_XML_ATTRIBUTES)}>${t('Một')}</w:p>` }))).resolves.toMatchObject({ text: 'Một' });
    expect(await refusal(docx({ body: `<w:p ${attributes(MAX_XML_ATTRIBUTES + 1)}>${t('Một')}</w:p>` }))).toBe(
      `too many attributes on one XML element in word/document.xml (over ${MAX_XML_ATTRIBUTES})`,
    );
  });

  // mammoth's raw-text reading keeps an image as a reader it never calls (see mammoth-check.ts).
  it('never inflates an image, even when mammoth reads the file too', async () => {
    const reads = vi.spyOn(ZipArchive.prototype, 'read');
    const bytes = docx({
      body: `${p('Một')}<w:p>${picture('rIdImg0')}</w:p>`,
      media: { 'image1.png': new Uint8Array(20 * 1024 * 1024) },
    });
    const read = await ingestDocx(bytes, { mammothCheck: 'always' });
    expect(lines(read.text)).toEqual(['Một']);
    expect(reads.mock.calls.map(([name]) => name)).not.toContain('word/media/image1.png');
    expect(reads.mock.calls.map(([name]) => name)).toContain('word/document.xml');
  });

  it('vets every part a styles relationship points at, whatever it is called, before mammoth reads', async () => {
    // mammoth reads the first styles target, vanban the last: both are vetted before mammoth reads;
    // when mammoth does not run, the part only it would read is never inflated.
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="a" Type="${REL}" Target="media/a.bin"/><Relationship Id="b" Type="${REL}" Target="styles.xml"/></Relationships>`;
    const bytes = docx(
      { body: p('Một'), styles: '<w:style w:styleId="A"/>' },
      { 'word/_rels/document.xml.rels': { data: rels }, '[Content_Types].xml': { name: 'word/media/a.bin', data: '<!DOCTYPE x><w:styles/>' } },
    );
    expect(await refusal(bytes, { mammothCheck: 'always' })).toBe('unsafe XML in word/media/a.bin (DOCTYPE/entity declarations are not allowed)');
    expect((await ingestDocx(bytes)).text).toBe('Một');
  });
});

describe('how much a .docx may hold', () => {
  it('330,000 paragraphs: refused by the element budget before any text is read', async () => {
    expect(await refusal(hostileDocx['330,000 paragraphs']!())).toBe('too many XML elements (over 500,000 in the file, reached in word/document.xml)');
  });

  it('the element budget is shared by all the parts of the file', async () => {
    const comments = `<w:comment w:id="0"><w:p>${'<w:r/>'.repeat(400_000)}</w:p></w:comment>`;
    const body = `<w:p>${'<w:r/>'.repeat(150_000)}</w:p>`;
    expect(await refusal(docx({ body, comments }))).toMatch(/^too many XML elements \(over 500,000 in the file, reached in word\/comments\.xml\)$/);
  });

  it('more paragraphs or text than the parser can take in time are refused', async () => {
    expect(await refusal(docx({ body: '<w:p/>'.repeat(MAX_PARAGRAPHS + 1) }))).toBe(`too many paragraphs (over ${MAX_PARAGRAPHS.toLocaleString('en')})`);
    await expect(ingestDocx(docx({ body: '<w:p/>'.repeat(MAX_PARAGRAPHS) }))).resolves.toBeDefined();
    expect(await refusal(docx({ body: p('x'.repeat(MAX_TEXT + 1)) }))).toBe('too much text (over 4 MB of characters)');
  });

  for (const name of ['200,000 runs in one paragraph', '50,000 comments', '450 nested content controls']) {
    it(`${name}: read`, async () => {
      const read = await ingestDocx(hostileDocx[name]!());
      expect(read.text.length).toBeGreaterThan(0);
    });
  }
});
