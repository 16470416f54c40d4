import { isUtf8, transcode } from 'node:buffer';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { COMMON_WORDS, looksLikeTcvn3, looksLikeVni, tcvn3ToUnicode, vniToUnicode } from '../normalize/legacy.js';
import { normalizeText } from '../normalize/text.js';
import type { IngestMessage, Ingested } from './types.js';

/**
 * Bytes of a plain-text draft to a string. Order matters: a BOM is proof, valid UTF-8 is
 * near-proof (Windows-1258 Vietnamese is never valid UTF-8), NUL patterns betray BOM-less UTF-16.
 * UTF-8 with a few bad bytes (a cut last character, one damaged byte) stays UTF-8 with the bad
 * bytes replaced and said where; only text whose high bytes are mostly not UTF-8 is legacy, and
 * which legacy encoding is chosen on the evidence of the whole file (see `legacyDecoding`).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = utf8(bytes.subarray(3));
    return text !== null ? plain(text, 'utf-8-bom') : damagedUtf8(lossyUtf8(bytes.subarray(3)), 'utf-8-bom');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return plain(utf16(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return plain(utf16(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  const bomless = guessUtf16(bytes);
  if (bomless) return plain(utf16(bytes, bomless), bomless);
  const text = utf8(bytes);
  if (text !== null) return plain(text, 'utf-8');
  if (mostlyUtf8(bytes)) return damagedUtf8(lossyUtf8(bytes), 'utf-8');
  return legacyDecoding(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
}

export interface Decoded {
  text: string;
  encoding: string;
  messages: IngestMessage[];
}

const plain = (text: string, encoding: string): Decoded => ({ text, encoding, messages: [] });

/**
 * Valid multi-byte sequences outnumber the bad bytes ten to one: a UTF-8 file damaged in places.
 * A legacy single-byte file almost never forms a valid sequence by chance.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      // A broken sequence counts once, with the continuation bytes it left behind.
      bad++;
      for (i++; i < bytes.length && (bytes[i]! & 0xc0) === 0x80; i++);
    }
  }
  return valid > 0 && bad * 10 <= valid;
}

/** The lines where bad bytes were replaced, said once with the first few line numbers. */
function damagedUtf8(text: string, encoding: string): Decoded {
  const lines: number[] = [];
  let line = 1;
  let count = 0;
  let lineStart = 0;
  let column: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) (line++, (lineStart = i + 1));
    else if (ch === 0xfffd) {
      // Where the first one stands once the line is normalized (spaces folded, NFC).
      column ??= normalizeText(`${text.slice(lineStart, i).replace(/\r/g, '')}x`).length;
      count++;
      if (lines[lines.length - 1] !== line) lines.push(line);
    }
  }
  const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', …' : '');
  const plural = lines.length === 1 ? '' : 's';
  return {
    text,
    encoding,
    messages: [
      {
        severity: 'warning',
        message: `${count} byte sequence${count === 1 ? ' is' : 's are'} not valid UTF-8 and became U+FFFD (line${plural} ${shown})`,
        messageVi: `${count} chuỗi byte không hợp lệ UTF-8, đã thay bằng ký tự U+FFFD (dòng ${shown})`,
        line: lines[0] ?? null,
        column,
      },
    ],
  };
}

/** iconv-lite, loaded for the rare text that is not UTF-8 rather than at every start (~10-20 ms). */
let iconvLite: typeof import('iconv-lite') | undefined;
const iconv = () => (iconvLite ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));

/**
 * Text that is not UTF-8: Windows-1258, or TCVN3 or VNI read as Windows-1252 (normalization turns
 * their letters into Unicode). Each reading is scored by the common Vietnamese words it yields.
 */
function legacyDecoding(buffer: Buffer): Decoded {
  const w1258 = iconv().decode(buffer, 'windows1258');
  const w1252 = iconv().decode(buffer, 'windows1252');
  const scores = {
    'windows-1258': vietnameseWords(w1258.normalize('NFC')),
    tcvn3: vietnameseWords(tcvn3ToUnicode(w1252)),
    vni: vietnameseWords(vniToUnicode(w1252)),
  };
  let best = scores.tcvn3 > scores['windows-1258'] && scores.tcvn3 >= scores.vni ? 'tcvn3' : scores.vni > scores['windows-1258'] ? 'vni' : 'windows-1258';
  // A line too short for common words: the legacy letter codes decide, as for a .doc run.
  if (scores.tcvn3 === 0 && scores.vni === 0 && scores['windows-1258'] === 0) {
    best = looksLikeTcvn3(w1252, 2) ? 'tcvn3' : looksLikeVni(w1252, 2) ? 'vni' : 'windows-1258';
  }
  return plain(best === 'windows-1258' ? w1258 : w1252, best);
}

function vietnameseWords(text: string): number {
  let n = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}\p{M}]+/u)) if (COMMON_WORDS.has(word)) n++;
  return n;
}

export function ingestText(bytes: Uint8Array): Ingested {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (looksBinary(bytes)) throw new InputError('not a text file (binary data)');
  const { text, encoding, messages } = decodeText(bytes);
  return { text, format: 'txt', encoding, messages };
}

const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of valid UTF-8 (a BOM in it kept as U+FEFF), or null when the bytes are not valid UTF-8. */
export function utf8(bytes: Uint8Array): string | null {
  // Checking first is a millisecond for 10 MB (simdutf); ICU's conversion to UTF-16 and a copy into
  // a string then take half the time of TextDecoder's own UTF-8 decoder (about 20 ms against 45).
  if (!isUtf8(bytes)) return null;
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    // A Node built without ICU has no transcode.
    return lenientUtf8.decode(bytes);
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
