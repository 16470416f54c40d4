import { parentPort } from 'node:worker_threads';
import { convertTask, textTask } from './convert.js';
import type { ParseTask } from './protocol.js';

// One task at a time per worker: the pool sends the next file only after this one's answer.
parentPort?.on('message', (task: ParseTask) => {
  void (task.want === 'text' ? textTask(task) : convertTask(task)).then((result) => parentPort!.postMessage(result));
});
// Loaded and listening: the pool starts this worker's time limits from here.
parentPort?.postMessage({ ready: true });
