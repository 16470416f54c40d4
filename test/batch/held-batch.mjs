// `vanban batch` as the CLI runs it, but with the test worker: a file named "…hang…" is held
// until the run is stopped, so a signal always lands midway. Build first (dist/).
import { run } from '../../dist/cli/commands/batch.js';

process.exitCode = await run(process.argv.slice(2), { workerUrl: new URL('./crash-worker.mjs', import.meta.url) });
