import type { FastifyRequest } from 'fastify';
import type { Upload } from './documents.js';
import { ServeError } from './problem.js';
import { said } from './reasons.js';

/**
 * The files of a request: multipart fields named `fields`, or (one file only) the raw body named
 * by `?name=` or a Content-Disposition filename. A name is only ever a label — its folder is
 * dropped and nothing is read from or written to the file system under it.
 */
export async function uploads(request: FastifyRequest, fields: readonly string[], maxSize: number): Promise<Upload[]> {
  if (request.isMultipart()) return multipartUploads(request, fields, maxSize);
  if (fields.length > 1) throw new ServeError('bad-request', said('filesAsMultipart', fields));
  const body = request.body;
  const query = request.query as Record<string, unknown>;
  const name = bareName(typeof query.name === 'string' ? query.name : dispositionFilename(request.headers['content-disposition']));
  if (!Buffer.isBuffer(body) || (body.length === 0 && name === null)) {
    throw new ServeError('bad-request', said('noFile', fields[0]!));
  }
  return [{ name, bytes: body }];
}

async function multipartUploads(request: FastifyRequest, fields: readonly string[], maxSize: number): Promise<Upload[]> {
  const found = new Map<string, Upload>();
  try {
    for await (const part of request.parts({ limits: { fileSize: maxSize, files: fields.length, fields: 0, parts: fields.length } })) {
      if (part.type !== 'file') continue;
      if (!fields.includes(part.fieldname) || found.has(part.fieldname)) {
        part.file.resume();
        throw new ServeError('bad-request', said('unexpectedField', part.fieldname, fields));
      }
      found.set(part.fieldname, { name: bareName(part.filename), bytes: await part.toBuffer() });
    }
  } catch (error) {
    // The plugin's refusals carry a status (server.ts words them); the multipart reader's own
    // (no boundary, a body cut short) are the client's mistake too, not an internal error.
    if (error instanceof ServeError || typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
    throw new ServeError('bad-request', said('malformedMultipart', String((error as Error).message ?? error).split('\n')[0]!));
  }
  const missing = fields.filter((f) => !found.has(f));
  if (missing.length) throw new ServeError('bad-request', said('missingFields', missing));
  return fields.map((f) => found.get(f)!);
}

/** The last segment of a client's file name, without control characters; null when nothing is left. */
export function bareName(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null) return null;
  const last = raw.split(/[/\\]/).pop() ?? '';
  const clean = [...last].filter((ch) => ch >= ' ' && ch !== '\u007f').join('').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? null : clean;
}

/** The filename of `Content-Disposition: attachment; filename="x.docx"` (or RFC 5987 `filename*=UTF-8''…`). */
export function dispositionFilename(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const params = new Map<string, string>();
  for (const part of header.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    params.set(part.slice(0, eq).trim().toLowerCase(), value);
  }
  const extended = params.get('filename*');
  if (extended !== undefined) {
    const quote = extended.indexOf("''");
    try {
      return decodeURIComponent(quote >= 0 ? extended.slice(quote + 2) : extended);
    } catch {
      // A malformed extended name falls back to the plain one.
    }
  }
  return params.get('filename');
}
