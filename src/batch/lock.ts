import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { cannot } from '../system-error.js';

export const LOCK_NAME = '.vanban.lock';

interface Holder {
  pid: number;
  host: string;
}

/**
 * One batch at a time per output folder: two would sweep away each other's temporary files and
 * interleave their manifests. The lock file names the process holding it; a lock whose process
 * is gone (kill -9, a crash) is taken over.
 */
export class OutLock {
  private constructor(
    readonly path: string,
    private readonly content: string,
  ) {}

  static async take(out: string): Promise<OutLock> {
    const path = join(out, LOCK_NAME);
    const content = `${JSON.stringify({ pid: process.pid, host: hostname() } satisfies Holder)}\n`;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await writeFile(path, content, { flag: 'wx' });
        return new OutLock(path, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannot('create', path, error);
      }
      const held = await readFile(path, 'utf8').catch(() => null);
      if (held === null) continue; // released meanwhile
      const holder = parseHolder(held);
      if (holder && running(holder)) {
        const who = holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
        throw new InputError(`another vanban batch (${who}) is writing to this folder; wait for it to end, or remove ${path} if it is not running`, out);
      }
      // Stale. Removed only if still the same, so that of two runs taking it over, one wins.
      if ((await readFile(path, 'utf8').catch(() => null)) === held) await rm(path, { force: true });
    }
    throw new InputError(`cannot take the lock ${path}: other runs keep taking it`, out);
  }

  /** Removes the lock if it is still this run's. */
  async release(): Promise<void> {
    if ((await readFile(this.path, 'utf8').catch(() => null)) === this.content) await rm(this.path, { force: true });
  }
}

function parseHolder(text: string): Holder | null {
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as Holder) : null;
  } catch {
    return null; // empty or torn: its writer died between creating and writing it
  }
}

/** Whether the holder still runs; on another host (a shared folder) it cannot be checked, so yes. */
function running(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}
