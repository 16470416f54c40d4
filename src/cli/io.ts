import { isInputError } from '../errors.js';
import { isSystemError, systemReason, systemVerb } from '../system-error.js';

export { UsageError } from '../errors.js';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** Pieces of one output, gathered into writes of about 64 KB: the whole text is never held. */
export async function writeChunks(chunks: Iterable<string>): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= 1 << 16) {
      await writeOut(pending);
      pending = '';
    }
  }
  if (pending) await writeOut(pending);
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
