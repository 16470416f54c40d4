import { createHash } from 'node:crypto';
import { access, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import { InputError } from '../errors.js';
import type { Programme } from '../model/programme.js';
import { removeStaleTemps, writeAtomic } from './atomic.js';
import { writeExports, type ExportPaths } from './exports.js';
import { assignOutputs, collectInputs, type Input } from './inputs.js';
import { COUNT_KEYS, MANIFEST_NAME, Manifest, NO_COUNTS, readManifest, type Counts, type ManifestLine } from './manifest.js';
import type { RuleConfig } from '../check/rule.js';
import { squash } from '../normalize/text.js';
import { PoolClosed, WorkerPool } from './pool.js';
import { Progress, type ProgressOptions, type Stream } from './progress.js';
import { readBounded, systemReason } from '../ingest/file.js';
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
  exports?: ExportPaths;
  progress?: ProgressOptions;
  stream?: Stream;
  /** Aborting stops the run: no new files, workers stopped, the manifest left as it stands. */
  signal?: AbortSignal;
  /** Tests swap in a worker that crashes. */
  workerUrl?: URL;
}

export interface BatchSummary {
  inputs: number;
  converted: number;
  failed: number;
  skipped: number;
  /** Converted (or unchanged) documents whose genre is unknown or whose header was not found. */
  notUnderstood: number;
  interrupted: boolean;
  seconds: number;
  manifest: string;
}

const QUIET: ProgressOptions = { live: false, verbose: false, color: false };

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const { out, signal } = options;
  await prepareOutFolder(out);
  await removeStaleTemps(out);
  const manifestPath = join(out, MANIFEST_NAME);
  const previous = options.resume ? await readManifest(manifestPath) : new Map<string, ManifestLine>();
  const exportFiles = [options.exports?.csv, options.exports?.ndjson].filter((p): p is string => !!p);
  const inputs = await collectInputs(options.inputs, [out, ...exportFiles]);
  assignOutputs(inputs);

  const version = vanbanVersion();
  const manifest = await Manifest.open(manifestPath, options.resume ?? false);
  const progress = new Progress(inputs.length, options.progress ?? QUIET, options.stream);
  const pool = new WorkerPool(Math.max(1, options.concurrency), options.workerUrl, options.timeoutMs ?? 0);
  // Bounds the files held in memory (read, parsing or being written): enough to keep every worker fed.
  const limit = pLimit(Math.max(4, options.concurrency * 2));
  const lines: ManifestLine[] = [];
  const folders = new Set<string>(); // made already: one mkdir per folder, not per file
  const stop = () => void pool.close();
  signal?.addEventListener('abort', stop, { once: true });

  const record = (index: number, line: ManifestLine) => {
    lines[index] = line;
    manifest.append(line);
    progress.tick(line.status === 'error');
    if (line.status === 'error') progress.log(`vanban: ${line.path}: ${progress.red(line.reason ?? 'failed')}`);
  };

  const convert = async (input: Input, index: number): Promise<void> => {
    if (signal?.aborted) return;
    const t0 = performance.now();
    let queued = 0; // waiting for a free worker is not time spent on this file
    const line = (fields: Partial<ManifestLine> & Pick<ManifestLine, 'status'>): ManifestLine => ({
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

    const before = previous.get(input.path);
    if (before && (await vouchesFor(before, { ...read, output: input.output, version }, target))) {
      return record(index, line({ status: 'skipped', reason: 'unchanged since the last run', output: input.output, format: before.format, ...read, ...pickCounts(before) }));
    }

    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = (exact ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
    let result;
    const sent = performance.now();
    try {
      result = await pool.run({
        id: index,
        file: input.path,
        sha256: read.sha256,
        bytes: buffer,
        revision: options.revision ?? 'accepted',
        mammothCheck: options.mammothCheck ?? 'auto',
        pretty: options.pretty ?? false,
        ...(options.rules ? { rules: options.rules } : {}),
      });
    } catch (error) {
      if (error instanceof PoolClosed) return; // interrupted: the next --resume does it
      return record(index, line({ status: 'error', reason: (error as Error).message, ...read }));
    }
    queued = Math.max(0, performance.now() - sent - result.ms);
    if (!result.ok) return record(index, line({ status: 'error', reason: result.reason, ...read }));
    try {
      const folder = dirname(target);
      if (!folders.has(folder)) await mkdir(folder, { recursive: true }).then(() => folders.add(folder));
      await writeAtomic(target, `${result.json}\n`);
    } catch (error) {
      return record(index, line({ status: 'error', reason: `cannot write ${input.output}: ${systemReason(error)}`, ...read }));
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
  if (interrupted) manifest.close();
  else {
    await manifest.finish(lines.filter(Boolean));
    if (exportFiles.length) await writeExports(options.exports!, documents(lines, out));
  }
  return {
    inputs: inputs.length,
    converted: lines.filter((l) => l?.status === 'ok').length,
    failed: lines.filter((l) => l?.status === 'error').length,
    skipped: lines.filter((l) => l?.status === 'skipped').length,
    notUnderstood: lines.filter((l) => l?.status !== 'error' && l?.understood === false).length,
    interrupted,
    seconds: (performance.now() - started) / 1000,
    manifest: manifestPath,
  };
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

/** An earlier line vouches for an output when it was made from these very bytes by this version. */
async function vouchesFor(
  before: ManifestLine,
  now: { sha256: string; output: string; version: string },
  target: string,
): Promise<boolean> {
  const made = before.status === 'ok' || (before.status === 'skipped' && before.output !== null);
  if (!made || before.sha256 !== now.sha256 || before.version !== now.version || before.output !== now.output) return false;
  return access(target).then(
    () => true,
    () => false,
  );
}

/** Every converted or unchanged document, in input order, read back from the output folder. */
async function* documents(lines: ManifestLine[], out: string): AsyncIterable<{ file: string; model: Programme }> {
  for (const line of lines) {
    if (!line?.output || line.status === 'error') continue;
    const model = JSON.parse(await readFile(join(out, line.output), 'utf8')) as Programme;
    yield { file: line.path, model };
  }
}

export function summaryLine(s: BatchSummary): string {
  const rate = s.seconds > 0 ? (s.converted / s.seconds).toFixed(1) : '0';
  const counts = `${s.converted} converted, ${s.failed} failed, ${s.skipped} skipped, ${s.notUnderstood} not understood`;
  if (s.interrupted) {
    return `vanban batch: interrupted after ${s.converted + s.failed + s.skipped} of ${s.inputs} inputs (${counts}); run again with --resume to continue`;
  }
  return `vanban batch: ${s.inputs} ${s.inputs === 1 ? 'input' : 'inputs'}: ${counts} in ${s.seconds.toFixed(1)} s (${rate} files/s); manifest ${s.manifest}`;
}
