import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { READERS, detectFormat, FORMATS } from '../../src/ingest/file.js';
import { Programme } from '../../src/model/programme.js';
import { parseFile } from '../../src/parse-file.js';
import { process as processBytes } from '../../src/process.js';
import { corpusPath } from '../emit/plan.js';
import { SEED_PATH, seedBytes } from '../helpers.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const vanban = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const seed = fileURLToPath(SEED_PATH);
const tmp = mkdtempSync(join(tmpdir(), 'vanban-process-'));
const copy = (from: string, name: string) => {
  const to = join(tmp, name);
  copyFileSync(from, to);
  return to;
};

describe('readers: one table, by extension and magic bytes', () => {
  it('every extension comes from the table, each format has one reader', () => {
    expect(READERS.map((r) => r.format).sort()).toEqual(['doc', 'docx', 'html', 'md', 'txt']);
    expect(FORMATS).toMatchObject({ '.docx': 'docx', '.doc': 'doc', '.htm': 'html', '.html': 'html', '.md': 'md', '.txt': 'txt', '': 'txt' });
  });

  it('magic bytes win over the name: a zip is a .docx and an OLE2 file a .doc, whatever they are called', () => {
    const docx = readFileSync(fixture('docx/plain.docx'));
    const doc = readFileSync(fixture('docx/seed.doc'));
    expect(detectFormat(docx, 'renamed.doc')).toBe('docx');
    expect(detectFormat(doc, 'renamed.docx')).toBe('doc');
    expect(detectFormat(doc, 'archive.txt')).toBe('doc');
    expect(detectFormat(doc, null)).toBe('doc');
  });

  it('otherwise the extension, then (no name) the content', () => {
    const page = Buffer.from('<!doctype html><html><body><p>Nội dung</p></body></html>');
    expect(detectFormat(page, 'page.txt')).toBe('txt'); // the user named it text
    expect(detectFormat(page, 'page')).toBe('html');
    expect(detectFormat(page, null)).toBe('html');
    expect(detectFormat(Buffer.from('# Kế hoạch'), 'notes.md')).toBe('md');
    expect(detectFormat(Buffer.from('PKnot a zip'), 'x.txt')).toBe('txt'); // "PK" alone is not a zip
  });
});

describe('process(bytes, name, options)', () => {
  it('gives the model parseFile gives, with the diagnostics as messages naming the file', async () => {
    const { model, messages } = await processBytes(seedBytes(), 'seed.txt');
    expect(model).toEqual(Programme.parse({ ...(await parseFile(seed)), source: { ...model.source } }));
    expect(model.source).toMatchObject({ file: 'seed.txt', format: 'txt' });
    expect(messages.map((m) => m.code)).toEqual(model.diagnostics.map((d) => d.code));
    expect(messages.every((m) => m.file === 'seed.txt')).toBe(true);
  });

  it('reads a real .doc that was renamed .docx as the .doc it is', async () => {
    const { model } = await processBytes(readFileSync(fixture('broken/doc-renamed.docx')), 'du-thao.docx');
    expect(model.source.format).toBe('doc');
    expect(model.header.issuer).toBe('TỈNH ỦY HẬU GIANG');
    expect(model.conferences.length).toBe(5);
  });

  it('rejects bad bytes with an InputError naming the file', async () => {
    await expect(processBytes(new Uint8Array(), 'empty.txt')).rejects.toThrow(new InputError('the file is empty', 'empty.txt'));
    await expect(processBytes(readFileSync(fixture('broken/truncated.docx')), 'cut.docx')).rejects.toThrow(/^cut\.docx: corrupt \.docx/);
    await expect(processBytes(new Uint8Array(), null)).rejects.toThrow(/^<stdin>: /);
  });

  it('applies rule settings: off drops a code, a level replaces its severity', async () => {
    const plain = (await processBytes(seedBytes(), 's.txt')).model.diagnostics;
    expect(plain.map((d) => d.code)).toContain('anniversary-mismatch');
    const { model } = await processBytes(seedBytes(), 's.txt', { rules: { 'anniversary-mismatch': 'error', 'unbalanced-quotes': 'off' } });
    expect(model.diagnostics.filter((d) => d.code === 'unbalanced-quotes')).toEqual([]);
    expect(model.diagnostics.find((d) => d.code === 'anniversary-mismatch')!.severity).toBe('error');
    expect(model.diagnostics.length).toBe(plain.length - plain.filter((d) => d.code === 'unbalanced-quotes').length);
  });
});

