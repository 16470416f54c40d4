import type { ArchiveDb } from '../archive/db.js';
import { agencies, anniversaries, canonicalId, cites, search } from '../archive/questions.js';
import { FORMATS, agenciesOut, anniversariesOut, citesOut, searchOut, type Format } from '../archive/render.js';
import { defaultGrammar } from '../grammar/load.js';
import { ServeError, negotiateLang } from './problem.js';
import { said } from './reasons.js';
import type { Answer, Context, Route } from './routes.js';

// `vanban serve --db FILE`: the archive questions of `vanban anniversaries`, `cites`, `agencies`
// and `search` over HTTP, read-only (the database is read once at start and never written).

const TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

const FORMAT = { name: 'format', description: 'json (default), text, csv or md: as --format on the command line', schema: { type: 'string', enum: [...FORMATS] } };

function param(context: Context, name: string): string | undefined {
  const raw = (context.request.query as Record<string, unknown>)[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new ServeError('bad-request', said('once', name));
  return raw;
}

function required(context: Context, name: string): string {
  const raw = param(context, name);
  if (raw === undefined || raw.trim() === '') throw new ServeError('bad-request', said('missing', name));
  return raw;
}

function year(context: Context): number {
  const raw = required(context, 'year');
  if (!/^\d{4}$/.test(raw.trim())) throw new ServeError('bad-request', said('year', raw));
  return Number(raw);
}

function answer(context: Context, render: (format: Format, lang: 'vi' | 'en') => string): Answer {
  const format = (param(context, 'format') ?? 'json') as Format;
  if (!FORMATS.includes(format)) throw new ServeError('bad-request', said('oneOf', 'format', FORMATS, format));
  return { type: TYPES[format], body: render(format, negotiateLang(context.request.headers['accept-language'])) };
}

/** The archive's paths: without --db each is answered `no-archive`, not a bare "not found". */
export const ARCHIVE_PATHS = ['/v1/anniversaries', '/v1/cites', '/v1/agencies', '/v1/search'];

/** The archive's routes, answering from `archive`. */
export function archiveRoutes(archive: ArchiveDb): Route[] {
  const checks = defaultGrammar().checks;
  return [
    {
      method: 'GET',
      path: '/v1/anniversaries',
      operationId: 'anniversaries',
      summary: 'The cited documents due for a 5- to 30-year review in ?year=, with earlier reviews and a draft line (vanban anniversaries)',
      parameters: [{ name: 'year', description: 'the year of the programme being drafted', schema: { type: 'integer' } }, FORMAT],
      ok: { 'application/json': { type: 'object' } },
      async handle(context) {
        const y = year(context);
        return answer(context, (format, lang) => anniversariesOut(anniversaries(archive, y, checks), y, format, lang));
      },
    },
    {
      method: 'GET',
      path: '/v1/cites',
      operationId: 'cites',
      summary: 'The documents and items citing ?id= ("57-NQ/TW"), by year, with lead agencies (vanban cites)',
      parameters: [{ name: 'id', description: 'the cited document\'s number and symbol', schema: { type: 'string' } }, FORMAT],
      ok: { 'application/json': { type: 'object' } },
      async handle(context) {
        const id = required(context, 'id');
        return answer(context, (format, lang) => citesOut(cites(archive, id), canonicalId(id), format, lang));
      },
    },
    {
      method: 'GET',
      path: '/v1/agencies',
      operationId: 'agencies',
      summary: 'Items and tasks per lead agency and quarter in ?year= (vanban agencies)',
      parameters: [{ name: 'year', description: 'the year', schema: { type: 'integer' } }, FORMAT],
      ok: { 'application/json': { type: 'object' } },
      async handle(context) {
        const y = year(context);
        return answer(context, (format, lang) => agenciesOut(agencies(archive, y), y, format, lang));
      },
    },
    {
      method: 'GET',
      path: '/v1/search',
      operationId: 'search',
      summary: 'Items and tasks holding every word of ?q=, diacritics aside, best first (vanban search)',
      parameters: [
        { name: 'q', description: 'the words ("chuyen doi so")', schema: { type: 'string' } },
        { name: 'limit', description: 'at most this many results (default 20, at most 1000)', schema: { type: 'integer' } },
        FORMAT,
      ],
      ok: { 'application/json': { type: 'object' } },
      async handle(context) {
        const q = required(context, 'q');
        const raw = param(context, 'limit');
        const limit = raw === undefined ? 20 : Number(raw);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ServeError('bad-request', said('wholeNumber', 'limit', 1, 1000, String(raw)));
        return answer(context, (format, lang) => searchOut(search(archive, q, limit), q, format, lang));
      },
    },
  ];
}
