import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.js';
import { Converters, STAGED_UP_TO } from '../../src/batch/stages.js';
import type { ParseTask } from '../../src/batch/protocol.js';
import { seedBytes } from '../helpers.js';
import { lastRun, listFiles } from './cli.js';

// Needs the compiled worker: npx tsc -p tsconfig.build.json.
const SPY = new URL('./spy-worker.mjs', import.meta.url);
const CRASHING = new URL('./crash-worker.mjs', import.meta.url);
const DOCX = ['plain', 'auto-numbered', 'tcvn3', 'vni', 'tracked-changes'];
const fixture = (name: string) => new URL(`../../fixtures/docx/${name}`, import.meta.url);

/** An archive of the .docx fixtures, a .doc, the seed as text, and a .docx cut short. */
function archive(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-stages-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const name of DOCX) copyFileSync(fixture(`${name}.docx`), join(input, `${name}.docx`));
  copyFileSync(fixture('seed.doc'), join(input, 'seed.doc'));
  writeFileSync(join(input, 'seed.txt'), seedBytes());
  writeFileSync(join(input, 'cut.docx'), readFileSync(fixture('plain.docx')).subarray(0, 100));
  return dir;
}

function docxTask(file: string, id = 1): ParseTask & { want: 'file' } {
  const bytes = readFileSync(fixture('plain.docx'));
  return { id, file, sha256: '0'.repeat(64), bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, revision: 'accepted', mammothCheck: 'auto', pretty: false, want: 'file' };
}

const spyLog = () => join(mkdtempSync(join(tmpdir(), 'vanban-spy-')), 'log');
afterEach(() => {
  delete process.env.VANBAN_TEST_SPY_LOG;
});

describe('a batch in two stages (reading workers, parsing workers)', () => {
  it('two workers write the very files one worker writes, and the same manifest lines', async () => {
    const dir = archive();
    const runs = [1, 2, 3].map(async (concurrency) => {
      const out = join(dir, `out-${concurrency}`);
      await runBatch({ inputs: [join(dir, 'in')], out, concurrency, maxSize: 1e8 });
      const files = listFiles(out).filter((f) => f.endsWith('.json'));
      const lines = lastRun(out).map(({ run: _run, ms: _ms, ...line }) => ({ ...line, path: line.path.slice(dir.length) }));
      return { files, contents: files.map((f) => readFileSync(join(out, f), 'utf8')), lines };
    });
    const [one, two, three] = await Promise.all(runs);
    expect(one!.files).toHaveLength(DOCX.length + 2);
    expect(one!.lines.find((l) => l.path.endsWith('cut.docx'))).toMatchObject({ status: 'error', format: 'docx' });
    for (const staged of [two!, three!]) {
      expect(staged.files).toEqual(one!.files);
      expect(staged.contents).toEqual(one!.contents);
      expect(staged.lines).toEqual(one!.lines);
    }
  });

  it('with two workers a Word file is read by one worker and parsed by the other; a text file is converted whole', async () => {
    const log = spyLog();
    process.env.VANBAN_TEST_SPY_LOG = log;
    const converters = new Converters(2, { url: SPY, timeoutMs: 0 });
    try {
      const docx = await converters.convert(docxTask('plain.docx'), 'docx');
      const text = seedBytes();
      const txt = await converters.convert({ ...docxTask('seed.txt', 2), bytes: text.buffer.slice(text.byteOffset, text.byteOffset + text.length) as ArrayBuffer }, 'txt');
      for (const result of [docx, txt]) expect(result).toMatchObject({ ok: true, counts: { conferences: 5, items: 26, citations: 24 } });
    } finally {
      await converters.close();
    }
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['read ingested bytes plain.docx', 'parse file ingested plain.docx', 'parse file bytes seed.txt']);
  });

  it('with one worker every file is converted whole', async () => {
    const log = spyLog();
    process.env.VANBAN_TEST_SPY_LOG = log;
    const converters = new Converters(1, { url: SPY, timeoutMs: 0 });
    try {
      expect(await converters.convert(docxTask('plain.docx'), 'docx')).toMatchObject({ ok: true, counts: { conferences: 5 } });
    } finally {
      await converters.close();
    }
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['parse file bytes plain.docx']);
  });

  it('a long batch converts every file whole, each worker taking the next', async () => {
    const log = spyLog();
    process.env.VANBAN_TEST_SPY_LOG = log;
    const converters = new Converters(2, { url: SPY, timeoutMs: 0 });
    converters.plan(STAGED_UP_TO + 1);
    try {
      const results = await Promise.all([1, 2].map((id) => converters.convert(docxTask(`${id}.docx`, id), 'docx')));
      for (const result of results) expect(result).toMatchObject({ ok: true, counts: { conferences: 5 } });
    } finally {
      await converters.close();
    }
    expect(readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual(['parse file bytes 1.docx', 'read file bytes 2.docx']);
  });

  it("a file's time limit covers both stages, and a crash in either fails that file only", async () => {
    const converters = new Converters(2, { url: CRASHING, timeoutMs: 200 });
    try {
      const settled = await Promise.allSettled([
        converters.convert(docxTask('hang.docx', 1), 'docx'), // held while it is read
        converters.convert(docxTask('hangparse.docx', 2), 'docx'), // held once read, while it is parsed
        converters.convert(docxTask('exit.docx', 3), 'docx'),
      ]);
      expect(settled.map((s) => (s.status === 'rejected' ? (s.reason as Error).message : 'converted'))).toEqual([
        'timed out after 0.2 s (--timeout)',
        'timed out after 0.2 s (--timeout)',
        'worker exited with code 7',
      ]);
    } finally {
      await converters.close();
    }
  });
});
