// npm run bench — every figure in one run, so ratios compare like with like on a noisy machine.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseFile } from '../dist/index.js';
import * as documents from './bench/documents.mjs';

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

console.log(`vanban benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg()[0].toFixed(2)}\n`);

// Valid documents of each genre, each checked to read as the count it claims (scripts/bench/documents.mjs).
const genres = {
  'conference programme': { make: documents.programme, check: documents.checkProgramme, unit: 'conferences', sizes: [8, 80, 800] },
  'action programme': { make: documents.actionProgramme, check: documents.checkActionProgramme, unit: 'tasks', sizes: [40, 400, 4000] },
  'dense citations': { make: documents.denseCitations, check: documents.checkDenseCitations, unit: 'citations', sizes: [150, 1500, 15000] },
};

/** Parses a generated document once to check its claim; null when it reads as claimed. */
function checked(genre, n) {
  const doc = genre.make(n);
  const wrong = genre.check(parse(doc.text), doc);
  return { doc, wrong, mb: Buffer.byteLength(doc.text) / 1e6 };
}

if (want('text')) {
  // The 10 MB programme of the targets: about 6,500 conferences modelled on the seed's.
  const { doc, wrong, mb } = checked(genres['conference programme'], 6500);
  if (wrong) report('text throughput (10 MB programme)', `INVALID: ${wrong}`, '≥ 20 MB/s', false);
  else {
    const ms = timeIt(() => parse(doc.text), 3000);
    const mbs = mb / (ms / 1000);
    report(`text in-process (${mb.toFixed(1)} MB programme, ${doc.claims.conferences} conf.)`, `${mbs.toFixed(2)} MB/s`, '≥ 20 MB/s', mbs >= 20);
  }
}

if (want('growth')) {
  for (const [name, genre] of Object.entries(genres)) {
    const runs = genre.sizes.map((n) => ({ n, ...checked(genre, n) }));
    const bad = runs.find((r) => r.wrong);
    if (bad) {
      report(`${name} 1×/10×/100×`, `INVALID at ${bad.n}: ${bad.wrong}`, '≤ 11×', false);
      continue;
    }
    const t = runs.map((r) => timeIt(() => parse(r.doc.text), 1000));
    const rate = runs.map((r, i) => r.mb / (t[i] / 1000));
    report(`${name} ${genre.sizes.join('/')} ${genre.unit}`, t.map((x) => `${x.toFixed(0)}ms`).join(' / '), `${rate.map((x) => x.toFixed(1)).join(' / ')} MB/s`);
    report(`${name} growth 100×/10×`, `${(t[2] / t[1]).toFixed(2)}×`, '≤ 11×', t[2] / t[1] <= 11);
  }
}

if (want('cli')) {
  // `vanban parse` as a user runs it: a 10 MB programme, its JSON written to a file.
  const { doc, wrong, mb } = checked(genres['conference programme'], 6500);
  const dir = mkdtempSync(join(os.tmpdir(), 'vanban-bench-cli-'));
  const input = join(dir, 'programme.txt');
  writeFileSync(input, doc.text);
  const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : null;
  const runs = Array.from({ length: 3 }, () => {
    const start = performance.now();
    const args = [process.execPath, cli, 'parse', input];
    const out = openSync(join(dir, 'out.json'), 'w');
    const options = { encoding: 'utf8', stdio: ['ignore', out, 'pipe'] };
    const r = timer ? spawnSync(timer[0], [...timer.slice(1), ...args], options) : spawnSync(args[0], args.slice(1), options);
    closeSync(out);
    const ms = performance.now() - start;
    return { ms, status: r.status, kb: timer ? Number(r.stderr.trim().split('\n').pop()) : NaN, err: r.stderr };
  });
  const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
  if (wrong || best.status !== 0) report('vanban parse 10 MB programme > out.json', wrong ? `INVALID: ${wrong}` : `exit ${best.status}: ${best.err.trim().split('\n')[0]}`, '≥ 10 MB/s', false);
  else {
    const mbs = mb / (best.ms / 1000);
    report(`vanban parse ${mb.toFixed(1)} MB > out.json`, `${mbs.toFixed(2)} MB/s`, '≥ 10 MB/s', mbs >= 10);
    if (timer) report('  its peak memory', `${(best.kb / 1024).toFixed(0)} MB`);
  }
}

