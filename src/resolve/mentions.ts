import type { Citation } from '../model/programme.js';

/**
 * Short mentions point to the full citation they repeat: "Nghị quyết số 57" (a number, no symbol)
 * is the "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị" of the same document. A mention
 * takes the nearest earlier full citation of its kind and number, else the first later one (a title
 * names "Nghị quyết số 57" before the preamble cites it in full).
 */
export function resolveMentions(citations: Citation[]): Citation[] {
  const key = (c: Citation) => (c.number === null ? null : `${c.kind}\u0000${c.number}`);
  const firstFull = new Map<string, number>();
  citations.forEach((c, i) => {
    const k = key(c);
    if (k !== null && c.id !== null && !firstFull.has(k)) firstFull.set(k, i);
  });
  const lastFull = new Map<string, number>();
  return citations.map((c, i) => {
    const k = key(c);
    if (k === null || c.id !== null) {
      if (k !== null) lastFull.set(k, i);
      return { ...c, refersTo: null };
    }
    return { ...c, refersTo: lastFull.get(k) ?? firstFull.get(k) ?? null };
  });
}
