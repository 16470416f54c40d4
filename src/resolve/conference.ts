import type { Conference } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { findPhrase, type Matchers } from '../recognise/compile.js';
import { ordinalValue, romanToInt } from '../recognise/numbers.js';

type Heading = Pick<Conference, 'session' | 'thematic' | 'time'>;

/** Reads a conference heading's session ("lần thứ 17"), theme and time ("(dự kiến tháng 8/2024)"). */
export function readConferenceHeading(title: string, m: Matchers): Heading {
  const key = foldKey(title);
  let session: number | null = null;
  const sessionWord = findPhrase(key, m.sessionWords);
  if (sessionWord) {
    const s = /^\s+(\d{1,6}|[ivxlc]{1,8})(?![\p{L}\p{N}])/u.exec(key.slice(sessionWord.at + sessionWord.phrase.key.length));
    if (s) session = ordinalValue(s[1]!.toUpperCase());
  }
  return { session, thematic: findPhrase(key, m.thematicWords) !== null, time: readTime(title, key, m) };
}

function readTime(title: string, key: string, m: Matchers): Conference['time'] {
  // The last parenthesised group that names a month, quarter or year; else the heading itself.
  const groups = [...key.matchAll(/\(([^()]{1,120})\)/gu)].reverse();
  for (const g of groups) {
    const at = g.index + 1;
    const time = timeIn(title.slice(at, at + g[1]!.length), g[1]!, m);
    if (time) return time;
  }
  return timeIn(title, key, m, false);
}

function timeIn(raw: string, key: string, m: Matchers, whole = true): Conference['time'] {
  let month: number | null = null;
  let quarter: number | null = null;
  let year: number | null = null;
  const monthWord = findPhrase(key, m.monthWords);
  if (monthWord) {
    const mo = /^\s*(\d{1,2})(?:\s*[/-]\s*(\d{4})|\s+năm\s+(\d{4}))?(?!\d)/u.exec(key.slice(monthWord.at + monthWord.phrase.key.length));
    if (mo) {
      const n = Number(mo[1]);
      month = n >= 1 && n <= 12 ? n : null;
      year = mo[2] || mo[3] ? Number(mo[2] ?? mo[3]) : null;
    }
  }
  const quarterWord = findPhrase(key, m.quarterWords);
  if (quarterWord) {
    const q = /^\s*([ivx]{1,3}|\d)(?:\s*[/-]\s*(\d{4})|\s+năm\s+(\d{4}))?(?![\p{L}\d])/u.exec(
      key.slice(quarterWord.at + quarterWord.phrase.key.length),
    );
    if (q) {
      const n = /^\d$/.test(q[1]!) ? Number(q[1]) : romanToInt(q[1]!);
      quarter = n !== null && n >= 1 && n <= 4 ? n : null;
      year ??= q[2] || q[3] ? Number(q[2] ?? q[3]) : null;
    }
  }
  if (year === null) {
    const y = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(key);
    if (y && (whole || month !== null || quarter !== null)) year = Number(y[1]);
  }
  if (month === null && quarter === null && (year === null || !whole)) return null;
  return {
    raw: raw.trim(),
    month,
    quarter,
    year,
    tentative: findPhrase(key, m.tentativeWords) !== null,
  };
}
