import { availableParallelism } from 'node:os';
import { runBatch, summaryLine } from '../../batch/run.js';
import { batchStatus, renderStatus } from '../../batch/status.js';
import { DEFAULT_MAX_SIZE } from '../../ingest/file.js';
import { DEFAULT_WORKER_MEMORY_MB, discardAhead } from '../../batch/pool.js';
import { INPUT_HELP, LANG_HELP, RULE_HELP, langOf, mammothOf, parseCommandLine, parseMemory, parseSize, parseTimeout, positiveInteger, revisionOf, ruleConfig } from '../args.js';
import { listenForInterrupt } from '../interrupt.js';
import { EXIT, UsageError, warn, writeOut } from '../io.js';
import { OPTIONS } from './batch-ahead.js';

export { OPTIONS };

const HELP = `Usage: vanban batch [options] INPUT... --out DIR
       vanban batch --status DIR [--format text|json] [--lang vi|en]

Converts an archive of programmes: every .txt, .md, .docx and .doc file under the INPUTs becomes
DIR/<its path>.json, the same model "vanban parse" prints. An INPUT is a file, a folder (read
recursively; hidden entries skipped) or a glob pattern: * and ? within one folder name, ** across
folders, {2023,2024} or {1..3} alternatives, [0-9] or [!~] one character of a class — quote it so
the shell leaves it alone; ( ) + ! are plain letters. Paths under a folder or pattern are kept
relative to it ("archive/2023/ctr.docx" under "archive" gives DIR/2023/ctr.docx.json); a file
INPUT keeps its own name; names that would clash get "~2", "~3".

DIR/manifest.ndjson is the history of the batches into DIR: every run appends one JSON line per
input, never rewriting earlier runs' lines: run (the run's id: its start time and a random
suffix), path, status (ok, error, unchanged — found as the last run left it, with --resume — or
skipped: another format, a lock file, not a plain file), reason, output, format (as read: a .doc
renamed .docx says "doc"), size, sha256, counts of conferences, items, citations and diagnostics,
genre, counts of outline units, tasks and residue, understood (false when the genre is unknown or
no header was found), ms, the vanban version and the options that shape the outputs. An input's
latest line is its state. One bad file never stops the batch: it gets an "error" line with its
reason, also when it crashes, hangs or exhausts its worker. Entries that are not plain files
(FIFOs, devices, links to folders, dangling links, links out of the input folders) get a
"skipped" line and are never opened. Every file is written whole (to a temporary file, then
renamed), so a run that is interrupted or killed leaves only whole files and whole manifest
lines (a line torn by kill -9 is reported and ignored); run it again with --resume to finish it.
A full disk stops the run with one line naming the file. One batch at a time may write to DIR
(DIR/.vanban.lock).

--status DIR summarizes the latest state of every input in DIR/manifest.ndjson: counts per
status, the failed inputs with their reason, and the inputs whose source is no longer there
(relative paths are looked up from the current folder, as the batch was given them). Exit
status 1 when an input's latest state is a failure.

Options:
  -o, --out DIR                 where the .json files and manifest.ndjson go (required)
  -j, --concurrency N           worker threads parsing in parallel (default: one per core, ${availableParallelism()} here)
      --resume                  skip inputs whose sha256, vanban version and options (--revision,
                                --mammoth, --pretty, --rule) match their latest ok or unchanged
                                line in DIR/manifest.ndjson and whose output is still there
                                (they get an "unchanged" line)
      --status DIR              summarize DIR/manifest.ndjson instead of converting (no INPUT)
      --format text|json        --status: text (default) or one JSON object
      --csv FILE                also write a CSV row per conference item, task and schedule
                                entry: file, year, conference, month, item, action, citations,
                                leadAgencies, text, then kind (item, task or entry), lead,
                                partners, deadline, date, time, chair, place, preparer (lists
                                "; "-separated). UTF-8 with BOM for Excel; a cell opening
                                with = + - @ gets a leading ' so Excel does not run it
      --ndjson FILE             also write every model as one JSON line (neither export may
                                be an input, an output or the manifest)
      --pretty                  indent the .json files
      --timeout SECONDS         fail a file that takes longer to parse (default 300, 0 for none)
      --max-memory SIZE         fail a file whose worker needs more memory (default ${DEFAULT_WORKER_MEMORY_MB}MB, 0 for
                                V8's own limit)
      --follow-links            also read linked files that point outside the input folders
                                (skipped by default: an archive's link to /etc/passwd stays out)
  -q, --quiet                   no progress and no summary (failures are still summarized)
${RULE_HELP}
${INPUT_HELP}
${LANG_HELP} (the summary line, --status)

Progress (files done, rate, errors, ETA) is redrawn on stderr when it is a terminal; NO_COLOR
turns its colour off. A summary closes the run on stderr, with the count of documents not
understood (converted, but of unknown genre or without a header).

Exit status: 0 every input converted (or unchanged, or skipped), 1 some failed (counted in the summary and
marked in the manifest), 2 usage error, 130/143 interrupted by Ctrl-C/SIGTERM.

Example:
  vanban batch archive/ "scans/**/*.docx" --out json/ --csv items.csv
  vanban batch archive/ --out json/ --resume     # after an interruption, or when files were added
  vanban batch --status json/ --lang en          # what the manifest says of every input
`;


