import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seedText } from '../helpers.js';
import { lastRun, latestLines, listFiles, manifestLines, vanban } from './cli.js';

const COUNT = 20;
const root = mkdtempSync(join(tmpdir(), 'vanban-kill-'));
const input = join(root, 'archive');
mkdirSync(input);
const programme = (n: number) => seedText().replace('Số       -CTr/TU', `Số ${n}-CTr/TU`);
for (let i = 1; i <= COUNT; i++) writeFileSync(join(input, `ctr-${String(i).padStart(3, '0')}.txt`), programme(i));
// Sorted between ctr-010 and ctr-011. The test worker holds it; the real one converts it.
writeFileSync(join(input, 'ctr-010a-hang.txt'), programme(0));
const TOTAL = COUNT + 1;
const HELD_BATCH = fileURLToPath(new URL('./held-batch.mjs', import.meta.url));

/**
 * Starts a batch whose worker holds one file, waits until it says it holds it and the manifest
 * has a line, then signals it. No clock decides where the run is: it cannot finish while held.
 */
async function interrupt(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, [HELD_BATCH, input, '--out', out, '--concurrency', '1'], {
    env: { ...process.env, NO_COLOR: '1', VANBAN_TEST_SAY_HELD: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  const manifest = join(out, 'manifest.ndjson');
  const ready = () => stderr.includes('holding ') && existsSync(manifest) && readFileSync(manifest, 'utf8').includes('\n');
  await new Promise<void>((resolve) => {
    const check = () => {
      if (!ready()) return;
      clearInterval(poll);
      resolve();
    };
    // The manifest is a file, so it is polled; the poll's pace changes when, never what, is seen.
    const poll = setInterval(check, 10);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
  });
  child.kill(signal);
  return { ...(await exited), stderr };
}

/** What a killed run may leave: whole outputs and whole manifest lines, nothing else visible. */
function expectOnlyWholeFiles(out: string): number {
  const lines = manifestLines(out); // throws on a partial line
  for (const file of listFiles(out).filter((f) => f.endsWith('.json'))) JSON.parse(readFileSync(join(out, file), 'utf8'));
  return lines.length;
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an interrupted batch', () => {
  const reference = join(root, 'reference');

  it('killed with SIGKILL, then resumed, ends as an uninterrupted run does', async () => {
    expect(vanban(['batch', input, '--out', reference]).status).toBe(0);
    const out = join(root, 'killed');
    const killed = await interrupt(out, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const done = expectOnlyWholeFiles(out);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(TOTAL);
    expect(listFiles(out)).toContain('.vanban.lock'); // the dead run's: the next run takes it over

    const resumed = vanban(['batch', input, '--out', out, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`${TOTAL - done} đã chuyển đổi, 0 lỗi, ${done} không đổi, 0 bỏ qua`));
    // The killed run's lines stay; the resumed run adds one line per input.
    const lines = manifestLines(out);
    expect(lines).toHaveLength(done + TOTAL);
    expect(new Set(lines.map((l) => l.run)).size).toBe(2);
    expect(lastRun(out).map((l) => l.status).sort()).toEqual([...Array<string>(TOTAL - done).fill('ok'), ...Array<string>(done).fill('unchanged')]);
    // Same files, same bytes; no temporary leftovers, no lock.
    expect(listFiles(out)).toEqual(listFiles(reference));
    for (const file of listFiles(reference).filter((f) => f.endsWith('.json'))) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(reference, file), 'utf8'));
    }
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`stops cleanly on ${signal}: exit ${code}, whole files, the lock released, a note to resume`, async () => {
      const out = join(root, signal);
      const r = await interrupt(out, signal);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(new RegExp(`đã dừng sau \\d+ trên ${TOTAL} đầu vào.*--resume`));
      expect(expectOnlyWholeFiles(out)).toBeLessThan(TOTAL);
      expect(listFiles(out).filter((f) => !f.endsWith('.json') && f !== 'manifest.ndjson')).toEqual([]);
      const resumed = vanban(['batch', input, '--out', out, '--resume']);
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(latestLines(out)).toHaveLength(TOTAL);
      expect(latestLines(out).every((l) => l.status === 'ok' || l.status === 'unchanged')).toBe(true);
    });
  }
});
