import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseRuleSettings } from '../check/index.js';
import type { RuleConfig, Severity } from '../check/rule.js';
import { diffProgrammes } from '../diff/changes.js';
import { programmeJsonSchema } from '../emit/schema.js';
import { writerFor } from '../emit/writer.js';
import { DiffResult, diffJsonSchema } from '../model/diff.js';
import { Diagnostic, type Programme } from '../model/programme.js';
import type { Documents } from './documents.js';
import { ServeError, negotiateLang, type Lang, type ProblemSlug } from './problem.js';
import { readerSaid, said } from './reasons.js';
import { uploads } from './upload.js';

/** What `vanban lint --format json` prints, for one file. */
export const LintReport = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      error: z.string().nullable(),
      diagnostics: z.array(Diagnostic),
    }),
  ),
});

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  active: z.number().int().describe('requests being parsed or waiting for a worker'),
  capacity: z.number().int().describe('workers + queue: one more request is answered 503'),
  archive: z.boolean().describe('whether the server was started with --db: the /v1/anniversaries, cites, agencies and search routes answer'),
});

export interface Context {
  request: FastifyRequest;
  documents: Documents;
  maxSize: number;
  version: string;
  /** Whether an archive (--db) answers the archive routes. */
  archive: boolean;
  openapi: () => Record<string, unknown>;
}

export interface Answer {
  type: string;
  body: string;
}

