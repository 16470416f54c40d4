import { writerFor, type Writer } from '../emit/writer.js';
import type { Programme } from '../model/programme.js';
import { cannot } from '../system-error.js';
import { AtomicFile, openTemp, type OpenTemp } from './atomic.js';

export { CSV_COLUMNS, csvField, csvRow, csvRows } from '../emit/csv.js';

export interface ExportPaths {
  csv?: string | undefined;
  ndjson?: string | undefined;
}

interface Output {
  file: AtomicFile;
  writer: Writer;
}

/**
 * The CSV and NDJSON exports, in input order, through the csv and ndjson writers, each written to
 * a temporary file and renamed when complete. A failed write (a full disk) leaves the previous
 * export as it was and rejects with a one-line error naming the export.
 */
export async function writeExports(
  paths: ExportPaths,
  documents: AsyncIterable<{ file: string; model: Programme }>,
  opener: OpenTemp = openTemp,
): Promise<void> {
  const outputs: Output[] = [];
  const each = async (act: (o: Output) => Promise<void>) => {
    for (const o of outputs) await act(o).catch((error: unknown) => Promise.reject(cannot('write', o.file.path, error)));
  };
  try {
    for (const name of ['csv', 'ndjson'] as const) {
      const path = paths[name];
      if (path) outputs.push({ file: await AtomicFile.create(path, opener).catch((e: unknown) => Promise.reject(cannot('write', path, e))), writer: writerFor(name)! });
    }
    await each((o) => o.file.write(o.writer.head()));
    let index = 0;
    for await (const { file, model } of documents) {
      // The row names the input as the batch saw it.
      const named = model.source.file === file ? model : { ...model, source: { ...model.source, file } };
      await each((o) => o.file.write(o.writer.one(o.writer.name === 'csv' ? named : model, index)));
      index++;
    }
    await each((o) => o.file.write(o.writer.tail()));
    await each((o) => o.file.commit());
  } catch (error) {
    for (const o of outputs) await o.file.abort();
    throw error;
  }
}
