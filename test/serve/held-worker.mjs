// The batch worker, with two files it does not parse right away (their name says which):
// "…hold…" is held until the test broadcasts "release" (after saying "holding NAME" on the same
// channel), so a test knows a worker is busy without guessing a delay; "…hang…" never answers,
// until the pool gives up on it (timeout, close). Build first (dist/).
import { parentPort } from 'node:worker_threads';
import { convertTask, textTask } from '../../dist/batch/convert.js';

export const CHANNEL = 'vanban-serve-test';

// Every task is announced as it comes ("task WANT NAME"), so a test can count the work a request made.
const announcer = new BroadcastChannel(CHANNEL);
announcer.unref();

parentPort.on('message', async (task) => {
  announcer.postMessage(`task ${task.want ?? 'model'} ${task.file}`);
  if (task.file?.includes('hold')) {
    const channel = new BroadcastChannel(CHANNEL);
    await new Promise((resolve) => {
      channel.onmessage = (event) => event.data === 'release' && resolve();
      channel.postMessage(`holding ${task.file}`);
    });
    channel.close();
  }
  if (task.file?.includes('hang')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  parentPort.postMessage(await (task.want === 'text' ? textTask(task) : convertTask(task)));
});
parentPort.postMessage({ ready: true });
