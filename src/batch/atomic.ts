import { open, readdir, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Whole files or none: everything is written to a temporary file beside its destination and
 * renamed over it, and rename is atomic within one folder. A run killed mid-write leaves at most a
 * hidden "*.vanban-tmp" file, which the next run removes. No fsync: this guards against a killed
 * process, whose written pages the kernel still holds, not against a power cut.
 */
export const TEMP_SUFFIX = '.vanban-tmp';
let counter = 0;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${++counter}${TEMP_SUFFIX}`);
}

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** For exports too large to hold in memory: written piece by piece, renamed over `path` on commit. */
export class AtomicFile {
  private pending: string[] = [];
  private size = 0;

  private constructor(
    readonly path: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(path: string): Promise<AtomicFile> {
    const temp = tempPathFor(path);
    return new AtomicFile(path, temp, await open(temp, 'w'));
  }

  async write(chunk: string): Promise<void> {
    // Gathered into ~1 MB writes: one syscall per CSV row would dominate.
    this.pending.push(chunk);
    this.size += chunk.length;
    if (this.size >= 1 << 20) await this.flush();
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await rename(this.temp, this.path);
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(this.temp, { force: true });
  }

  private async flush(): Promise<void> {
    if (this.pending.length) await this.handle.write(this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}

/** Leftovers of a run that was killed (kill -9 gives no chance to clean up). */
export async function removeStaleTemps(folder: string): Promise<number> {
  let removed = 0;
  let entries: string[];
  try {
    entries = await readdir(folder, { recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.endsWith(TEMP_SUFFIX)) {
      await rm(join(folder, entry), { force: true });
      removed++;
    }
  }
  return removed;
}
