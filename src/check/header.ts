import type { Programme } from '../model/programme.js';
import type { Position } from './locate.js';

type Header = Programme['header'];

/** Where a header field was read, as the header zone recorded it. */
export function headerPosition(h: Header, field: keyof Header['at']): Position | null {
  return h.at[field] ?? null;
}

export const blankNumber = (h: Header) => h.number !== null && h.number.number === null && h.number.typeCode !== null;
export const blankDate = (h: Header) => h.date !== null && (h.date.day === null || h.date.month === null || h.date.year === null);
export const fullDate = (h: Header) => h.date !== null && !blankDate(h);
export const dateText = (h: Header) => (fullDate(h) ? `${h.date!.day}/${h.date!.month}/${h.date!.year}` : null);
