import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Programme } from '../../src/model/programme.js';
import { parse } from '../../src/parse.js';
import { comparable, seedBytes, seedText, variants } from '../helpers.js';
import { lastRun, latestLines, listFiles, manifestLines, readCsv, vanban } from './cli.js';

const PLAIN_DOCX = new URL('../../fixtures/docx/plain.docx', import.meta.url);
const hasDocx = existsSync(PLAIN_DOCX);
const root = mkdtempSync(join(tmpdir(), 'vanban-batch-'));
const input = join(root, 'archive');
const reference = parse(seedBytes());

function put(relative: string, content: string | Buffer): string {
  const path = join(input, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** The first 100 bytes of a zip: a .docx cut short by a failed copy. */
function truncatedDocx(): Buffer {
  if (hasDocx) return readFileSync(PLAIN_DOCX).subarray(0, 100);
  return Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(96, 7)]);
}

const converted = ['seed.txt', '2023/utf16.txt', '2023/q4/wrapped.txt', 'x.txt/inner.txt', ...(hasDocx ? ['word/plain.docx'] : [])];
const broken = ['empty.txt', 'truncated.docx', 'junk.txt'];

beforeAll(() => {
  put('seed.txt', seedBytes());
  put('2023/utf16.txt', variants['UTF-16LE with BOM'](seedText()));
  put('2023/q4/wrapped.txt', variants['hard-wrapped at 72 columns'](seedText()));
  put('x.txt/inner.txt', seedBytes()); // a folder named like a file
  if (hasDocx) put('word/plain.docx', readFileSync(PLAIN_DOCX));
  put('empty.txt', '');
  put('truncated.docx', truncatedDocx());
  put('junk.txt', Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256)));
  put('scan.pdf', '%PDF-1.4');
  put('.hidden/seed.txt', seedBytes());
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('vanban batch over an archive with broken files', () => {
  const out = join(root, 'out');
  const csv = join(root, 'items.csv');
  const ndjson = join(root, 'all.ndjson');
  let first: ReturnType<typeof vanban>;
  beforeAll(() => {
    first = vanban(['batch', input, '--out', out, '--csv', csv, '--ndjson', ndjson, '--concurrency', '2']);
  });

  it('exits 1 and counts the failures in the closing summary', () => {
    expect(first.stdout).toBe('');
    expect(first.status).toBe(1);
    const summary = first.stderr.trim().split('\n').at(-1)!;
    expect(summary).toMatch(new RegExp(`${converted.length} đã chuyển đổi, 3 lỗi, 0 không đổi, 1 bỏ qua`));
    for (const name of broken) expect(first.stderr).toContain(`${join(input, name)}: `);
    expect(first.stderr).not.toContain('\r'); // no progress line when stderr is not a terminal
  });

  it('writes every convertible file as <relative path>.json, the model parse gives', () => {
    const outputs = listFiles(out).filter((f) => f !== 'manifest.ndjson');
    expect(outputs).toEqual(converted.map((c) => `${c}.json`).sort());
    const seed = JSON.parse(readFileSync(join(out, 'seed.txt.json'), 'utf8'));
    expect(seed).toEqual(parse(seedBytes(), { file: join(input, 'seed.txt') }));
    for (const name of converted) {
      const model = Programme.parse(JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')));
      expect(model.source.file).toBe(join(input, name));
      expect(comparable(model)).toEqual(comparable(reference));
    }
    expect(JSON.parse(readFileSync(join(out, '2023/utf16.txt.json'), 'utf8')).source.encoding).toBe('utf-16le');
  });

  it('writes one manifest line per input, all with the run id, with its reason when not ok', () => {
    const lines = manifestLines(out);
    const byName = new Map(lines.map((l) => [l.path.slice(input.length + 1), l]));
    expect(lines).toHaveLength(converted.length + broken.length + 1);
    expect(byName.size).toBe(lines.length);
    // The run id: its start time, sortable, and a random suffix.
    expect(lines[0]!.run).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z-[0-9a-f]{6}$/);
    expect(new Set(lines.map((l) => l.run)).size).toBe(1);
    for (const name of converted) {
      expect(byName.get(name)).toMatchObject({
        status: 'ok',
        reason: null,
        output: `${name}.json`,
        conferences: 5,
        items: 26,
        citations: 24,
        diagnostics: reference.diagnostics.length,
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
    }
    const seed = byName.get('seed.txt')!;
    expect(seed.sha256).toBe(reference.source.sha256);
    expect(seed.size).toBe(seedBytes().length);
    expect(seed.ms).toBeGreaterThanOrEqual(0);
    expect(byName.get('empty.txt')).toMatchObject({ status: 'error', reason: 'the file is empty', size: 0, output: null, items: null });
    expect(byName.get('junk.txt')).toMatchObject({ status: 'error', reason: 'not a text file (binary data)' });
    expect(byName.get('truncated.docx')).toMatchObject({ status: 'error', format: 'docx', size: 100 });
    expect(byName.get('truncated.docx')!.reason).toMatch(/\S/);
    expect(byName.get('scan.pdf')).toMatchObject({ status: 'skipped', reason: 'unsupported format (.pdf)', output: null });
    for (const line of lines) expect(line.reason ?? '').not.toContain('\n');
  });

  it('exports every item as a CSV row: BOM, header, RFC 4180 quoting, 26 rows per copy, the first nine columns as before', () => {
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]!.slice(0, 9)).toEqual(['file', 'year', 'conference', 'month', 'item', 'action', 'citations', 'leadAgencies', 'text']);
    expect(rows[0]!.slice(9)).toEqual(['kind', 'lead', 'partners', 'deadline', 'date', 'time', 'chair', 'place', 'preparer']);
    expect(rows).toHaveLength(1 + 26 * converted.length);
    expect(rows.every((r) => r.length === 18)).toBe(true);
    const seedRows = rows.filter((r) => r[0] === join(input, 'seed.txt'));
    const items = reference.conferences.flatMap((c) => c.items.map((item) => ({ c, item })));
    expect(seedRows).toHaveLength(26);
    seedRows.forEach((row, i) => {
      const { c, item } = items[i]!;
      expect(row.slice(9, 11)).toEqual(['item', item.leadAgencies.join('; ')]);
      expect(row.slice(0, 9)).toEqual([
        join(input, 'seed.txt'),
        '2024',
        String(c.ordinal),
        String(c.time?.month ?? ''),
        String(item.number),
        item.action ?? '',
        item.citations.map((x) => x.id ?? x.raw).join('; '),
        item.leadAgencies.join('; '),
        item.text,
      ]);
    });
    expect(seedRows[1]![6]).toBe('94-KL/TW');
    // Texts with commas are quoted, and quoted fields are the only ones holding commas.
    const raw = bytes.toString('utf8');
    expect(raw).toContain(',"Sơ kết công tác quý I, triển khai chương trình công tác quý II/2024.",item,Văn phòng Tỉnh ủy,');
  });

  it('exports one model per NDJSON line', () => {
    const lines = readFileSync(ndjson, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(converted.length);
    expect(lines.map((l) => Programme.parse(JSON.parse(l)).source.file)).toEqual(converted.map((c) => join(input, c)).sort());
  });

  it('--resume converts nothing that is unchanged, and appends that to the history', () => {
    const mtimes = converted.map((c) => statSync(join(out, `${c}.json`)).mtimeMs);
    const history = readFileSync(join(out, 'manifest.ndjson'), 'utf8');
    const again = vanban(['batch', input, '--out', out, '--resume', '--csv', csv]);
    expect(again.status).toBe(1); // the broken files are tried again, and fail again
    expect(again.stderr).toMatch(new RegExp(`0 đã chuyển đổi, 3 lỗi, ${converted.length} không đổi, 1 bỏ qua`));
    // The first run's lines stand as they were; the second run's follow them.
    const now = readFileSync(join(out, 'manifest.ndjson'), 'utf8');
    expect(now.startsWith(history)).toBe(true);
    const lines = manifestLines(out);
    expect(lines).toHaveLength(2 * (converted.length + broken.length + 1));
    const second = lastRun(out);
    expect(second).toHaveLength(converted.length + broken.length + 1);
    expect(second[0]!.run! > lines[0]!.run!).toBe(true);
    for (const name of converted) {
      expect(second.find((l) => l.path === join(input, name))).toMatchObject({ status: 'unchanged', reason: 'unchanged since the last run', items: 26 });
    }
    // Another format is skipped, not unchanged: there is no output to stand.
    expect(second.find((l) => l.path.endsWith('scan.pdf'))).toMatchObject({ status: 'skipped', output: null });
    expect(converted.map((c) => statSync(join(out, `${c}.json`)).mtimeMs)).toEqual(mtimes);
    // The export still covers the unchanged documents.
    expect(readCsv(readFileSync(csv, 'utf8').slice(1))).toHaveLength(1 + 26 * converted.length);
  });
});

describe('--resume redoes what changed', () => {
  it('a changed file, a new file, a deleted output; what was skipped stays vouched for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-resume-'));
    const folder = join(dir, 'in');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), seedBytes());
    writeFileSync(join(folder, 'b.txt'), seedBytes());
    const out = join(dir, 'out');
    const batch = (...more: string[]) => vanban(['batch', folder, '-o', out, ...more]);
    const statuses = () => lastRun(out).map((l) => l.status);
    expect(batch().status).toBe(0);

    writeFileSync(join(folder, 'a.txt'), seedText().replace('Số       -CTr/TU', 'Số 12-CTr/TU'));
    writeFileSync(join(folder, 'c.txt'), seedBytes());
    expect(batch('--resume').status).toBe(0);
    expect(statuses()).toEqual(['ok', 'unchanged', 'ok']);
    expect(JSON.parse(readFileSync(join(out, 'a.txt.json'), 'utf8')).header.number.number).toBe(12);

    // b was only found unchanged last time: that line still vouches for its output.
    expect(batch('--resume').status).toBe(0);
    expect(statuses()).toEqual(['unchanged', 'unchanged', 'unchanged']);

    rmSync(join(out, 'a.txt.json'));
    expect(batch('--resume').status).toBe(0);
    expect(statuses()).toEqual(['ok', 'unchanged', 'unchanged']);

    // Without --resume everything is converted again.
    expect(batch().status).toBe(0);
    expect(statuses()).toEqual(['ok', 'ok', 'ok']);
  });

  it('the same folder named another way (relative, then absolute): its outputs still vouched for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-resume-'));
    const folder = join(dir, 'in');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), seedBytes());
    writeFileSync(join(folder, 'b.docx'), readFileSync(PLAIN_DOCX));
    const out = join(dir, 'out');
    expect(vanban(['batch', relative(process.cwd(), folder), '-o', out]).status).toBe(0);
    const made = readFileSync(join(out, 'a.txt.json'), 'utf8');
    expect(vanban(['batch', folder, '-o', out, '--resume']).status).toBe(0);
    expect(lastRun(out).map((l) => l.status)).toEqual(['unchanged', 'unchanged']);
    expect(readFileSync(join(out, 'a.txt.json'), 'utf8')).toBe(made);
    // A changed file is still converted again, whatever its folder is called.
    writeFileSync(join(folder, 'a.txt'), seedText().replace('Số       -CTr/TU', 'Số 12-CTr/TU'));
    expect(vanban(['batch', relative(process.cwd(), folder), '-o', out, '--resume']).status).toBe(0);
    expect(lastRun(out).map((l) => l.status)).toEqual(['ok', 'unchanged']);
  });
});

