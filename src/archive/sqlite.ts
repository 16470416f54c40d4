import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

/**
 * SQLite compiled to WebAssembly (sql.js), bundled into the CLI with its .wasm beside it
 * (scripts/bundle.mjs copies it): nothing to compile on install, no native module, no download.
 * The database lives in memory while a command runs and is written back whole (archive/db.ts).
 */
let loading: Promise<SqlJsStatic> | null = null;

export function sqlite(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({ wasmBinary: readFileSync(wasmPath()) });
  return loading;
}

/** Beside the bundle (dist/bundle/sql-wasm.wasm), else in the sql.js package (tests, tsc's output). */
function wasmPath(): string {
  const beside = fileURLToPath(new URL('./sql-wasm.wasm', import.meta.url));
  return existsSync(beside) ? beside : createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
}
