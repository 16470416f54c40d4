import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerCrash, WorkerPool } from '../../src/batch/pool.js';
import type { ParseTask } from '../../src/batch/protocol.js';
import { runBatch } from '../../src/batch/run.js';
import { seedBytes } from '../helpers.js';
import { manifestLines } from './cli.js';

// Needs the compiled worker: npx tsc -p tsconfig.build.json.
const CRASHING = new URL('./crash-worker.mjs', import.meta.url);

let id = 0;
function task(file: string): ParseTask {
  const bytes = seedBytes();
  return { id: ++id, file, format: 'txt', sha256: '0'.repeat(64), bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, revision: 'accepted', mammothCheck: 'auto', pretty: false };
}

describe('the worker pool', () => {
  it('parses in worker threads', async () => {
    const pool = new WorkerPool(2);
    try {
      const results = await Promise.all(['a.txt', 'b.txt', 'c.txt'].map((f) => pool.run(task(f))));
      for (const r of results) expect(r).toMatchObject({ ok: true, counts: { conferences: 5, items: 26, citations: 24 } });
      expect(JSON.parse((results[0] as { json: string }).json).source.file).toBe('a.txt');
    } finally {
      await pool.close();
    }
  });

  it('a crashing, throwing or hanging worker fails its file only, and is replaced', async () => {
    const pool = new WorkerPool(1, CRASHING, 1500);
    try {
      const settled = await Promise.allSettled(['exit.txt', 'ok1.txt', 'throw.txt', 'hang.txt', 'ok2.txt'].map((f) => pool.run(task(f))));
      const [exit, ok1, thrown, hang, ok2] = settled;
      expect(exit).toMatchObject({ status: 'rejected', reason: expect.any(WorkerCrash) });
      expect(String((exit as PromiseRejectedResult).reason.message)).toBe('worker exited with code 7');
      expect((thrown as PromiseRejectedResult).reason.message).toBe('worker crashed: boom');
      expect((hang as PromiseRejectedResult).reason.message).toBe('timed out after 1.5 s');
      for (const ok of [ok1, ok2]) expect(ok).toMatchObject({ status: 'fulfilled', value: { ok: true } });
    } finally {
      await pool.close();
    }
  });

  it('a worker crash becomes an error line in the manifest, not a lost batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-crash-'));
    mkdirSync(join(dir, 'in'));
    for (const name of ['a.txt', 'exit.txt', 'b.txt']) writeFileSync(join(dir, 'in', name), seedBytes());
    const summary = await runBatch({ inputs: [join(dir, 'in')], out: join(dir, 'out'), concurrency: 2, maxSize: 1e8, workerUrl: CRASHING });
    expect(summary).toMatchObject({ inputs: 3, converted: 2, failed: 1, skipped: 0, interrupted: false });
    expect(manifestLines(join(dir, 'out')).map((l) => [l.path.slice(dir.length + 4), l.status, l.reason])).toEqual([
      ['a.txt', 'ok', null],
      ['b.txt', 'ok', null],
      ['exit.txt', 'error', 'worker exited with code 7'],
    ]);
  });
});
