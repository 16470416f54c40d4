import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { formatSize } from '../ingest/zip-guard.js';
import { Documents, type DocumentsOptions } from './documents.js';
import { openapiDocument } from './openapi.js';
import { registerPage } from './page.js';
import { PROBLEM_MEDIA_TYPE, ServeError, negotiateLang, problem, type ProblemSlug } from './problem.js';
import { neutral, said, type Said } from './reasons.js';
import type { ArchiveDb } from '../archive/db.js';
import { ARCHIVE_PATHS, archiveRoutes } from './archive.js';
import { ROUTES as DOCUMENT_ROUTES } from './routes.js';

export interface ServeOptions extends DocumentsOptions {
  /** Largest file accepted, in bytes. */
  maxSize: number;
  /** No line per request. */
  quiet: boolean;
  version: string;
  /**
   * How long a client may take to send a whole request, body included: one that trickles its
   * bytes slower (a slowloris) is answered 408 and cut off rather than holding a connection.
   * 0: no limit.
   */
  requestTimeoutMs?: number;
  /** Where log lines go (stderr). */
  log: (line: string) => void;
  /** `--db FILE`: the archive the /v1/anniversaries, cites, agencies and search routes answer from. */
  archive?: ArchiveDb;
}

/** Sent with every answer: the API serves data, never a page to render or a script to run. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** The default of `requestTimeoutMs`: a 20 MB upload at about 1 Mbit/s. */
export const REQUEST_TIMEOUT_MS = 120_000;

/** Seconds a client told "busy" is asked to wait. */
const RETRY_AFTER = 5;

export interface Service {
  app: FastifyInstance;
  documents: Documents;
  /** Stops accepting, lets requests in flight finish for up to `graceMs`, then stops the workers. */
  stop(graceMs: number): Promise<void>;
}

/** Fastify's and node's settings for a request timeout of `ms` (0: none). */
function requestLimits(ms: number) {
  if (ms <= 0) return { requestTimeout: 0 };
  // Node looks for overdue requests every connectionsCheckingInterval (30 s by default).
  return { requestTimeout: ms, http: { headersTimeout: Math.min(60_000, ms), connectionsCheckingInterval: Math.min(30_000, Math.max(50, ms / 4)) } };
}

/**
 * A request node refused before any route saw it (too slow, malformed): answered with a problem
 * like every other error, in Vietnamese (no headers were read to ask for another), and closed.
 */
function answerClientError(timeoutMs: number) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (!socket.writable) return void socket.destroy();
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const body = JSON.stringify(
      timedOut
        ? problem('request-timeout', neutral(`--request-timeout ${timeoutMs / 1000} s`), 'vi', `urn:uuid:${randomUUID()}`)
        : problem('bad-request', said('malformedRequest'), 'vi', `urn:uuid:${randomUUID()}`),
    );
    const status = timedOut ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  };
}

function noSchemas(): never {
  throw new Error('vanban serve declares no route schemas');
}

