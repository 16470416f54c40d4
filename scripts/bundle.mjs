// Builds dist/bundle/ from rolldown.config.mjs through rolldown's API, which (unlike its CLI)
// does not print a table of chunks into every `npm install`.
import { chmodSync } from 'node:fs';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

await build({ ...config, logLevel: 'warn' });
// npm marks a dependency's bin executable when it links it, but not the project's own: without
// this, `npx vanban` in a fresh clone answers "Permission denied".
chmodSync(new URL('../dist/bundle/vanban.js', import.meta.url), 0o755);
