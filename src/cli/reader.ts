import { createHash } from 'node:crypto';
import type { WorkerPool } from '../batch/pool.js';
import type { ParseResult, ParseTask, TextResult } from '../batch/protocol.js';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_SIZE, ingestFile, readBounded, readStdin } from '../ingest/file.js';
import type { Programme } from '../model/programme.js';
import { normalizeText } from '../normalize/text.js';
import type { ParseFileOptions } from '../parse-file.js';
import { EXIT, UsageError, WriteError, describeError, warn } from './io.js';

export interface ReadOptions extends ParseFileOptions {
  /** 0 or absent: no limit. */
  timeoutMs?: number;
  /** Heap limit of the worker in MB. */
  memoryMb?: number;
  /** Tests swap in a worker that hangs. */
  workerUrl?: URL;
}

/**
 * How a one-shot command (parse, outline, text, lint, diff) reads its files. In this thread by
 * default; with --timeout or --max-memory in a worker of the batch pool, which is stopped at the
 * limit, because a parse stuck in a loop would keep this thread's timers from ever firing.
 */
export class FileReader {
  /** Started with the first file read in a worker; loaded only then (worker_threads and all). */
  private pool: Promise<WorkerPool<ParseResult | TextResult>> | null = null;
  private readonly limited: boolean;
  private id = 0;

  constructor(private readonly options: ReadOptions) {
    this.limited = (options.timeoutMs ?? 0) > 0 || options.memoryMb !== undefined;
  }

  async model(file: string): Promise<Programme> {
    // The parser (and zod, for the model's schema) is loaded by the commands that want a model:
    // `vanban text` never needs it.
    if (!this.limited) return (await (await import('../parse-file.js')).processFile(file, this.options)).model;
    const result = await this.inWorker(file, 'model');
    return JSON.parse((result as Extract<ParseResult, { ok: true }>).json) as Programme;
  }

  async text(file: string): Promise<string> {
    if (!this.limited) {
      const ingested = await ingestFile(file, this.options).catch((error: unknown) => Promise.reject(named(error, file)));
      return normalizeText(ingested.text);
    }
    return ((await this.inWorker(file, 'text')) as Extract<TextResult, { ok: true }>).text;
  }

  close(): Promise<void> {
    return this.pool?.then((pool) => pool.close()) ?? Promise.resolve();
  }

  private workers(): Promise<WorkerPool<ParseResult | TextResult>> {
    const { workerUrl, timeoutMs, memoryMb } = this.options;
    this.pool ??= import('../batch/pool.js').then(
      ({ WorkerPool, DEFAULT_WORKER_MEMORY_MB }) => new WorkerPool(1, { ...(workerUrl ? { url: workerUrl } : {}), timeoutMs: timeoutMs ?? 0, memoryMb: memoryMb ?? DEFAULT_WORKER_MEMORY_MB }),
    );
    return this.pool;
  }

  private async inWorker(file: string, want: 'model' | 'text'): Promise<ParseResult | TextResult> {
    // The worker starts loading while the file is read.
    const started = this.workers();
    const name = file === '-' ? null : file;
    const maxSize = this.options.maxSize ?? DEFAULT_MAX_SIZE;
    const bytes = await (name === null ? readStdin(maxSize) : readBounded(name, maxSize)).catch((error: unknown) => Promise.reject(named(error, file)));
    const task: ParseTask = {
      id: ++this.id,
      file: name,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: Uint8Array.from(bytes).buffer,
      revision: this.options.revision ?? 'accepted',
      mammothCheck: this.options.mammothCheck ?? 'auto',
      pretty: false,
      want,
      ...(this.options.format ? { format: this.options.format } : {}),
      ...(this.options.rules ? { rules: this.options.rules } : {}),
    };
    const pool = await started;
    let result;
    try {
      result = await pool.run(task);
    } catch (error) {
      const { WorkerCrash } = await import('../batch/pool.js');
      throw error instanceof WorkerCrash ? new InputError(error.message, name ?? '<stdin>') : error;
    }
    if (!result.ok) throw new InputError(result.reason, name ?? '<stdin>');
    return result;
  }
}

function named(error: unknown, file: string): unknown {
  return error instanceof InputError ? error.withFile(file === '-' ? '<stdin>' : file) : error;
}

/** How a file is named in messages and headings. */
export const displayName = (file: string) => (file === '-' ? '<stdin>' : file);

/**
 * `each` on every file in turn. A file that cannot be read gets its one-line error on stderr and
 * the rest go on; the status is 1 when any failed. A failed write of the output stops the run.
 */
export async function eachFile(files: readonly string[], each: (file: string, index: number) => Promise<void>): Promise<number> {
  let failed = false;
  for (const [index, file] of files.entries()) {
    try {
      await each(file, index);
    } catch (error) {
      if (error instanceof WriteError || error instanceof UsageError) throw error;
      warn(`vanban: ${describeError(error, displayName(file))}`);
      failed = true;
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/** The line above each file's output when a command prints several (as head(1) and tail(1) do). */
export function fileHeading(file: string, first: boolean): string {
  return `${first ? '' : '\n'}==> ${displayName(file)} <==\n`;
}
