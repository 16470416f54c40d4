import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile, openTemp, writeAll, type OpenTemp } from '../../src/batch/atomic.js';
import { runBatch } from '../../src/batch/run.js';
import { seedBytes } from '../helpers.js';
import { CLI, lastRun, latestLines, listFiles, manifestLines, vanban } from './cli.js';

const linux = process.platform === 'linux';
/** Temporary files whose writes fail as on a full disk: /dev/full answers every write with ENOSPC. */
const fullFor =
  (match: (temp: string) => boolean): OpenTemp =>
  (temp) =>
    match(temp) ? open('/dev/full', 'w') : openTemp(temp);

function archive(files: string[]): { dir: string; input: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-safety-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const name of files) writeFileSync(join(input, name), seedBytes());
  return { dir, input, out: join(dir, 'out') };
}

describe.runIf(linux)('a full disk', () => {
  it('an export that cannot be written fails with one line; the previous export stays, no temporary file is left', async () => {
    const { dir, input, out } = archive(['a.txt', 'b.txt']);
    const csv = join(dir, 'items.csv');
    writeFileSync(csv, 'the previous export\n');
    const run = runBatch({ inputs: [input], out, concurrency: 1, maxSize: 1e8, exports: { csv }, openTemp: fullFor((t) => t.includes('items.csv')) });
    await expect(run).rejects.toThrow(`cannot write ${csv}: no space left on device (ENOSPC)`);
    expect(readFileSync(csv, 'utf8')).toBe('the previous export\n');
    expect(listFiles(dir).filter((f) => f.endsWith('.vanban-tmp') || f.endsWith('.lock'))).toEqual([]);
    expect(latestLines(out).map((l) => l.status)).toEqual(['ok', 'ok']); // the outputs were fine
  });

  it('an output that cannot be written stops the run with one line naming it; the manifest stays whole for --resume', async () => {
    // More files than the run keeps in flight: those already read when the write failed may still
    // finish (how many depends on timing), none is started after it.
    const names = Array.from({ length: 16 }, (_, i) => `${String.fromCharCode(97 + i)}.txt`);
    const { input, out } = archive(names);
    const run = runBatch({ inputs: [input], out, concurrency: 1, maxSize: 1e8, openTemp: fullFor((t) => t.includes('b.txt.json')) });
    await expect(run).rejects.toThrow(`cannot write ${join(out, 'b.txt.json')}: no space left on device (ENOSPC)`);
    const lines = manifestLines(out);
    expect(lines.find((l) => l.path.endsWith('b.txt'))).toMatchObject({ status: 'error', reason: expect.stringContaining('ENOSPC') });
    expect(lines.length).toBeLessThan(names.length); // stopped, not carried on through every file
    expect(listFiles(out).filter((f) => f.endsWith('.vanban-tmp') || f.endsWith('.lock'))).toEqual([]);
    const resumed = await runBatch({ inputs: [input], out, concurrency: 1, maxSize: 1e8, resume: true });
    expect(resumed).toMatchObject({ failed: 0, converted: names.length - lines.filter((l) => l.status === 'ok').length });
  });

  it('the CLI says so in one line and exits 1, in every command that writes to stdout', () => {
    const seed = join(archive(['seed.txt']).input, 'seed.txt');
    const full = openSync('/dev/full', 'w');
    for (const args of [['parse', seed], ['outline', seed], ['text', seed], ['lint', seed], ['diff', seed, seed], ['schema']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toBe('vanban: cannot write standard output: no space left on device (ENOSPC)\n');
    }
  });
});

describe('writes that stop short', () => {
  /** A file handle that takes at most `max` bytes per write, as a disk filling up may. */
  const stingy = (max: number, sink: number[]) =>
    ({
      write: async (data: Uint8Array, offset: number, length: number) => {
        const n = Math.min(max, length);
        sink.push(...data.subarray(offset, offset + n));
        return { bytesWritten: n };
      },
    }) as unknown as FileHandle;

  it('are carried on until every byte is written', async () => {
    const sink: number[] = [];
    await writeAll(stingy(3, sink), Buffer.from('Văn phòng Tỉnh ủy'));
    expect(Buffer.from(sink).toString()).toBe('Văn phòng Tỉnh ủy');
  });

  it('fail when the disk takes nothing more', async () => {
    await expect(writeAll(stingy(0, []), Buffer.from('x'))).rejects.toMatchObject({ code: 'EIO' });
  });

  it('a long name (over 226 bytes) still gets a temporary file, and the file is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-long-'));
    const name = `${'ộ'.repeat(78)}.txt.json`; // 243 bytes: 'ộ' is three in UTF-8
    expect(Buffer.byteLength(name)).toBeGreaterThan(226);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    const file = await AtomicFile.create(join(dir, name));
    await file.write('{}\n');
    await file.commit();
    expect(listFiles(dir)).toEqual([name]);
  });
});