describe('the CLI reads through the processor', () => {
  it('parse reads a .doc renamed .docx, and a .docx renamed .doc, by their magic bytes', () => {
    for (const [from, name, format] of [
      ['broken/doc-renamed.docx', 'du-thao.docx', 'doc'],
      ['docx/plain.docx', 'du-thao.doc', 'docx'],
    ] as const) {
      const r = vanban(['parse', copy(fixture(from), name)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).source.format).toBe(format);
    }
  });

  it('parse --format writes outline, csv and ndjson with the same writers as batch', () => {
    expect(vanban(['parse', '--format', 'outline', seed]).stdout).toBe(vanban(['outline', seed]).stdout);
    const csv = vanban(['parse', '--format', 'csv', seed]).stdout;
    expect(csv.startsWith('\ufefffile,year,conference,month,item,action,citations,leadAgencies,text,kind,')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(27);
    expect(vanban(['parse', '--format', 'ndjson', seed]).stdout.split('\n')).toHaveLength(2);
    const bad = vanban(['parse', '--format', 'xml', seed]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('vanban: --format must be json, ndjson, csv, outline, not "xml"');
  });

  it('outline of a real schedule and plan shows the generic tree, not an empty programme', () => {
    const r = vanban(['outline', fileURLToPath(corpusPath('found/101-bentre-hdnd-lich-lam-viec-tuan-21-2018.txt'))]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Thể loại: Lịch công tác (schedule)');
    expect(r.stdout).toMatch(/^Lịch \(\d+\):$/m);
    expect(r.stdout).not.toContain('0 hội nghị');
  });
});

describe('--rule CODE=off|info|warning|error', () => {
  it('lint: off hides a rule, error makes it fail the run', () => {
    const plain = vanban(['lint', seed]);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('(anniversary-mismatch)');
    const off = vanban(['lint', '--rule', 'anniversary-mismatch=off', '--rule', 'term-date-mismatch=off', seed]);
    expect(off.stdout).not.toContain('(anniversary-mismatch)');
    expect(off.stdout.trim().split('\n').at(-1)).toBe('0 cảnh báo, 0 lỗi, 2 thông tin');
    const strict = vanban(['lint', '--rule', 'anniversary-mismatch=error', seed]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/:68:5 error .*\(anniversary-mismatch\)/);
  });

  it('reaches the document-level codes too (unclassified-text on a saved web page)', () => {
    const page = fileURLToPath(corpusPath('dev/007-ninh-binh-ubnd-kh130-2022-giam-sat-giam-ngheo.txt'));
    expect(vanban(['lint', page]).stdout).toContain('(unclassified-text)');
    expect(vanban(['lint', '--rule', 'unclassified-text=off', page]).stdout).not.toContain('(unclassified-text)');
  });

  it('parse takes the same settings', () => {
    const model = JSON.parse(vanban(['parse', '--rule', 'unbalanced-quotes=off', '--rule', 'anniversary-mismatch=info', seed]).stdout) as Programme;
    expect(model.diagnostics.some((d) => d.code === 'unbalanced-quotes')).toBe(false);
    expect(model.diagnostics.find((d) => d.code === 'anniversary-mismatch')!.severity).toBe('info');
  });

  const mistakes: [string[], string][] = [
    [['--rule', 'no-such-rule=off'], 'vanban: --rule: unknown rule "no-such-rule" (vanban lint --help lists them)'],
    [['--rule', 'anniversary-mismatch=loud'], 'vanban: --rule anniversary-mismatch: level must be off, info, warning or error, not "loud"'],
    [['--rule', 'anniversary-mismatch'], 'vanban: --rule: "anniversary-mismatch" is not CODE=off|info|warning|error'],
  ];
  for (const [args, message] of mistakes) {
    it(`${args.join(' ')} is a usage error with one line naming it`, () => {
      for (const command of ['lint', 'parse']) {
        const r = vanban([command, ...args, seed]);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.split('\n')[0]).toBe(message);
        expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      }
    });
  }

  it('lint --help lists the codes --rule takes', () => {
    const help = vanban(['lint', '--help']).stdout;
    for (const code of ['anniversary-mismatch', 'header-not-found', 'genre-unknown', 'unclassified-text']) expect(help).toContain(code);
    expect(help).toContain('--rule CODE=LEVEL');
  });
});

writeFileSync(join(tmp, '.keep'), '');
