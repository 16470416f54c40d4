import { writerFor, type Writer } from '../emit/writer.js';
import type { Programme } from '../model/programme.js';
import { AtomicFile } from './atomic.js';

export { CSV_COLUMNS, csvField, csvRow, csvRows } from '../emit/csv.js';

export interface ExportPaths {
  csv?: string | undefined;
  ndjson?: string | undefined;
}

/**
 * The CSV and NDJSON exports, in input order, through the csv and ndjson writers, each written to
 * a temporary file and renamed when complete.
 */
export async function writeExports(paths: ExportPaths, documents: AsyncIterable<{ file: string; model: Programme }>): Promise<void> {
  const outputs: { file: AtomicFile; writer: Writer }[] = [];
  try {
    for (const name of ['csv', 'ndjson'] as const) {
      const path = paths[name];
      if (path) outputs.push({ file: await AtomicFile.create(path), writer: writerFor(name)! });
    }
    for (const o of outputs) await o.file.write(o.writer.head());
    let index = 0;
    for await (const { file, model } of documents) {
      // The row names the input as the batch saw it.
      const named = model.source.file === file ? model : { ...model, source: { ...model.source, file } };
      for (const o of outputs) await o.file.write(o.writer.one(o.writer.name === 'csv' ? named : model, index));
      index++;
    }
    for (const o of outputs) await o.file.write(o.writer.tail());
    for (const o of outputs) await o.file.commit();
  } catch (error) {
    for (const o of outputs) await o.file.abort();
    throw error;
  }
}
