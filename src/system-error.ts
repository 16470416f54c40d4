// Kept light (errors.ts only): the CLI's entry point loads it for every command.
import { InputError } from './errors.js';

/** The everyday reasons read plainly; the rest keep their code so they can be looked up. */
const PLAIN: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
};
const CODED: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many levels of links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EEXIST: 'already exists',
};

/** A file-system error as a reason for one line: "no space left on device (ENOSPC)". */
export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return message;
  if (PLAIN[code]) return PLAIN[code];
  // Node's own text ("ENOSPC: no space left on device, write") without the call and the path.
  const said = /^E[A-Z0-9]+: ([^,]*)/.exec(message)?.[1];
  return `${CODED[code] ?? said ?? message} (${code})`;
}

/** Whether the error is the file system's (it has an errno code), not a bug. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** Which way the file was being used when the call failed, for "cannot write x.json: …". */
export function systemVerb(error: NodeJS.ErrnoException): string {
  const verbs: Record<string, string> = { read: 'read', open: 'open', write: 'write', rename: 'write', mkdir: 'create', scandir: 'read', unlink: 'remove', rmdir: 'remove', close: 'write', stat: 'read', lstat: 'read', fstat: 'read' };
  return verbs[error.syscall ?? ''] ?? 'use';
}

/** "cannot write json/x.json: no space left on device (ENOSPC)", as an error the CLI prints on one line. */
export function cannot(verb: string, path: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  return new InputError(`cannot ${verb} ${path}: ${systemReason(error)}`);
}
