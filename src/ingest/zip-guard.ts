import * as zlib from 'node:zlib';
import { InputError } from '../errors.js';

/**
 * Reads a .docx zip from its central directory and inflates parts under hard limits, so that a
 * hostile or broken file is refused before anything big is allocated: declared sizes are summed
 * before inflating, every part is inflated with an output cap equal to its declared size, and the
 * CRC is checked. Zip64, multi-disk and encrypted archives are refused — Word never writes them
 * for documents of this size.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export const MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024;
export const MAX_ENTRIES = 5000;
const BOMB_SLACK = 1024 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const EOCD_SIZE = 22;

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
  ) {
    for (const entry of entries) this.byName.set(entry.name, entry);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The inflated bytes of one part, or null when the archive has no such part. */
  read(name: string): Uint8Array | null {
    const entry = this.byName.get(name);
    if (!entry) return null;
    if (this.inflated + entry.uncompressedSize > MAX_TOTAL_UNCOMPRESSED) {
      throw new InputError(`zip bomb: more than ${formatSize(MAX_TOTAL_UNCOMPRESSED)} inflated`);
    }
    const data = inflateEntry(this.bytes, entry);
    this.inflated += data.length;
    return data;
  }
}

/** Classifies the bytes and reads the central directory; throws InputError for anything but a sane zip. */
export function openZip(bytes: Uint8Array): ZipArchive {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (isOle2(bytes)) throw new InputError(describeOle2(bytes));
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))) {
    throw new InputError('not a .docx (not a zip archive)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw new InputError('corrupt .docx (truncated zip)');

  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new InputError('unsupported .docx (zip64 archive)');
  }
  if (disk !== 0 || cdDisk !== 0) throw new InputError('unsupported .docx (split zip archive)');
  if (count > MAX_ENTRIES) throw new InputError(`too many zip entries (${count}, the limit is ${MAX_ENTRIES})`);
  if (cdOffset + cdSize > eocd) throw new InputError('corrupt .docx (truncated zip)');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let declared = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) {
      throw new InputError('corrupt .docx (bad zip central directory)');
    }
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > eocd) throw new InputError('corrupt .docx (bad zip central directory)');
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(rawName);
    const entry: ZipEntry = {
      name,
      method: view.getUint16(p + 10, true),
      flags,
      crc32: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new InputError('unsupported .docx (zip64 archive)');
    }
    if (flags & 0x1) throw new InputError('encrypted document (password protected)');
    if (names.has(name)) throw new InputError(`corrupt .docx (duplicate zip entry ${name})`);
    if (entry.localHeaderOffset + 30 > cdOffset) throw new InputError('corrupt .docx (bad zip central directory)');
    names.add(name);
    declared += entry.uncompressedSize;
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (declared > MAX_TOTAL_UNCOMPRESSED) {
    throw new InputError(
      `zip bomb: declared uncompressed size ${formatSize(declared)} exceeds the ${formatSize(MAX_TOTAL_UNCOMPRESSED)} limit`,
    );
  }
  return new ZipArchive(bytes, entries);
}

function findEocd(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - 0xffff);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === SIG_EOCD && p + EOCD_SIZE + view.getUint16(p + 20, true) <= view.byteLength) return p;
  }
  return -1;
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (view.getUint32(at, true) !== SIG_LOCAL) throw new InputError(`corrupt .docx (bad zip entry ${entry.name})`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new InputError('corrupt .docx (truncated zip)');
  const raw = bytes.subarray(start, end);

  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new InputError(`corrupt .docx (bad zip entry ${entry.name})`);
    data = raw;
  } else if (entry.method === 8) {
    try {
      // A part may not inflate to more than it declares; a little slack tells a damaged stream
      // (corrupt, caught by the size and CRC checks below) from one built to blow up.
      // Inflated into one buffer of the declared size (up to 1 MB), not 16 KB pieces joined after.
      const chunkSize = Math.max(64, Math.min(entry.uncompressedSize + 1, 1024 * 1024));
      data = zlib.inflateRawSync(raw, { maxOutputLength: entry.uncompressedSize + BOMB_SLACK, chunkSize });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError(`zip bomb: ${entry.name} inflates far beyond its declared size`);
      }
      throw new InputError(`corrupt .docx (bad compressed data in ${entry.name})`);
    }
  } else {
    throw new InputError(`unsupported .docx (compression method ${entry.method} in ${entry.name})`);
  }
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) {
    throw new InputError(`corrupt .docx (checksum mismatch in ${entry.name})`);
  }
  return data;
}

// ── OLE2 (Compound File Binary): .doc, .xls, and password-protected Office files ──

export function isOle2(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, k) => bytes[k] === b);
}

/** True when an OLE2 file names a stream `name` (directory names are UTF-16LE). */
export function ole2HasStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

function describeOle2(bytes: Uint8Array): string {
  // A password-protected .docx is an OLE2 wrapper around the encrypted zip (MS-OFFCRYPTO).
  if (ole2HasStream(bytes, 'EncryptedPackage')) return 'encrypted document (password protected)';
  if (ole2HasStream(bytes, 'WordDocument')) return 'a .doc file renamed .docx';
  return 'not a .docx (an OLE2 file, not a zip archive)';
}

// ── helpers ──

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** zlib's own (Node ≥ 20.15), a byte-at-a-time table walk in JavaScript before that. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data);
  return crc32InJs(data);
}

export function crc32InJs(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let k = 0; k < data.length; k++) c = CRC_TABLE[(c ^ data[k]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** "10 bytes", "1.5 KB", "200 MB", "1.5 GB": one decimal where the size is not a whole unit. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, 'MB'] : [bytes / 1024 ** 3, 'GB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
