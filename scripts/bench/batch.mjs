// `vanban batch` throughput: 1,000 generated programmes, parsed with one worker and with one per
// core. Runs the built CLI (npm run build first) as an archivist would, so the figures include
// start-up, the walk, hashing, the manifest and the atomic writes.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const SEED = new URL('../../fixtures/seed/programme-2024-hau-giang-draft.txt', import.meta.url);

/** The seed for another year and number, in a folder per year; every tenth stored as UTF-16 as Word's "Unicode text" does. */
async function generate(folder, files) {
  const seed = await readFile(SEED, 'utf8');
  for (let i = 0; i < files; i++) {
    const year = 2012 + (i % 13);
    const text = seed
      .replaceAll('2023', String(year - 1))
      .replaceAll('2024', String(year))
      .replace('Số       -CTr/TU', `Số ${i + 1}-CTr/TU`);
    const bytes = i % 10 === 9 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, 'utf8');
    await mkdir(join(folder, String(year)), { recursive: true });
    await writeFile(join(folder, String(year), `ctr-${String(i + 1).padStart(4, '0')}.txt`), bytes);
  }
}

function batch(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'batch', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vanban batch exited ${code}: ${stderr.trim()}`))));
  });
}

async function timed(input, out, workers, files) {
  const started = performance.now();
  await batch([input, '--out', out, '--concurrency', String(workers), '--quiet']);
  const seconds = (performance.now() - started) / 1000;
  return { seconds: round(seconds), filesPerSecond: round(files / seconds) };
}

const round = (n) => Math.round(n * 100) / 100;

export async function benchBatch({ files = 1000 } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'vanban-bench-batch-'));
  try {
    const input = join(root, 'archive');
    await generate(input, files);
    const workers = availableParallelism();
    const oneWorker = await timed(input, join(root, 'out-1'), 1, files);
    const perCore = await timed(input, join(root, `out-${workers}`), workers, files);
    return { files, oneWorker, perCore, workers };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchBatch();
  console.log(`vanban batch, ${r.files} files`);
  console.log(`  1 worker:   ${r.oneWorker.seconds} s  ${r.oneWorker.filesPerSecond} files/s`);
  console.log(`  ${r.workers} workers:  ${r.perCore.seconds} s  ${r.perCore.filesPerSecond} files/s  (×${round(r.perCore.filesPerSecond / r.oneWorker.filesPerSecond)})`);
}
