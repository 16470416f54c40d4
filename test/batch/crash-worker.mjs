// A batch worker that misbehaves on request, for the pool's failure paths: the file name says how.
import { parentPort } from 'node:worker_threads';
import { convertTask } from '../../dist/batch/convert.js';

parentPort.on('message', (task) => {
  if (task.file.includes('exit')) process.exit(7);
  if (task.file.includes('throw')) throw new Error('boom');
  // Blocks without spinning a core, until the pool gives up on it (timeout, close). Says so on
  // stderr when asked: the interrupt tests signal the run once it is held midway.
  if (task.file.includes('hang')) {
    if (process.env.VANBAN_TEST_SAY_HELD) process.stderr.write(`holding ${task.file}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
  if (task.file.includes('hog')) for (const heap = []; ; ) heap.push(new Array(1e5).fill(task.id + 0.5));
  void convertTask(task).then((result) => parentPort.postMessage(result));
});
parentPort.postMessage({ ready: true });
