// Builds dist/bundle/ from rolldown.config.mjs through rolldown's API, which (unlike its CLI)
// does not print a table of chunks into every `npm install`.
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

await build({ ...config, logLevel: 'warn' });