export async function createService(options: ServeOptions): Promise<Service> {
  const documents = new Documents(options);
  const ROUTES = options.archive ? [...DOCUMENT_ROUTES, ...archiveRoutes(options.archive)] : DOCUMENT_ROUTES;
  const app = Fastify({
    logger: false,
    bodyLimit: options.maxSize,
    ...requestLimits(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
    return503OnClosing: false,
    genReqId: () => randomUUID(),
    // No route declares a JSON schema (the handlers check their few parameters), so fastify's ajv
    // compilers are never needed: the bundle leaves them out (rolldown.config.mjs).
    schemaController: { compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas } },
    clientErrorHandler: answerClientError(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
  });
  let closing = false;
  let openapi: Record<string, unknown> | null = null;

  // Every body is bytes for the readers; multipart is the plugin's.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: options.maxSize } });

  const started = new WeakMap<FastifyRequest, number>();
  app.addHook('onRequest', async (request, reply) => {
    started.set(request, performance.now());
    reply.headers(SECURITY_HEADERS);
    if (closing) throw new ServeError('shutting-down', neutral(''));
    if (!ROUTES.some((r) => r.files && r.method === request.method && r.path === request.routeOptions.url)) return;
    const slot = documents.admit();
    if (!slot) {
      reply.header('retry-after', String(RETRY_AFTER));
      throw new ServeError('busy', said('busy', documents.capacity, options.workers, options.queue));
    }
    // Given back however the exchange ends: answered, failed or abandoned by the client.
    reply.raw.once('close', slot.release);
  });
  // An answer sent while stopping closes its connection: a kept-alive one would hold the stop.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    if (options.quiet) return;
    const length = (value: unknown) => (value === undefined ? null : Number(value));
    options.log(
      JSON.stringify({
        time: new Date().toISOString(),
        id: request.id,
        method: request.method,
        // Without the query: the document's name stays out of the log.
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round((performance.now() - (started.get(request) ?? performance.now())) * 10) / 10,
        in: length(request.headers['content-length']),
        out: length(reply.getHeader('content-length')),
      }),
    );
  });
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onClose', async () => documents.close());

  app.setErrorHandler(async (error, request, reply) => {
    const [slug, reason] = problemOf(error, options.maxSize);
    if (slug === 'internal') options.log(JSON.stringify({ time: new Date().toISOString(), id: request.id, error: reason.en }));
    return sendProblem(request, reply, slug, reason);
  });
  app.setNotFoundHandler(async (request, reply) => sendProblem(request, reply, 'not-found', neutral(`${request.method} ${request.url.split('?')[0]}`)));

  registerPage(app);
  if (!options.archive) {
    for (const path of ARCHIVE_PATHS) {
      app.get(path, async () => {
        throw new ServeError('no-archive', neutral(`GET ${path}`));
      });
    }
  }
  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const context = { request, documents, maxSize: options.maxSize, version: options.version, archive: options.archive !== undefined, openapi: () => (openapi ??= openapiDocument(ROUTES, options.version)) };
        const answer = await route.handle(context);
        return reply.type(answer.type).send(answer.body);
      },
    });
  }

  return {
    app,
    documents,
    async stop(graceMs) {
      closing = true;
      // Past the grace period the workers are stopped: what they held is answered 503. A client
      // that still holds its connection a moment later is cut off.
      let cut: NodeJS.Timeout | undefined;
      const force = setTimeout(() => {
        void documents.close();
        cut = setTimeout(() => app.server.closeAllConnections(), 1000);
      }, graceMs);
      try {
        await app.close();
      } finally {
        clearTimeout(force);
        clearTimeout(cut);
      }
    },
  };
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, slug: ProblemSlug, reason: Said): FastifyReply {
  const body = problem(slug, reason, negotiateLang(request.headers['accept-language']), `urn:uuid:${request.id}`);
  return reply.code(body.status).type(PROBLEM_MEDIA_TYPE).send(`${JSON.stringify(body)}\n`);
}

/** Any failure as a problem: the service's own refusals, fastify's and the multipart plugin's; anything else is internal. */
function problemOf(error: unknown, maxSize: number): [ProblemSlug, Said] {
  if (error instanceof ServeError) return [error.slug, error.reason];
  const { code, statusCode, message } = error as { code?: string; statusCode?: number; message?: string };
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE') return ['too-large', said('tooLarge', formatSize(maxSize))];
  const line = String(message ?? error).split('\n')[0]!;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return ['bad-request', refusal(code, line)];
  return ['internal', neutral(line)];
}

/** A 4xx of fastify or its multipart plugin: the English as they word it, Vietnamese of vanban's own. */
function refusal(code: string | undefined, message: string): Said {
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return said('notMultipart', message);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') return said('tooManyParts', message);
  return said('httpRefusal', code ?? 'HTTP 400', message || 'bad request');
}

/** Starts listening; the URL it listens on. */
export async function listen(service: Service, port: number, host: string): Promise<string> {
  await service.app.listen({ port, host });
  const address = service.app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}`;
}
