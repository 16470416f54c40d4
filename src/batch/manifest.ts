import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, fstatSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export const MANIFEST_NAME = 'manifest.ndjson';

/**
 * What became of an input in one run: converted (`ok`), failed (`error`), found as the earlier
 * run left it (`unchanged`, with --resume: its output stands), or not a document to convert
 * (`skipped`: another format, a lock file, a FIFO, a link out of the input folders).
 */
export type Status = 'ok' | 'error' | 'unchanged' | 'skipped';
export const STATUSES: readonly Status[] = ['ok', 'error', 'unchanged', 'skipped'];

/** A run's id: its start time (ISO 8601, UTC) and a random suffix, so ids sort by time and never collide. */
export function newRunId(now: Date = new Date()): string {
  return `${now.toISOString()}-${randomBytes(3).toString('hex')}`;
}

/** One line of DIR/manifest.ndjson: what became of one input in one run. */
export interface ManifestLine {
  /** The run that wrote the line (see newRunId); absent in manifests written before runs had ids. */
  run?: string;
  path: string;
  /** Relative to the output folder; null when nothing was (or will be) written. */
  output: string | null;
  format: string | null;
  size: number | null;
  sha256: string | null;
  status: Status;
  /** Why it failed, was skipped or is unchanged, on one line; null when ok. */
  reason: string | null;
  conferences: number | null;
  items: number | null;
  citations: number | null;
  diagnostics: number | null;
  /** The document's genre ("plan", "schedule", …, "unknown"). */
  genre: string | null;
  /** Units (nodes) of the outline tree, at every depth. */
  outline: number | null;
  tasks: number | null;
  /** Runs of text no part of the model holds. */
  residue: number | null;
  /** False when the genre is unknown or no header was found: converted, but not made sense of. */
  understood: boolean | null;
  ms: number;
  version: string;
  /** The options that shape an output: --resume redoes a file converted with others. Absent in old manifests. */
  options?: OutputOptions;
}

/** What, besides the input's bytes and vanban's version, decides the bytes of an output. */
export interface OutputOptions {
  revision: 'accepted' | 'original';
  mammoth: 'auto' | 'always' | 'never';
  pretty: boolean;
  /** `--rule CODE=LEVEL` settings, by code in code order. */
  rules: Record<string, string>;
}

/** Whether two option sets make the same outputs (rule order on the command line does not matter). */
export function sameOptions(a: OutputOptions | undefined, b: OutputOptions): boolean {
  return a !== undefined && JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function canonical(options: OutputOptions): OutputOptions {
  const rules = Object.fromEntries(Object.entries(options.rules ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return { revision: options.revision, mammoth: options.mammoth, pretty: options.pretty, rules };
}

export const COUNT_KEYS = ['conferences', 'items', 'citations', 'diagnostics', 'genre', 'outline', 'tasks', 'residue', 'understood'] as const;
export type Counts = Pick<ManifestLine, (typeof COUNT_KEYS)[number]>;
export const NO_COUNTS: Counts = {
  conferences: null,
  items: null,
  citations: null,
  diagnostics: null,
  genre: null,
  outline: null,
  tasks: null,
  residue: null,
  understood: null,
};

/**
 * The manifest is the batch's history: every run appends one line per input as its file
 * finishes, each with a single write(2) on an O_APPEND descriptor, and never rewrites what earlier
 * runs wrote. A run killed in the middle of a write can leave at most a torn last line; the next
 * run starts on a new line, and readers report the torn one and ignore it.
 */
export class Manifest {
  private fd: number;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Opens (or creates) the manifest for appending. */
  static open(path: string): Manifest {
    const manifest = new Manifest(path, openSync(path, 'a+'));
    // A torn last line (or a manifest edited by hand): our first line must not glue onto it.
    if (!manifest.endsWithNewline()) manifest.write('\n');
    return manifest;
  }

  append(line: ManifestLine): void {
    this.write(`${JSON.stringify(line)}\n`);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private write(text: string): void {
    const bytes = Buffer.from(text);
    // One write(2) on O_APPEND: a line is whole or absent. A short write (a full disk) is an error.
    const written = writeSync(this.fd, bytes);
    if (written !== bytes.length) throw Object.assign(new Error('EIO: the write stopped short, write'), { code: 'EIO', syscall: 'write' });
  }

  private endsWithNewline(): boolean {
    const size = fstatSync(this.fd).size;
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    readSync(this.fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  }
}

/**
 * A line of the manifest that is not a manifest line, by its 1-based number: torn by a run killed
 * while writing it (then closed by the next run's newline), or not written by vanban.
 */
export interface ManifestProblem {
  line: number;
}

export interface ManifestHistory {
  /** Every line, in the order written (oldest first). */
  lines: ManifestLine[];
  /** The latest line of each input path: where --resume and --status start. */
  latest: Map<string, ManifestLine>;
  problems: ManifestProblem[];
}

/**
 * Reads the whole history. A missing manifest is an empty history; a line that does not parse
 * (torn by a killed run, or not ours) is reported in `problems` and vouches for nothing.
 */
export async function readManifest(path: string): Promise<ManifestHistory> {
  const history: ManifestHistory = { lines: [], latest: new Map(), problems: [] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return history;
    throw error;
  }
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = parseLine(raw);
    if (!line) {
      history.problems.push({ line: index + 1 });
      return;
    }
    history.lines.push(line);
    history.latest.set(line.path, line);
  });
  return history;
}

function parseLine(raw: string): ManifestLine | null {
  try {
    const line = JSON.parse(raw) as ManifestLine;
    return line && typeof line === 'object' && typeof line.path === 'string' && typeof line.status === 'string' ? line : null;
  } catch {
    return null;
  }
}
