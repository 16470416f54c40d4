import { readFile, stat } from 'node:fs/promises';

/**
 * The bytes of one input, read in the main thread so the sha256 can be checked against the
 * manifest (--resume) before any parsing. Refusals carry the same words `vanban parse` uses.
 */
export async function readInput(path: string, maxSize: number): Promise<Buffer> {
  const info = await stat(path).catch((error: unknown) => {
    throw new Error(systemReason(error));
  });
  if (info.isDirectory()) throw new Error('is a directory, not a file');
  if (!info.isFile()) throw new Error('not a regular file');
  if (info.size > maxSize) throw new Error(`too large: ${sizeText(info.size)} exceeds the ${sizeText(maxSize)} limit (--max-size)`);
  return readFile(path).catch((error: unknown) => {
    throw new Error(systemReason(error));
  });
}

export function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export function systemReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
