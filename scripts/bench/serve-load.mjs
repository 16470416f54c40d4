// Load on `vanban serve` (issue 15): concurrent clients upload the fixtures for a while, one
// upload in ten a broken file, through the shipped bundle on localhost. Reports what the issue
// asks: no good request failed, every bad one a 4xx, the server's memory before, at peak and
// after, and the latency of the good requests. Run alone: node scripts/bench/serve-load.mjs [clients] [seconds]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Resident memory of a process in MB, from /proc (NaN where there is none). */
function rssMb(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The server started on a free port; resolves once its "listening" line names the URL. */
function startServer(cli, clients) {
  // Room for every client: a full queue answers 503, which would count as a failed good request.
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--queue', String(clients)], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const url = /"msg":"listening","url":"([^"]+)"/.exec(seen)?.[1];
      if (url) {
        child.stderr.off('data', onData);
        child.stderr.resume(); // one log line per request follows: keep the pipe drained
        resolve({ child, url });
      }
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`vanban serve exited ${code} before listening: ${seen.trim().split('\n').pop()}`)));
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function serveLoad({ cli, clients = 50, seconds = 30 }) {
  const good = [
    join(root, 'fixtures/seed/programme-2024-hau-giang-draft.txt'),
    ...readdirSync(join(root, 'fixtures/docx')).map((f) => join(root, 'fixtures/docx', f)),
  ].map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  // doc-renamed.docx is a readable .doc under a .docx name: a good file, not a broken one.
  const bad = readdirSync(join(root, 'fixtures/broken'))
    .filter((f) => f !== 'doc-renamed.docx')
    .map((f) => ({ name: f, bytes: readFileSync(join(root, 'fixtures/broken', f)) }));

  const { child, url } = await startServer(cli, clients);
  const before = rssMb(child.pid);
  const samples = [];
  const started = performance.now();
  const sampler = setInterval(() => samples.push({ at: performance.now() - started, mb: rssMb(child.pid) }), 100);
  const results = { good: 0, goodFailed: 0, bad: 0, bad4xx: 0, other: new Map(), latencies: [] };
  const until = performance.now() + seconds * 1000;
  let n = 0;
  const client = async () => {
    while (performance.now() < until) {
      const k = n++;
      const broken = k % 10 === 9;
      const file = broken ? bad[k % bad.length] : good[k % good.length];
      const form = new FormData();
      form.append('file', new Blob([file.bytes]), file.name);
      const start = performance.now();
      let status = 0;
      try {
        const response = await fetch(`${url}/v1/parse`, { method: 'POST', body: form });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = -1;
      }
      if (broken) {
        results.bad++;
        if (status >= 400 && status < 500) results.bad4xx++;
        else results.other.set(`${file.name} ${status}`, (results.other.get(`${file.name} ${status}`) ?? 0) + 1);
      } else {
        results.good++;
        if (status === 200) results.latencies.push(performance.now() - start);
        else {
          results.goodFailed++;
          results.other.set(`${file.name} ${status}`, (results.other.get(`${file.name} ${status}`) ?? 0) + 1);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  clearInterval(sampler);
  // "After": once the load has stopped and the server has had a moment to collect its garbage.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = rssMb(child.pid);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  const sorted = [...results.latencies].sort((a, b) => a - b);
  // Flat: the memory of the load's last third against its first, once the workers have warmed up.
  const third = (k) =>
    samples
      .filter((x) => x.at >= (k * seconds * 1000) / 3 && x.at < ((k + 1) * seconds * 1000) / 3)
      .map((x) => x.mb)
      .sort((a, b) => a - b);
  return {
    clients,
    seconds,
    requests: results.good + results.bad,
    perSecond: (results.good + results.bad) / seconds,
    good: results.good,
    goodFailed: results.goodFailed,
    bad: results.bad,
    bad4xx: results.bad4xx,
    other: Object.fromEntries(results.other),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    rss: { before, firstThird: percentile(third(0), 50), lastThird: percentile(third(2), 50), peak: Math.max(...samples.map((x) => x.mb)), after },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cli = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.vanban);
  const [clients, seconds] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await serveLoad({ cli, clients: clients || 50, seconds: seconds || 30 }), null, 2));
}