/** `test.workerUrl`: the interrupt tests' worker, which holds one file until the run is stopped. */
export async function run(argv: string[], test: { workerUrl?: URL } = {}): Promise<number> {
  try {
    return await batch(argv, test);
  } finally {
    // A worker started ahead (batch-ahead.ts) that no pool took: the run ended before it wanted one.
    await discardAhead();
  }
}

async function batch(argv: string[], test: { workerUrl?: URL }): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  if (values.status !== undefined) return status(values.status, positionals, values);
  if (values.format !== undefined) throw new UsageError('batch: --format goes with --status DIR');
  if (positionals.length === 0) throw new UsageError('batch: missing INPUT (files, folders or glob patterns)');
  if (!values.out) throw new UsageError('batch: missing --out DIR');
  const concurrency = positiveInteger(values.concurrency, '--concurrency') ?? availableParallelism();
  const timeoutMs = parseTimeout(values.timeout, 300_000);
  const memoryMb = parseMemory(values['max-memory']) ?? DEFAULT_WORKER_MEMORY_MB;
  const rules = await ruleConfig(values.rule);
  const lang = langOf(values.lang);

  const terminal = process.stderr.isTTY === true;
  const quiet = values.quiet ?? false;
  const color = terminal && !process.env.NO_COLOR;

  const interrupt = listenForInterrupt();
  try {
    const summary = await runBatch({
      inputs: positionals,
      out: values.out,
      concurrency,
      resume: values.resume ?? false,
      revision: revisionOf(values.revision),
      mammothCheck: mammothOf(values),
      maxSize: parseSize(values['max-size']) ?? DEFAULT_MAX_SIZE,
      pretty: values.pretty ?? false,
      ...(rules ? { rules } : {}),
      timeoutMs,
      memoryMb,
      followLinks: values['follow-links'] ?? false,
      exports: { csv: values.csv, ndjson: values.ndjson },
      progress: { live: terminal && !quiet, verbose: !quiet, color },
      signal: interrupt.signal,
      ...(test.workerUrl ? { workerUrl: test.workerUrl } : {}),
    });
    if (!quiet || summary.failed > 0 || summary.interrupted) warn(summaryLine(summary, lang));
    if (summary.interrupted) return interrupt.exitCode;
    return summary.failed > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    interrupt.dispose();
  }
}

/** `vanban batch --status DIR`: the manifest's latest state of every input. */
async function status(out: string, positionals: string[], values: { format?: string; lang?: string }): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`batch --status: takes no INPUT (got ${positionals[0]})`);
  const format = oneOf('--format', values.format, ['text', 'json'] as const);
  const lang = langOf(values.lang);
  const report = await batchStatus(out);
  await writeOut(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report, lang));
  return report.failed.length > 0 ? EXIT.failed : EXIT.ok;
}

/** The value of a choice option, its first choice when absent. */
function oneOf<T extends string>(flag: string, raw: string | undefined, allowed: readonly [T, ...T[]]): T {
  if (raw === undefined) return allowed[0];
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(`${flag} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, not "${raw}"`);
}
