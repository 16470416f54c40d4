import { isInputError } from '../errors.js';

/** A usage mistake: printed with a hint to --help, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** One line for any failure: "vanban: file: reason". A stack trace only with VANBAN_DEBUG=1. */
export function describeError(error: unknown, file?: string): string {
  if (isInputError(error)) return error.message;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (process.env.VANBAN_DEBUG) warn(String((error as Error)?.stack ?? error));
  return `${file ? `${file}: ` : ''}internal error: ${message}`;
}
