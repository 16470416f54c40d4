import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedText } from '../helpers.js';
import { listFiles, manifestLines, spawnVanban, vanban } from './cli.js';

const COUNT = 200;
const root = mkdtempSync(join(tmpdir(), 'vanban-kill-'));
const input = join(root, 'archive');
mkdirSync(input);
// Each file is three programmes long, so the run lasts long enough (about a second with one
// worker) that the kill lands midway even when the test runner is slow to poll.
for (let i = 1; i <= COUNT; i++) {
  const programme = seedText().replace('Số       -CTr/TU', `Số ${i}-CTr/TU`);
  writeFileSync(join(input, `ctr-${String(i).padStart(3, '0')}.txt`), [programme, programme, programme].join('\n'));
}

/** Starts a batch and signals it as soon as its manifest has a first line. */
async function interrupt(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawnVanban(['batch', input, '--out', out, '--concurrency', '1']);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const manifest = join(out, 'manifest.ndjson');
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  const poll = setInterval(() => {
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes('\n')) {
      clearInterval(poll);
      child.kill(signal);
    }
  }, 2);
  const result = await exited;
  clearInterval(poll);
  return { ...result, stderr };
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
    expect(done).toBeLessThan(COUNT); // it really was stopped midway

    const resumed = vanban(['batch', input, '--out', out, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`${COUNT - done} converted, 0 failed, ${done} skipped`));
    const lines = manifestLines(out);
    expect(lines).toHaveLength(COUNT);
    expect(lines.every((l) => l.status === 'ok' || l.status === 'skipped')).toBe(true);
    // Same files, same bytes; no temporary leftovers.
    expect(listFiles(out)).toEqual(listFiles(reference));
    for (const file of listFiles(reference).filter((f) => f.endsWith('.json'))) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(reference, file), 'utf8'));
    }
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`stops cleanly on ${signal}: exit ${code}, whole files, a note to resume`, async () => {
      const out = join(root, signal);
      const r = await interrupt(out, signal);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(/interrupted after \d+ of 200 inputs.*--resume/);
      expect(expectOnlyWholeFiles(out)).toBeLessThan(COUNT);
      expect(listFiles(out).filter((f) => !f.endsWith('.json') && f !== 'manifest.ndjson')).toEqual([]);
      const resumed = vanban(['batch', input, '--out', out, '--resume']);
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(manifestLines(out)).toHaveLength(COUNT);
    });
  }
});
