import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { WorkerCrash, WorkerPool, discardAhead, startAhead } from '../../src/batch/pool.js';
import type { FileResult, ParseResult, ParseTask } from '../../src/batch/protocol.js';
import { runBatch } from '../../src/batch/run.js';
import { seedBytes } from '../helpers.js';
import { latestLines } from './cli.js';

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

  it('a worker started early (warm) parses the files queued later; a file is answered as the bytes of its .json', async () => {
    const pool = new WorkerPool<FileResult | ParseResult>(2);
    try {
      pool.warm();
      const [asFile, asModel] = await Promise.all([pool.run({ ...task('a.txt'), want: 'file' }), pool.run(task('a.txt'))]);
      if (!asFile.ok || !('file' in asFile) || !asModel.ok || !('json' in asModel)) throw new Error('expected a file and a model');
      // The same model, as UTF-8 with its closing newline, in a buffer of its own (not Node's shared pool).
      expect(new TextDecoder().decode(asFile.file)).toBe(`${asModel.json}\n`);
      expect(asFile.file.byteLength).toBe(Buffer.byteLength(`${asModel.json}\n`));
    } finally {
      await pool.close();
    }
  });

  it('a worker started ahead is taken over by a pool of its kind, with the readiness it told before', async () => {
    const ahead = startAhead({ url: CRASHING, memoryMb: 64 });
    const told: unknown[] = [];
    ahead.on('message', (m) => told.push(m));
    // Ready before the pool listens: the pool hears it all the same, and so starts the hanging
    // file's time limit, which is what ends it.
    await once(ahead, 'message');
    const pool = new WorkerPool(1, { url: CRASHING, timeoutMs: 0, memoryMb: 64 });
    try {
      const ok = await pool.run(task('ok.txt'));
      // The worker started ahead is the one that answered.
      expect(ok).toMatchObject({ ok: true });
      expect(told.at(-1)).toBe(ok);
      await expect(pool.run(task('hang.txt'), 200)).rejects.toThrow('timed out after 0.2 s (--timeout)');
      await discardAhead(); // taken: nothing left to stop
    } finally {
      await pool.close();
    }
  });

  it('a worker started ahead is left to a pool of another kind, and discardAhead stops it', async () => {
    const ahead = startAhead({ url: CRASHING, memoryMb: 64 });
    const told: unknown[] = [];
    ahead.on('message', (m) => told.push(m));
    const pool = new WorkerPool(1, { url: CRASHING, timeoutMs: 0, memoryMb: 80 });
    try {
      expect(await pool.run(task('ok.txt'))).toMatchObject({ ok: true });
      const exited = once(ahead, 'exit');
      await discardAhead();
      await exited;
      // It was given nothing.
      expect(told.every((m) => JSON.stringify(m) === '{"ready":true}')).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('a worker started ahead that died before it was wanted gets no file', async () => {
    const ahead = startAhead({ url: CRASHING, memoryMb: 64 });
    await ahead.terminate();
    const pool = new WorkerPool(1, { url: CRASHING, timeoutMs: 0, memoryMb: 64 });
    try {
      expect(await pool.run(task('ok.txt'))).toMatchObject({ ok: true });
    } finally {
      await pool.close();
    }
  });

  it('a crashing, throwing, hanging or memory-hungry worker fails its file only, and is replaced', async () => {
    // Only the hanging file has a time limit: no other file races the clock, and the hanging one
    // never answers, so its limit is what ends it.
    const pool = new WorkerPool(1, { url: CRASHING, timeoutMs: 0, memoryMb: 64 });
    try {
      const files = ['exit.txt', 'ok1.txt', 'throw.txt', 'hang.txt', 'hog.txt', 'ok2.txt'];
      const settled = await Promise.allSettled(files.map((f) => pool.run(task(f), f === 'hang.txt' ? 200 : 0)));
      const [exit, ok1, thrown, hang, hog, ok2] = settled;
      expect(exit).toMatchObject({ status: 'rejected', reason: expect.any(WorkerCrash) });
      expect(String((exit as PromiseRejectedResult).reason.message)).toBe('worker exited with code 7');
      expect((thrown as PromiseRejectedResult).reason.message).toBe('worker crashed: boom');
      expect((hang as PromiseRejectedResult).reason.message).toBe('timed out after 0.2 s (--timeout)');
      expect((hog as PromiseRejectedResult).reason.message).toBe('out of memory: over the 64 MB a worker may use (--max-memory)');
      for (const ok of [ok1, ok2]) expect(ok).toMatchObject({ status: 'fulfilled', value: { ok: true } });
    } finally {
      await pool.close();
    }
  });

  it('a worker holding the next file (depth 2) that dies fails only the file it was on; the one waiting goes to a fresh worker', async () => {
    const pool = new WorkerPool(1, { url: CRASHING, timeoutMs: 0, memoryMb: 64, depth: 2 });
    try {
      const files = ['ok1.txt', 'exit.txt', 'ok2.txt', 'throw.txt', 'ok3.txt', 'hang.txt', 'ok4.txt', 'hog.txt', 'ok5.txt'];
      const settled = await Promise.allSettled(files.map((f) => pool.run(task(f), f === 'hang.txt' ? 200 : 0)));
      const outcome = (s: PromiseSettledResult<ParseResult>) =>
        s.status === 'rejected' ? (s.reason as Error).message : s.value.ok ? JSON.parse(s.value.json).source.file : s.value.reason;
      expect(settled.map(outcome)).toEqual([
        'ok1.txt',
        'worker exited with code 7',
        'ok2.txt',
        'worker crashed: boom',
        'ok3.txt',
        'timed out after 0.2 s (--timeout)',
        'ok4.txt',
        'out of memory: over the 64 MB a worker may use (--max-memory)',
        'ok5.txt',
      ]);
    } finally {
      await pool.close();
    }
  });

  it('close() fails the file being parsed and those waiting, and stops the workers', async () => {
    const pool = new WorkerPool(1, { url: CRASHING });
    const outcomes = Promise.allSettled([pool.run(task('hang.txt')), pool.run(task('ok.txt'))]);
    await pool.close();
    for (const outcome of await outcomes) expect(outcome).toMatchObject({ status: 'rejected', reason: { name: 'PoolClosed', message: 'interrupted' } });
    await expect(pool.run(task('late.txt'))).rejects.toThrow('interrupted');
  });

  it('a worker crash or an exhausted heap becomes an error line in the manifest, not a lost batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-crash-'));
    mkdirSync(join(dir, 'in'));
    for (const name of ['a.txt', 'exit.txt', 'b.txt', 'hog.txt']) writeFileSync(join(dir, 'in', name), seedBytes());
    const summary = await runBatch({ inputs: [join(dir, 'in')], out: join(dir, 'out'), concurrency: 2, maxSize: 1e8, workerUrl: CRASHING, memoryMb: 64 });
    expect(summary).toMatchObject({ inputs: 4, converted: 2, failed: 2, skipped: 0, interrupted: false });
    expect(latestLines(join(dir, 'out')).map((l) => [l.path.slice(dir.length + 4), l.status, l.reason])).toEqual([
      ['a.txt', 'ok', null],
      ['b.txt', 'ok', null],
      ['exit.txt', 'error', 'worker exited with code 7'],
      ['hog.txt', 'error', 'out of memory: over the 64 MB a worker may use (--max-memory)'],
    ]);
  });
});
