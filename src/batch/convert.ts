import { isInputError } from '../errors.js';
import { ingestBytes } from '../ingest/file.js';
import type { Programme } from '../model/programme.js';
import { parse } from '../parse.js';
import type { Counts } from './manifest.js';
import type { ParseResult, ParseTask } from './protocol.js';

/** The CPU-bound half of a batch, run in a worker: bytes → model → JSON text, never a throw. */
export async function convertTask(task: ParseTask): Promise<ParseResult> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  try {
    const ingested = await ingestBytes(new Uint8Array(task.bytes), task.format, { revision: task.revision, mammothCheck: task.mammothCheck });
    const model = parse(ingested.text, {
      file: task.file,
      format: ingested.format,
      encoding: ingested.encoding,
      sha256: task.sha256,
      messages: ingested.messages,
    });
    return { id: task.id, ok: true, json: JSON.stringify(model, null, task.pretty ? 2 : undefined), counts: countsOf(model), ms: ms() };
  } catch (error) {
    if (isInputError(error)) return { id: task.id, ok: false, reason: error.reason, ms: ms() };
    const message = error instanceof Error ? error.message : String(error);
    return { id: task.id, ok: false, reason: `internal error: ${message}`, ms: ms() };
  }
}

export function countsOf(model: Programme): Counts {
  return {
    conferences: model.conferences.length,
    items: model.conferences.reduce((n, c) => n + c.items.length, 0),
    citations: model.citations.length,
    diagnostics: model.diagnostics.length,
  };
}
