import * as crypto from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { debuglog } from 'node:util';
import { Script } from 'node:vm';

/**
 * Loads the command line's CommonJS chunks (dist/bundle/, built by rolldown) with V8's code cache:
 * each chunk's compiled functions, saved beside it as `<chunk>.cache` by a run of the common
 * commands at build time (scripts/bundle.mjs), so that a cold `vanban parse` neither parses nor
 * compiles the code it runs. Node 20 has no compile cache of its own (module.enableCompileCache is
 * 22.1) and none at all for ES modules, hence CommonJS chunks run through `vm.Script`.
 *
 * A cache that does not fit is never used: V8 refuses one made by another V8 version or with other
 * V8 flags (`script.cachedDataRejected`), and the header here refuses one made for other source
 * text (V8 itself compares only the length). The chunk is then compiled as usual: slower, same
 * result. `NODE_DEBUG=vanban` says for each chunk whether its cache was used.
 */

const MAGIC = Buffer.from('vanban-code-cache-2\n');
/** sha256 of the chunk's bytes, after the magic line. */
const SOURCE_HASH = 32;

const debug = debuglog('vanban');

interface Chunk {
  file: string;
  bytes: Buffer;
  script: Script;
  module: { exports: unknown };
}

const chunks = new Map<string, Chunk>();
/** Bare specifiers (node:fs, mammoth) resolve as from any file of the folder. */
const outside = createRequire(import.meta.url);

/** Runs the chunk `file` (an absolute path) and returns its exports; each chunk runs once. */
export function loadChunk(file: string): unknown {
  const known = chunks.get(file);
  if (known) return known.module.exports;
  const bytes = readFileSync(file);
  // A shebang is only valid at the very start of a script: keep the length, lose the line.
  const source = bytes.toString('utf8').replace(/^#!/, '//');
  const cache = readCache(file, bytes);
  const cachedData = typeof cache === 'string' ? undefined : cache;
  // The wrapper CommonJS gives a module, on one line so that line numbers stay the chunk's own.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  debug('code cache of %s: %s', file, typeof cache === 'string' ? cache : script.cachedDataRejected ? 'rejected by V8' : 'used');
  const module = { exports: {} };
  chunks.set(file, { file, bytes, script, module });
  const folder = dirname(file);
  const chunkRequire = (id: string): unknown => (id.startsWith('./') ? loadChunk(join(folder, id)) : outside(id));
  const wrapper = script.runInThisContext() as (exports: unknown, require: unknown, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, Object.assign(chunkRequire, { resolve: outside.resolve, cache: outside.cache }), module, file, folder);
  return module.exports;
}

/**
 * Before anything is compiled: V8 compiles each regular expression to bytecode for its first run
 * and again to machine code for its second ("tier-up"); the parser's ~130 patterns, most of them
 * with Unicode classes, cost twice as much to compile so as to a cold start (measured: 80 ms of CPU
 * against 31 ms). Compiled once to machine code they match the same and run as fast. The flag is
 * V8's process-wide setting, read when a pattern compiles; batch workers inherit it. The code
 * caches are made under it too (V8 compares flags).
 */
export function startUp(): void {
  // V8 prints an unknown flag's error to standard output, into the command's JSON: the flag is
  // set only by the V8 versions known to have it (Node.js 20, 22 and 24).
  const major = Number(process.versions.v8.split('.')[0]);
  // node:v8 required here, not imported: the batch workers load this module too, and need it not.
  if (major >= 11 && major <= 13) (outside('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-regexp-tier-up');
}

/** Runs the entry chunk beside the caller (`new URL('./cli.js', import.meta.url)`). */
export function runChunk(url: URL): void {
  // Only the main thread writes: batch workers load the same chunks and would race it.
  if (process.env.VANBAN_WRITE_CODE_CACHE === '1' && (outside('node:worker_threads') as typeof import('node:worker_threads')).isMainThread) process.on('exit', writeCaches);
  loadChunk(fileURLToPath(url));
}

/** The V8 data of `file.cache` when it was made for these bytes of the chunk, else why not. */
function readCache(file: string, chunk: Buffer): Buffer | string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(`${file}.cache`);
  } catch {
    return 'none';
  }
  const head = MAGIC.length + SOURCE_HASH;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'not a code cache';
  if (!bytes.subarray(MAGIC.length, head).equals(digest(chunk))) return 'made for other source text';
  return bytes.subarray(head);
}

/**
 * sha256 of the chunk's bytes: the digest the parser takes of its input anyway (OpenSSL's set-up
 * is shared), 0.4 ms for the 420 kB a parse loads.
 */
function digest(chunk: Buffer): Buffer {
  // crypto.hash (one call, no Hash object) is Node 20.12's; engines allow 20.0.
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', chunk, 'buffer') : crypto.createHash('sha256').update(chunk).digest();
}

/**
 * At build time (VANBAN_WRITE_CODE_CACHE=1): every chunk this run loaded, with every function it
 * compiled, including those its cache already held, so that runs of several commands add up.
 */
function writeCaches(): void {
  try {
    for (const { file, bytes, script } of chunks.values()) {
      writeFileSync(`${file}.cache`, Buffer.concat([MAGIC, digest(bytes), script.createCachedData()]));
    }
  } catch (error) {
    // The build stops on this exit status (scripts/bundle.mjs).
    process.stderr.write(`vanban: cannot write the code cache: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
