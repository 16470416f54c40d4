import { Worker } from 'node:worker_threads';
import type { ParseResult, ParseTask } from './protocol.js';

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

interface Job {
  task: ParseTask;
  resolve: (result: ParseResult) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Up to `size` worker threads, started as work arrives, one file each at a time. A worker that
 * dies fails only the file it held and is replaced by a fresh one for the next file.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly current = new Map<Worker, Job | null>();
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly url: URL = defaultWorkerUrl(),
    private readonly timeoutMs = 0,
  ) {}

  run(task: ParseTask): Promise<ParseResult> {
    if (this.closed) return Promise.reject(new PoolClosed('interrupted'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
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
      if (this.timeoutMs > 0) {
        job.timer = setTimeout(() => {
          this.lose(worker, new WorkerCrash(`timed out after ${this.timeoutMs / 1000} s`));
          void worker.terminate();
        }, this.timeoutMs);
      }
      worker.postMessage(job.task, [job.task.bytes]);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.url);
    this.current.set(worker, null);
    worker.on('message', (result: ParseResult) => {
      const job = this.current.get(worker);
      if (!job) return;
      clearTimeout(job.timer);
      this.current.set(worker, null);
      this.idle.push(worker);
      job.resolve(result);
      this.pump();
    });
    worker.on('error', (error) => this.lose(worker, new WorkerCrash(`worker crashed: ${error.message}`)));
    worker.on('exit', (code) => this.lose(worker, new WorkerCrash(`worker exited with code ${code}`)));
    return worker;
  }

  /** Forgets a worker (first report wins: 'error' comes before 'exit') and fails its file. */
  private lose(worker: Worker, error: Error): void {
    if (!this.current.has(worker)) return;
    const job = this.current.get(worker);
    this.current.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    if (job) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.pump();
  }
}
