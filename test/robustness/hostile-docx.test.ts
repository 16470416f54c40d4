import { describe, expect, it } from 'vitest';
import { docx, hostileDocx, lvl, num, p } from '../../scripts/bench/hostile-docx.mjs';
import { InputError } from '../../src/errors.js';
import { ingestDocx } from '../../src/ingest/docx.js';
import { MAX_PARAGRAPHS, MAX_TABLE_DEPTH, MAX_TEXT } from '../../src/ingest/ooxml/document.js';
import { MAX_LETTERS, MAX_LEVEL_TEXT } from '../../src/ingest/ooxml/numbering.js';
import { meter } from '../../src/meter.js';

// The inputs issue 12's review built to exhaust time or memory, each bounded by construction:
// what is refused names the limit, what is cut or skipped says so. Time and memory of each are
// measured by `node scripts/bench/hostile-docx.mjs`, not here.

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const warnings = (read: { messages: Array<{ severity: string; message: string }> }) =>
  read.messages.filter((m) => m.severity === 'warning').map((m) => m.message);

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await ingestDocx(bytes).then(
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

describe('how much a .docx may hold', () => {
  it('more paragraphs or text than the parser can take in time are refused', async () => {
    expect(await refusal(docx({ body: '<w:p/>'.repeat(MAX_PARAGRAPHS + 1) }))).toBe(`too many paragraphs (over ${MAX_PARAGRAPHS.toLocaleString('en')})`);
    await expect(ingestDocx(docx({ body: '<w:p/>'.repeat(MAX_PARAGRAPHS) }))).resolves.toBeDefined();
    expect(await refusal(docx({ body: p('x'.repeat(MAX_TEXT + 1)) }))).toBe('too much text (over 4 MB of characters)');
  });
});
