import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { formatOf, specialKind, systemReason } from '../ingest/file.js';
import type { Format } from '../ingest/types.js';
import { compileGlob, isGlob } from './glob.js';

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

export interface CollectOptions {
  /** Folders never entered, compared by identity (device and inode), not by spelling: the output folder. */
  exclude?: string[];
  /** Read linked files whose target lies outside the input folders (by default they are skipped). */
  followLinks?: boolean;
}

/**
 * Files, folders (recursively) and glob patterns to the inputs in a stable order. Hidden entries
 * (".git", ".DS_Store") and the `exclude` folders are never entered; a file reached twice is listed
 * once. Entries that are not plain files (FIFOs, sockets, devices, links to folders, dangling or
 * looping links, links out of the input folders) are listed as skipped with the reason, and
 * never opened.
 */
export async function collectInputs(args: string[], options: CollectOptions = {}): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (input: Input) => {
    const absolute = resolve(input.path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    inputs.push(input);
  };
  const walker: Walker = {
    add,
    excluded: new Set((await Promise.all((options.exclude ?? []).map((p) => identity(p)))).filter((id): id is string => id !== null)),
    roots: await inputRoots(args),
    followLinks: options.followLinks ?? false,
  };
  const failed = (path: string, error: string) => add({ path, relative: basename(path), format: null, error, output: null });

  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && isGlob(arg)) {
        const before = inputs.length;
        await walkGlob(arg, walker);
        if (inputs.length === before) failed(arg, 'no files match the pattern');
      } else failed(arg, systemReason(error));
      continue;
    }
    if (info.isDirectory()) {
      if (walker.excluded.has(idOf(info))) failed(arg, 'is the output folder (--out)');
      else await walk(arg, '', Infinity, () => true, walker);
    } else if (!info.isFile()) failed(arg, `not a regular file (${specialKind(info)})`);
    // A file named on the command line is read whatever its extension, as `vanban parse` does.
    else add({ path: arg, relative: basename(arg), format: formatOf(arg) ?? 'txt', output: null });
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

interface Walker {
  add: (input: Input) => void;
  /** Identities of the folders not to enter. */
  excluded: Set<string>;
  /** The input folders and glob bases, resolved: where a linked file may point. */
  roots: string[];
  followLinks: boolean;
}

const idOf = (info: { dev: number; ino: number }) => `${info.dev}:${info.ino}`;

async function identity(path: string): Promise<string | null> {
  return stat(path).then(idOf, () => null);
}

async function inputRoots(args: string[]): Promise<string[]> {
  const folders = args.map((arg) => (isGlob(arg) ? compileGlob(arg).base : arg));
  const real = await Promise.all(folders.map((f) => realpath(f).catch(() => null)));
  return real.filter((r): r is string => r !== null);
}

const within = (path: string, root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

async function walkGlob(pattern: string, walker: Walker): Promise<void> {
  const glob = compileGlob(pattern);
  try {
    if (!(await stat(glob.base)).isDirectory()) return;
  } catch {
    return;
  }
  await walk(glob.base, '', glob.depth, glob.matches, walker);
}

/** Depth-first in name order; a folder that `matches` is taken whole, as if named on its own. */
async function walk(folder: string, prefix: string, depth: number, matches: (relative: string) => boolean, walker: Walker): Promise<void> {
  if (depth <= 0) return;
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    walker.add({ path: folder, relative: basename(folder), format: null, error: systemReason(error), output: null });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (walker.excluded.has((await identity(path)) ?? '')) continue;
      const whole = matches(relative);
      await walk(path, relative, whole ? Infinity : depth - 1, whole ? () => true : matches, walker);
    } else if (!matches(relative)) continue;
    else if (entry.isFile()) walker.add(classify(path, relative));
    else if (entry.isSymbolicLink()) walker.add(await linked(path, relative, walker));
    else walker.add({ path, relative, format: null, skip: `not a regular file (${specialKind(entry)})`, output: null });
  }
}

/**
 * A link is read as the file it points to when that file lies inside an input folder (or with
 * --follow-links). Linked folders are never entered, so a link loop cannot trap the walk.
 */
async function linked(path: string, relative: string, walker: Walker): Promise<Input> {
  const skipped = (skip: string): Input => ({ path, relative, format: null, skip, output: null });
  let target: string;
  let info;
  try {
    target = await realpath(path);
    info = await stat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return skipped('dangling link (its target does not exist)');
    if (code === 'ELOOP') return skipped('link loop');
    return { path, relative, format: null, error: systemReason(error), output: null };
  }
  if (info.isDirectory()) return skipped('link to a folder (not followed)');
  if (!info.isFile()) return skipped(`link to ${specialKind(info)}, not a regular file`);
  if (!walker.followLinks && !walker.roots.some((root) => within(target, root))) {
    return skipped(`link to a file outside the input folders (${target}); --follow-links reads it`);
  }
  return classify(path, relative);
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
