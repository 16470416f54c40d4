import { tick } from '../meter.js';

/**
 * The distinct character bigrams of a text (lower-cased, spaces squashed), sorted: computed once
 * per element, so that scoring a pair is one merge of two short arrays.
 */
export function bigrams(text: string): Uint32Array {
  let s = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (s.length === 1) s += ' ';
  tick(s.length);
  const out = new Uint32Array(Math.max(0, s.length - 1));
  for (let i = 0; i + 1 < s.length; i++) out[i] = (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return out.subarray(0, n);
}

/** Sørensen–Dice coefficient of two bigram sets, 0…1 (0 when both are empty). */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  tick(a.length + b.length);
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/** Similarity 0…1 of two folded keys (character-bigram Dice coefficient). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  return dice(bigrams(a), bigrams(b));
}
