import type { Programme } from '../model/programme.js';
import type { Position, TextMap } from './locate.js';

type Header = Programme['header'];

/** Where a header part is: header parts are whole lines, or the end of the place-and-date line. */
export function headerPosition(map: TextMap, raw: string | null | undefined): Position | null {
  if (!raw) return null;
  const at = map.text.indexOf(raw);
  return at === -1 ? null : map.position(at);
}

export const blankNumber = (h: Header) => h.number !== null && h.number.number === null && h.number.typeCode !== null;
export const blankDate = (h: Header) => h.date !== null && (h.date.day === null || h.date.month === null || h.date.year === null);
export const fullDate = (h: Header) => h.date !== null && !blankDate(h);
export const dateText = (h: Header) => (fullDate(h) ? `${h.date!.day}/${h.date!.month}/${h.date!.year}` : null);
