import { DEFAULT_WORKER_MEMORY_MB, startAhead } from '../../batch/pool.js';
import { INPUT_OPTIONS, LANG_OPTION, RULE_OPTION, parseCommandLine, parseMemory, positiveInteger } from '../args.js';

/** `vanban batch`'s options; in a module of their own, light enough to read before the command loads. */
export const OPTIONS = {
  out: { type: 'string', short: 'o' },
  concurrency: { type: 'string', short: 'j' },
  resume: { type: 'boolean' },
  csv: { type: 'string' },
  ndjson: { type: 'string' },
  pretty: { type: 'boolean' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  'follow-links': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  status: { type: 'string' },
  format: { type: 'string' },
  ...RULE_OPTION,
  ...INPUT_OPTIONS,
  ...LANG_OPTION,
} as const;

/**
 * Starts the batch's first worker before the command's own code loads (main.ts): a worker takes
 * ~0.1 s to start (Node.js's bootstrap, then vanban's code and grammar) and the main thread
 * ~20 ms to load what it runs, so the two overlap instead of following one another. Only for a
 * command line that will convert at once (runBatch starts its first worker as soon as it holds
 * the lock): not --help, --status or --resume (which may find nothing to convert), nor one the
 * command will refuse. The pool takes the worker over (batch/pool.ts); run() stops it if not.
 */
export function startWorkerAhead(argv: string[]): void {
  try {
    const { values, positionals } = parseCommandLine(argv, OPTIONS);
    if (values.help || values.status !== undefined || values.format !== undefined || values.resume || !values.out || positionals.length === 0) return;
    positiveInteger(values.concurrency, '--concurrency');
    startAhead({ memoryMb: parseMemory(values['max-memory']) ?? DEFAULT_WORKER_MEMORY_MB, role: 'parse' });
  } catch {
    // The command says what is wrong with its command line.
  }
}
