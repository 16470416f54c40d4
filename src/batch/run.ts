import { createHash } from 'node:crypto';
import { access, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { InputError, UsageError } from '../errors.js';
import type { Programme } from '../model/programme.js';
import { openTemp, removeStaleTemps, writeAtomic, type OpenTemp } from './atomic.js';
import type { ExportPaths } from './exports.js';
import { assignOutputs, collectInputs, type Input } from './inputs.js';
import { OutLock, LOCK_NAME } from './lock.js';
import {
  COUNT_KEYS,
  MANIFEST_NAME,
  Manifest,
  NO_COUNTS,
  canonical,
  newRunId,
  readManifest,
  sameOptions,
  type Counts,
  type ManifestLine,
  type OutputOptions,
} from './manifest.js';
import type { RuleConfig } from '../check/rule.js';
import { squash } from '../normalize/text.js';
import { PoolClosed } from './pool.js';
import { Converters, WORKER_DEPTH } from './stages.js';
import { Progress, type ProgressOptions, type Stream } from './progress.js';
import { detectFormat, readBounded, systemReason } from '../ingest/file.js';
import { cannot } from '../system-error.js';
import { vanbanVersion } from './version.js';

export interface BatchOptions {
  /** Files, folders and glob patterns. */
  inputs: string[];
  out: string;
  /** Worker threads for the parsing. */
  concurrency: number;
  resume?: boolean;
  revision?: 'accepted' | 'original';
  /** For .docx: have mammoth read each file as a second opinion (default true). */
  mammothCheck?: 'auto' | 'always' | 'never';
  maxSize: number;
  pretty?: boolean;
  /** `--rule CODE=LEVEL` settings, applied to every document. */
  rules?: RuleConfig;
  /** Per file; 0 for none. A file that hangs a worker fails instead of stalling the archive. */
  timeoutMs?: number;
  /** Heap limit of each worker in MB (default 400): a file that needs more fails alone. */
  memoryMb?: number;
  /** Read linked files that point outside the input folders (skipped by default). */
  followLinks?: boolean;
  exports?: ExportPaths;
  progress?: ProgressOptions;
  stream?: Stream;
  /** Aborting stops the run: no new files, workers stopped, the manifest left as it stands. */
  signal?: AbortSignal;
  /** Tests swap in a worker that crashes. */
  workerUrl?: URL;
  /** Tests swap in temporary files that fill up. */
  openTemp?: OpenTemp;
}

export interface BatchSummary {
  /** This run's id, on each of its manifest lines. */
  run: string;
  inputs: number;
  converted: number;
  failed: number;
  /** Found as an earlier run left them (--resume): their outputs stand. */
  unchanged: number;
  skipped: number;
  /** Converted (or unchanged) documents whose genre is unknown or whose header was not found. */
  notUnderstood: number;
  interrupted: boolean;
  seconds: number;
  manifest: string;
}

const QUIET: ProgressOptions = { live: false, verbose: false, color: false };

/** Write failures after which no other file can be written either: the run stops. */
const FATAL_WRITE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const { out } = options;
  await prepareOutFolder(out);
  const lock = await OutLock.take(out);
  try {
    return await runLocked(options);
  } finally {
    await lock.release();
  }
}

async function runLocked(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const pool = new Converters(Math.max(1, options.concurrency), {
    ...(options.workerUrl ? { url: options.workerUrl } : {}),
    timeoutMs: options.timeoutMs ?? 0,
    ...(options.memoryMb !== undefined ? { memoryMb: options.memoryMb } : {}),
  });
  // Workers (one of each kind) load their code while this thread walks the folders; the others start with the files.
  // (--resume may find nothing to convert: its workers start on demand.)
  if (!options.resume) pool.warm(1);
  try {
    return await convertAll(options, pool, started);
  } finally {
    await pool.close();
  }
}

