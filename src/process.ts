import { createHash } from 'node:crypto';
import type { RuleConfig } from './check/index.js';
import { InputError } from './errors.js';
import { detectFormat, ingestBytes, type IngestOptions } from './ingest/file.js';
import type { Format, Ingested } from './ingest/types.js';
import type { Diagnostic, Programme } from './model/programme.js';
import { parse, type ParseOptions } from './parse.js';

export interface ProcessOptions extends Pick<IngestOptions, 'revision' | 'mammothCheck'>, Pick<ParseOptions, 'matchers'> {
  /** The format to read the bytes as; by default the reader table decides (magic bytes, then the name). */
  format?: Format;
  /** sha256 of the bytes when the caller has it already. */
  sha256?: string;
  /** Per rule code: 'off', or the severity it reports with (`--rule CODE=LEVEL`). */
  rules?: RuleConfig;
}

/** One positioned message about the file, vfile-style: the model's diagnostics with the file they are about. */
export interface Message extends Diagnostic {
  file: string | null;
}

export interface Processed {
  model: Programme;
  messages: Message[];
}

/**
 * The file → model glue, the one place it lives: the reader registered for the bytes (magic bytes,
 * then the name's extension), then parse, then the user's rule settings. The CLI, batch and a server
 * all call this. `name` is what `source.file` records and what errors name (null for stdin).
 * Bad input rejects with an InputError that names the file; anything else is a bug.
 */
export async function process(bytes: Uint8Array, name: string | null, options: ProcessOptions = {}): Promise<Processed> {
  const ingested = await ingestProcessed(bytes, name, options);
  return parseIngested(ingested, name, { ...options, sha256: options.sha256 ?? createHash('sha256').update(bytes).digest('hex') });
}

/** The first half of `process`: the bytes through the reader registered for them. */
export async function ingestProcessed(bytes: Uint8Array, name: string | null, options: Pick<ProcessOptions, 'format' | 'revision' | 'mammothCheck'> = {}): Promise<Ingested> {
  try {
    const format = options.format ?? detectFormat(bytes, name);
    return await ingestBytes(bytes, format, { revision: options.revision, mammothCheck: options.mammothCheck });
  } catch (error) {
    throw named(error, name);
  }
}

/**
 * The second half of `process`: what a reader made of the bytes, parsed, with the user's rule
 * settings. `vanban batch` runs the two halves in different workers (see batch/stages.ts).
 */
export function parseIngested(ingested: Ingested, name: string | null, options: Pick<ProcessOptions, 'matchers' | 'rules'> & { sha256: string }): Processed {
  try {
    const model = parse(ingested.text, {
      file: name,
      format: ingested.format,
      encoding: ingested.encoding,
      sha256: options.sha256,
      messages: ingested.messages,
      ...(options.matchers ? { matchers: options.matchers } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
    });
    return processed(model, name);
  } catch (error) {
    throw named(error, name);
  }
}

/**
 * The model with its messages, made when first read: the command line and batch want the model
 * alone, and a 10 MB programme has thousands of diagnostics to copy.
 */
function processed(model: Programme, name: string | null): Processed {
  let messages: Message[] | undefined;
  return {
    model,
    get messages() {
      return (messages ??= model.diagnostics.map((d) => ({ ...d, file: name })));
    },
  };
}

/** Bad input names its file; anything else is a bug and goes on as it is. */
function named(error: unknown, name: string | null): unknown {
  return error instanceof InputError ? error.withFile(name ?? '<stdin>') : error;
}

/** The same function under a name that does not shadow Node's global `process`. */
export { process as processDocument };
