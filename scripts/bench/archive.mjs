// `npm run bench archive`: an archive of 10,000 generated programmes (scripts/bench/documents.mjs
// reviewProgramme: 30 years × provinces, every review due that year) indexed by the installed
// command, then each question timed in-process on the database it made.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveDb } from '../../dist/archive/db.js';
import { agencies, anniversaries, cites, search } from '../../dist/archive/questions.js';
import { defaultGrammar } from '../../dist/grammar/load.js';
import { reviewProgramme } from './documents.mjs';

const PROVINCES = ['HẬU GIANG', 'CẦN THƠ', 'SÓC TRĂNG', 'BẠC LIÊU', 'CÀ MAU', 'KIÊN GIANG', 'AN GIANG', 'ĐỒNG THÁP', 'VĨNH LONG', 'TRÀ VINH'];

/**
 * Writes `count` documents under a new folder: the seed, and programmes of year 1996 + (k mod 30)
 * for unit k / 30 (about 333 units of ten provinces' names, each with 30 years of programmes).
 */
export function makeArchive(count) {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-bench-archive-'));
  const archive = join(dir, 'archive');
  mkdirSync(archive, { recursive: true });
  copyFileSync(new URL('../../fixtures/seed/programme-2024-hau-giang-draft.txt', import.meta.url), join(archive, 'programme-2024-hau-giang-draft.txt'));
  for (let k = 0; k < count - 1; k++) {
    const year = 1996 + (k % 30);
    const unit = Math.floor(k / 30);
    const folder = join(archive, `don-vi-${String(unit).padStart(4, '0')}`);
    if (k % 30 === 0) mkdirSync(folder, { recursive: true });
    const issuer = `TỈNH ỦY ${PROVINCES[unit % PROVINCES.length]}`;
    writeFileSync(join(folder, `ctr-${year}.txt`), reviewProgramme(year, { issuer, number: 1 + (unit % 90), offset: unit }).text);
  }
  return { dir, archive };
}

/** Indexes `count` documents with the CLI, then times the questions; every figure as a line for bench.mjs. */
export async function archiveBench({ cli, count = 10_000, timeIt }) {
  const { dir, archive } = makeArchive(count);
  const db = join(dir, 'archive.db');
  try {
    const started = performance.now();
    const r = spawnSync(process.execPath, [cli, 'index', archive, '--db', db, '-q'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(-2).join(' ') };
    const again = performance.now();
    spawnSync(process.execPath, [cli, 'index', archive, '--db', db, '-q'], { encoding: 'utf8' });
    const reindex = (performance.now() - again) / 1000;
    const t0 = performance.now();
    const a = await ArchiveDb.open(db);
    const openMs = performance.now() - t0;
    const checks = defaultGrammar().checks;
    const counts = a.get('SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM items) AS items, (SELECT COUNT(*) FROM citations) AS citations');
    const questions = {
      'anniversaries 2026': () => anniversaries(a, 2026, checks),
      'anniversaries 2029': () => anniversaries(a, 2029, checks),
      'cites 94-KL/TW': () => cites(a, '94-KL/TW'),
      'agencies --year 2024': () => agencies(a, 2024),
      'search "chuyen doi so"': () => search(a, 'chuyen doi so'),
    };
    const answers = Object.fromEntries(Object.entries(questions).map(([name, ask]) => [name, { ms: timeIt(ask, 1000), size: ask().length }]));
    a.close();
    return { seconds, reindex, perSecond: count / seconds, bytes: statSync(db).size, openMs, counts, answers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
