import { describe, expect, it } from 'vitest';
import { docx, hostileDocx, lvl, num, p } from '../../scripts/bench/hostile-docx.mjs';
import { ingestDocx } from '../../src/ingest/docx.js';
import { MAX_LETTERS, MAX_LEVEL_TEXT } from '../../src/ingest/ooxml/numbering.js';

// The inputs issue 12's review built to exhaust time or memory, each bounded by construction:
// what is refused names the limit, what is cut or skipped says so. Time and memory of each are
// measured by `node scripts/bench/hostile-docx.mjs`, not here.

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const warnings = (read: { messages: Array<{ severity: string; message: string }> }) =>
  read.messages.filter((m) => m.severity === 'warning').map((m) => m.message);

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
