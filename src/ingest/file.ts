import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { decodeText, ingestText } from './text.js';
import type { Format, Ingested } from './types.js';

export interface IngestOptions {
  /** Tracked changes in .docx: the accepted text (default) or the text before the changes. */
  revision?: 'accepted' | 'original';
  /** Largest input accepted, in bytes. */
  maxSize?: number;
  /** For .docx: when mammoth reads the file as a second opinion ('auto' by default). */
  mammothCheck?: 'auto' | 'always' | 'never';
}

export const DEFAULT_MAX_SIZE = 100 * 1024 * 1024;

export const FORMATS: Record<string, Format> = {
  '.txt': 'txt',
  '.text': 'txt',
  '': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.doc': 'doc',
  '.html': 'html',
  '.htm': 'html',
};

export function formatOf(path: string): Format | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

export interface IngestedFile extends Ingested {
  sha256: string;
  size: number;
}

/** Reads one input (a path, or "-" for stdin) and hands it to the reader for its format. */
export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestedFile> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const bytes = path === '-' ? await readStdin(maxSize) : await readBounded(path, maxSize);
  const format = path === '-' ? sniffFormat(bytes) : (formatOf(path) ?? 'txt');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ingested = await ingestBytes(bytes, format, options);
  return { ...ingested, sha256, size: bytes.length };
}

export async function ingestBytes(bytes: Uint8Array, format: Format, options: IngestOptions = {}): Promise<Ingested> {
  switch (format) {
    case 'docx': {
      const { ingestDocx } = await import('./docx.js');
      return ingestDocx(bytes, { revision: options.revision ?? 'accepted', mammothCheck: options.mammothCheck ?? 'auto' });
    }
    case 'doc': {
      const { ingestDoc } = await import('./doc.js');
      return ingestDoc(bytes);
    }
    case 'html': {
      const { ingestHtml } = await import('./html.js');
      return ingestHtml(bytes);
    }
    case 'md': {
      const { ingestMarkdown } = await import('./markdown.js');
      const text = ingestText(bytes);
      return { ...ingestMarkdown(text.text), encoding: text.encoding };
    }
    default:
      return ingestText(bytes);
  }
}

/**
 * stdin has no name: a zip is a .docx, an OLE2 file a .doc, text opening with "<!doctype html" or
 * "<html" (after a BOM, white space, an XML declaration or comments) a web page, anything else text.
 */
export function sniffFormat(bytes: Uint8Array): Format {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'doc';
  if (looksLikeHtml(bytes)) return 'html';
  return 'txt';
}

/** Whether bytes that came without a name (stdin) are a web page: a doctype or <html> first. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = decodeText(bytes.subarray(0, 1024)).text.replace(/^\ufeff/, '');
  // Saved pages may open with an XML declaration or a "saved from url" comment.
  for (;;) {
    head = head.trimStart();
    const skip = /^(?:<\?xml[^>]*>|<!--[\s\S]*?-->)/.exec(head);
    if (!skip) break;
    head = head.slice(skip[0].length);
  }
  return /^<(?:!doctype\s+html|html)(?:[\s>]|$)/i.test(head);
}

export function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** A file's bytes, refused with an InputError (its message is the bare reason) when it cannot be an input. */
export async function readBounded(path: string, maxSize: number): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(systemReason(error));
  }
  if (info.isDirectory()) throw new InputError('is a directory, not a file');
  if (!info.isFile()) throw new InputError('not a regular file');
  if (info.size > maxSize) throw new InputError(`too large: ${sizeText(info.size)} exceeds the ${sizeText(maxSize)} limit (--max-size)`);
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(systemReason(error));
  }
}

async function readStdin(maxSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxSize) throw new InputError(`too large: more than the ${sizeText(maxSize)} limit (--max-size)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function systemReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
