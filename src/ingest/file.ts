import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { systemReason } from '../system-error.js';
import { decodeText, ingestText } from './text.js';
import { formatSize } from './zip-guard.js';
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

/**
 * One reader per format, in one table: the file-name extensions it answers to and the magic bytes
 * that name it whatever the extension says. A zip is a .docx and an OLE2 compound file a .doc even
 * when renamed (a .doc saved as "x.docx" is read as the .doc it is); a web page is recognised by
 * its first markup only when the name does not say (stdin, no extension); everything else goes by
 * the extension, text when there is none.
 */
export interface Reader {
  format: Format;
  extensions: readonly string[];
  /** Whether these bytes can only be this format (checked before the extension). */
  magic?: (bytes: Uint8Array) => boolean;
  /** Content sniffing for nameless input: weaker than an extension. */
  sniff?: (bytes: Uint8Array) => boolean;
  read(bytes: Uint8Array, options: IngestOptions): Promise<Ingested>;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle2 = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export const READERS: readonly Reader[] = [
  {
    format: 'docx',
    extensions: ['.docx'],
    magic: isZip,
    read: async (bytes, options) => {
      const { ingestDocx } = await import('./docx.js');
      return ingestDocx(bytes, { revision: options.revision ?? 'accepted', mammothCheck: options.mammothCheck ?? 'auto' });
    },
  },
  {
    format: 'doc',
    extensions: ['.doc'],
    magic: isOle2,
    read: async (bytes, options) => {
      const { ingestDoc } = await import('./doc.js');
      return ingestDoc(bytes, { revision: options.revision ?? 'accepted' });
    },
  },
  {
    format: 'html',
    extensions: ['.html', '.htm'],
    sniff: (bytes) => looksLikeHtml(bytes),
    read: async (bytes) => {
      const { ingestHtml } = await import('./html.js');
      return ingestHtml(bytes);
    },
  },
  {
    format: 'md',
    extensions: ['.md', '.markdown'],
    read: async (bytes) => {
      const { ingestMarkdown } = await import('./markdown.js');
      const text = ingestText(bytes);
      return { ...ingestMarkdown(text.text), encoding: text.encoding };
    },
  },
  { format: 'txt', extensions: ['.txt', '.text', ''], read: async (bytes) => ingestText(bytes) },
];

const READER_OF = new Map<Format, Reader>(READERS.map((r) => [r.format, r]));

/** Extension → format, from the reader table. */
export const FORMATS: Record<string, Format> = Object.fromEntries(READERS.flatMap((r) => r.extensions.map((e) => [e, r.format])));

/** The format a file name promises; null for an extension no reader takes. */
export function formatOf(path: string): Format | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

/**
 * The format to read `bytes` as: magic bytes first (a renamed Word file is read as what it is),
 * then the name's extension, then (no name, or no extension) the content; text when nothing says.
 */
export function detectFormat(bytes: Uint8Array, name: string | null): Format {
  for (const r of READERS) if (r.magic?.(bytes)) return r.format;
  const named = name === null || name === '-' ? null : formatOf(name);
  if (named !== null && extname(name!) !== '') return named;
  for (const r of READERS) if (r.sniff?.(bytes)) return r.format;
  return named ?? 'txt';
}

export interface IngestedFile extends Ingested {
  sha256: string;
  size: number;
}

/** Reads one input (a path, or "-" for stdin) and hands it to the reader for its format. */
export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestedFile> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const bytes = path === '-' ? await readStdin(maxSize) : await readBounded(path, maxSize);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ingested = await ingestBytes(bytes, detectFormat(bytes, path), options);
  return { ...ingested, sha256, size: bytes.length };
}

/** The bytes through the reader registered for `format`. */
export async function ingestBytes(bytes: Uint8Array, format: Format, options: IngestOptions = {}): Promise<Ingested> {
  return (READER_OF.get(format) ?? READER_OF.get('txt')!).read(bytes, options);
}

/**
 * stdin has no name: a zip is a .docx, an OLE2 file a .doc, text opening with "<!doctype html" or
 * "<html" (after a BOM, white space, an XML declaration or comments) a web page, anything else text.
 */
export function sniffFormat(bytes: Uint8Array): Format {
  return detectFormat(bytes, null);
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


/** A file's bytes, refused with an InputError (its message is the bare reason) when it cannot be an input. */
export async function readBounded(path: string, maxSize: number): Promise<Buffer> {
  let handle: FileHandle;
  try {
    // Non-blocking, so that a FIFO put in the file's place is refused instead of waiting for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(systemReason(error));
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError('is a directory, not a file');
    if (!info.isFile()) throw new InputError(`not a regular file (${specialKind(info)})`);
    if (info.size > maxSize) throw new InputError(`too large: ${formatSize(info.size)} exceeds the ${formatSize(maxSize)} limit (--max-size)`);
    return await handle.readFile();
  } catch (error) {
    throw error instanceof InputError ? error : new InputError(systemReason(error));
  } finally {
    await handle.close();
  }
}

/** What a file-system entry that is neither a file nor a folder is, for a reason. */
export function specialKind(info: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSymbolicLink()) return 'a link';
  return 'a special file';
}

export async function readStdin(maxSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxSize) throw new InputError(`too large: more than the ${formatSize(maxSize)} limit (--max-size)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export { systemReason } from '../system-error.js';
