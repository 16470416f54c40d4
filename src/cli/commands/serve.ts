import { availableParallelism } from 'node:os';
import { DEFAULT_WORKER_MEMORY_MB } from '../../batch/pool.js';
import { vanbanVersion } from '../../batch/version.js';
import { REQUEST_TIMEOUT_MS, createService, listen } from '../../serve/server.js';
import { parseCommandLine, parseMemory, parseSize, parseTimeout } from '../args.js';
import { EXIT, UsageError, warn, writeOut } from '../io.js';

const HELP = `Usage: vanban serve [options]

Serves vanban over HTTP (localhost only by default). Open the address it prints in a browser for
the page: drop a document to see its outline beside its text and its findings, compare two
drafts, download the model, its items as CSV or its outline. Nothing leaves the machine. Routes:
  GET  /             the page (Vietnamese; English at a click)
  POST /v1/parse     the model (as "vanban parse"); the file as the multipart field "file", or
                     as the raw body named by ?name=FILE or a Content-Disposition filename;
                     ?format=csv for its items and tasks (as "vanban parse --format csv")
  POST /v1/text      the normalized text (as "vanban text"): the lines positions count
  POST /v1/lint      the findings (as "vanban lint --format json"); ?severity=warning
  POST /v1/outline   the outline as text (as "vanban outline"); ?format=json for the tree, ?lang=en
  POST /v1/diff      the changes between the multipart files "old" and "new" (as "vanban diff
                     --format json")
  GET  /v1/schema    the model's JSON Schema (as "vanban schema"); GET /v1/openapi.json the API
  GET  /healthz      {"status":"ok", ...}
Errors are RFC 9457 problem details (application/problem+json) in Vietnamese, or in English
with Accept-Language: en. One JSON line per request goes to stderr (never the document's text).

Options:
  --port N              port to listen on (default 8080; 0: any free port)
  --host ADDRESS        address to listen on (default 127.0.0.1; 0.0.0.0 opens it to the network)
  --workers N           files parsed at once, each in its own worker thread (default: the cores)
  --queue N             requests that may wait for a worker; more are answered 503 (default 16)
  --timeout SECONDS     give up on a file that takes longer (504; default 30; 0: no limit)
  --max-size SIZE       refuse larger files (413; default 20MB)
  --request-timeout SECONDS
                        a client must have sent its whole request (body included) by then, or
                        it is answered 408 and cut off (default 120; 0: no limit)
  --max-memory SIZE     heap of each worker (default 400MB)
  --grace SECONDS       on SIGINT/SIGTERM, how long requests in flight may finish (default 10)
  -q, --quiet           no line per request
  --db FILE             also answer the archive questions from FILE ("vanban index" makes it),
                        read-only: GET /v1/anniversaries?year=2026, /v1/cites?id=57-NQ/TW,
                        /v1/agencies?year=2024, /v1/search?q=chuyen+doi+so (each with
                        &format=json|text|csv|md)

Stops on SIGINT or SIGTERM: takes no new request, lets those in flight finish, exits 0.
`;

function count(raw: string | undefined, option: string, fallback: number, least: number): number {
  if (raw === undefined) return fallback;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < least) throw new UsageError(`--${option}: "${raw}" is not a whole number of at least ${least}`);
  return n;
}

/** parseTimeout, its message naming the option it read. */
function seconds(raw: string | undefined, option: string, fallback: number): number {
  try {
    return parseTimeout(raw, fallback);
  } catch (error) {
    throw new UsageError((error as Error).message.replace('--timeout', `--${option}`));
  }
}

export const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  workers: { type: 'string' },
  queue: { type: 'string' },
  timeout: { type: 'string' },
  'max-size': { type: 'string' },
  'max-memory': { type: 'string' },
  grace: { type: 'string' },
  'request-timeout': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  db: { type: 'string' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  if (positionals.length) throw new UsageError(`serve takes no FILE (got "${positionals[0]}"); files come in requests`);
  const port = count(values.port, 'port', 8080, 0);
  if (port > 65535) throw new UsageError(`--port: ${port} is not a port (0 to 65535)`);
  const log = (line: string) => warn(line);
  // Read once, never written: the archive routes answer from memory.
  const archive = values.db === undefined ? undefined : await (await import('../../archive/db.js')).ArchiveDb.open(values.db);
  const service = await createService({
    ...(archive ? { archive } : {}),
    workers: count(values.workers, 'workers', availableParallelism(), 1),
    queue: count(values.queue, 'queue', 16, 0),
    timeoutMs: seconds(values.timeout, 'timeout', 30_000),
    memoryMb: parseMemory(values['max-memory']) ?? DEFAULT_WORKER_MEMORY_MB,
    // --max-size 0 (no limit, as on the command line) is the largest size fastify takes.
    maxSize: Math.min(parseSize(values['max-size'] ?? '20MB')!, Number.MAX_SAFE_INTEGER),
    requestTimeoutMs: seconds(values['request-timeout'], 'request-timeout', REQUEST_TIMEOUT_MS),
    quiet: values.quiet ?? false,
    version: vanbanVersion(),
    log,
  });
  const grace = seconds(values.grace, 'grace', 10_000);
  let url: string;
  try {
    url = await listen(service, port, values.host ?? '127.0.0.1');
  } catch (error) {
    await service.stop(0);
    const { code, message } = error as { code?: string; message?: string };
    warn(`vanban: cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${code === 'EADDRINUSE' ? 'the port is in use' : message}`);
    return EXIT.failed;
  }
  log(JSON.stringify({ time: new Date().toISOString(), msg: 'listening', url }));
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log(JSON.stringify({ time: new Date().toISOString(), msg: 'stopping', signal }));
  await service.stop(grace);
  log(JSON.stringify({ time: new Date().toISOString(), msg: 'stopped' }));
  return EXIT.ok;
}
