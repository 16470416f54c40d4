import { fstatSync, realpathSync, statSync, write } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { InputError, UsageError, isInputError } from '../errors.js';
import { isSystemError, systemReason, systemVerb } from '../system-error.js';

export { UsageError } from '../errors.js';

/** One meaning for each exit status across vanban; the README's table is generated from EXIT_MEANINGS. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const EXIT_MEANINGS: Record<(typeof EXIT)[keyof typeof EXIT], string> = {
  [EXIT.ok]: 'success',
  [EXIT.failed]: 'an error-level finding, a difference, or a file that could not be read or written',
  [EXIT.usage]: 'usage error: an unknown command or option, a bad value, a missing FILE',
};

export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** Hands bytes on; done with them (they may be written over) once its promise settles. */
export type Put = (bytes: Uint8Array) => Promise<void>;

/** One output's bytes to stdout, each chunk written while the next is made (see Writer.bytes). */
export function writeBytes(chunks: Iterable<Uint8Array>): Promise<void> {
  return putAll(chunks, stdoutIsFile() ? toStdoutFile : toStdout);
}

const toStdout: Put = (bytes) =>
  new Promise((resolve, reject) => {
    // An error here also reaches stdout's 'error' listener, which says so and exits (main.ts).
    process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()));
  });

/**
 * Standard output redirected to a file is written synchronously by process.stdout, so the chunk
 * being written holds up the next: here the thread pool writes it (70 MB of JSON for a 10 MB
 * programme). A failure goes to stdout's 'error' listener, as process.stdout's own would.
 */
const toStdoutFile: Put = async (bytes) => {
  try {
    for (let offset = 0; offset < bytes.length; ) offset += await writeTo(STDOUT, bytes, offset);
  } catch (error) {
    process.stdout.emit('error', error);
    throw error;
  }
};

const STDOUT = 1;
const writeTo = promisify((fd: number, bytes: Uint8Array, offset: number, done: (error: Error | null, written: number) => void) => write(fd, bytes, offset, bytes.length - offset, null, done));

let stdoutFile: boolean | undefined;
/** Whether process.stdout writes to a regular file (synchronously, as Node does for files). */
function stdoutIsFile(): boolean {
  if (stdoutFile === undefined) {
    try {
      stdoutFile = process.stdout.fd === STDOUT && fstatSync(STDOUT).isFile();
    } catch {
      stdoutFile = false;
    }
  }
  return stdoutFile;
}

/**
 * Each chunk put while the next is made, and done before the one after is asked for: a writer
 * fills each of its two buffers again only then (Writer.bytes).
 */
async function putAll(chunks: Iterable<Uint8Array>, put: Put): Promise<void> {
  let putting = Promise.resolve();
  try {
    for (const chunk of chunks) {
      if (chunk.length === 0) continue;
      await putting;
      putting = put(chunk);
    }
  } catch (error) {
    // The writer failed: the chunk being put is let finish (or fail) first.
    await putting.catch(() => {});
    throw error;
  }
  await putting;
}

export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** One line for any failure: "vanban: file: reason". A stack trace only with VANBAN_DEBUG=1. */
export function describeError(error: unknown, file?: string): string {
  if (isInputError(error)) return error.message;
  // A file-system failure vanban did not foresee still gets one line naming the file.
  if (isSystemError(error)) return `cannot ${systemVerb(error)} ${error.path ?? file ?? 'a file'}: ${systemReason(error)}`;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (process.env.VANBAN_DEBUG) warn(String((error as Error)?.stack ?? error));
  return `${file ? `${file}: ` : ''}internal error: ${message}`;
}

/** The output could not be written: one line, exit 1, and the file is left as it was. */
export class WriteError extends InputError {}

/** Where a command's output goes: standard output, or FILE written whole (a temporary file renamed at the end). */
export interface Output {
  write(text: string): Promise<void>;
  /** One output as UTF-8 in chunks (Writer.bytes), each written before the next is asked for. */
  bytes(chunks: Iterable<Uint8Array>): Promise<void>;
}

/**
 * Runs `body` with its output going to `path` (or stdout when absent) and returns its exit status.
 * The file is renamed into place when the body wrote something or succeeded; otherwise, and when
 * the body throws, the file is left as it was. `inputs` may not include `path`.
 */
export async function withOutput(path: string | undefined, inputs: readonly string[], body: (out: Output) => Promise<number>): Promise<number> {
  if (path === undefined) return body({ write: writeOut, bytes: writeBytes });
  refuseInputAsOutput(path, inputs);
  const failed = (error: unknown) => new WriteError(`cannot write ${path}: ${isSystemError(error) ? systemReason(error) : String(error)}`);
  const existing = statOf(path);
  if (existing?.isDirectory()) throw new WriteError(`cannot write ${path}: is a directory, not a file`);
  // A device or a pipe (/dev/null, /dev/stdout) is written into: renaming over it would replace it.
  if (existing && !existing.isFile()) return intoDevice(path, body, failed);
  const { AtomicFile } = await import('../batch/atomic.js');
  // Through a link to the file it names, which keeps the link.
  const file = await AtomicFile.create(existing ? realpathSync(path) : path).catch((error: unknown) => Promise.reject(failed(error)));
  let written = false;
  const write = async (text: string | Uint8Array) => {
    written ||= text.length > 0;
    await file.write(text).catch((error: unknown) => Promise.reject(failed(error)));
  };
  // Written through before the promise settles: the writer fills the same buffer again.
  const put: Put = (bytes) => write(bytes).then(() => file.flush().catch((error: unknown) => Promise.reject(failed(error))));
  try {
    const code = await body({ write, bytes: (chunks) => putAll(chunks, put) });
    if (!written && code !== EXIT.ok) await file.abort();
    else await file.commit().catch((error: unknown) => Promise.reject(failed(error)));
    return code;
  } catch (error) {
    await file.abort().catch(() => {});
    throw error;
  }
}

async function intoDevice(path: string, body: (out: Output) => Promise<number>, failed: (error: unknown) => WriteError): Promise<number> {
  const handle = await open(path, 'w').catch((error: unknown) => Promise.reject(failed(error)));
  const { writeAll } = await import('../batch/atomic.js');
  // Every byte or an error: a device or a pipe may take part of a write.
  const put: Put = (bytes) => writeAll(handle, bytes).catch((error: unknown) => Promise.reject(failed(error)));
  try {
    return await body({ write: (text) => put(Buffer.from(text)), bytes: (chunks) => putAll(chunks, put) });
  } finally {
    await handle.close().catch(() => {});
  }
}

/** "-o draft.txt" with draft.txt among the inputs would destroy it: a usage error, before anything is read. */
export function refuseInputAsOutput(output: string, inputs: readonly string[]): void {
  const same = (input: string) => {
    if (input === '-') return false;
    if (resolve(input) === resolve(output)) return true;
    // The same file under another name: a link, or a path through a linked folder.
    const a = statOf(input);
    const b = statOf(output);
    return !!a && !!b && a.dev === b.dev && a.ino === b.ino;
  };
  const clash = inputs.find(same);
  if (clash !== undefined) throw new UsageError(`--output ${output} is also an input (${clash}): it would be overwritten`);
}

/** What stat says about a path, or undefined when it cannot say (missing, a file in the way, no permission). */
function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
