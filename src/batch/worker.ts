import { parentPort, workerData } from 'node:worker_threads';
import { defaultMatchers } from '../recognise/compile.js';
import { convertTask, ingestTask, textTask } from './convert.js';
import type { ParseTask } from './protocol.js';

/** What a pool tells its workers (PoolOptions.role). */
export interface WorkerData {
  /** 'read': the worker mostly reads files for others to parse, and need not compile the grammar first. */
  role?: 'read' | 'parse';
}

// One task at a time, in the order they came: the pool may send the next file while this one is
// converted (PoolOptions.depth), and takes the answers to be in that order.
let previous: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: ParseTask) => {
  previous = previous.then(async () => {
    const result = await (task.want === 'text' ? textTask(task) : task.want === 'ingested' ? ingestTask(task) : convertTask(task));
    // A file's bytes are moved, not copied.
    parentPort!.postMessage(result, result.ok && 'file' in result ? [result.file] : []);
  });
});
// The grammar read and compiled before the first file, not in its time: a pool started early
// (vanban batch) does this while the main thread is still walking the folders.
if ((workerData as WorkerData | null)?.role !== 'read') defaultMatchers();
// Loaded and listening: the pool starts this worker's time limits from here.
parentPort?.postMessage({ ready: true });
