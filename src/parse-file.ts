import { InputError } from './errors.js';
import { DEFAULT_MAX_SIZE, readBounded, readStdin, type IngestOptions } from './ingest/file.js';
import type { Programme } from './model/programme.js';
import { process, type ProcessOptions } from './process.js';

export type ParseFileOptions = IngestOptions & ProcessOptions;

/** Any supported file (.txt, .md, .docx, .doc, .html, or "-" for stdin) to the programme model. */
export async function parseFile(path: string, options: ParseFileOptions = {}): Promise<Programme> {
  return (await processFile(path, options)).model;
}

/** Reads a file (or "-" for stdin) within --max-size and hands its bytes to the processor. */
export async function processFile(path: string, options: ParseFileOptions = {}): ReturnType<typeof process> {
  const name = path === '-' ? null : path;
  let bytes: Uint8Array;
  try {
    const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
    bytes = name === null ? await readStdin(maxSize) : await readBounded(name, maxSize);
  } catch (error) {
    if (error instanceof InputError) throw error.withFile(name ?? '<stdin>');
    throw error;
  }
  return process(bytes, name, options);
}
