import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Programme } from '../../src/model/programme.js';
import { seedEdits } from '../diff/seed-edits.js';

// The installed bin (npm test builds first).
const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(root, 'dist/bundle/vanban.js');
const seed = join(root, 'fixtures/seed/programme-2024-hau-giang-draft.txt');
const docx = (name: string) => join(root, 'fixtures/docx', name);
const tmp = mkdtempSync(join(tmpdir(), 'vanban-options-'));
const missing = join(tmp, 'khong-co.txt');

/** The CLI in a Vietnamese locale unless `env` says otherwise. */
function vanban(args: string[], env: Record<string, string> = {}, input?: string | Buffer) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', ...env },
  });
}

const stderrLines = (r: { stderr: string }) => r.stderr.split('\n').filter(Boolean);
const fresh = (name: string) => {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('the input options on every command that reads files', () => {
  const reading = ['--max-size', '50MB', '--revision', 'accepted', '--no-mammoth', '--lang', 'vi', '--timeout', '60', '--max-memory', '256MB'];
  const commands: Array<[string, string[]]> = [
    ['parse', [seed]],
    ['outline', [seed]],
    ['text', [seed]],
    ['lint', [seed]],
    ['diff', [seed, docx('plain.docx')]],
    ['batch', [seed, '--out', fresh('batch-accepts')]],
  ];

  it.each(commands)('%s accepts them all and reads the file (in a worker, with the limits)', (command, args) => {
    const r = vanban([command, ...reading, ...args]);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('vanban:') && !l.startsWith('vanban batch:'))).toEqual([]);
    expect(r.status).toBe(0);
  });

  it.each(commands)('%s applies --max-size: the seed is refused in one line, exit 1', (command, args) => {
    const r = vanban([command, '--max-size', '1KB', ...args]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/programme-2024-hau-giang-draft\.txt: too large: .* \(--max-size\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each(commands)('%s refuses a bad value or an unknown option with exit 2', (command, args) => {
    for (const bad of [['--lang', 'fr'], ['--max-size', 'lots'], ['--revision', 'both'], ['--timeout', 'soon'], ['--nope']]) {
      const r = vanban([command, ...bad, ...args]);
      expect(r.status, `${command} ${bad.join(' ')}`).toBe(2);
      expect(stderrLines(r)[0]).toMatch(/^vanban: /);
    }
  });
});

describe('several files', () => {
  it('parse prints one JSON per line (NDJSON), in the order given', () => {
    const r = vanban(['parse', seed, docx('plain.docx')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const models = lines.map((l) => JSON.parse(l) as Programme);
    expect(models.map((m) => m.source.format)).toEqual(['txt', 'docx']);
    expect(models[0]!.conferences).toHaveLength(5);
    expect(vanban(['parse', '--pretty', seed, seed]).status).toBe(2);
  });

  it('parse --out DIR writes one file each, named after the input, whole', () => {
    const out = join(fresh('parse-out'), 'made');
    const r = vanban(['parse', seed, docx('plain.docx'), '--out', out, '--pretty']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['plain.docx.json', 'programme-2024-hau-giang-draft.txt.json']);
    const model = JSON.parse(readFileSync(join(out, 'programme-2024-hau-giang-draft.txt.json'), 'utf8')) as Programme;
    expect(model).toEqual(JSON.parse(vanban(['parse', seed]).stdout));
    // Two inputs of one name do not overwrite each other.
    const other = join(fresh('other'), 'programme-2024-hau-giang-draft.txt');
    writeFileSync(other, readFileSync(seed));
    const twice = fresh('parse-out-twice');
    expect(vanban(['parse', seed, other, '--out', twice]).status).toBe(0);
    expect(readdirSync(twice).sort()).toEqual(['programme-2024-hau-giang-draft.txt.json', 'programme-2024-hau-giang-draft.txt~2.json']);
  });

  it('outline and text print each file under a heading line', () => {
    for (const command of ['outline', 'text']) {
      const r = vanban([command, seed, docx('plain.docx')]);
      expect(r.status).toBe(0);
      const headings = r.stdout.split('\n').filter((l) => l.startsWith('==> '));
      expect(headings).toEqual([`==> ${seed} <==`, `==> ${docx('plain.docx')} <==`]);
      expect(r.stdout.startsWith(`==> ${seed} <==\n`)).toBe(true);
    }
    // One file: no heading, the output as before.
    expect(vanban(['text', seed]).stdout.split('\n')[0]).toBe('TỈNH ỦY HẬU GIANG');
  });

  it('an unreadable file among good ones: its one-line error, the others still processed, exit 1', () => {
    const parse = vanban(['parse', seed, missing, docx('plain.docx')]);
    expect(parse.status).toBe(1);
    expect(stderrLines(parse)).toEqual([`vanban: ${missing}: no such file`]);
    expect(parse.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as Programme).source.format)).toEqual(['txt', 'docx']);

    for (const command of ['outline', 'text']) {
      const r = vanban([command, missing, seed, join(root, 'fixtures/broken')]);
      expect(r.status, command).toBe(1);
      expect(stderrLines(r)).toHaveLength(2);
      expect(stderrLines(r)[0]).toBe(`vanban: ${missing}: no such file`);
      expect(r.stdout.startsWith(`==> ${seed} <==\n`)).toBe(true); // the first heading is the first file read
      expect(r.stdout).not.toContain('khong-co.txt');
    }
  });

  it('stdin may be one of them, once', () => {
    const r = vanban(['parse', '-', docx('plain.docx')], {}, readFileSync(seed));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout.split('\n')[0]!) as Programme).conferences).toHaveLength(5);
    expect(vanban(['text', '-', '-'], {}, '').status).toBe(2);
  });
});

