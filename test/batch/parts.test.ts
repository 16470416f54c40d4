import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, csvRows } from '../../src/batch/exports.js';
import { csvHead } from '../../src/emit/csv.js';
import { parse } from '../../src/parse.js';
import { seedBytes } from '../helpers.js';
import { compileGlob } from '../../src/batch/glob.js';
import { assignOutputs, collectInputs, type Input } from '../../src/batch/inputs.js';
import { Progress } from '../../src/batch/progress.js';

describe('globs', () => {
  it('* and ? stay within a folder name, ** crosses folders', () => {
    const g = compileGlob('archive/**/ctr-20??.docx');
    expect(g.base).toBe('archive');
    expect(g.depth).toBe(Infinity);
    expect(g.matches('ctr-2024.docx')).toBe(true);
    expect(g.matches('2024/q1/ctr-2024.docx')).toBe(true);
    expect(g.matches('ctr-202.docx')).toBe(false);
    const one = compileGlob('archive/*/*.txt');
    expect(one.depth).toBe(2);
    expect(one.matches('2024/a.txt')).toBe(true);
    expect(one.matches('a.txt')).toBe(false);
    expect(one.matches('2024/q1/a.txt')).toBe(false);
    expect(compileGlob('*.txt').base).toBe('.');
    expect(compileGlob('/srv/**').base).toBe('/srv');
    // Parentheses, + and ! are letters of archive names, not groups, extended globs or negations.
    expect(compileGlob('a/ctr (1)+*.txt').matches('ctr (1)+x.txt')).toBe(true);
    expect(compileGlob('a/ctr (1)+*.txt').matches('ctr 1.txt')).toBe(false);
    expect(compileGlob('a/!ban*.txt').matches('!ban nhap.txt')).toBe(true);
    expect(compileGlob('a/!ban*.txt').matches('ban nhap.txt')).toBe(false);
    expect(compileGlob('a/$^.|*.txt').matches('$^.|x.txt')).toBe(true);
  });

  it('{a,b} and {1..3} are alternatives, [..] a class of one character, [!..] its complement', () => {
    const years = compileGlob('archive/{2023,2024}/*.{doc,docx}');
    expect(years.base).toBe('archive');
    expect(years.depth).toBe(2);
    expect(['2023/a.docx', '2024/b.doc', '2025/a.docx', '2023/a.txt', '2023/a.docxx'].map(years.matches)).toEqual([true, true, false, false, false]);
    const range = compileGlob('q{1..3}/*.txt');
    expect(range.base).toBe('.');
    expect(['q1/a.txt', 'q3/a.txt', 'q4/a.txt'].map(range.matches)).toEqual([true, true, false]);
    const digits = compileGlob('archive/20[0-9][0-9]/ctr-[!~]*.docx');
    expect(['2019/ctr-a.docx', '2019/ctr-~a.docx', '20x9/ctr-a.docx', '2019/ctr-.docx'].map(digits.matches)).toEqual([true, false, false, false]);
    // A brace may hold a "/": the walk must go as deep as its longest alternative.
    const deep = compileGlob('a/{x,y/z}/*.txt');
    expect(deep.depth).toBeGreaterThanOrEqual(3);
    expect(['x/1.txt', 'y/z/1.txt', 'y/1.txt'].map(deep.matches)).toEqual([true, true, false]);
    expect(compileGlob('a/**/{b,c}.txt').depth).toBe(Infinity);
  });
});

