import type { Format } from '../ingest/types.js';
import type { Counts } from './manifest.js';

/** What the main thread sends a worker: one file, already read and hashed. */
export interface ParseTask {
  id: number;
  /** Recorded as `source.file` in the model. */
  file: string;
  format: Format;
  sha256: string;
  /** Transferred, not copied. */
  bytes: ArrayBuffer;
  revision: 'accepted' | 'original';
  /** For .docx: mammoth's second reading (see --no-mammoth). */
  mammothCheck: 'auto' | 'always' | 'never';
  pretty: boolean;
}

export type ParseResult =
  | { id: number; ok: true; json: string; counts: Counts; ms: number }
  | { id: number; ok: false; reason: string; ms: number };