describe('-o/--output FILE', () => {
  it('writes what stdout would show, on parse, outline, text, schema, diff and lint', () => {
    const dir = fresh('output');
    const cases: string[][] = [['parse', seed], ['outline', seed], ['text', seed, docx('plain.docx')], ['schema'], ['diff', seed, docx('plain.docx')], ['lint', seed]];
    for (const args of cases) {
      const target = join(dir, `${args[0]}.out`);
      const r = vanban([...args, '-o', target]);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toBe('');
      expect(readFileSync(target, 'utf8')).toBe(vanban(args).stdout);
      expect(vanban([...args, '--output', target]).status).toBe(0);
    }
    // Only the finished files: no temporary file is left beside them.
    expect(readdirSync(dir).sort()).toEqual(cases.map((c) => `${c[0]}.out`).sort());
  });

  it('replaces a file whole, and leaves it as it was when nothing could be read', () => {
    const target = join(fresh('replace'), 'model.json');
    writeFileSync(target, 'the previous run\n');
    expect(vanban(['parse', seed, '-o', target]).status).toBe(0);
    expect((JSON.parse(readFileSync(target, 'utf8')) as Programme).conferences).toHaveLength(5);
    const before = readFileSync(target, 'utf8');
    const r = vanban(['parse', missing, '-o', target]);
    expect(r.status).toBe(1);
    expect(stderrLines(r)).toEqual([`vanban: ${missing}: no such file`]);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(readdirSync(join(tmp, 'replace'))).toEqual(['model.json']);
  });

  it('a failed write is one line and exit 1', () => {
    const target = join(tmp, 'no-such-folder', 'model.json');
    const r = vanban(['parse', seed, '-o', target]);
    expect(r.status).toBe(1);
    expect(stderrLines(r)).toEqual([`vanban: cannot write ${target}: no such file`]);
    expect(existsSync(target)).toBe(false);
    const folder = vanban(['text', seed, '-o', tmp]);
    expect([folder.status, stderrLines(folder)]).toEqual([1, [`vanban: cannot write ${tmp}: is a directory, not a file`]]);
    if (existsSync('/dev/full')) {
      const full = vanban(['parse', seed, '-o', '/dev/full']);
      expect([full.status, stderrLines(full)]).toEqual([1, ['vanban: cannot write /dev/full: no space left on device (ENOSPC)']]);
    }
  });

  it('writes into a device instead of renaming over it, and through a link to its file', () => {
    expect(vanban(['schema', '-o', '/dev/null']).status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const dir = fresh('linked');
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'link.json'));
    expect(vanban(['schema', '-o', join(dir, 'link.json')]).status).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.json'), 'utf8')).toBe(vanban(['schema']).stdout);
  });

  it('refuses an output that is one of the inputs (exit 2), and leaves the input alone', () => {
    const input = join(fresh('clash'), 'draft.txt');
    writeFileSync(input, readFileSync(seed));
    for (const args of [['parse', input], ['outline', seed, input], ['text', input], ['diff', seed, input], ['lint', input]]) {
      const r = vanban([...args, '-o', input]);
      expect(r.status, args[0]).toBe(2);
      expect(stderrLines(r)[0]).toMatch(/is also an input/);
    }
    // The same file under another name (a relative path from elsewhere) is caught too.
    const r = spawnSync(process.execPath, [CLI, 'text', 'draft.txt', '-o', input], { cwd: join(tmp, 'clash'), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(readFileSync(input)).toEqual(readFileSync(seed));
  });
});

describe('the language: Vietnamese by default, English with --lang en or an English locale', () => {
  const english = { LANG: 'en_US.UTF-8' };

  it('outline', () => {
    expect(vanban(['outline', seed]).stdout).toContain('5 hội nghị, 26 nội dung');
    const en = vanban(['outline', seed], english).stdout;
    expect(en).toMatch(/5 conferences, 26 items/);
    expect(vanban(['outline', '--lang', 'en', seed]).stdout).toBe(en);
    // The flag wins over the locale; LC_ALL over LANG.
    expect(vanban(['outline', '--lang', 'vi', seed], english).stdout).toContain('5 hội nghị');
    expect(vanban(['outline', seed], { LANG: 'en_GB.UTF-8', LC_ALL: 'vi_VN.UTF-8' }).stdout).toContain('5 hội nghị');
    expect(vanban(['outline', seed], { LC_MESSAGES: 'en_US.UTF-8' }).stdout).toMatch(/5 conferences/);
  });

  it('lint findings and their count', () => {
    const vi = vanban(['lint', seed]);
    expect(vi.stdout).toMatch(/nhưng năm 2024 là năm thứ 10 \(anniversary-mismatch\)/);
    expect(vi.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 cảnh báo, 0 lỗi/);
    const en = vanban(['lint', seed], english);
    expect(en.stdout).not.toMatch(/cảnh báo/);
    expect(en.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 warnings, 0 errors/);
  });

  it('diff, as text and as Markdown', () => {
    const revised = join(fresh('diff-lang'), 'revised.txt');
    writeFileSync(revised, seedEdits['remove an item (renumbering the rest)']!());
    const vi = vanban(['diff', seed, revised]);
    expect(vi.status).toBe(1);
    expect(vi.stdout).toMatch(/Bỏ mục \(3\)/);
    expect(vi.stdout.trimEnd().split('\n').at(-1)).toBe('1 thay đổi: 1 bỏ.');
    const en = vanban(['diff', seed, revised], english);
    expect(en.status).toBe(1);
    expect(en.stdout).toMatch(/Removed item \(3\)/);
    expect(en.stdout.trimEnd().split('\n').at(-1)).toBe('1 change: 1 removed.');
    const md = vanban(['diff', '--format', 'md', '--lang', 'en', seed, revised]).stdout;
    expect(md).toMatch(/^# Changes: /);
    expect(md).toContain('1 change: 1 removed.');
    expect(md).toContain('- **Removed item (3)**: ~~');
    expect(md).not.toMatch(/thay đổi|Bỏ mục/);
    expect(vanban(['diff', '--tracked', docx('tracked-changes.docx')], english).stdout).toMatch(/\(original\) → .*\(changes accepted\)/);
  });

  it("batch's closing line", () => {
    const vi = vanban(['batch', seed, '--out', fresh('batch-vi')]);
    expect(stderrLines(vi).at(-1)).toMatch(/^vanban batch: 1 đầu vào: 1 đã chuyển đổi, 0 lỗi, 0 không đổi, 0 bỏ qua, 0 chưa nhận dạng được trong \d+,\d giây/);
    const en = vanban(['batch', seed, '--out', fresh('batch-en')], english);
    expect(stderrLines(en).at(-1)).toMatch(/^vanban batch: 1 input: 1 converted, 0 failed, 0 unchanged, 0 skipped, 0 not understood in \d+\.\d s/);
  });

  it("the reader's findings: Vietnamese and English, with a position in the normalized text", () => {
    const tracked = JSON.parse(vanban(['parse', docx('tracked-changes.docx')]).stdout) as Programme;
    const shown = tracked.diagnostics.find((d) => d.code === 'ingest-info' && d.messageEn.startsWith('tracked changes'))!;
    expect(shown).toMatchObject({ message: 'tệp có theo dõi thay đổi: đang hiển thị văn bản đã chấp nhận mọi thay đổi', line: 1, column: 1 });
    for (const d of tracked.diagnostics.filter((x) => x.code.startsWith('ingest-'))) expect(d.message).not.toBe(d.messageEn);

    // Bytes that are not UTF-8, in the middle of an indented line: the column is in the normalized line.
    const lines = readFileSync(seed, 'utf8').split('\n');
    const bytes = Buffer.concat([Buffer.from(`${lines.slice(0, 5).join('\n')}\n   Hội  nghị `), Buffer.from([0xff]), Buffer.from(` tỉnh\n${lines.slice(5).join('\n')}`)]);
    const damaged = join(fresh('damaged'), 'damaged.txt');
    writeFileSync(damaged, bytes);
    const model = JSON.parse(vanban(['parse', damaged]).stdout) as Programme;
    const bad = model.diagnostics.find((d) => d.code === 'ingest-warning')!;
    expect(bad.message).toMatch(/^1 chuỗi byte không hợp lệ UTF-8/);
    expect(bad.messageEn).toMatch(/^1 byte sequence is not valid UTF-8/);
    const text = vanban(['text', damaged]).stdout.split('\n');
    expect(bad.line).toBe(6);
    expect(text[bad.line! - 1]![bad.column! - 1]).toBe('\ufffd');
    const lint = vanban(['lint', damaged], english).stdout;
    expect(lint).toContain(`${damaged}:6:${bad.column} warning 1 byte sequence is not valid UTF-8`);
  });
});

describe('exit statuses', () => {
  it('diff: 0 for the same drafts, 1 when they differ, 2 for a usage error; -q prints nothing', () => {
    const revised = join(fresh('diff-exit'), 'revised.txt');
    writeFileSync(revised, seedEdits['remove an item (renumbering the rest)']!());
    expect(vanban(['diff', seed, docx('plain.docx')]).status).toBe(0);
    const same = vanban(['diff', '-q', seed, docx('plain.docx')]);
    expect([same.status, same.stdout]).toEqual([0, '']);
    const differ = vanban(['diff', '--quiet', seed, revised]);
    expect([differ.status, differ.stdout, differ.stderr]).toEqual([1, '', '']);
    expect(vanban(['diff', seed]).status).toBe(2);
    expect(vanban(['diff', '--tracked', '--revision', 'original', docx('tracked-changes.docx')]).status).toBe(2);
  });

  it('every command: 2 for a usage error, with a hint to its help', () => {
    for (const command of ['parse', 'outline', 'text', 'schema', 'diff', 'lint', 'batch']) {
      const r = vanban([command, '--no-such-option']);
      expect(r.status, command).toBe(2);
      expect(stderrLines(r)).toEqual([expect.stringMatching(/^vanban: /), `Try "vanban ${command} --help".`]);
      expect(vanban([command, '-h']).status).toBe(0);
    }
    expect(vanban(['parse']).status).toBe(2);
    expect(vanban(['schema', seed]).status).toBe(2);
  });

  it('--help lists the shared exit statuses once, from the shared table', () => {
    const help = vanban(['--help']).stdout;
    expect(help).toMatch(/Exit status, the same for every command:\n {2}0 {2}success\n {2}1 {2}.*difference.*\n {2}2 {2}usage error/);
  });
});
