import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import type { Ingested } from './types.js';

/**
 * Bytes of a plain-text draft to a string. Order matters: a BOM is proof, valid UTF-8 is
 * near-proof (Windows-1258 Vietnamese is never valid UTF-8), NUL patterns betray BOM-less UTF-16,
 * and what is left is taken as Windows-1258, the legacy Windows code page for Vietnamese.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3)) ?? lossyUtf8(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: utf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: utf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  const bomless = guessUtf16(bytes);
  if (bomless) return { text: utf16(bytes, bomless), encoding: bomless };
  const text = utf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'windows1258'), encoding: 'windows-1258' };
}

export function ingestText(bytes: Uint8Array): Ingested {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (looksBinary(bytes)) throw new InputError('not a text file (binary data)');
  const { text, encoding } = decodeText(bytes);
  return { text, format: 'txt', encoding, messages: [] };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function utf8(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function lossyUtf8(bytes: Uint8Array): string {
  return lenientUtf8.decode(bytes);
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const even = bytes.length - (bytes.length % 2);
  return new TextDecoder(encoding).decode(bytes.subarray(0, even));
}

/** BOM-less UTF-16 of mostly-Latin text has a NUL in every other byte. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Binary junk (images, zips, executables) has NULs or many C0 controls; text in any of the
 * encodings above has neither once UTF-16 has been ruled out.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return false;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
  if (guessUtf16(bytes)) return false;
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls > n * 0.1;
}