if (want('docx')) {
  const dir = join(root, 'fixtures/docx');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f)) : [];
  if (files.length === 0) report('docx vs mammoth.extractRawText', 'no fixtures/docx/*.docx');
  else {
    const mammoth = (await import('mammoth')).default;
    const buffers = files.map((f) => readFileSync(f));
    // Every reader is warmed up before any is timed, then timed in turns: the first reader timed
    // used to pay the JIT's warm-up (2.2x slower than the same code timed third), and load on a
    // shared machine drifts, so turns spread it over all of them.
    const readers = {
      ours: (f) => parseFile(f),
      always: (f) => parseFile(f, { mammothCheck: 'always' }),
      fast: (f) => parseFile(f, { mammothCheck: 'never' }),
      bare: (_f, i) => mammoth.extractRawText({ buffer: buffers[i] }),
    };
    const spin = async (fn, ms) => {
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < ms || n < files.length) {
        await fn(files[n % files.length], n % files.length);
        n++;
      }
      return { n, ms: performance.now() - start };
    };
    for (const fn of Object.values(readers)) await spin(fn, 1500);
    const totals = Object.fromEntries(Object.keys(readers).map((k) => [k, { n: 0, ms: 0 }]));
    for (let turn = 0; turn < 4; turn++) {
      for (const [k, fn] of Object.entries(readers)) {
        const r = await spin(fn, 750);
        totals[k].n += r.n;
        totals[k].ms += r.ms;
      }
    }
    const rate = (k) => totals[k].n / (totals[k].ms / 1000);
    const [ours, always, fast, bare] = ['ours', 'always', 'fast', 'bare'].map(rate);
    report('mammoth.extractRawText', `${bare.toFixed(1)} docs/s`);
    report('docx → model (default)', `${ours.toFixed(1)} docs/s, ${(bare / ours).toFixed(2)}×`, '≤ 1.25×', bare / ours <= 1.25);
    report('docx → model (--mammoth: always checked)', `${always.toFixed(1)} docs/s, ${(bare / always).toFixed(2)}×`);
    report('docx → model (--no-mammoth)', `${fast.toFixed(1)} docs/s, ${(bare / fast).toFixed(2)}×`);
  }
}

if (want('docx-batch')) {
  // A batch of 150 .docx (the fixtures copied) as an archivist runs it, against a plain
  // mammoth.extractRawText loop over the same files, and one worker against two.
  const dir = join(root, 'fixtures/docx');
  const files = readdirSync(dir).filter((f) => f.endsWith('.docx'));
  const archive = mkdtempSync(join(os.tmpdir(), 'vanban-bench-docx-'));
  const copies = [];
  for (let i = 0; i < 150; i++) {
    const name = files[i % files.length];
    const path = join(archive, `${String(i).padStart(3, '0')}-${name}`);
    writeFileSync(path, readFileSync(join(dir, name)));
    copies.push(path);
  }
  // The loop runs as its own process, as the batch does: both pay a process start and a cold JIT.
  const loopScript = `const m = require('mammoth'); (async () => { for (const f of JSON.parse(process.argv[1])) await m.extractRawText({ path: f }); })();`;
  const loop = async () => {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['-e', loopScript, JSON.stringify(copies)], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mammoth loop exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
    return performance.now() - start;
  };
  const batch = (workers) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [cli, 'batch', archive, '--out', join(archive, `out-${workers}-${performance.now()}`), '-j', String(workers), '--quiet'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vanban batch exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
    return performance.now() - start;
  };
  // The machine's own ceiling for a second worker: two separate one-worker processes at once, each
  // on half of the archive (no shared process, so nothing of vanban's pool or main thread between them).
  const halves = [0, 1].map((h) => {
    const dir = mkdtempSync(join(os.tmpdir(), `vanban-bench-half-${h}-`));
    copies.filter((_, i) => i % 2 === h).forEach((f) => writeFileSync(join(dir, basename(f)), readFileSync(f)));
    return dir;
  });
  const split = () =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      let left = 2;
      for (const dir of halves) {
        const child = spawn(process.execPath, [cli, 'batch', dir, '--out', join(dir, `out-${performance.now()}`), '-j', '1', '--quiet'], { stdio: 'ignore' });
        child.on('error', reject);
        child.on('exit', (code) => (code !== 0 ? reject(new Error(`vanban batch (half) exited ${code}`)) : --left === 0 && resolve(performance.now() - start)));
      }
    });
  // In turns (loop, one worker, two workers, two processes, again), so that drifting load falls on all.
  await loop();
  const times = { bare: [], one: [], two: [], split: [] };
  for (let turn = 0; turn < 3; turn++) {
    times.bare.push(await loop());
    times.one.push(batch(1));
    times.two.push(batch(2));
    times.split.push(await split());
  }
  const [bare, one, two, apart] = [times.bare, times.one, times.two, times.split].map(median);
  report('150 .docx: mammoth.extractRawText loop (a process)', `${(bare / 1000).toFixed(2)} s`);
  report('150 .docx: vanban batch, 1 worker', `${(one / 1000).toFixed(2)} s, ${(one / bare).toFixed(2)}× the loop`, '≤ 0.8×', one / bare <= 0.8);
  report('150 .docx: vanban batch, 2 workers', `${(two / 1000).toFixed(2)} s, ${(one / two).toFixed(2)}× faster`, '≥ 1.5×', one / two >= 1.5);
  report('  two 1-worker processes, 75 files each', `${(apart / 1000).toFixed(2)} s, ${(one / apart).toFixed(2)}× faster`, "(this machine's ceiling for 2 workers)");
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
    '5 million one-word lines': () => put('words.txt', 'từ\n'.repeat(5_000_000)),
    '250,000 items': () => put('items.txt', `1. Hội nghị\n${Array.from({ length: 250_000 }, (_, i) => `(${i + 1}) Báo cáo.`).join('\n')}`),
  };
  const { hostileDocx } = await import('./bench/hostile-docx.mjs');
  for (const [name, make] of Object.entries(hostileDocx)) inputs[`.docx: ${name}`] = () => put(`${name.replace(/\W+/g, '-')}.docx`, make());
  const { hostileDoc } = await import('./bench/hostile-doc.mjs');
  for (const [name, make] of Object.entries(hostileDoc)) inputs[`.doc: ${name}`] = () => put(`${name.replace(/\W+/g, '-')}.doc`, make());
  const broken = join(root, 'fixtures/broken');
  if (existsSync(broken)) for (const f of readdirSync(broken)) inputs[`fixtures/broken/${f}`] = () => join(broken, f);
  for (const [name, make] of Object.entries(inputs)) {
    const r = spawnSync(process.execPath, [join(root, 'scripts/bench/run-one.mjs'), make()], { encoding: 'utf8' });
    const m = JSON.parse(r.stdout || '{}');
    const ok = m.ms <= 3000 && m.maxRssMB <= 400;
    report(name, `${(m.ms / 1000).toFixed(2)} s, ${m.maxRssMB?.toFixed(0)} MB`, '≤ 3 s, ≤ 400 MB', ok);
    console.log(`    ${String(m.outcome ?? r.stderr.trim().split('\n').pop()).slice(0, 110)}`);
  }
}

