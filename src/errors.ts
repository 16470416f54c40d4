/**
 * An input the pipeline refuses: the CLI prints `file: reason` on one line and exits 1.
 * Anything else that escapes is a bug in vanban, not in the input.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly reason: string,
    readonly file: string | null = null,
  ) {
    super(file ? `${file}: ${reason}` : reason);
  }

  withFile(file: string): InputError {
    return this.file ? this : new InputError(this.reason, file);
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** A usage mistake (the CLI prints it with a hint to --help, exit status 2); also thrown by batch for paths that clash. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
