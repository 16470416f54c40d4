// Builds dist/bundle/ from rolldown.config.mjs through rolldown's API, which (unlike its CLI)
// does not print a table of chunks into every `npm install`.
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

// Chunk names carry content hashes: without a clean folder every build leaves the last one's
// chunks behind, and the package ships them all (695 files, 22 MB after a few hundred builds).
rmSync(new URL('../dist/bundle/', import.meta.url), { recursive: true, force: true });
await build({ ...config, logLevel: 'warn' });
// npm marks a dependency's bin executable when it links it, but not the project's own: without
// this, `npx vanban` in a fresh clone answers "Permission denied".
chmodSync(new URL('../dist/bundle/vanban.js', import.meta.url), 0o755);