describe('exports may not overwrite what the run reads or writes', () => {
  const { dir, input, out } = archive(['a.txt', 'b.txt']);
  const cases: [string, string[], RegExp][] = [
    ['an input', ['--ndjson', join(input, 'a.txt')], /--ndjson .*a\.txt would overwrite the input .*a\.txt/],
    ['an input through a link', ['--csv', join(dir, 'link-to-in', 'b.txt')], /would overwrite the input .*b\.txt/],
    ['an output', ['--ndjson', join(out, 'a.txt.json')], /would overwrite the output .*a\.txt\.json/],
    ['the manifest', ['--csv', join(out, 'manifest.ndjson')], /would overwrite the manifest/],
    ['the other export', ['--csv', join(dir, 'x'), '--ndjson', join(dir, 'x')], /--ndjson .*x would overwrite the --csv export/],
  ];
  symlinkSync(input, join(dir, 'link-to-in'));
  for (const [what, args, message] of cases) {
    it(`refuses ${what}: usage error, exit 2, nothing touched`, () => {
      const before = readFileSync(join(input, 'a.txt'));
      const r = vanban(['batch', input, '--out', out, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(message);
      expect(readFileSync(join(input, 'a.txt'))).toEqual(before);
      expect(existsSync(join(out, 'manifest.ndjson'))).toBe(false);
    });
  }
});

describe('the output folder', () => {
  it('the sweep of temporary files never follows a link out of it', () => {
    const { dir, input, out } = archive(['a.txt']);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, '.keep.json.1-1.vanban-tmp'), 'not ours to remove');
    mkdirSync(join(out, 'sub'), { recursive: true });
    writeFileSync(join(out, 'sub', '.a.txt.json.1-1.vanban-tmp'), 'left by a killed run');
    symlinkSync(elsewhere, join(out, 'link'));
    expect(vanban(['batch', input, '--out', out]).status).toBe(0);
    expect(existsSync(join(elsewhere, '.keep.json.1-1.vanban-tmp'))).toBe(true);
    expect(existsSync(join(out, 'sub', '.a.txt.json.1-1.vanban-tmp'))).toBe(false);
  });

  it('is locked: a second run is refused while the first runs; a dead run’s lock is taken over', () => {
    const { input, out } = archive(['a.txt']);
    mkdirSync(out);
    // This test process stands for a batch that is still running.
    writeFileSync(join(out, '.vanban.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    writeFileSync(join(out, '.x.json.1-1.vanban-tmp'), 'the running batch’s');
    const refused = vanban(['batch', input, '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `vanban: ${out}: another vanban batch (pid ${process.pid}) is writing to this folder; wait for it to end, or remove ${join(out, '.vanban.lock')} if it is not running`,
    );
    expect(existsSync(join(out, '.x.json.1-1.vanban-tmp'))).toBe(true); // its temporary files untouched
    expect(existsSync(join(out, 'manifest.ndjson'))).toBe(false);

    const dead = Number(execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }));
    writeFileSync(join(out, '.vanban.lock'), JSON.stringify({ pid: dead, host: hostname() }));
    const taken = vanban(['batch', input, '--out', out]);
    expect(taken.status, taken.stderr).toBe(0);
    expect(listFiles(out)).toEqual(['a.txt.json', 'manifest.ndjson']); // the stale temp swept, the lock released
  });
});

describe('--resume and the options that shape the outputs', () => {
  it('redoes the files when --revision, --pretty or --rule differ from the run that made them', () => {
    const { input, out } = archive(['a.txt', 'b.txt']);
    const statuses = (...more: string[]) => {
      const r = vanban(['batch', input, '--out', out, '--resume', ...more]);
      expect(r.status, r.stderr).toBe(0);
      return lastRun(out).map((l) => l.status);
    };
    expect(statuses()).toEqual(['ok', 'ok']);
    expect(statuses()).toEqual(['unchanged', 'unchanged']);
    expect(statuses('--revision', 'original')).toEqual(['ok', 'ok']);
    expect(lastRun(out)[0]!.options).toEqual({ revision: 'original', mammoth: 'auto', pretty: false, rules: {} });
    expect(statuses('--revision', 'original')).toEqual(['unchanged', 'unchanged']);
    expect(statuses('--revision', 'original', '--pretty')).toEqual(['ok', 'ok']);
    expect(readFileSync(join(out, 'a.txt.json'), 'utf8')).toContain('\n  "');
    const rules = ['--rule', 'unbalanced-quotes=off', '--rule', 'item-unattributed=error'];
    expect(statuses('--revision', 'original', '--pretty', ...rules)).toEqual(['ok', 'ok']);
    // The same rules in another order shape the same outputs.
    expect(statuses('--revision', 'original', '--pretty', ...rules.slice(2), ...rules.slice(0, 2))).toEqual(['unchanged', 'unchanged']);
  });
});


describe.runIf(linux)('inputs that are not plain files', () => {
  const { dir, input, out } = archive(['a.txt']);
  writeFileSync(join(dir, 'secret.txt'), 'root:x:0:0:root:/root:/bin/bash\n');
  symlinkSync(join(dir, 'secret.txt'), join(input, 'passwd.txt'));
  symlinkSync(join(input, 'a.txt'), join(input, 'inside.txt'));
  symlinkSync(join(input, 'nowhere.txt'), join(input, 'dangling.txt'));
  symlinkSync(join(input, 'loop2.txt'), join(input, 'loop1.txt'));
  symlinkSync(join(input, 'loop1.txt'), join(input, 'loop2.txt'));
  symlinkSync(dir, join(input, 'up'));
  execFileSync('mkfifo', [join(input, 'pipe.txt')]);
  const long = `${'ộ'.repeat(78)}.txt`; // 238 bytes; its output 243, its temporary file more
  writeFileSync(join(input, long), seedBytes());

  it('each gets a skipped line with its reason and is never opened; a link out of the archive is not read', () => {
    const r = vanban(['batch', input, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(latestLines(out).map((l) => [l.path.slice(input.length + 1), l.status, l.reason])).toEqual([
      ['a.txt', 'ok', null],
      ['dangling.txt', 'skipped', 'dangling link (its target does not exist)'],
      ['inside.txt', 'ok', null],
      ['loop1.txt', 'skipped', 'link loop'],
      ['loop2.txt', 'skipped', 'link loop'],
      ['passwd.txt', 'skipped', `link to a file outside the input folders (${join(dir, 'secret.txt')}); --follow-links reads it`],
      ['pipe.txt', 'skipped', 'not a regular file (a FIFO)'],
      ['up', 'skipped', 'link to a folder (not followed)'],
      [long, 'ok', null],
    ]);
    expect(listFiles(out)).toEqual(['a.txt.json', 'inside.txt.json', 'manifest.ndjson', `${long}.json`]);
  });

  it('--follow-links reads the link out of the archive', () => {
    const followed = join(dir, 'followed');
    vanban(['batch', input, '--out', followed, '--follow-links']);
    expect(manifestLines(followed).find((l) => l.path.endsWith('passwd.txt'))).toMatchObject({ status: 'ok' });
  });

  it('a FIFO named on the command line is refused, not waited on', () => {
    const fifo = join(input, 'pipe.txt');
    const parsed = vanban(['parse', fifo]);
    expect([parsed.status, parsed.stderr]).toEqual([1, `vanban: ${fifo}: not a regular file (a FIFO)\n`]);
    const batched = vanban(['batch', fifo, '--out', join(dir, 'fifo-out')]);
    expect(batched.status).toBe(1);
    expect(manifestLines(join(dir, 'fifo-out'))).toMatchObject([{ status: 'error', reason: 'not a regular file (a FIFO)' }]);
  });

  it('the output folder is not read back as input, however the input folder is spelled', () => {
    const spelled = join(dir, 'spelled');
    symlinkSync(input, spelled);
    const inside = join(input, 'json');
    for (let run = 0; run < 2; run++) expect(vanban(['batch', join(spelled, 'a.txt'), spelled, '--out', inside]).status).toBe(0);
    expect(manifestLines(inside).filter((l) => l.path.includes('json'))).toEqual([]);
  });
});
