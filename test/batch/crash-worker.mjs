// A batch worker that misbehaves on request, for the pool's failure paths: the file name says how.
import { parentPort } from 'node:worker_threads';
import { convertTask, ingestTask } from '../../dist/batch/convert.js';

// As the real worker (src/batch/worker.ts): tasks one at a time, in the order they came (the pool
// may send the next file while one is converted), so a file misbehaves only when its turn comes.
let previous = Promise.resolve();
parentPort.on('message', (task) => {
  previous = previous.then(() => handle(task));
});

function handle(task) {
  if (task.file.includes('exit')) process.exit(7);
  if (task.file.includes('throw')) throw new Error('boom');
  // Blocks without spinning a core, until the pool gives up on it (timeout, close). Says so on
  // stderr when asked: the interrupt tests signal the run once it is held midway.
  // "hangparse": only once the file is read, in the second stage of a staged conversion.
  if (task.file.includes('hang') && !(task.file.includes('hangparse') && task.want === 'ingested')) {
    if (process.env.VANBAN_TEST_SAY_HELD) process.stderr.write(`holding ${task.file}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
  if (task.file.includes('hog')) for (const heap = []; ; ) heap.push(new Array(1e5).fill(task.id + 0.5));
  // As the real worker: the first stage of a staged conversion only reads.
  return (task.want === 'ingested' ? ingestTask(task) : convertTask(task)).then((result) => parentPort.postMessage(result));
}
parentPort.postMessage({ ready: true });
