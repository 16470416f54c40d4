import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { formatOf } from '../ingest/file.js';
import type { Format } from '../ingest/types.js';
import { compileGlob, isGlob } from './glob.js';
import { systemReason } from '../ingest/file.js';

/** One line of the manifest to be: a file to convert, or why there is nothing to convert. */
export interface Input {
  /** The argument joined with what was found under it: what the archivist typed, then the rest. */
  path: string;
  /** "/"-separated, relative to the folder or glob base it was found under; its own name for a file argument. */
  relative: string;
  /** null when the file is not converted (see `skip` and `error`). */
  format: Format | null;
  /** Not converted, and that is fine: another format, a Word lock file. */
  skip?: string;
  /** Not converted, and that is a failure: a missing argument, an unreadable folder. */
  error?: string;
  /** Relative to the output folder, "/"-separated; set by assignOutputs. */
  output: string | null;
}

/**
 * Files, folders (recursively) and glob patterns to the inputs in a stable order. Hidden entries
 * (".git", ".DS_Store") and `exclude` (the output folder, when it sits inside an input folder)
 * are never entered; a file reached twice is listed once.
 */
export async function collectInputs(args: string[], exclude: string[] = []): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const excluded = new Set(exclude.map((p) => resolve(p)));
  const add = (input: Input, absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    inputs.push(input);
  };
  const found = (path: string, relative: string) => add(classify(path, relative), resolve(path));
  const failed = (path: string, error: string) => add({ path, relative: basename(path), format: null, error, output: null }, resolve(path));

  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && isGlob(arg)) {
        const before = inputs.length;
        await walkGlob(arg, found, failed, excluded);
        if (inputs.length === before) failed(arg, 'no files match the pattern');
      } else failed(arg, systemReason(error));
      continue;
    }
    if (info.isDirectory()) await walk(arg, '', Infinity, () => true, found, failed, excluded);
    // A file named on the command line is read whatever its extension, as `vanban parse` does.
    else add({ path: arg, relative: basename(arg), format: formatOf(arg) ?? 'txt', output: null }, resolve(arg));
  }
  return inputs;
}

function classify(path: string, relative: string): Input {
  const name = basename(path);
  const input: Input = { path, relative, format: null, output: null };
  if (name.startsWith('~$')) return { ...input, skip: 'Word lock file' };
  const format = formatOf(name);
  if (!format) return { ...input, skip: `unsupported format (${extname(name).toLowerCase()})` };
  return { ...input, format };
}

type Found = (path: string, relative: string) => void;
type Failed = (path: string, reason: string) => void;

async function walkGlob(pattern: string, found: Found, failed: Failed, excluded: Set<string>): Promise<void> {
  const glob = compileGlob(pattern);
  try {
    if (!(await stat(glob.base)).isDirectory()) return;
  } catch {
    return;
  }
  await walk(glob.base, '', glob.depth, glob.matches, found, failed, excluded);
}

/** Depth-first in name order; a folder that `matches` is taken whole, as if named on its own. */
async function walk(
  folder: string,
  prefix: string,
  depth: number,
  matches: (relative: string) => boolean,
  found: Found,
  failed: Failed,
  excluded: Set<string>,
): Promise<void> {
  if (depth <= 0) return;
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    failed(folder, systemReason(error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (excluded.has(resolve(path))) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files are followed; linked folders are not, so a link loop cannot trap the walk.
      const target = await stat(path).catch(() => null);
      isFile = target?.isFile() ?? false;
      isDirectory = false;
    }
    if (isDirectory) {
      const whole = matches(relative);
      await walk(path, relative, whole ? Infinity : depth - 1, whole ? () => true : matches, found, failed, excluded);
    } else if (isFile && matches(relative)) found(path, relative);
  }
}

/**
 * Each convertible input gets `<relative>.json` under the output folder. Names that would land on
 * the same file — two folders both holding "2024.docx", or "A.txt" and "a.txt" on a
 * case-insensitive disk — get "~2", "~3" in input order, so a rerun names them the same way.
 */
export function assignOutputs(inputs: Input[]): void {
  const key = (p: string) => p.normalize('NFC').toLowerCase();
  const folders = new Set<string>();
  for (const input of inputs) {
    if (!input.format) continue;
    const parts = input.relative.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(key(parts.slice(0, i).join('/')));
  }
  const taken = new Set<string>();
  for (const input of inputs) {
    if (!input.format) continue;
    let output = `${input.relative}.json`;
    for (let n = 2; taken.has(key(output)) || folders.has(key(output)); n++) output = `${input.relative}~${n}.json`;
    taken.add(key(output));
    input.output = output;
  }
}
