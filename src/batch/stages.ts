import type { Format } from '../ingest/types.js';
import { WorkerPool, type PoolOptions } from './pool.js';
import type { Failed, FileResult, IngestedResult, ParseTask } from './protocol.js';

/** Formats whose reading is a large share of a conversion: worth a stage of its own. */
const STAGED = new Set<Format>(['docx', 'doc']);

/**
 * A batch of more files than this converts whole, as a batch of one worker does: warming up for
 * all of the code is then paid back, and whole conversions keep every worker busy (in two stages
 * a reading worker waits about a third of the time, reading being about two fifths of the work).
 */
export const STAGED_UP_TO = 500;

/** Files each worker of a batch holds at once (PoolOptions.depth). */
export const WORKER_DEPTH = 2;

/**
 * The workers of a batch. With one worker, it converts each file whole. With more, a Word file is
 * converted in two stages: some workers only read (.docx/.doc → text, the "read" pool) and the
 * others only parse (text → .json), so each worker runs, and warms up its JIT for, half of the
 * code. Warming up is a large share of a short batch (V8 compiling the hot code on its background
 * threads took about as much CPU time as the conversions of 150 small .docx); two workers each
 * converting whole files paid it twice, and on two cores were slower than one. Other
 * files (text, Markdown, HTML, whose reading is cheap) are converted whole by a parsing worker, or
 * by a reading worker that would otherwise wait; so is every file of a long batch (STAGED_UP_TO).
 */
export class Converters {
  private readonly parsers: WorkerPool<FileResult>;
  private readonly readers: WorkerPool<IngestedResult | FileResult> | null;
  private staged = true;

  constructor(
    concurrency: number,
    private readonly options: PoolOptions & { timeoutMs: number },
  ) {
    // Reading a Word file takes about two fifths of its conversion.
    const reading = concurrency >= 2 ? Math.max(1, Math.round(concurrency * 0.4)) : 0;
    // Each worker holds the next file while it converts one: it need not wait for the main thread.
    const pools = { ...options, depth: WORKER_DEPTH };
    this.parsers = new WorkerPool<FileResult>(concurrency - reading, { ...pools, role: 'parse' });
    this.readers = reading > 0 ? new WorkerPool<IngestedResult | FileResult>(reading, { ...pools, role: 'read' }) : null;
  }

  /** How many files the run converts at most: a long batch converts them whole. */
  plan(files: number): void {
    this.staged = files <= STAGED_UP_TO;
  }

  /** Starts up to `count` workers of each kind now, so that their loading overlaps what the caller does meanwhile. */
  warm(count: number): void {
    this.parsers.warm(count);
    this.readers?.warm(count);
  }

  /**
   * Converts one file to the bytes of its .json. `format` is what the file will be read as; its
   * time limit is the whole conversion's, both stages together. Rejects as WorkerPool.run does.
   */
  async convert(task: ParseTask & { want: 'file' }, format: Format | null): Promise<FileResult> {
    const readers = this.readers;
    if (!readers || !this.staged || !format || !STAGED.has(format)) {
      // To whichever kind of worker has less waiting; a parsing one when they are even.
      return (readers && readers.backlog() < this.parsers.backlog() ? readers : this.parsers).run(task) as Promise<FileResult>;
    }
    const read = (await readers.run({ ...task, want: 'ingested' })) as IngestedResult;
    if (!read.ok) return read;
    const { bytes: _sent, ...rest } = task;
    const { timeoutMs } = this.options;
    const left = timeoutMs > 0 ? Math.max(1, timeoutMs - read.ms) : 0;
    const parsed = await this.parsers.run({ ...rest, ingested: read.ingested }, left, timeoutMs);
    return { ...parsed, ms: read.ms + parsed.ms } as FileResult | Failed;
  }

  async close(): Promise<void> {
    await Promise.all([this.parsers.close(), this.readers?.close()]);
  }
}