describe('inputs: files, globs, clashes, and missing ones', () => {
  it('a glob keeps paths relative to its base; file arguments keep their names, clashes get ~2', () => {
    const out = join(root, 'out-glob');
    const r = vanban(['batch', `${input}/**/*.txt`, join(input, 'seed.txt'), join(input, 'x.txt', 'inner.txt'), '--out', out, '-q']);
    expect(r.status).toBe(1); // empty.txt and junk.txt match the pattern too
    expect(r.stderr.trim().split('\n')).toHaveLength(1); // --quiet: only the summary, since some failed
    expect(listFiles(out)).toEqual(
      ['2023/q4/wrapped.txt.json', '2023/utf16.txt.json', 'manifest.ndjson', 'seed.txt.json', 'x.txt/inner.txt.json'].sort(),
    );
    const flat = join(root, 'out-files');
    expect(vanban(['batch', join(input, 'seed.txt'), join(input, 'x.txt', 'inner.txt'), join(input, 'x.txt'), '-o', flat]).status).toBe(0);
    // x.txt/inner.txt once only: named as a file first, then found again in its folder.
    expect(listFiles(flat)).toEqual(['inner.txt.json', 'manifest.ndjson', 'seed.txt.json']);
    const clash = join(root, 'out-clash');
    writeFileSync(join(root, 'seed.txt'), seedBytes());
    expect(vanban(['batch', join(input, 'seed.txt'), join(root, 'seed.txt'), '-o', clash]).status).toBe(0);
    expect(listFiles(clash)).toEqual(['manifest.ndjson', 'seed.txt.json', 'seed.txt~2.json']);
  });

  it('a pattern may hold {a,b} alternatives and [..] classes', () => {
    const out = join(root, 'out-brace');
    const r = vanban(['batch', `${input}/{2023,word}/**/*.{txt,docx}`, `${input}/[sx]*`, '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(listFiles(out)).toEqual(
      ['2023/q4/wrapped.txt.json', '2023/utf16.txt.json', ...(hasDocx ? ['word/plain.docx.json'] : []), 'manifest.ndjson', 'seed.txt.json', 'x.txt/inner.txt.json'].sort(),
    );
    // [sx]* took scan.pdf too: listed as skipped, not converted.
    expect(manifestLines(out).find((l) => l.path.endsWith('scan.pdf'))).toMatchObject({ status: 'skipped' });
  });

  it('a missing file or a pattern that matches nothing is a failed input, not a lost batch', () => {
    const out = join(root, 'out-missing');
    const r = vanban(['batch', join(input, 'seed.txt'), join(root, 'nope.txt'), `${root}/nothing/*.docx`, '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 đã chuyển đổi, 2 lỗi/);
    const lines = new Map(manifestLines(out).map((l) => [l.path, [l.status, l.reason]]));
    expect(lines).toEqual(
      new Map([
        [join(input, 'seed.txt'), ['ok', null]],
        [join(root, 'nope.txt'), ['error', 'no such file']],
        [`${root}/nothing/*.docx`, ['error', 'no files match the pattern']],
      ]),
    );
  });

  it('an output folder inside the input folder is not read back as input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-inside-'));
    writeFileSync(join(dir, 'a.txt'), seedBytes());
    expect(vanban(['batch', dir, '-o', join(dir, 'json')]).status).toBe(0);
    expect(vanban(['batch', dir, '-o', join(dir, 'json')]).status).toBe(0);
    expect(latestLines(join(dir, 'json'))).toHaveLength(1);
    expect(manifestLines(join(dir, 'json'))).toHaveLength(2); // one line per run
  });
});

