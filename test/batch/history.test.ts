import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/batch/manifest.js';
import { seedBytes, seedText } from '../helpers.js';
import { lastRun, latestLines, manifestLines, vanban } from './cli.js';

// The manifest as the batch's history: runs append, --resume reads the latest line per input,
// a torn line is survived, old manifests still read, and --status sums it up.
const root = mkdtempSync(join(tmpdir(), 'vanban-history-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh archive: three programmes, an empty file (fails), a PDF (skipped). */
function archive(name: string): { input: string; out: string; manifest: string } {
  const input = join(root, name, 'in');
  mkdirSync(input, { recursive: true });
  for (const f of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(input, f), seedBytes());
  writeFileSync(join(input, 'empty.txt'), '');
  writeFileSync(join(input, 'scan.pdf'), '%PDF-1.4');
  const out = join(root, name, 'out');
  return { input, out, manifest: join(out, 'manifest.ndjson') };
}

describe('a torn last line', () => {
  it('left by a run killed mid-write is reported and ignored; --resume redoes that input and appends after it', async () => {
    const { input, out, manifest } = archive('torn');
    expect(vanban(['batch', input, '-o', out]).status).toBe(1);
    const text = readFileSync(manifest, 'utf8');
    const lines = text.trimEnd().split('\n');
    const last = JSON.parse(lines.at(-1)!) as { path: string };
    // kill -9 in the middle of the last write: half a line, no newline.
    truncateSync(manifest, Buffer.byteLength(text) - Math.floor(Buffer.byteLength(lines.at(-1)!) / 2));

    const resumed = vanban(['batch', input, '-o', out, '--resume']);
    expect(resumed.stderr).toContain(`${manifest}:${lines.length}: not a whole manifest line (a run killed while writing it?); ignored`);
    const history = readFileSync(manifest, 'utf8').split('\n');
    expect(history[lines.length - 1]).toBe(lines.at(-1)!.slice(0, history[lines.length - 1]!.length)); // kept, on its own line
    expect(() => JSON.parse(history[lines.length]!)).not.toThrow(); // the next run starts on a new line
    // The torn line vouched for nothing: its input was converted again (or failed or skipped again).
    const { lines: whole } = await readManifest(manifest);
    const second = whole.filter((l) => l.run === whole.at(-1)!.run);
    expect(second).toHaveLength(5);
    expect(second.find((l) => l.path === last.path)!.status).not.toBe('unchanged');
    expect(second.filter((l) => l.status === 'unchanged').length).toBe(['a.txt', 'b.txt', 'c.txt'].filter((f) => join(input, f) !== last.path).length);
    // --status says so too, and counts the inputs from their whole lines.
    const status = vanban(['batch', '--status', out, '--lang', 'en']);
    expect(status.stdout).toContain(`${manifest}:${lines.length}: not a whole manifest line`);
    expect(status.stdout).toMatch(/^.*5 inputs · 2 runs/);
  });

  it('readManifest returns the whole lines and the line numbers of the others', async () => {
    const dir = mkdtempSync(join(root, 'read-'));
    const path = join(dir, 'manifest.ndjson');
    const line = (p: string, status: string, run?: string) => JSON.stringify({ ...(run ? { run } : {}), path: p, status, output: null });
    writeFileSync(path, `${line('a.txt', 'ok')}\n${line('b.txt', 'error', 'r1')}\n{"path":"a.t\n\n${line('a.txt', 'unchanged', 'r2')}\nnot json\n{"path":`);
    const history = await readManifest(path);
    expect(history.lines.map((l) => [l.path, l.status, l.run ?? null])).toEqual([
      ['a.txt', 'ok', null],
      ['b.txt', 'error', 'r1'],
      ['a.txt', 'unchanged', 'r2'],
    ]);
    expect(history.latest.get('a.txt')!.status).toBe('unchanged');
    expect(history.problems).toEqual([{ line: 3 }, { line: 6 }, { line: 7 }]);
    expect(await readManifest(join(dir, 'none.ndjson'))).toEqual({ lines: [], latest: new Map(), problems: [] });
  });
});

describe('an old manifest (no run ids, no options, "skipped" for unchanged)', () => {
  it('still reads: --status counts it as one run, and --resume appends a run of its own after it', () => {
    const { input, out, manifest } = archive('old');
    expect(vanban(['batch', input, '-o', out]).status).toBe(1);
    const old = manifestLines(out)
      .map(({ run: _run, options: _options, ...line }) => JSON.stringify(line))
      .join('\n');
    writeFileSync(manifest, `${old}\n`);

    const status = vanban(['batch', '--status', out, '--format', 'json']);
    expect(status.status).toBe(1); // empty.txt failed
    const report = JSON.parse(status.stdout);
    expect(report.runs).toEqual([{ id: null, lines: 5 }]);
    expect(report.counts).toEqual({ ok: 3, error: 1, unchanged: 0, skipped: 1 });
    expect(vanban(['batch', '--status', out]).stdout).toContain('lần chạy cuối trước khi có mã lần chạy');

    // Without the options that made them, the old lines cannot vouch: everything is redone.
    expect(vanban(['batch', input, '-o', out, '--resume']).status).toBe(1);
    expect(readFileSync(manifest, 'utf8').startsWith(`${old}\n`)).toBe(true);
    expect(lastRun(out).map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'error', 'skipped']);
    // A line of the old format that did vouch ("skipped" with its output and options) still does.
    const current = lastRun(out).map(({ run: _run, ...line }) => JSON.stringify(line.status === 'ok' ? { ...line, status: 'skipped', reason: 'unchanged since the last run' } : line));
    writeFileSync(manifest, `${current.join('\n')}\n`);
    expect(vanban(['batch', input, '-o', out, '--resume']).status).toBe(1);
    expect(lastRun(out).map((l) => l.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'error', 'skipped']);
  });
});

describe('vanban batch --status', () => {
  const { input, out, manifest } = archive('status');

  it('sums up the latest state of every input: counts, failures with their reason, sources gone', () => {
    expect(vanban(['batch', input, '-o', out]).status).toBe(1);
    writeFileSync(join(input, 'a.txt'), seedText().replace('Số       -CTr/TU', 'Số 12-CTr/TU'));
    writeFileSync(join(input, 'empty.txt'), seedBytes()); // fixed since
    rmSync(join(input, 'c.txt')); // deleted since
    expect(vanban(['batch', input, '-o', out, '--resume']).status).toBe(0);

    const text = vanban(['batch', '--status', out, '--lang', 'en']);
    expect(text.status, text.stderr).toBe(0);
    const [head, counts, ...rest] = text.stdout.trimEnd().split('\n');
    const run = lastRun(out)[0]!.run!;
    expect(head).toBe(`${manifest} · 5 inputs · 2 runs · latest run ${run}`);
    expect(counts).toBe('  3 converted, 0 failed, 1 unchanged, 1 skipped; 0 not understood (unknown genre or no header found)');
    expect(rest).toEqual(['Source no longer there:', `  ${join(input, 'c.txt')} (converted)`]);

    const json = JSON.parse(vanban(['batch', '--status', out, '--format', 'json']).stdout);
    expect(json).toMatchObject({
      manifest,
      inputs: 5,
      counts: { ok: 3, error: 0, unchanged: 1, skipped: 1 },
      failed: [],
      gone: [{ path: join(input, 'c.txt'), status: 'ok' }],
      problems: [],
    });
    expect(json.runs.map((r: { lines: number }) => r.lines)).toEqual([5, 4]);
    expect(json.runs[1].id).toBe(run);
  });

  it('lists failures in Vietnamese by default, exit 1', () => {
    writeFileSync(join(input, 'b.txt'), '');
    expect(vanban(['batch', input, '-o', out, '--resume']).status).toBe(1);
    const r = vanban(['batch', '--status', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 đã chuyển đổi, 1 lỗi, 2 không đổi, 1 bỏ qua'); // c.txt's last line was ok
    expect(r.stdout).toContain(`Lỗi (trạng thái mới nhất):\n  ${join(input, 'b.txt')}: the file is empty\n`);
    expect(r.stdout).toContain(`Tệp nguồn không còn:\n  ${join(input, 'c.txt')} (đã chuyển đổi)\n`);
    expect(latestLines(out).find((l) => l.path.endsWith('b.txt'))).toMatchObject({ status: 'error' });
  });

  it('a folder without a manifest is one line and exit 1; wrong usage exits 2', () => {
    const none = vanban(['batch', '--status', input]);
    expect(none.status).toBe(1);
    expect(none.stderr.trim()).toBe(`vanban: ${input}: no manifest.ndjson: not the output folder of a batch (--out)`);
    expect(vanban(['batch', '--status', out, input]).status).toBe(2);
    expect(vanban(['batch', '--status', out, '--format', 'csv']).status).toBe(2);
    expect(vanban(['batch', '--status', out, '--lang', 'fr']).status).toBe(2);
    expect(vanban(['batch', input, '-o', out, '--format', 'json']).status).toBe(2);
  });
});
