import type { RuleConfig } from '../check/rule.js';
import type { Format, Ingested } from '../ingest/types.js';
import type { Counts } from './manifest.js';

/**
 * What the main thread sends a worker: one file, already read and hashed; or, for the second
 * stage of a staged conversion (batch/stages.ts), what the first stage's reader made of it.
 */
export interface ParseTask {
  id: number;
  /** Recorded as `source.file` in the model; its extension helps choose the reader. null: stdin. */
  file: string | null;
  /** Read as this format; by default the reader table decides from the magic bytes and the name. */
  format?: Format;
  sha256: string;
  /** Transferred, not copied. Absent when `ingested` is given. */
  bytes?: ArrayBuffer;
  /** The file as a reader already read it (in another worker): only the parsing is left. */
  ingested?: Ingested;
  revision: 'accepted' | 'original';
  /** For .docx: mammoth's second reading (see --no-mammoth). */
  mammothCheck: 'auto' | 'always' | 'never';
  pretty: boolean;
  /** `--rule CODE=LEVEL` settings. */
  rules?: RuleConfig;
  /**
   * The model as JSON text (default); the model as the bytes of its .json file (`vanban batch`:
   * encoded here, in parallel, and transferred, so the main thread only writes them); only the
   * normalized text (`vanban text`); the model as JSON text and the normalized text, from one
   * reading (the service's page); or only what the reader made of the bytes (the first stage of a
   * staged conversion).
   */
  want?: 'model' | 'file' | 'text' | 'document' | 'ingested';
}

/** What a worker sends back: `ready` once when it has loaded and listens, then one result per task. */
export type WorkerMessage<R = ParseResult> = { ready: true } | R;

/** The answer to a task that wants the text. */
export type TextResult = { id: number; ok: true; text: string; ms: number } | Failed;

export type ParseResult = { id: number; ok: true; json: string; format: Format; counts: Counts; ms: number } | Failed;

/** The answer to a task that wants the document: the model's JSON text and the normalized text. */
export type DocumentResult = { id: number; ok: true; json: string; text: string; format: Format; counts: Counts; ms: number } | Failed;

/** The answer to a task that wants the file: the JSON text as UTF-8 with its closing newline. */
export type FileResult = { id: number; ok: true; file: ArrayBuffer; format: Format; counts: Counts; ms: number } | Failed;

/** The answer to a task that wants only the reading. */
export type IngestedResult = { id: number; ok: true; ingested: Ingested; ms: number } | Failed;

export type Failed = { id: number; ok: false; reason: string; ms: number };
