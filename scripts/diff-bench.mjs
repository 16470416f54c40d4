// node scripts/diff-bench.mjs [case…] — seconds spent in diffProgrammes (parsing not counted) on the
// inputs of issue 12: one conference of N reworded items, N conferences, each against an edited copy.
// Build first (npm run build). A case that runs past LIMIT_S is reported as such and stopped.
//
// Seconds on 2 shared cores (issue 12): main 44fc8a1 under load ~8 → i12-diff under load ~3.
//   items-1000 1.40 → 0.51, items-2000 10.73 → 0.69, items-4000 104.09 → 1.51,
//   conferences-1000 24.39 → 0.83, conferences-4000 killed at 300 → 2.01, conferences-50000 killed → 11.78.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LIMIT_S = Number(process.env.LIMIT_S) || 300;
const CASES = {
  'items-1000': ['items', 1000],
  'items-2000': ['items', 2000],
  'items-4000': ['items', 4000],
  'conferences-1000': ['conferences', 1000],
  'conferences-4000': ['conferences', 4000],
  'conferences-50000': ['conferences', 50000],
};

if (process.argv[2] === '--one') {
  const [, , , shape, n] = process.argv;
  const { parse, diffProgrammes } = await import('../dist/index.js');
  const { drafts } = await import('./diff-drafts.mjs');
  const d = drafts(shape, Number(n));
  const [old, neu] = [parse(d.old), parse(d.neu)];
  const start = performance.now();
  const { changes } = diffProgrammes(old, neu);
  const s = (performance.now() - start) / 1000;
  const counts = {};
  for (const c of changes) counts[c.type] = (counts[c.type] ?? 0) + 1;
  console.log(JSON.stringify({ s, changes: counts, expected: d.expected }));
} else {
  const only = process.argv.slice(2);
  for (const [name, [shape, n]] of Object.entries(CASES)) {
    if (only.length && !only.includes(name)) continue;
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--one', shape, String(n)], {
      encoding: 'utf8',
      timeout: LIMIT_S * 1000,
    });
    const out = r.status === 0 ? JSON.parse(r.stdout) : null;
    console.log(`${name.padEnd(20)} ${out ? `${out.s.toFixed(2)} s  ${JSON.stringify(out.changes)} (expected ${JSON.stringify(out.expected)})` : r.signal ? `killed after ${LIMIT_S} s` : `failed: ${r.stderr.trim().split('\n').at(-1)}`}`);
  }
}
