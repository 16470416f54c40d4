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

/** What a worker is started with: a pool takes over a worker started ahead only when all of it matches. */
interface WorkerKind {
  url: URL;
  memoryMb: number;
  role: WorkerData['role'];
}

function startWorker({ url, memoryMb, role }: WorkerKind): Worker {
  const limits = memoryMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: memoryMb } } : {};
  const data: WorkerData = role ? { role } : {};
  return new Worker(url, { ...limits, workerData: data });
}

/** A worker started before its pool (startAhead), with what it told before the pool listened. */
interface Ahead {
  worker: Worker;
  kind: WorkerKind;
  told: [event: 'message' | 'error' | 'exit', value: unknown][];
  listeners: { [E in 'message' | 'error' | 'exit']: (value: unknown) => void };
}
let ahead: Ahead | null = null;

/**
 * Starts one worker before any pool exists (`vanban batch`, before the command's own code has
 * loaded): Node.js's bootstrap of the worker and the loading of its code (~0.1 s) then overlap
 * what the main thread does meanwhile. The first pool to want a worker of the same kind takes it
 * over (WorkerPool), with the messages it sent meanwhile (its readiness); until then it keeps no
 * process alive, and discardAhead() stops it when no pool took it.
 */
export function startAhead(options: { url?: URL; memoryMb?: number; role?: WorkerData['role'] } = {}): Worker {
  if (ahead) return ahead.worker;
  const kind = { url: options.url ?? defaultWorkerUrl(), memoryMb: options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB, role: options.role };
  const worker = startWorker(kind);
  worker.unref();
  const told: Ahead['told'] = [];
  const listeners = {
    message: (value: unknown) => told.push(['message', value]),
    error: (value: unknown) => told.push(['error', value]),
    exit: (value: unknown) => told.push(['exit', value]),
  };
  for (const event of ['message', 'error', 'exit'] as const) worker.on(event, listeners[event]);
  ahead = { worker, kind, told, listeners };
  return worker;
}

/** Stops the worker started ahead when no pool took it (the run ended before it wanted one). */
export async function discardAhead(): Promise<void> {
  const left = ahead;
  ahead = null;
  if (left) await left.worker.terminate();
}

/** The worker started ahead, if it is of this kind, as the caller's: what it told is told again once the caller listens. */
function takeAhead(kind: WorkerKind): { worker: Worker; retell: () => void } | null {
  if (!ahead || ahead.kind.url.href !== kind.url.href || ahead.kind.memoryMb !== kind.memoryMb || ahead.kind.role !== kind.role) return null;
  const { worker, told, listeners } = ahead;
  ahead = null;
  // One that failed before it was wanted is no worker to give a file to.
  if (told.some(([event]) => event !== 'message')) {
    void worker.terminate();
    return null;
  }
  for (const event of ['message', 'error', 'exit'] as const) worker.off(event, listeners[event]);
  worker.ref();
  // Told in a later microtask, as events come: not in the middle of the caller's bookkeeping.
  const retell = () => queueMicrotask(() => {
    for (const [event, value] of told) worker.emit(event, value);
  });
  return { worker, retell };
}

export interface PoolOptions {
  url?: URL;
  /** Per file, from when its worker is ready; 0 for none. */
  timeoutMs?: number;
  /** V8 heap limit of each worker, in MB; 0 for V8's default. */
  memoryMb?: number;
  /** What the workers mostly do (see worker.ts). */
  role?: WorkerData['role'];
  /**
   * Files a worker holds at once (default 1). With 2, the next file waits in the worker's own
   * queue while it converts one, so that between files the worker does not wait for the main
   * thread to hear its answer and send the next (with 1, on the 150 .docx of the benchmark, every
   * file but the first was sent only after the answer before it).
   */
  depth?: number;
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
 * Up to `size` worker threads, started as work arrives, each converting one file at a time and
 * holding up to `depth` (the rest waiting in its queue, in order). A worker that dies fails only
 * the file it was converting (the first it holds: its answers come in order); the files waiting
 * behind it go back to the pool's queue, for a fresh worker. A file's time limit starts when its
 * worker is ready and done with the files before it, so starting a worker is not counted.
 */
export class WorkerPool<R extends { id: number } = ParseResult> {
  /** Every live worker and the files it holds, the one it converts first. */
  private readonly held = new Map<Worker, Job<R>[]>();
  private readonly ready = new Set<Worker>();
  /** Why a worker failed ('error'), told when it has stopped ('exit'): its last answers come first. */
  private readonly crashes = new Map<Worker, WorkerCrash>();
  private readonly queue: Job<R>[] = [];
  private closed = false;
  private readonly url: URL;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly role: WorkerData['role'];
  private readonly depth: number;

