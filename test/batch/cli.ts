import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestLine } from '../../src/batch/manifest.js';

// The built CLI, as `npx vanban` runs it (build first: npx tsc -p tsconfig.build.json).
export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1' };

export const vanban = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
export const spawnVanban = (args: string[]) => spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });

/** The whole history, oldest first. Every line must parse: that is the promise a killed run keeps. */
export function manifestLines(out: string): ManifestLine[] {
  const text = readFileSync(join(out, 'manifest.ndjson'), 'utf8');
  if (text === '') return [];
  expectWholeLines(text);
  return text.trimEnd().split('\n').map((l) => JSON.parse(l) as ManifestLine);
}

/** The latest line of every input, by path: its state after all the runs. */
export function latestLines(out: string): ManifestLine[] {
  const latest = new Map(manifestLines(out).map((l) => [l.path, l]));
  return [...latest.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The lines of the last run, by path (a run appends them as its files finish, in no fixed order). */
export function lastRun(out: string): ManifestLine[] {
  const lines = manifestLines(out);
  const run = lines.at(-1)?.run;
  return lines.filter((l) => l.run === run).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function expectWholeLines(text: string): void {
  if (!text.endsWith('\n')) throw new Error('manifest ends in a partial line');
}

/** Files under a folder, "/"-separated and sorted, hidden ones included. */
export function listFiles(folder: string): string[] {
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(folder.length + 1).replaceAll('\\', '/'))
    .sort();
}

/** A minimal RFC 4180 reader, to check what the export writes. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += ch;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}
