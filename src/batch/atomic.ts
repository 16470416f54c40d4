import type { Dirent } from 'node:fs';
import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Whole files or none: everything is written to a temporary file beside its destination and
 * renamed over it, and rename is atomic within one folder. A run killed mid-write leaves at most a
 * hidden "*.vanban-tmp" file, which the next run removes. No fsync: this guards against a killed
 * process, whose written pages the kernel still holds, not against a power cut.
 */
export const TEMP_SUFFIX = '.vanban-tmp';
/** Bytes in one file name on the common file systems (ext4, APFS, NTFS in UTF-16 units). */
const NAME_MAX = 255;
let counter = 0;

/** Opens a new temporary file. Tests swap in one that fills up (/dev/full). */
export type OpenTemp = (temp: string) => Promise<FileHandle>;
// 'wx': never write through a file or link that is already there.
export const openTemp: OpenTemp = (temp) => open(temp, 'wx');

export function tempPathFor(path: string): string {
  const id = `${process.pid}-${++counter}${TEMP_SUFFIX}`;
  const name = `.${basename(path)}.${id}`;
  // A name near the limit leaves no room for the suffix; pid and counter alone are unique too.
  return join(dirname(path), Buffer.byteLength(name) <= NAME_MAX ? name : `.${id}`);
}

/** Every byte or an error: a write that stops short (a full disk) must not pass for a whole file. */
export async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('EIO: the write stopped short, write'), { code: 'EIO', syscall: 'write' });
    offset += bytesWritten;
  }
}

export async function writeAtomic(path: string, data: string | Uint8Array, opener: OpenTemp = openTemp): Promise<void> {
  const file = await AtomicFile.create(path, opener);
  try {
    await file.write(data);
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}

/** For exports too large to hold in memory: written piece by piece, renamed over `path` on commit. */
export class AtomicFile {
  private pending: (string | Uint8Array)[] = [];
  private size = 0;
  private open = true;

  private constructor(
    readonly path: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(path: string, opener: OpenTemp = openTemp): Promise<AtomicFile> {
    const temp = tempPathFor(path);
    return new AtomicFile(path, temp, await opener(temp));
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    // Gathered into ~1 MB writes: one syscall per CSV row would dominate.
    this.pending.push(chunk);
    this.size += chunk.length;
    if (this.size >= 1 << 20) await this.flush();
  }

  async commit(): Promise<void> {
    await this.flush();
    this.open = false;
    await this.handle.close();
    await rename(this.temp, this.path);
  }

  /** Removes the temporary file; the destination is left as it was. */
  async abort(): Promise<void> {
    if (this.open) await this.handle.close().catch(() => {});
    this.open = false;
    await rm(this.temp, { force: true });
  }

  /** Writes what is pending now: a caller that reuses the buffer it wrote waits for this first. */
  async flush(): Promise<void> {
    const [only] = this.pending;
    // A whole file given as bytes (a batch output) is written as it is, not copied first.
    if (this.pending.length === 1 && only instanceof Uint8Array) await writeAll(this.handle, only);
    else if (this.pending.length) await writeAll(this.handle, Buffer.concat(this.pending.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    this.pending = [];
    this.size = 0;
  }
}

/**
 * Leftovers of a run that was killed (kill -9 gives no chance to clean up). Links are never
 * followed: a link inside the output folder may point anywhere, even at "/".
 */
export async function removeStaleTemps(folder: string): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // A Dirent describes the entry itself (lstat), so a link to a folder is not a directory here.
    if (entry.isDirectory()) removed += await removeStaleTemps(path);
    else if (entry.name.endsWith(TEMP_SUFFIX)) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
