#!/usr/bin/env node
// The installed `vanban` (dist/bundle/vanban.js): runs the command line's bundle, dist/bundle/cli.js,
// with the code cache made at build time (./code-cache.ts).
import { runChunk, startUp } from './code-cache.js';

startUp();
runChunk(new URL('./cli.js', import.meta.url));
