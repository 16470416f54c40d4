import { readFileSync } from 'node:fs';
import { encodeTcvn3, encodeVni } from '../src/normalize/legacy-encode.js';
import iconv from 'iconv-lite';
import type { Programme } from '../src/model/programme.js';

export const SEED_PATH = new URL('../fixtures/seed/programme-2024-hau-giang-draft.txt', import.meta.url);
export const seedText = (): string => readFileSync(SEED_PATH, 'utf8');
export const seedBytes = (): Buffer => readFileSync(SEED_PATH);

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** "Unicode tổ hợp": shapes precomposed, tones as combining marks — what Windows-1258 can hold. */
export function toneDecomposed(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => TONE_MARKS.test(p)).join('');
    out += parts.filter((p) => !TONE_MARKS.test(p)).join('').normalize('NFC') + tones;
  }
  return out;
}

export const variants = {
  'BOM + CRLF': (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8')]),
  'UTF-16LE with BOM': (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  'UTF-16BE with BOM': (t: string) => {
    const le = Buffer.from(t, 'utf16le');
    return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
  },
  'Windows-1258': (t: string) => iconv.encode(toneDecomposed(t), 'windows1258'),
  NFD: (t: string) => Buffer.from(t.normalize('NFD'), 'utf8'),
  'CR only': (t: string) => Buffer.from(t.replace(/\n/g, '\r'), 'utf8'),
  'new tone placement': (t: string) => Buffer.from(newTones(t), 'utf8'),
  'hard-wrapped at 72 columns': (t: string) => Buffer.from(hardWrap(t, 72), 'utf8'),
  // Saved from a .VnTime or VNI-Times editor: legacy letters in single bytes, no font names.
  'TCVN3 bytes': (t: string) => iconv.encode(encodeTcvn3(t), 'windows1252'),
  'VNI bytes': (t: string) => iconv.encode(encodeVni(t), 'windows1252'),
} satisfies Record<string, (t: string) => Buffer>;

const NEW_STYLE: Record<string, string> = {
  òa: 'oà', óa: 'oá', ỏa: 'oả', õa: 'oã', ọa: 'oạ',
  òe: 'oè', óe: 'oé', ỏe: 'oẻ', õe: 'oẽ', ọe: 'oẹ',
  ùy: 'uỳ', úy: 'uý', ủy: 'uỷ', ũy: 'uỹ', ụy: 'uỵ',
  Ủy: 'Uỷ', ỦY: 'UỶ', Úy: 'Uý', Òa: 'Oà',
};

/** Moves tones of open oa/oe/uy to the second vowel, as newer keyboards do ("khoá", "Uỷ"). */
export function newTones(text: string): string {
  return text.normalize('NFC').replace(/(?<!q)(òa|óa|ỏa|õa|ọa|òe|óe|ỏe|õe|ọe|ùy|úy|ủy|ũy|ụy|Ủy|ỦY|Úy|Òa)(?![\p{L}\p{M}])/gu, (m) => NEW_STYLE[m] ?? m);
}

/** Breaks every line longer than `width` at spaces, as text exports with hard wraps do. */
export function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const out: string[] = [];
      let current = '';
      for (const word of line.split(/ +/)) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** The model without what legitimately differs between encodings of one text: source, places (spans, lines, columns, ends). */
export function comparable(p: Programme): unknown {
  return JSON.parse(
    JSON.stringify({ ...p, source: undefined, homes: undefined }, (key, value) => (['span', 'line', 'column', 'endLine', 'endColumn'].includes(key) ? undefined : value)),
  );
}

/** Every string of a value with old-style tone placement, to compare across tone styles. */
export function oldTones(value: unknown): unknown {
  const inverse = Object.fromEntries(Object.entries(NEW_STYLE).map(([o, n]) => [n, o]));
  return JSON.parse(
    JSON.stringify(value, (_k, v) =>
      typeof v === 'string' ? v.replace(/(?<!q)(oà|oá|oả|oã|oạ|oè|oé|oẻ|oẽ|oẹ|uỳ|uý|uỷ|uỹ|uỵ|Uỷ|UỶ|Uý|Oà)(?![\p{L}\p{M}])/gu, (m) => inverse[m] ?? m) : v,
    ),
  );
}
