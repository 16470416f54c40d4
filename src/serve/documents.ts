import { createHash } from 'node:crypto';
import { PoolClosed, WorkerCrash, WorkerPool } from '../batch/pool.js';
import type { DocumentResult, ParseResult, ParseTask, TextResult } from '../batch/protocol.js';
import type { RuleConfig } from '../check/rule.js';
import { READERS, formatOf } from '../ingest/file.js';
import { ServeError, type ProblemSlug } from './problem.js';
import { neutral, readerSaid, said } from './reasons.js';

/** One file as a request brought it: a bare name (no folder) or none, and its bytes. */
export interface Upload {
  name: string | null;
  bytes: Buffer;
}

export interface DocumentsOptions {
  workers: number;
  /** Requests that may wait for a worker beyond those being parsed. */
  queue: number;
  /** Per file, from when its worker starts on it; 0 for none. */
  timeoutMs: number;
  memoryMb: number;
  /** Tests swap in a worker that holds or hangs. */
  workerUrl?: URL;
}

/**
 * The batch worker pool behind the service: a bad file fails its own request (crash, timeout,
 * exhausted heap) and the server goes on. Requests are admitted up to workers + queue at a time;
 * beyond that the caller answers 503.
 */
export class Documents {
  private readonly pool: WorkerPool<ParseResult | TextResult | DocumentResult>;
  private id = 0;
  private admitted = 0;

  constructor(readonly options: DocumentsOptions) {
    const url = options.workerUrl ? { url: options.workerUrl } : {};
    this.pool = new WorkerPool(options.workers, { ...url, timeoutMs: options.timeoutMs, memoryMb: options.memoryMb });
  }

  get capacity(): number {
    return this.options.workers + this.options.queue;
  }

  get active(): number {
    return this.admitted;
  }

  /** A slot for one request, or null when the queue is full; `release` gives it back once. */
  admit(): { release: () => void } | null {
    if (this.admitted >= this.capacity) return null;
    this.admitted++;
    let held = true;
    return {
      release: () => {
        if (held) this.admitted--;
        held = false;
      },
    };
  }

  /** The model of one upload as JSON text (what `vanban parse` prints), or a ServeError. */
  async modelJson(upload: Upload, rules?: RuleConfig): Promise<string> {
    const result = (await this.run(upload, 'model', rules)) as Extract<ParseResult, { ok: true }>;
    return result.json;
  }

  /** The normalized text of one upload (what `vanban text` prints): the lines the model's positions count. */
  async text(upload: Upload): Promise<string> {
    const result = (await this.run(upload, 'text')) as Extract<TextResult, { ok: true }>;
    return result.text;
  }

  /** The model as JSON text and the normalized text of one upload, from one reading of it in one worker. */
  async document(upload: Upload, rules?: RuleConfig): Promise<{ json: string; text: string }> {
    const result = (await this.run(upload, 'document', rules)) as Extract<DocumentResult, { ok: true }>;
    return { json: result.json, text: result.text };
  }

  private async run(upload: Upload, want: 'model' | 'text' | 'document', rules?: RuleConfig): Promise<ParseResult | TextResult | DocumentResult> {
    refuseUnsupported(upload);
    const task: ParseTask = {
      id: ++this.id,
      file: upload.name,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      bytes: Uint8Array.from(upload.bytes).buffer,
      revision: 'accepted',
      mammothCheck: 'auto',
      pretty: false,
      want,
      ...(rules ? { rules } : {}),
    };
    let result: ParseResult | TextResult | DocumentResult;
    try {
      result = await this.pool.run(task);
    } catch (error) {
      if (error instanceof PoolClosed) throw new ServeError('shutting-down', neutral(error.message));
      if (error instanceof WorkerCrash) throw new ServeError(error.message.startsWith('timed out') ? 'timed-out' : 'not-a-document', readerSaid(error.message, upload.name));
      throw error;
    }
    if (!result.ok) throw new ServeError(classify(result.reason), readerSaid(result.reason, upload.name));
    return result;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** A name whose extension no reader takes (a .png, a .pdf), unless its bytes are a Word file whatever the name. */
function refuseUnsupported(upload: Upload): void {
  if (upload.name === null || !upload.name.includes('.')) return;
  if (formatOf(upload.name) !== null) return;
  if (READERS.some((r) => r.magic?.(upload.bytes))) return;
  const extension = upload.name.slice(upload.name.lastIndexOf('.'));
  throw new ServeError('unsupported-format', said('notAFormat', upload.name, extension));
}

/** The reader's refusals by what they mean to a client: not a kind of file vanban reads, a broken file, or a file vanban will not read. */
const UNSUPPORTED = ['not a text file', 'not an HTML file', 'not a .docx (an ', 'not a Word 97-2003', 'unsupported .docx'];
const BROKEN = ['corrupt', 'the file is empty', 'missing ', 'not a .docx (not a zip'];

export function classify(reason: string): ProblemSlug {
  if (UNSUPPORTED.some((p) => reason.startsWith(p))) return 'unsupported-format';
  if (BROKEN.some((p) => reason.startsWith(p))) return 'unreadable';
  if (reason.startsWith('internal error')) return 'internal';
  return 'not-a-document';
}
