import { foldKey } from '../normalize/fold.js';
import { matchPhrase, type Matchers } from './compile.js';
import { PHRASE_SAMPLE } from './labels.js';

/** A day and month ("25/3", "25.3.2023") not inside a longer number. */
export const DAY_DATE = /(?<!\d)\d{1,2} ?[/.-] ?\d{1,2}(?!\d)/;

/** A schedule's weekday heading: "THỨ HAI, NGÀY 25/3/2023", "Thứ Ba, ngày 13/5/2025", or "Thứ hai" alone. */
export function isDayHeading(text: string, m: Matchers, folded?: string): boolean {
  const key = folded ?? foldKey(text.slice(0, PHRASE_SAMPLE));
  const day = matchPhrase(key, 0, m.schedule.weekdays);
  // "lần thứ 2" is an ordinal: a weekday heading starts with a capital.
  if (day === null || text.length > 80 || !/^\p{Lu}/u.test(text)) return false;
  const rest = text.slice(day.key.length);
  // "Thứ năm - 09/01/2020 09:32" is when a page was posted, not a day of the schedule.
  if (/\d{1,2}:\d{2}/.test(rest)) return false;
  return /^\s*:?$/.test(rest) || DAY_DATE.test(rest.slice(0, 30));
}