interface Parameter {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  operationId: string;
  summary: string;
  /** Multipart file fields (or, for one, the raw body). */
  files?: string[];
  parameters?: Parameter[];
  /** Media type → components/schemas name (or an inline schema) of the 200 answer. */
  ok: Record<string, string | Record<string, unknown>>;
  handle(context: Context): Promise<Answer>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const json = (value: unknown, pretty = false): Answer => ({ type: JSON_TYPE, body: `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n` });

const NAME: Parameter = {
  name: 'name',
  description: 'the file name when the body is the raw file (only its extension and last segment are used: the format and source.file)',
  schema: { type: 'string' },
};
const RULE: Parameter = {
  name: 'rule',
  description: 'CODE=off|info|warning|error, repeatable, as --rule on the command line',
  schema: { type: 'array', items: { type: 'string' } },
};

const WIDTH: Parameter = {
  name: 'width',
  description: "clip the outline's lines to this many characters (default 100)",
  schema: { type: 'integer', minimum: 40, maximum: 1000 },
};

/** What POST /v1/document answers: one upload's model, text and outline, each as its own route gives it. */
const DOCUMENT_ANSWER = {
  type: 'object',
  required: ['model', 'text', 'outline'],
  properties: {
    model: { $ref: '#/components/schemas/Programme' },
    text: { type: 'string', description: 'the normalized text, as POST /v1/text answers it' },
    outline: {
      type: 'object',
      description: 'the text of `vanban outline`, in each language, as POST /v1/outline answers it',
      required: ['vi', 'en'],
      properties: { vi: { type: 'string' }, en: { type: 'string' } },
    },
  },
};

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

function query(context: Context): Record<string, unknown> {
  return context.request.query as Record<string, unknown>;
}

/** A query parameter that must be one of `allowed`. */
function choice<T extends string>(context: Context, name: string, allowed: readonly T[], fallback: T): T {
  const raw = query(context)[name];
  if (raw === undefined) return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ServeError('bad-request', said('oneOf', name, allowed, String(raw)));
}

function flag(context: Context, name: string): boolean {
  const raw = query(context)[name];
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (raw === '' || raw === 'true' || raw === '1') return true;
  throw new ServeError('bad-request', said('trueOrFalse', name, String(raw)));
}

function rules(context: Context): RuleConfig | undefined {
  const raw = query(context).rule;
  const settings = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
  if (!settings.length) return undefined;
  try {
    return parseRuleSettings(settings);
  } catch (error) {
    // src/check words it for --rule, in English.
    throw new ServeError('bad-request', readerSaid((error as Error).message));
  }
}

async function model(context: Context, field = 'file'): Promise<{ name: string | null; json: string }> {
  const [upload] = await uploads(context.request, [field], context.maxSize);
  return { name: upload!.name, json: await context.documents.modelJson(upload!, rules(context)) };
}

const LEVELS: Severity[] = ['info', 'warning', 'error'];
const byPosition = (a: Diagnostic, b: Diagnostic) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Problems each upload route may answer besides 200. */
export const UPLOAD_PROBLEMS: ProblemSlug[] = ['bad-request', 'unreadable', 'too-large', 'unsupported-format', 'not-a-document', 'busy', 'timed-out'];

export const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/v1/parse',
    operationId: 'parse',
    summary: 'The model of a document, as `vanban parse` prints it',
    files: ['file'],
    parameters: [
      NAME,
      RULE,
      { name: 'pretty', description: 'indent the JSON', schema: { type: 'boolean' } },
      { name: 'format', description: 'json (default), or csv: its items, tasks and schedule entries as `vanban batch` writes them (UTF-8 with a BOM, for Excel)', schema: { enum: ['json', 'csv'] } },
    ],
    ok: { 'application/json': 'Programme', 'text/csv': { type: 'string' } },
    async handle(context) {
      const format = choice(context, 'format', ['json', 'csv'] as const, 'json');
      const { json: text } = await model(context);
      if (format === 'csv') return { type: 'text/csv; charset=utf-8', body: writerFor('csv')!.write(JSON.parse(text) as Programme, {}) };
      return flag(context, 'pretty') ? json(JSON.parse(text), true) : { type: JSON_TYPE, body: `${text}\n` };
    },
  },
  {
    method: 'POST',
    path: '/v1/text',
    operationId: 'text',
    summary: 'The normalized text, as `vanban text` prints it: the lines and columns every position of the model counts',
    files: ['file'],
    parameters: [NAME],
    ok: { 'text/plain': { type: 'string' } },
    async handle(context) {
      const [upload] = await uploads(context.request, ['file'], context.maxSize);
      return { type: 'text/plain; charset=utf-8', body: withNewline(await context.documents.text(upload!)) };
    },
  },
  {
    method: 'POST',
    path: '/v1/document',
    operationId: 'document',
    summary:
      'Everything the page shows of one document, from one upload: the model (as /v1/parse), the normalized text (as /v1/text) and the outline text in Vietnamese and English (as /v1/outline)',
    files: ['file'],
    parameters: [NAME, RULE, WIDTH],
    ok: { 'application/json': DOCUMENT_ANSWER },
    async handle(context) {
      const width = widthOf(context);
      const settings = rules(context);
      const [upload] = await uploads(context.request, ['file'], context.maxSize);
      // The model and the text from one reading of the bytes, in one worker: read twice (a worker
      // each), a page's upload took two of the pool's turns and decoded the file twice.
      const { json: model, text } = await context.documents.document(upload!, settings);
      const programme = JSON.parse(model) as Programme;
      const outline = Object.fromEntries((['vi', 'en'] as const).map((lang) => [lang, writerFor('outline')!.write(programme, { width, lang })]));
      // The model's JSON text as the worker wrote it, not parsed and written again.
      return { type: JSON_TYPE, body: `{"model":${model},"text":${JSON.stringify(withNewline(text))},"outline":${JSON.stringify(outline)}}\n` };
    },
  },
  {
    method: 'POST',
    path: '/v1/lint',
    operationId: 'lint',
    summary: 'The findings of `vanban lint --format json` for one draft',
    files: ['file'],
    parameters: [NAME, RULE, { name: 'severity', description: 'hide findings below this level (default info)', schema: { enum: LEVELS } }],
    ok: { 'application/json': 'LintReport' },
    async handle(context) {
      const least = LEVELS.indexOf(choice(context, 'severity', LEVELS, 'info'));
      const { name, json: text } = await model(context);
      const programme = JSON.parse(text) as Programme;
      const diagnostics = programme.diagnostics.filter((d) => LEVELS.indexOf(d.severity) >= least).sort(byPosition);
      return json({ files: [{ file: name ?? '<upload>', error: null, diagnostics }] } satisfies z.infer<typeof LintReport>);
    },
  },
  {
    method: 'POST',
    path: '/v1/outline',
    operationId: 'outline',
    summary: 'The outline: as text (what `vanban outline` prints), or the model\'s outline tree as JSON',
    files: ['file'],
    parameters: [
      NAME,
      RULE,
      { name: 'format', description: 'text (default) or json', schema: { enum: ['text', 'json'] } },
      { name: 'lang', description: "the outline's own words: vi or en (default: from Accept-Language, else vi)", schema: { enum: ['vi', 'en'] } },
      WIDTH,
    ],
    ok: { 'text/plain': { type: 'string' }, 'application/json': { type: 'array', items: { $ref: '#/components/schemas/Programme/$defs/OutlineNode' } } },
    async handle(context) {
      const format = choice(context, 'format', ['text', 'json'] as const, 'text');
      const lang = choice<Lang>(context, 'lang', ['vi', 'en'], negotiateLang(context.request.headers['accept-language']));
      const width = widthOf(context);
      const programme = JSON.parse((await model(context)).json) as Programme;
      if (format === 'json') return json(programme.outline);
      return { type: 'text/plain; charset=utf-8', body: writerFor('outline')!.write(programme, { width, lang }) };
    },
  },
  {
    method: 'POST',
    path: '/v1/diff',
    operationId: 'diff',
    summary: 'What changed between two drafts (multipart fields old and new), as `vanban diff --format json`',
    files: ['old', 'new'],
    parameters: [],
    ok: { 'application/json': 'DiffResult' },
    async handle(context) {
      const [old, neu] = await uploads(context.request, ['old', 'new'], context.maxSize);
      const [a, b] = await Promise.all([old!, neu!].map((u) => context.documents.modelJson(u)));
      return json(DiffResult.parse(diffProgrammes(JSON.parse(a!) as Programme, JSON.parse(b!) as Programme)));
    },
  },
  {
    method: 'GET',
    path: '/v1/schema',
    operationId: 'schema',
    summary: 'The JSON Schema of the model, as `vanban schema` prints it (?diff=true: of the diff)',
    parameters: [{ name: 'diff', description: 'the schema of /v1/diff instead', schema: { type: 'boolean' } }],
    ok: { 'application/json': { type: 'object' } },
    async handle(context) {
      return json(flag(context, 'diff') ? diffJsonSchema() : programmeJsonSchema(), true);
    },
  },
  {
    method: 'GET',
    path: '/v1/openapi.json',
    operationId: 'openapi',
    summary: 'This description of the service (OpenAPI 3.1)',
    ok: { 'application/json': { type: 'object' } },
    async handle(context) {
      return json(context.openapi());
    },
  },
  {
    method: 'GET',
    path: '/healthz',
    operationId: 'health',
    summary: 'Whether the service is up, how busy, and whether it has an archive (--db)',
    ok: { 'application/json': 'Health' },
    async handle(context) {
      const { documents } = context;
      return json({ status: 'ok', version: context.version, active: documents.active, capacity: documents.capacity, archive: context.archive } satisfies z.infer<typeof Health>);
    },
  },
];

function widthOf(context: Context): number {
  const raw = query(context).width;
  if (raw === undefined) return 100;
  const width = Number(raw);
  if (!Number.isInteger(width) || width < 40 || width > 1000) throw new ServeError('bad-request', said('wholeNumber', 'width', 40, 1000, String(raw)));
  return width;
}
