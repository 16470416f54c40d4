import { parentPort } from 'node:worker_threads';
import { convertTask } from './convert.js';
import type { ParseTask } from './protocol.js';

// One task at a time per worker: the pool sends the next file only after this one's answer.
parentPort?.on('message', (task: ParseTask) => {
  void convertTask(task).then((result) => parentPort!.postMessage(result));
});
