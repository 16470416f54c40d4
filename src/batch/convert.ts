import { isInputError } from '../errors.js';
import type { Programme } from '../model/programme.js';
import { normalizeText } from '../normalize/text.js';
import { ingestProcessed, parseIngested } from '../process.js';
import type { Counts } from './manifest.js';
import type { DocumentResult, Failed, FileResult, IngestedResult, ParseResult, ParseTask, TextResult } from './protocol.js';

/**
 * The CPU-bound half of a batch, run in a worker: bytes → model (the shared processor) → JSON
 * text, or the bytes of its file when the task wants the file; never a throw.
 */
export async function convertTask(task: ParseTask): Promise<ParseResult | FileResult | DocumentResult> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  try {
    const rules = task.rules ? { rules: task.rules } : {};
    // Read here unless another worker read it; the page's document keeps the reading for its text.
    const ingested = task.ingested ?? (await ingestProcessed(new Uint8Array(bytesOf(task)), task.file, readOptions(task)));
    const { model } = parseIngested(ingested, task.file, { sha256: task.sha256, ...rules });
    const json = JSON.stringify(model, null, task.pretty ? 2 : undefined);
    const answer = { id: task.id, ok: true as const, format: model.source.format, counts: countsOf(model) };
    if (task.want === 'file') return { ...answer, file: fileBytes(json), ms: ms() };
    if (task.want === 'document') return { ...answer, json, text: normalizeText(ingested.text), ms: ms() };
    return { ...answer, json, ms: ms() };
  } catch (error) {
    return failure(task, error, ms());
  }
}

/** The first stage of a staged conversion: the bytes through their reader only, never a throw. */
export async function ingestTask(task: ParseTask): Promise<IngestedResult> {
  const started = performance.now();
  try {
    const ingested = await ingestProcessed(new Uint8Array(bytesOf(task)), task.file, readOptions(task));
    return { id: task.id, ok: true, ingested, ms: performance.now() - started };
  } catch (error) {
    return failure(task, error, performance.now() - started);
  }
}

/** `vanban text` in a worker: the bytes read and normalized, never a throw. */
export async function textTask(task: ParseTask): Promise<TextResult> {
  const started = performance.now();
  try {
    const ingested = await ingestProcessed(new Uint8Array(bytesOf(task)), task.file, readOptions(task));
    return { id: task.id, ok: true, text: normalizeText(ingested.text), ms: performance.now() - started };
  } catch (error) {
    return failure(task, error, performance.now() - started);
  }
}

/**
 * The .json file's bytes (UTF-8, closing newline) in a buffer of their own, to be transferred: a
 * small Buffer.from would lie in Node's shared pool, which must not be handed away.
 */
export function fileBytes(json: string): ArrayBuffer {
  // The newline put in as a byte: joined to the text first, the whole text would be copied once more.
  const length = Buffer.byteLength(json);
  const bytes = Buffer.allocUnsafeSlow(length + 1);
  bytes.write(json);
  bytes[length] = 0x0a;
  return bytes.buffer as ArrayBuffer;
}

function readOptions(task: ParseTask) {
  return { revision: task.revision, mammothCheck: task.mammothCheck, ...(task.format ? { format: task.format } : {}) };
}

function bytesOf(task: ParseTask): ArrayBuffer {
  if (!task.bytes) throw new Error('a task without bytes must carry its reading');
  return task.bytes;
}

function failure(task: ParseTask, error: unknown, ms: number): Failed {
  if (isInputError(error)) return { id: task.id, ok: false, reason: error.reason, ms };
  const message = error instanceof Error ? error.message : String(error);
  return { id: task.id, ok: false, reason: `internal error: ${message}`, ms };
}

/** Nodes of the outline tree, at every depth. */
export function unitCount(nodes: Programme['outline']): number {
  return nodes.reduce((n, node) => n + 1 + unitCount(node.children), 0);
}

/**
 * Whether vanban made sense of the document: it knows the genre and found a header. A document
 * that is not understood still converts (its outline and residue are kept) but is counted apart.
 */
export function understood(model: Programme): boolean {
  return model.genre !== 'unknown' && !model.diagnostics.some((d) => d.code === 'header-not-found');
}

export function countsOf(model: Programme): Counts {
  return {
    conferences: model.conferences.length,
    items: model.conferences.reduce((n, c) => n + c.items.length, 0),
    citations: model.citations.length,
    diagnostics: model.diagnostics.length,
    genre: model.genre,
    outline: unitCount(model.outline),
    tasks: model.tasks.length,
    residue: model.residue.length,
    understood: understood(model),
  };
}
