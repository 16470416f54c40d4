import type { Citation } from '../model/programme.js';

/** How a message names a cited document: "Kết luận 102-KL/TW ngày 22/9/2014". */
export function citationVi(c: Citation): string {
  const name = c.id === null ? c.raw : `${c.kind} ${c.id}`;
  return c.dateText ? `${name} ngày ${c.dateText}` : name;
}

export function citationEn(c: Citation): string {
  const name = c.id === null ? c.raw : `${c.kind} ${c.id}`;
  return c.dateText ? `${name} of ${c.dateText}` : name;
}

/** The year a citation was issued, also when its date as written does not exist ("31/2/2019"). */
export function citationYear(c: Citation): number | null {
  if (c.date) return Number(c.date.slice(0, 4));
  const y = c.dateText ? /(\d{4})$/.exec(c.dateText) : null;
  return y ? Number(y[1]) : null;
}

/** "2 warnings" / "1 warning"; `many` for a plural that is not word + s ("entries"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
