import { Worker } from 'node:worker_threads';
import type { ParseResult, ParseTask, WorkerMessage } from './protocol.js';
import type { WorkerData } from './worker.js';

/** The worker died while parsing a file (crash, out of memory, timeout): that file fails, the batch goes on. */
export class WorkerCrash extends Error {
  override readonly name = 'WorkerCrash';
}

/** The pool was closed (the run was interrupted) before the file was parsed. */
export class PoolClosed extends Error {
  override readonly name = 'PoolClosed';
}

/** The compiled worker beside this module; under vitest this module is the .ts source, so dist/'s. */
export function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/batch/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
}

/** Heap per worker: a hostile file fails alone instead of taking the process down. */
export const DEFAULT_WORKER_MEMORY_MB = 400;

export interface PoolOptions {
  url?: URL;
  /** Per file, from when its worker is ready; 0 for none. */
  timeoutMs?: number;
  /** V8 heap limit of each worker, in MB; 0 for V8's default. */
  memoryMb?: number;
  /** What the workers mostly do (see worker.ts). */
  role?: WorkerData['role'];
}

interface Job<R> {
  task: ParseTask;
  timeoutMs: number;
  /** The limit the person set, for the message (a second stage gets what the first left of it). */
  statedMs: number;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Up to `size` worker threads, started as work arrives, one file each at a time. A worker that
 * dies fails only the file it held and is replaced by a fresh one for the next file. A file's
 * time limit starts when its worker says it is ready, so starting a worker is not counted.
 */
export class WorkerPool<R extends { id: number } = ParseResult> {
  private readonly idle: Worker[] = [];
  private readonly current = new Map<Worker, Job<R> | null>();
  private readonly ready = new Set<Worker>();
  private readonly queue: Job<R>[] = [];
  private closed = false;
  private readonly url: URL;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly role: WorkerData['role'];

  constructor(
    private readonly size: number,
    options: PoolOptions = {},
  ) {
    this.url = options.url ?? defaultWorkerUrl();
    this.timeoutMs = options.timeoutMs ?? 0;
    this.memoryMb = options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB;
    this.role = options.role;
  }

  /**
   * Parses one file; `timeoutMs` overrides the pool's limit for this file, and `statedMs` is the
   * limit a time-out names (when this is what is left of a longer one).
   */
  run(task: ParseTask, timeoutMs = this.timeoutMs, statedMs = timeoutMs): Promise<R> {
    if (this.closed) return Promise.reject(new PoolClosed('interrupted'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, timeoutMs, statedMs, resolve, reject });
      this.pump();
    });
  }

  /**
   * Starts up to `count` workers now, before any file is queued, so that their loading overlaps
   * what the caller does meanwhile (taking the lock, walking the folders). They wait idle.
   */
  warm(count = this.size): void {
    while (!this.closed && this.current.size < Math.min(count, this.size)) this.idle.push(this.spawn());
  }

  /** Files given and not yet answered, less the workers there may be: below 0, a file given now starts at once. */
  backlog(): number {
    let busy = 0;
    for (const job of this.current.values()) if (job) busy++;
    return this.queue.length + busy - this.size;
  }

  /** Stops every worker; files queued or being parsed reject with PoolClosed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PoolClosed('interrupted'));
    const workers = [...this.current.keys()];
    for (const worker of workers) this.lose(worker, new PoolClosed('interrupted'));
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      const worker = this.idle.pop() ?? (this.current.size < this.size ? this.spawn() : null);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.current.set(worker, job);
      // A worker still starting holds the task in its port until it listens.
      if (this.ready.has(worker)) this.arm(worker, job);
      worker.postMessage(job.task, job.task.bytes ? [job.task.bytes] : []);
    }
  }

  private arm(worker: Worker, job: Job<R>): void {
    if (job.timeoutMs <= 0) return;
    job.timer = setTimeout(() => {
      this.lose(worker, new WorkerCrash(`timed out after ${job.statedMs / 1000} s (--timeout)`));
      void worker.terminate();
    }, job.timeoutMs);
  }

  private spawn(): Worker {
    const limits = this.memoryMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } } : {};
    const data: WorkerData = this.role ? { role: this.role } : {};
    const worker = new Worker(this.url, { ...limits, workerData: data });
    this.current.set(worker, null);
    worker.on('message', (message: WorkerMessage<R>) => {
      const job = this.current.get(worker);
      if (typeof message === 'object' && message !== null && 'ready' in message) {
        this.ready.add(worker);
        if (job) this.arm(worker, job);
        return;
      }
      if (!job) return;
      clearTimeout(job.timer);
      this.current.set(worker, null);
      this.idle.push(worker);
      job.resolve(message);
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => this.lose(worker, new WorkerCrash(this.crashReason(error))));
    worker.on('exit', (code) => this.lose(worker, new WorkerCrash(`worker exited with code ${code}`)));
    return worker;
  }

  private crashReason(error: Error & { code?: string }): string {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return `out of memory: over the ${this.memoryMb} MB a worker may use (--max-memory)`;
    return `worker crashed: ${error.message}`;
  }

  /** Forgets a worker (first report wins: 'error' comes before 'exit') and fails its file. */
  private lose(worker: Worker, error: Error): void {
    if (!this.current.has(worker)) return;
    const job = this.current.get(worker);
    this.current.delete(worker);
    this.ready.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    if (job) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.pump();
  }
}
