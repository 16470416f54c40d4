import type { Citation } from '../model/programme.js';

/**
 * Short mentions point to the full citation they repeat: "Nghị quyết số 57" (a number, no symbol)
 * or a bare "Nghị quyết 57-NQ/TW" (no date, no issuer) is the "Nghị quyết số 57-NQ/TW, ngày
 * 22/12/2024 của Bộ Chính trị" of the same document. A mention takes the nearest earlier full
 * citation of its kind and number (or of its id), else the first later one (a title names
 * "Nghị quyết số 57" before the preamble cites it in full).
 */
export function resolveMentions(citations: Citation[]): Citation[] {
  const byNumber = (c: Citation) => (c.number === null ? null : `${c.kind}\u0000${c.number}`);
  const byId = (c: Citation) => (c.id === null ? null : `id\u0000${c.id}`);
  const full = (c: Citation) => c.id !== null && (c.dateText !== null || c.issuedBy !== null);
  // A full citation answers to its kind and number and to its id.
  const keysOf = (c: Citation) => [byNumber(c), byId(c)].filter((k): k is string => k !== null);
  const firstFull = new Map<string, number>();
  citations.forEach((c, i) => {
    if (full(c)) for (const k of keysOf(c)) if (!firstFull.has(k)) firstFull.set(k, i);
  });
  const lastFull = new Map<string, number>();
  return citations.map((c, i) => {
    if (full(c)) {
      for (const k of keysOf(c)) lastFull.set(k, i);
      return { ...c, refersTo: null };
    }
    const k = byId(c) ?? byNumber(c);
    if (k === null) return { ...c, refersTo: null };
    return { ...c, refersTo: lastFull.get(k) ?? firstFull.get(k) ?? null };
  });
}
