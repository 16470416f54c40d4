// dist/bundle/worker.js, the batch worker the pool starts: its bundle (batch-worker.js) with the
// code cache, as the command line's (./bin.ts).
import { runChunk } from './code-cache.js';

runChunk(new URL('./batch-worker.js', import.meta.url));