  constructor(
    private readonly size: number,
    options: PoolOptions = {},
  ) {
    this.url = options.url ?? defaultWorkerUrl();
    this.timeoutMs = options.timeoutMs ?? 0;
    this.memoryMb = options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB;
    this.role = options.role;
    this.depth = Math.max(1, options.depth ?? 1);
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
    while (!this.closed && this.held.size < Math.min(count, this.size)) this.spawn();
  }

  /** Files given and not yet answered, less the workers there may be: below 0, a file given now starts at once. */
  backlog(): number {
    let given = this.queue.length;
    for (const jobs of this.held.values()) given += jobs.length;
    return given - this.size;
  }

  /** Stops every worker; files queued or being parsed reject with PoolClosed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PoolClosed('interrupted'));
    const workers = [...this.held.keys()];
    for (const worker of workers) this.lose(worker, new PoolClosed('interrupted'));
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      const worker = this.leastBusy();
      if (!worker) return;
      const job = this.queue.shift()!;
      const jobs = this.held.get(worker)!;
      jobs.push(job);
      // A worker still starting holds the task in its port until it listens.
      if (jobs.length === 1 && this.ready.has(worker)) this.arm(worker, job);
      // The bytes of the file a worker takes up at once are moved, not copied. A file that waits
      // in a worker's queue is copied: should the worker die first, it goes to another.
      const moved = jobs.length === 1 && job.task.bytes ? [job.task.bytes] : [];
      worker.postMessage(job.task, moved);
    }
  }

  /** A worker with nothing to do, else a new one, else the one holding fewest files below the depth. */
  private leastBusy(): Worker | null {
    let best: Worker | null = null;
    let fewest = this.depth;
    for (const [worker, jobs] of this.held) {
      if (jobs.length === 0) return worker;
      if (jobs.length < fewest) [best, fewest] = [worker, jobs.length];
    }
    return this.held.size < this.size ? this.spawn() : best;
  }

  private arm(worker: Worker, job: Job<R>): void {
    if (job.timeoutMs <= 0) return;
    job.timer = setTimeout(() => {
      this.lose(worker, new WorkerCrash(`timed out after ${job.statedMs / 1000} s (--timeout)`));
      void worker.terminate();
    }, job.timeoutMs);
  }

  private spawn(): Worker {
    const kind = { url: this.url, memoryMb: this.memoryMb, role: this.role };
    const started = takeAhead(kind);
    const worker = started?.worker ?? startWorker(kind);
    this.held.set(worker, []);
    worker.on('message', (message: WorkerMessage<R>) => {
      const jobs = this.held.get(worker);
      if (!jobs) return;
      if (typeof message === 'object' && message !== null && 'ready' in message) {
        this.ready.add(worker);
        if (jobs[0]) this.arm(worker, jobs[0]);
        return;
      }
      const job = jobs.shift();
      if (!job) return;
      clearTimeout(job.timer);
      // The worker goes on with the next file it holds: that file's time starts now.
      if (jobs[0]) this.arm(worker, jobs[0]);
      job.resolve(message);
      this.pump();
    });
    // An uncaught error comes on a channel of its own, maybe before answers the worker sent
    // earlier; Node.js hands those on before 'exit', and so the file it fails is known then.
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.held.has(worker) && !this.crashes.has(worker)) this.crashes.set(worker, new WorkerCrash(this.crashReason(error)));
    });
    worker.on('exit', (code) => this.lose(worker, this.crashes.get(worker) ?? new WorkerCrash(`worker exited with code ${code}`)));
    started?.retell();
    return worker;
  }

  private crashReason(error: Error & { code?: string }): string {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return `out of memory: over the ${this.memoryMb} MB a worker may use (--max-memory)`;
    return `worker crashed: ${error.message}`;
  }

  /**
   * Forgets a worker (the first report wins) and fails the file it was converting; the files
   * waiting behind it go back to the front of the queue, or fail too when the pool is closed.
   */
  private lose(worker: Worker, error: Error): void {
    const jobs = this.held.get(worker);
    if (!jobs) return;
    this.held.delete(worker);
    this.ready.delete(worker);
    this.crashes.delete(worker);
    const [current, ...waiting] = jobs;
    if (current) {
      clearTimeout(current.timer);
      current.reject(error);
    }
    if (this.closed) for (const job of waiting) job.reject(error);
    else this.queue.unshift(...waiting);
    this.pump();
  }
}
