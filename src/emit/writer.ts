import type { Programme } from '../model/programme.js';
import { csvHead, csvRows } from './csv.js';
import { jsonBytes } from './json-bytes.js';
import { outline } from './outline.js';

export interface WriteOptions {
  /** Indent JSON. */
  pretty?: boolean;
  /** Terminal width for the outline. */
  width?: number;
  /** Language of the outline's own words (the document's text stays as written). */
  lang?: 'vi' | 'en';
}

/**
 * One output format. `write` renders one model or many; batch exports stream the same output as
 * `head()`, then `one(model, index)` per document, then `tail()`, which concatenate to `write(models)`.
 */
export interface Writer {
  name: 'json' | 'outline' | 'csv' | 'ndjson';
  mediaType: string;
  extension: string;
  summary: string;
  write(input: Programme | readonly Programme[], options?: WriteOptions): string;
  /**
   * `write(model)` as UTF-8 in chunks, for writing a large model without its whole text or all its
   * bytes in memory. A chunk may be a view of a buffer that is written again when the chunk after
   * the next is asked for: write it out (or copy it) before then. (Writing a chunk out while the
   * next one is made is how the command line overlaps the two.)
   */
  bytes(model: Programme, options?: WriteOptions): Iterable<Uint8Array>;
  head(options?: WriteOptions): string;
  one(model: Programme, index: number, options?: WriteOptions): string;
  /** `one(model, index)` as UTF-8 in chunks, as `bytes` is `write(model)`. */
  oneBytes(model: Programme, index: number, options?: WriteOptions): Iterable<Uint8Array>;
  tail(options?: WriteOptions): string;
}

function writer(
  w: Omit<Writer, 'write' | 'bytes' | 'oneBytes'> & {
    single?: (model: Programme, options: WriteOptions) => string;
    bytes?: (model: Programme, options: WriteOptions) => Iterable<Uint8Array>;
    oneBytes?: (model: Programme, index: number, options: WriteOptions) => Iterable<Uint8Array>;
  },
): Writer {
  const { single, bytes, oneBytes, ...rest } = w;
  const out: Writer = {
    ...rest,
    write(input, options = {}) {
      if (!Array.isArray(input) && single) return single(input as Programme, options);
      const models = Array.isArray(input) ? (input as readonly Programme[]) : [input as Programme];
      return w.head(options) + models.map((m, i) => w.one(m, i, options)).join('') + w.tail(options);
    },
    bytes: (model, options = {}) => (bytes ? bytes(model, options) : [Buffer.from(out.write(model, options))]),
    oneBytes: (model, index, options = {}) => (oneBytes ? oneBytes(model, index, options) : [Buffer.from(w.one(model, index, options))]),
  };
  return out;
}

const NEWLINE = Buffer.from('\n');
const COMMA_NEWLINE = Buffer.from(',\n');

const json = (model: Programme, options: WriteOptions) => JSON.stringify(model, null, options.pretty ? 2 : undefined);

export const WRITERS: readonly Writer[] = [
  writer({
    name: 'json',
    mediaType: 'application/json',
    extension: '.json',
    summary: 'the model (one object; an array for several documents)',
    single: (model, options) => `${json(model, options)}\n`,
    *bytes(model, options) {
      yield* jsonBytes(model, options.pretty ? 2 : 0);
      yield NEWLINE;
    },
    head: () => '[',
    one: (model, index, options = {}) => `${index ? ',' : ''}\n${json(model, options)}`,
    *oneBytes(model, index, options) {
      yield index ? COMMA_NEWLINE : NEWLINE;
      yield* jsonBytes(model, options.pretty ? 2 : 0);
    },
    tail: () => '\n]\n',
  }),
  writer({
    name: 'ndjson',
    mediaType: 'application/x-ndjson',
    extension: '.ndjson',
    summary: 'one model per line',
    head: () => '',
    one: (model) => `${JSON.stringify(model)}\n`,
    *oneBytes(model) {
      yield* jsonBytes(model);
      yield NEWLINE;
    },
    tail: () => '',
  }),
  writer({
    name: 'csv',
    mediaType: 'text/csv; charset=utf-8',
    extension: '.csv',
    summary: 'a row per item, task and schedule entry (UTF-8 with BOM, for Excel)',
    head: () => csvHead(),
    one: (model) => csvRows(model.source.file ?? '', model),
    tail: () => '',
  }),
  writer({
    name: 'outline',
    mediaType: 'text/plain; charset=utf-8',
    extension: '.txt',
    summary: 'a readable outline, for a person',
    head: () => '',
    one: (model, index, options = {}) => `${index ? '\n' : ''}${outline(model, options.width, options.lang)}\n`,
    tail: () => '',
  }),
];

export const WRITER_NAMES = WRITERS.map((w) => w.name);

export function writerFor(name: string): Writer | undefined {
  return WRITERS.find((w) => w.name === name);
}