describe('collecting inputs', () => {
  it('walks in name order, skips hidden entries, lock files and other formats, follows file links only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-walk-'));
    for (const f of ['b.docx', 'a.txt', 'c.pdf', '~$b.docx', '.DS_Store', 'sub/d.md', '.git/e.txt', 'README']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'x');
    }
    symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
    symlinkSync(dir, join(dir, 'loop'));
    const inputs = await collectInputs([dir]);
    expect(inputs.map((i) => [i.relative, i.format, i.skip ?? null])).toEqual([
      ['README', 'txt', null],
      ['a.txt', 'txt', null],
      ['b.docx', 'docx', null],
      ['c.pdf', null, 'unsupported format (.pdf)'],
      ['link.txt', 'txt', null],
      ['loop', null, 'link to a folder (not followed)'],
      ['sub/d.md', 'md', null],
      ['~$b.docx', null, 'Word lock file'],
    ]);
  });

  it('gives clashing outputs ~2, ~3, also across letter case and file/folder names', () => {
    const input = (relative: string): Input => ({ path: relative, relative, format: 'txt', output: null });
    const inputs = [input('a.txt'), input('A.txt'), input('a.txt'), input('x'), input('x.json/y.txt')];
    assignOutputs(inputs);
    expect(inputs.map((i) => i.output)).toEqual(['a.txt.json', 'A.txt~2.json', 'a.txt~3.json', 'x~2.json', 'x.json/y.txt.json']);
  });
});

describe('CSV', () => {
  it('quotes only what RFC 4180 requires and doubles quotes', () => {
    expect(csvField('Văn phòng Tỉnh ủy')).toBe('Văn phòng Tỉnh ủy');
    expect(csvField('quý I, quý II')).toBe('"quý I, quý II"');
    expect(csvField('Nghị quyết "về" x')).toBe('"Nghị quyết ""về"" x"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvRow([1, null, 'a,b'])).toBe('1,,"a,b"\r\n');
  });

  it('keeps Excel from running a cell as a formula: text opening with = + - @ gets a single quote', () => {
    expect(csvField('=HYPERLINK("http://x","bấm")')).toBe(`"'=HYPERLINK(""http://x"",""bấm"")"`);
    expect(csvField('+84 293 3870')).toBe("'+84 293 3870");
    expect(csvField('- Tăng cường công tác kiểm tra')).toBe("'- Tăng cường công tác kiểm tra");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('Ban Tuyên giáo Tỉnh ủy = chủ trì')).toBe('Ban Tuyên giáo Tỉnh ủy = chủ trì'); // only the first character counts
    expect(csvField(-1)).toBe('-1'); // a number is not a formula
    expect(csvRows('=cmd', { ...parse(seedBytes()), tasks: [] }).split('\r\n')[0]!.startsWith("'=cmd,2024,")).toBe(true);
    expect(csvHead().startsWith('\ufefffile,')).toBe(true);
  });
});

describe('progress', () => {
  const sink = () => {
    const chunks: string[] = [];
    return { chunks, stream: { columns: 80, write: (t: string) => chunks.push(t) } };
  };

  it('redraws one line with \\r on a terminal: done/total, rate, errors, ETA', () => {
    const { chunks, stream } = sink();
    const p = new Progress(3, { live: true, verbose: true, color: true }, stream);
    p.tick(false);
    p.log('vanban: x.txt: the file is empty');
    p.tick(true);
    p.tick(false);
    p.finish();
    const text = chunks.join('');
    expect(text).toMatch(/\r1\/3 files {2}[\d.]+ files\/s {2}0 errors {2}ETA \S+/);
    expect(text).toContain('vanban: x.txt: the file is empty\n');
    expect(text).toContain('\x1b[31m1 error\x1b[39m');
    expect(text).toMatch(/\r3\/3 files/);
    expect(text.endsWith('\r')).toBe(true); // cleared for the summary
    expect(text.replace(/\x1b\[\d+m/g, '').split('\n').length).toBe(2);
  });

  it('without colour (NO_COLOR) no escape codes; not live, no status line at all', () => {
    const plain = sink();
    const p = new Progress(2, { live: true, verbose: true, color: false }, plain.stream);
    p.tick(true);
    p.tick(true);
    expect(plain.chunks.join('')).not.toContain('\x1b');
    const piped = sink();
    const q = new Progress(2, { live: false, verbose: true, color: false }, piped.stream);
    q.tick(true);
    q.log('vanban: y.txt: no such file');
    expect(piped.chunks).toEqual(['vanban: y.txt: no such file\n']);
  });
});