describe('usage', () => {
  it('exit 2 on no inputs, no --out, a bad flag or a bad number', () => {
    const seed = join(input, 'seed.txt');
    expect(vanban(['batch', '--out', join(root, 'u')]).status).toBe(2);
    expect(vanban(['batch', seed]).status).toBe(2);
    expect(vanban(['batch', seed, '--out', join(root, 'u'), '--frobnicate']).status).toBe(2);
    expect(vanban(['batch', seed, '--out', join(root, 'u'), '--concurrency', '0']).status).toBe(2);
    expect(vanban(['batch', seed, '--out', join(root, 'u'), '--concurrency', 'many']).status).toBe(2);
    const r = vanban(['batch', seed]);
    expect(r.stderr).toMatch(/missing --out/);
  });

  it('an --out that is a file fails with one line', () => {
    const r = vanban(['batch', join(input, 'seed.txt'), '--out', join(input, 'seed.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^vanban: .*seed\.txt: is a file, not a folder \(--out\)$/);
  });

  it('--help explains the command with an example', () => {
    const r = vanban(['batch', '--help']);
    expect(r.status).toBe(0);
    for (const word of ['--out', '--concurrency', '--resume', '--csv', '--ndjson', '--quiet', 'manifest.ndjson', 'NO_COLOR', 'Example', 'Exit status']) {
      expect(r.stdout).toContain(word);
    }
    expect(vanban(['--help']).stdout).toMatch(/\n {2}batch +convert/);
  });
});
