import { InputError } from './errors.js';
import { ingestFile, type IngestOptions } from './ingest/file.js';
import type { Programme } from './model/programme.js';
import { parse, type ParseOptions } from './parse.js';

/** Any supported file (.txt, .md, .docx, .doc, or "-" for stdin) to the programme model. */
export async function parseFile(path: string, options: IngestOptions & Pick<ParseOptions, 'matchers'> = {}): Promise<Programme> {
  try {
    const ingested = await ingestFile(path, options);
    return parse(ingested.text, {
      file: path === '-' ? null : path,
      format: ingested.format,
      encoding: ingested.encoding,
      sha256: ingested.sha256,
      messages: ingested.messages,
      ...(options.matchers ? { matchers: options.matchers } : {}),
    });
  } catch (error) {
    if (error instanceof InputError) throw error.withFile(path === '-' ? '<stdin>' : path);
    throw error;
  }
}
