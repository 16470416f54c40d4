import { lstat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { InputError } from '../errors.js';
import { MANIFEST_NAME, STATUSES, readManifest, type ManifestProblem, type Status } from './manifest.js';

/** What `vanban batch --status DIR` reports: the latest state of every input the manifest knows. */
export interface BatchStatus {
  manifest: string;
  /** Runs that wrote lines, oldest first; lines written before runs had ids count as one run, null. */
  runs: { id: string | null; lines: number }[];
  /** Inputs the manifest knows (one per path, whatever the number of runs). */
  inputs: number;
  /** Inputs by the status of their latest line. */
  counts: Record<Status, number>;
  /** Converted or unchanged documents of unknown genre or without a header. */
  notUnderstood: number;
  /** Inputs whose latest line is an error, with the reason and the run. */
  failed: { path: string; reason: string; run: string | null }[];
  /** Inputs converted, unchanged or skipped whose source is no longer there (deleted, moved). */
  gone: { path: string; status: Status; run: string | null }[];
  /** Lines that are not manifest lines (a torn last line of a killed run), ignored. */
  problems: ManifestProblem[];
}

/**
 * Reads DIR/manifest.ndjson. Paths are as the batch was given them: relative ones are looked up
 * from the current folder, as --resume does.
 */
export async function batchStatus(out: string): Promise<BatchStatus> {
  const manifest = join(out, MANIFEST_NAME);
  const exists = await lstat(manifest).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) throw new InputError(`no ${MANIFEST_NAME}: not the output folder of a batch (--out)`, out);
  const history = await readManifest(manifest);
  const runs = new Map<string | null, number>();
  for (const line of history.lines) runs.set(line.run ?? null, (runs.get(line.run ?? null) ?? 0) + 1);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const failed: BatchStatus['failed'] = [];
  const gone: BatchStatus['gone'] = [];
  let notUnderstood = 0;
  const latest = [...history.latest.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await Promise.all(
    latest.map(async (line) => {
      const status = STATUSES.includes(line.status) ? line.status : 'error';
      counts[status] += 1;
      if (status !== 'error' && line.understood === false) notUnderstood += 1;
      if (status === 'error') failed.push({ path: line.path, reason: line.reason ?? 'failed', run: line.run ?? null });
      // An error's path may be a pattern or a file that was never there: listed as failed already.
      else if (!(await present(line.path))) gone.push({ path: line.path, status, run: line.run ?? null });
    }),
  );
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    manifest,
    runs: [...runs].map(([id, lines]) => ({ id, lines })),
    inputs: latest.length,
    counts,
    notUnderstood,
    failed: failed.sort(byPath),
    gone: gone.sort(byPath),
    problems: history.problems,
  };
}

async function present(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && error.code !== 'ENOTDIR',
  );
}

const WORDS = {
  vi: {
    inputs: (n: number) => `${n} đầu vào`,
    runs: (n: number) => `${n} lần chạy`,
    latest: 'lần chạy cuối',
    unnamed: 'trước khi có mã lần chạy',
    status: { ok: 'đã chuyển đổi', error: 'lỗi', unchanged: 'không đổi', skipped: 'bỏ qua' } as Record<Status, string>,
    notUnderstood: (n: number) => `${n} chưa hiểu được (thể loại không rõ hoặc không thấy phần đầu)`,
    failed: 'Lỗi (trạng thái mới nhất):',
    gone: 'Tệp nguồn không còn:',
    problem: 'không phải một dòng manifest trọn vẹn (lần chạy bị dừng khi đang ghi?); đã bỏ qua',
    allGone: 'đường dẫn tương đối tính từ thư mục đã chạy vanban batch: hãy chạy --status từ đó',
  },
  en: {
    inputs: (n: number) => `${n} ${n === 1 ? 'input' : 'inputs'}`,
    runs: (n: number) => `${n} ${n === 1 ? 'run' : 'runs'}`,
    latest: 'latest run',
    unnamed: 'before run ids',
    status: { ok: 'converted', error: 'failed', unchanged: 'unchanged', skipped: 'skipped' } as Record<Status, string>,
    notUnderstood: (n: number) => `${n} not understood (unknown genre or no header found)`,
    failed: 'Failed (latest state):',
    gone: 'Source no longer there:',
    problem: 'not a whole manifest line (a run killed while writing it?); ignored',
    allGone: 'relative paths are from the folder vanban batch ran in: run --status from there',
  },
};

/** The status as text: a head line, the counts, then the failed inputs and the sources gone. */
export function renderStatus(status: BatchStatus, lang: 'vi' | 'en'): string {
  const w = WORDS[lang];
  const last = status.runs.at(-1);
  const head = [status.manifest, w.inputs(status.inputs), w.runs(status.runs.length)];
  if (last) head.push(`${w.latest} ${last.id ?? w.unnamed}`);
  const counts = STATUSES.map((s) => `${status.counts[s]} ${w.status[s]}`).join(', ');
  const out = [head.join(' · '), `  ${counts}; ${w.notUnderstood(status.notUnderstood)}`];
  for (const p of status.problems) out.push(`  ${status.manifest}:${p.line}: ${w.problem}`);
  if (status.failed.length) out.push(w.failed, ...status.failed.map((f) => `  ${f.path}: ${f.reason}`));
  if (status.gone.length) {
    out.push(w.gone, ...status.gone.map((g) => `  ${g.path} (${w.status[g.status]})`));
    const counted = status.inputs - status.counts.error;
    if (counted > 0 && status.gone.length === counted && status.gone.some((g) => !isAbsolute(g.path))) out.push(`  (${w.allGone})`);
  }
  return `${out.join('\n')}\n`;
}
