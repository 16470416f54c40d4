import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { indexLine, indexArchive } from '../../archive/build.js';
import { summaryLine } from '../../batch/run.js';
import { DEFAULT_WORKER_MEMORY_MB } from '../../batch/pool.js';
import { DEFAULT_MAX_SIZE } from '../../ingest/file.js';
import { INPUT_HELP, INPUT_OPTIONS, LANG_HELP, LANG_OPTION, langOf, mammothOf, parseCommandLine, parseMemory, parseSize, parseTimeout, positiveInteger, revisionOf } from '../args.js';
import { listenForInterrupt } from '../interrupt.js';
import { EXIT, UsageError, warn, writeOut } from '../io.js';

const HELP = `Usage: vanban index [options] ARCHIVE... --db FILE

Makes the archive a database: converts every document under the ARCHIVE files, folders and glob
patterns through the batch pipeline (as "vanban batch --resume": .json files and manifest.ndjson
in the --out folder, a file whose sha256 the manifest knows is not parsed again), then stores
each document in FILE, an SQLite database: its header fields, outline nodes, conferences, items
and tasks with their lead agencies, and every citation with its span, plus a full-text index of
items and tasks. Run it again on the same ARCHIVE to bring FILE up to date: new and changed files
are stored, files no longer there (or no longer readable) removed, the rest kept. Documents are
known by their path as given, so run it from the same folder each time.

The database is written whole at the end (a temporary file renamed over FILE): an interrupted
run leaves the last good one. The README's "The archive database" describes its tables for
other programs; "vanban anniversaries", "cites", "agencies" and "search" ask it questions.

Options:
      --db FILE                 the database to make or update (required)
  -o, --out DIR                 where the batch's .json files and manifest go (default: FILE's
                                name without extension + "-json", beside it)
  -j, --concurrency N           worker threads parsing in parallel (default: one per core, ${availableParallelism()} here)
      --timeout SECONDS         fail a file that takes longer to parse (default 300, 0 for none)
      --max-memory SIZE         fail a file whose worker needs more memory (default ${DEFAULT_WORKER_MEMORY_MB}MB)
  -q, --quiet                   no progress and no summary (failures are still reported)
${INPUT_HELP}
${LANG_HELP}

Exit status: 0 indexed, 1 a file failed to convert (the others are indexed) or the database
could not be read or written, 2 usage error, 130/143 interrupted (the database is unchanged).

Example:
  vanban index archive/ --db archive.db
  vanban anniversaries 2026 --db archive.db
`;

export const OPTIONS = {
  db: { type: 'string' },
  out: { type: 'string', short: 'o' },
  concurrency: { type: 'string', short: 'j' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  ...INPUT_OPTIONS,
  ...LANG_OPTION,
} as const;

/** FILE's batch folder: "archive.db" → "archive-json" beside it. */
export function defaultOut(db: string): string {
  return join(dirname(db), `${basename(db, extname(db))}-json`);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  if (positionals.length === 0) throw new UsageError('index: missing ARCHIVE (files, folders or glob patterns)');
  if (!values.db) throw new UsageError('index: missing --db FILE');
  const concurrency = positiveInteger(values.concurrency, '--concurrency') ?? availableParallelism();
  const lang = langOf(values.lang);
  const quiet = values.quiet ?? false;
  const terminal = process.stderr.isTTY === true;
  const interrupt = listenForInterrupt();
  try {
    const summary = await indexArchive({
      db: values.db,
      inputs: positionals,
      out: values.out ?? defaultOut(values.db),
      concurrency,
      revision: revisionOf(values.revision),
      mammothCheck: mammothOf(values),
      maxSize: parseSize(values['max-size']) ?? DEFAULT_MAX_SIZE,
      timeoutMs: parseTimeout(values.timeout, 300_000),
      memoryMb: parseMemory(values['max-memory']) ?? DEFAULT_WORKER_MEMORY_MB,
      progress: { live: terminal && !quiet, verbose: !quiet, color: terminal && !process.env.NO_COLOR },
      signal: interrupt.signal,
    });
    if (!quiet || summary.batch.failed > 0 || summary.batch.interrupted) warn(summaryLine(summary.batch, lang));
    if (summary.batch.interrupted) return interrupt.exitCode;
    if (!quiet) warn(indexLine(summary, values.db, lang));
    return summary.batch.failed > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    interrupt.dispose();
  }
}
