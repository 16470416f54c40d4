// npm run bench — every figure in one run, so ratios compare like with like on a noisy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseFile } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedPath = join(root, 'fixtures/seed/programme-2024-hau-giang-draft.txt');
const seed = readFileSync(seedPath, 'utf8');
// The installed command: package.json's bin (the bundle).
const cli = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.vanban);
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const results = [];

function report(name, value, target, pass) {
  results.push({ name, value, target, pass });
  console.log(`${pass === undefined ? ' ' : pass ? '✓' : '✗'} ${name.padEnd(44)} ${String(value).padEnd(24)} ${target ?? ''}`);
}

/** Mean milliseconds per call, repeating for at least `budgetMs` after a warm-up. */
function timeIt(fn, budgetMs = 1500) {
  for (let i = 0; i < 3; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs || n < 3) {
    fn();
    n++;
  }
  return (performance.now() - start) / n;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const repeated = (k) => Array(k).fill(seed).join('\n');

console.log(`vanban benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg()[0].toFixed(2)}\n`);

if (want('text')) {
  const text = repeated(100);
  const ms = timeIt(() => parse(text));
  const mbs = Buffer.byteLength(text) / 1e6 / (ms / 1000);
  report('text throughput (seed ×100)', `${mbs.toFixed(1)} MB/s`, '≥ 20 MB/s', mbs >= 20);
}

if (want('growth')) {
  const t = [1, 10, 100].map((k) => {
    const text = repeated(k);
    return timeIt(() => parse(text), 1000);
  });
  report('time 1× / 10× / 100× seed', t.map((x) => `${x.toFixed(1)}ms`).join(' / '));
  report('growth 10×/1× (per-call overhead included)', `${(t[1] / t[0]).toFixed(2)}×`);
  report('growth 100×/10×', `${(t[2] / t[1]).toFixed(2)}×`, '≤ 11×', t[2] / t[1] <= 11);
}

if (want('docx')) {
  const dir = join(root, 'fixtures/docx');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f)) : [];
  if (files.length === 0) report('docx vs mammoth.extractRawText', 'no fixtures/docx/*.docx');
  else {
    const mammoth = (await import('mammoth')).default;
    const buffers = files.map((f) => readFileSync(f));
    const round = async (fn) => {
      for (let i = 0; i < 2; i++) for (const f of files) await fn(f, i);
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < 3000 || n < files.length) {
        await fn(files[n % files.length], n % files.length);
        n++;
      }
      return n / ((performance.now() - start) / 1000);
    };
    const ours = await round((f) => parseFile(f));
    const always = await round((f) => parseFile(f, { mammothCheck: 'always' }));
    const fast = await round((f) => parseFile(f, { mammothCheck: 'never' }));
    const bare = await round((_f, i) => mammoth.extractRawText({ buffer: buffers[i] }));
    report('mammoth.extractRawText', `${bare.toFixed(1)} docs/s`);
    report('docx → model (default)', `${ours.toFixed(1)} docs/s, ${(bare / ours).toFixed(2)}×`, '≤ 1.25×', bare / ours <= 1.25);
    report('docx → model (--mammoth: always checked)', `${always.toFixed(1)} docs/s, ${(bare / always).toFixed(2)}×`);
    report('docx → model (--no-mammoth)', `${fast.toFixed(1)} docs/s, ${(bare / fast).toFixed(2)}×`);
  }
}

if (want('cold')) {
  const run = (args) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    return performance.now() - start;
  };
  const node = median(Array.from({ length: 11 }, () => run(['-e', '0'])));
  const text = median(Array.from({ length: 11 }, () => run([cli, 'text', seedPath])));
  const cold = median(Array.from({ length: 11 }, () => run([cli, 'parse', seedPath])));
  report('cold start: node -e 0 (baseline)', `${node.toFixed(0)} ms`);
  report('cold start: vanban text seed.txt', `${text.toFixed(0)} ms`);
  report('cold start: vanban parse seed.txt', `${cold.toFixed(0)} ms`, '≤ 150 ms', cold <= 150);
}

if (want('batch')) {
  const batch = join(root, 'scripts/bench/batch.mjs');
  if (!existsSync(batch)) report('batch', 'scripts/bench/batch.mjs missing');
  else {
    const { benchBatch } = await import(batch);
    const b = await benchBatch({ files: 1000 });
    report(`batch ${b.files} files, 1 worker`, `${b.oneWorker.filesPerSecond.toFixed(0)} files/s`);
    report(`batch ${b.files} files, ${b.workers} workers`, `${b.perCore.filesPerSecond.toFixed(0)} files/s`);
    report('batch speed-up', `${(b.perCore.filesPerSecond / b.oneWorker.filesPerSecond).toFixed(2)}×`);
  }
}

if (want('hostile')) {
  const dir = mkdtempSync(join(os.tmpdir(), 'vanban-bench-'));
  const put = (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const inputs = {
    '10 MB single line of items': () => put('line.txt', `1. Hội nghị\n${'(1) Sơ kết công tác quý I. '.repeat(400_000)}`),
    'attribution naming 20,000 items': () =>
      put('attr.txt', `1. Hội nghị\n${Array.from({ length: 20_000 }, (_, i) => `(${i + 1}) Báo cáo.`).join('\n')}\nCơ quan chủ trì tham mưu: VP mục ${Array.from({ length: 20_000 }, (_, i) => `(${i + 1})`).join(', ')}.`),
    '50,000 conferences': () => put('conf.txt', Array.from({ length: 50_000 }, (_, i) => `${i + 1}. Hội nghị lần thứ ${i + 1}\n(1) Sơ kết.`).join('\n')),
    '5 MB of spaces': () => put('spaces.txt', ' '.repeat(5_000_000)),
    'unclosed quotes, 20,000 citations': () => put('quotes.txt', 'Kết luận số 94-KL/TW của Ban Bí thư về “tiếp tục '.repeat(20_000)),
    '20 KB of random bytes': () => put('random.txt', Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256))),
  };
  const broken = join(root, 'fixtures/broken');
  if (existsSync(broken)) for (const f of readdirSync(broken)) inputs[`fixtures/broken/${f}`] = () => join(broken, f);
  for (const [name, make] of Object.entries(inputs)) {
    const r = spawnSync(process.execPath, [join(root, 'scripts/bench/run-one.mjs'), make()], { encoding: 'utf8' });
    const m = JSON.parse(r.stdout || '{}');
    const ok = m.ms <= 2000 && m.maxRssMB <= 500;
    report(name, `${(m.ms / 1000).toFixed(2)} s, ${m.maxRssMB?.toFixed(0)} MB`, '≤ 2 s, ≤ 500 MB', ok);
    console.log(`    ${String(m.outcome ?? r.stderr.trim().split('\n').pop()).slice(0, 110)}`);
  }
}

const failed = results.filter((r) => r.pass === false);
console.log(`\n${results.filter((r) => r.pass === true).length} targets met, ${failed.length} missed`);
