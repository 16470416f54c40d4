import { parentPort } from 'node:worker_threads';
import { defaultMatchers } from '../recognise/compile.js';
import { convertTask, textTask } from './convert.js';
import type { ParseTask } from './protocol.js';

// One task at a time per worker: the pool sends the next file only after this one's answer.
parentPort?.on('message', (task: ParseTask) => {
  void (task.want === 'text' ? textTask(task) : convertTask(task)).then((result) => {
    // A file's bytes are moved, not copied.
    parentPort!.postMessage(result, result.ok && 'file' in result ? [result.file] : []);
  });
});
// The grammar read and compiled before the first file, not in its time: a pool started early
// (vanban batch) does this while the main thread is still walking the folders.
defaultMatchers();
// Loaded and listening: the pool starts this worker's time limits from here.
parentPort?.postMessage({ ready: true });
