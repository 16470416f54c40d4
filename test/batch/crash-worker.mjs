// A batch worker that misbehaves on request, for the pool's failure paths: the file name says how.
import { parentPort } from 'node:worker_threads';
import { convertTask } from '../../dist/batch/convert.js';

parentPort.on('message', (task) => {
  if (task.file.includes('exit')) process.exit(7);
  if (task.file.includes('throw')) throw new Error('boom');
  if (task.file.includes('hang')) for (;;);
  void convertTask(task).then((result) => parentPort.postMessage(result));
});
