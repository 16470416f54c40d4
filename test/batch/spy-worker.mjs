// The real batch worker, with a log of what it was asked to do: its role, then per task what the
// task wants, what it carries and the file's name, one line each, in VANBAN_TEST_SPY_LOG.
// Imported first: its listener must be there when the first task arrives.
import '../../dist/batch/worker.js';
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const log = process.env.VANBAN_TEST_SPY_LOG;
parentPort.on('message', (task) => {
  if (log) appendFileSync(log, `${workerData?.role ?? '-'} ${task.want ?? 'model'} ${task.ingested ? 'ingested' : 'bytes'} ${basename(task.file)}\n`);
});