if (want('diff')) {
  // Two drafts of one conference with 1,000 and 4,000 reworded items, and of 4,000 conferences
  // (scripts/diff-bench.mjs, seconds in diffProgrammes alone).
  const r = spawnSync(process.execPath, [join(root, 'scripts/diff-bench.mjs'), 'items-1000', 'items-4000', 'conferences-4000'], { encoding: 'utf8', env: { ...process.env, LIMIT_S: '60' } });
  for (const line of r.stdout.trim().split('\n')) {
    const [name, seconds] = line.trim().split(/\s+/);
    report(`diff ${name}`, `${seconds} s`, '≤ 3 s', Number(seconds) <= 3);
  }
}

if (want('serve')) {
  // 50 clients for 30 s against `vanban serve`, one upload in ten a broken file (scripts/bench/serve-load.mjs).
  const { serveLoad } = await import('./bench/serve-load.mjs');
  const s = await serveLoad({ cli, clients: 50, seconds: 30 });
  report(`serve: ${s.clients} clients × ${s.seconds} s, ${s.requests} uploads`, `${s.perSecond.toFixed(1)} requests/s`);
  report('serve: good uploads that failed', `${s.goodFailed} of ${s.good}`, '0', s.goodFailed === 0);
  report('serve: broken uploads answered 4xx', `${s.bad4xx} of ${s.bad}`, 'all', s.bad4xx === s.bad);
  report('serve: latency of good uploads, p50 / p95', `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} ms`);
  const flat = s.rss.lastThird <= s.rss.firstThird * 1.25;
  report('serve: memory, first → last third of the load', `${s.rss.firstThird.toFixed(0)} → ${s.rss.lastThird.toFixed(0)} MB`, 'flat (≤ 1.25×)', flat);
  report('  before / peak / 2 s after', `${s.rss.before.toFixed(0)} / ${s.rss.peak.toFixed(0)} / ${s.rss.after.toFixed(0)} MB`);
  for (const [what, n] of Object.entries(s.other)) console.log(`    unexpected: ${what} × ${n}`);
}

if (want('archive')) {
  // 10,000 documents indexed by `vanban index` (the seed and generated programmes of 30 years),
  // then each question of the archive timed in-process on the database (scripts/bench/archive.mjs).
  const { archiveBench } = await import('./bench/archive.mjs');
  const a = await archiveBench({ cli, count: 10_000, timeIt });
  if (a.error) report('archive: index 10,000 documents', `FAILED: ${a.error}`, undefined, false);
  else {
    report('archive: index 10,000 documents', `${a.perSecond.toFixed(0)} documents/s (${a.seconds.toFixed(0)} s)`);
    report('archive: index again, nothing changed', `${a.reindex.toFixed(1)} s`);
    report('archive: database size', `${(a.bytes / 1e6).toFixed(0)} MB (${a.counts.items} items, ${a.counts.citations} citations)`);
    report('archive: open (read into memory)', `${a.openMs.toFixed(0)} ms`);
    for (const [name, { ms, size }] of Object.entries(a.answers)) report(`archive: ${name} (${size} answers)`, `${ms.toFixed(1)} ms`, '≤ 50 ms', ms <= 50);
  }
}

const failed = results.filter((r) => r.pass === false);
console.log(`\n${results.filter((r) => r.pass === true).length} targets met, ${failed.length} missed`);