async function convertAll(options: BatchOptions, pool: Converters, started: number): Promise<BatchSummary> {
  const { out, signal } = options;
  const opener = options.openTemp ?? openTemp;
  await removeStaleTemps(out);
  const manifestPath = join(out, MANIFEST_NAME);
  const history = options.resume ? await readManifest(manifestPath).catch((e: unknown) => Promise.reject(cannot('read', manifestPath, e))) : null;
  const previous = history?.latest ?? new Map<string, ManifestLine>();
  // The same folder named another way (relative, then absolute) makes the same outputs from the
  // same bytes: an output's line vouches for it whatever path led there (vouchesFor checks the rest).
  const previousOutputs = new Map([...previous.values()].flatMap((l) => (l.output ? [[l.output, l] as const] : [])));
  const exportPaths = { csv: options.exports?.csv, ndjson: options.exports?.ndjson };
  const collected = await collectInputs(options.inputs, { exclude: [out], followLinks: options.followLinks ?? false });
  assignOutputs(collected);
  await refuseClobbering(exportPaths, collected, out);
  const inputs = withoutExports(collected, exportPaths);

  const version = vanbanVersion();
  const shaping = outputOptions(options);
  const run = newRunId();
  let manifest: Manifest;
  try {
    manifest = Manifest.open(manifestPath);
  } catch (error) {
    throw cannot('write', manifestPath, error);
  }
  const progress = new Progress(inputs.length, options.progress ?? QUIET, options.stream);
  for (const { line } of history?.problems ?? []) {
    progress.log(`vanban: ${manifestPath}:${line}: not a whole manifest line (a run killed while writing it?); ignored`);
  }
  const convertible = inputs.filter((i) => i.format && i.output && !i.error && !i.skip).length;
  pool.plan(convertible);
  if (!options.resume) pool.warm(convertible);
  // Bounds the files held in memory (read, parsing or being written): enough to keep every worker
  // fed, the files each holds (WORKER_DEPTH) and one more being read or written.
  const limit = pLimit(Math.max(4, options.concurrency * (WORKER_DEPTH + 1)));
  const lines: ManifestLine[] = [];
  const folders = new Set<string>(); // made already: one mkdir per folder, not per file
  // The person's signal or a failure that ends the run (a full disk): no new files either way.
  const halt = new AbortController();
  let fatal: Error | null = null;
  const fail = (error: Error) => {
    fatal ??= error;
    halt.abort();
    void pool.close();
  };
  const stop = () => {
    halt.abort();
    void pool.close();
  };
  signal?.addEventListener('abort', stop, { once: true });

  const record = (index: number, line: ManifestLine) => {
    lines[index] = line;
    progress.tick(line.status === 'error');
    if (line.status === 'error') progress.log(`vanban: ${line.path}: ${progress.red(line.reason ?? 'failed')}`);
    if (fatal) return; // the manifest may be what cannot be written
    try {
      manifest.append(line);
    } catch (error) {
      fail(cannot('write', manifestPath, error));
    }
  };

  const convert = async (input: Input, index: number): Promise<void> => {
    if (halt.signal.aborted) return;
    const t0 = performance.now();
    let queued = 0; // waiting for a free worker is not time spent on this file
    const line = (fields: Partial<ManifestLine> & Pick<ManifestLine, 'status'>): ManifestLine => ({
      run,
      path: input.path,
      status: fields.status,
      // One line, for the manifest and the terminal: an error message may span several.
      reason: fields.reason ? squash(fields.reason) : null,
      output: fields.output ?? null,
      format: fields.format ?? input.format,
      size: fields.size ?? null,
      sha256: fields.sha256 ?? null,
      ...NO_COUNTS,
      ...pickCounts(fields),
      ms: Math.round(performance.now() - t0 - queued),
      version,
      options: shaping,
    });
    if (input.error) return record(index, line({ status: 'error', reason: input.error }));
    if (input.skip || !input.format || !input.output) return record(index, line({ status: 'skipped', reason: input.skip ?? 'not converted' }));

    let bytes: Buffer;
    try {
      bytes = await readBounded(input.path, options.maxSize);
    } catch (error) {
      return record(index, line({ status: 'error', reason: (error as Error).message }));
    }
    const read = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    const target = join(out, input.output);

    const before = previous.get(input.path) ?? previousOutputs.get(input.output);
    if (before && (await vouchesFor(before, { ...read, output: input.output, version, options: shaping }, target))) {
      return record(index, line({ status: 'unchanged', reason: 'unchanged since the last run', output: input.output, format: before.format, ...read, ...pickCounts(before) }));
    }

    const format = detectFormat(bytes, input.path); // before the bytes are handed away
    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = (exact ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
    let result;
    const sent = performance.now();
    try {
      const task = {
        id: index,
        file: input.path,
        sha256: read.sha256,
        bytes: buffer,
        revision: shaping.revision,
        mammothCheck: shaping.mammoth,
        pretty: shaping.pretty,
        want: 'file' as const,
        ...(options.rules ? { rules: options.rules } : {}),
      };
      result = await pool.convert(task, format);
    } catch (error) {
      if (error instanceof PoolClosed) return; // interrupted: the next --resume does it
      return record(index, line({ status: 'error', reason: (error as Error).message, ...read }));
    }
    queued = Math.max(0, performance.now() - sent - result.ms);
    if (!result.ok) return record(index, line({ status: 'error', reason: result.reason, ...read }));
    try {
      const folder = dirname(target);
      if (!folders.has(folder)) await mkdir(folder, { recursive: true }).then(() => folders.add(folder));
      await writeAtomic(target, new Uint8Array(result.file), opener);
    } catch (error) {
      const failure = cannot('write', target, error);
      record(index, line({ status: 'error', reason: failure.message, ...read }));
      if (FATAL_WRITE.has((error as NodeJS.ErrnoException).code ?? '')) fail(failure);
      return;
    }
    record(index, line({ status: 'ok', output: input.output, format: result.format, ...read, ...result.counts }));
  };

  try {
    await Promise.all(inputs.map((input, index) => limit(() => convert(input, index))));
  } finally {
    signal?.removeEventListener('abort', stop);
    await pool.close();
    progress.finish();
  }

  const interrupted = signal?.aborted ?? false;
  manifest.close();
  if (fatal) throw fatal;
  if (!interrupted && (exportPaths.csv || exportPaths.ndjson)) {
    // Loaded only when asked for: its writers (and the grammar's schemas they describe rules with)
    // would cost every batch's start.
    const { writeExports } = await import('./exports.js');
    await writeExports(exportPaths, documents(lines, out), opener);
  }
  const count = (status: ManifestLine['status']) => lines.filter((l) => l?.status === status).length;
  return {
    run,
    inputs: inputs.length,
    converted: count('ok'),
    failed: count('error'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    notUnderstood: lines.filter((l) => l?.status !== 'error' && l?.understood === false).length,
    interrupted,
    seconds: (performance.now() - started) / 1000,
    manifest: manifestPath,
  };
}

function outputOptions(options: BatchOptions): OutputOptions {
  return canonical({ revision: options.revision ?? 'accepted', mammoth: options.mammothCheck ?? 'auto', pretty: options.pretty ?? false, rules: options.rules ?? {} });
}

/**
 * An export must not land on what the run reads or writes: an input to convert, an output, the
 * manifest, the lock, or the other export. Compared as the file system resolves them (links,
 * "a/../b"), so a second spelling of the same file is caught too.
 */
async function refuseClobbering(exports: ExportPaths, inputs: Input[], out: string): Promise<void> {
  const named = (['csv', 'ndjson'] as const).filter((k) => exports[k]).map((k) => ({ flag: `--${k}`, path: exports[k]! }));
  if (named.length === 0) return;
  const taken = new Map<string, string>();
  const claim = async (path: string, what: string) => taken.set(await realTarget(path), what);
  await claim(join(out, MANIFEST_NAME), 'the manifest');
  await claim(join(out, LOCK_NAME), 'the lock file');
  const realOut = await realTarget(out);
  for (const input of inputs) if (input.output) taken.set(join(realOut, input.output), `the output ${join(out, input.output)}`);
  const convertible = inputs.filter((i) => i.format);
  const ids = new Map<string, Input>();
  await Promise.all(convertible.map(async (i) => ids.set(await fileId(i.path), i)));
  for (const { flag, path } of named) {
    const real = await realTarget(path);
    const input = ids.get(await fileId(path));
    const clash = taken.get(real) ?? (input ? `the input ${input.path}` : undefined);
    if (clash) throw new UsageError(`${flag} ${path} would overwrite ${clash}`);
    taken.set(real, `the ${flag} export`);
  }
}

/** The path with every folder that exists resolved (links, ".."): one spelling per file. */
async function realTarget(path: string): Promise<string> {
  const absolute = resolve(path);
  const parent = dirname(absolute);
  const real = await realpath(absolute).catch(() => null);
  if (real) return real;
  return parent === absolute ? absolute : join(await realTarget(parent), basename(absolute));
}

/** Device and inode, or a unique miss: a file that does not exist is no input. */
async function fileId(path: string): Promise<string> {
  return stat(path).then(
    (s) => `${s.dev}:${s.ino}`,
    () => `missing:${path}`,
  );
}

/** An earlier export found among the inputs (a .csv in the archive) is what this run rewrites, not an input. */
function withoutExports(inputs: Input[], exports: ExportPaths): Input[] {
  const paths = new Set([exports.csv, exports.ndjson].filter((p): p is string => !!p).map((p) => resolve(p)));
  return inputs.filter((i) => i.format || !paths.has(resolve(i.path)));
}

function pickCounts(from: Partial<Counts>): Partial<Counts> {
  const counts: Partial<Counts> = {};
  for (const key of COUNT_KEYS) if (from[key] !== undefined) (counts as Record<string, unknown>)[key] = from[key];
  return counts;
}

async function prepareOutFolder(out: string): Promise<void> {
  try {
    await mkdir(out, { recursive: true });
    if ((await stat(out)).isDirectory()) return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') {
      throw new InputError(systemReason(error), out);
    }
  }
  throw new InputError('is a file, not a folder (--out)', out);
}

/** An earlier line vouches for an output when it was made from these very bytes by this version with these options. */
async function vouchesFor(
  before: ManifestLine,
  now: { sha256: string; output: string; version: string; options: OutputOptions },
  target: string,
): Promise<boolean> {
  // Old manifests said "skipped" (with its output) for what is now "unchanged".
  const made = before.status === 'ok' || ((before.status === 'unchanged' || before.status === 'skipped') && before.output !== null);
  if (!made || before.sha256 !== now.sha256 || before.version !== now.version || before.output !== now.output) return false;
  if (!sameOptions(before.options, now.options)) return false;
  return access(target).then(
    () => true,
    () => false,
  );
}

/** Every converted or unchanged document, in input order, read back from the output folder. */
async function* documents(lines: ManifestLine[], out: string): AsyncIterable<{ file: string; model: Programme }> {
  for (const line of lines) {
    if (!line?.output || line.status === 'error') continue;
    const path = join(out, line.output);
    const text = await readFile(path, 'utf8').catch((error: unknown) => Promise.reject(cannot('read', path, error)));
    let model: Programme;
    try {
      model = JSON.parse(text) as Programme;
    } catch {
      throw new InputError(`cannot read ${path} for the exports: not JSON (changed since it was written?)`);
    }
    yield { file: line.path, model };
  }
}

/** The line that closes a run on stderr, in Vietnamese (default) or English. */
export function summaryLine(s: BatchSummary, lang: 'vi' | 'en' = 'vi'): string {
  const rate = s.seconds > 0 ? s.converted / s.seconds : 0;
  const done = s.converted + s.failed + s.unchanged + s.skipped;
  if (lang === 'vi') {
    // Vietnamese writes a decimal comma.
    const decimal = (n: number) => n.toFixed(1).replace('.', ',');
    const counts = `${s.converted} đã chuyển đổi, ${s.failed} lỗi, ${s.unchanged} không đổi, ${s.skipped} bỏ qua, ${s.notUnderstood} chưa nhận dạng được`;
    if (s.interrupted) return `vanban batch: đã dừng sau ${done} trên ${s.inputs} đầu vào (${counts}); chạy lại với --resume để làm tiếp`;
    return `vanban batch: ${s.inputs} đầu vào: ${counts} trong ${decimal(s.seconds)} giây (${decimal(rate)} tệp/giây); manifest ${s.manifest}`;
  }
  const counts = `${s.converted} converted, ${s.failed} failed, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.notUnderstood} not understood`;
  if (s.interrupted) {
    return `vanban batch: interrupted after ${done} of ${s.inputs} inputs (${counts}); run again with --resume to continue`;
  }
  return `vanban batch: ${s.inputs} ${s.inputs === 1 ? 'input' : 'inputs'}: ${counts} in ${s.seconds.toFixed(1)} s (${rate.toFixed(1)} files/s); manifest ${s.manifest}`;
}
