import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeAtomic } from './atomic.js';

export const MANIFEST_NAME = 'manifest.ndjson';

/** One line of DIR/manifest.ndjson: what became of one input. */
export interface ManifestLine {
  path: string;
  /** Relative to the output folder; null when nothing was (or will be) written. */
  output: string | null;
  format: string | null;
  size: number | null;
  sha256: string | null;
  status: 'ok' | 'error' | 'skipped';
  /** Why it failed or was skipped, on one line; null when ok. */
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
  /** The options that shape an output: --resume redoes a file converted with others. */
  options: OutputOptions;
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
 * Lines are appended as the files finish, each with a single write(2) on an O_APPEND descriptor,
 * so a killed run leaves only whole lines. A run that completes rewrites the manifest atomically
 * in input order, one line per input.
 */
export class Manifest {
  private fd: number;
  readonly lines: ManifestLine[] = [];

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** A fresh manifest, or (resume) one that keeps the earlier lines until the run completes. */
  static async open(path: string, keep: boolean): Promise<Manifest> {
    if (!keep) await writeAtomic(path, '');
    const manifest = new Manifest(path, openSync(path, 'a'));
    // A manifest edited by hand may lack its last newline: our first line must not glue onto it.
    const text = keep ? await readFile(path, 'utf8') : '';
    if (text && !text.endsWith('\n')) writeSync(manifest.fd, '\n');
    return manifest;
  }

  append(line: ManifestLine): void {
    this.lines.push(line);
    const text = Buffer.from(`${JSON.stringify(line)}\n`);
    // One write(2) on O_APPEND: a line is whole or absent. A short write (a full disk) is an error.
    const written = writeSync(this.fd, text);
    if (written !== text.length) throw Object.assign(new Error('EIO: the write stopped short, write'), { code: 'EIO', syscall: 'write' });
  }

  /** The whole-run manifest, one line per input in input order, replacing what was appended. */
  async finish(lines: ManifestLine[]): Promise<void> {
    this.close();
    await writeAtomic(this.path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * The lines of an earlier manifest by input path, the latest winning (a resumed run appends after
 * the run it resumes). A line that does not parse — a manifest from elsewhere — is ignored.
 */
export async function readManifest(path: string): Promise<Map<string, ManifestLine>> {
  const byPath = new Map<string, ManifestLine>();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return byPath;
  }
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    try {
      const line = JSON.parse(raw) as ManifestLine;
      if (typeof line.path === 'string') byPath.set(line.path, line);
    } catch {
      // Not ours or not whole: it cannot vouch for an output.
    }
  }
  return byPath;
}

