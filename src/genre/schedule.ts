import type { Entry, Programme } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { squash, trimTrailing } from '../normalize/text.js';
import { findPhrase, matchPhrase, type Matchers } from '../recognise/compile.js';
import type { Unit } from '../assemble/outline.js';

/**
 * Entries of a schedule: every unit under a weekday heading ("THỨ HAI, NGÀY 25/3/2023"), with its
 * time ("7 giờ 30", "14h00", "Sáng"), who chairs ("Đ/c …"), where ("Điểm tại …") and who prepares
 * ("(Văn phòng chuẩn bị)").
 */
export function findSchedule(units: readonly Unit[], header: Programme['header'], m: Matchers, opening = ''): Entry[] {
  // A week's days print no year: the header's, the title's, or the first full date of the page ("Từ ngày 26/01/2026 …").
  const year = header.date?.year ?? yearIn(header.title) ?? yearOfDate(opening);
  const entries: Entry[] = [];
  // `date` is undefined outside any day, null under a day whose date cannot be read.
  const visit = (list: readonly Unit[], date: string | null | undefined) => {
    for (const unit of list) {
      if (unit.lineKind === 'day') {
        visit(unit.children, dayDate(unit.heading ?? '', year));
        continue;
      }
      if (date !== undefined && unit.kind !== 'table' && (unit.text ?? unit.heading)) entries.push(entryOf(unit, date, m));
      visit(unit.children, date);
    }
  };
  visit(units, undefined);
  return entries;
}

function yearOfDate(text: string): number | null {
  const d = /(?<!\d)\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?((?:19|20)\d\d)(?!\d)/.exec(text);
  return d ? Number(d[1]) : null;
}

function yearIn(text: string | null): number | null {
  const y = text ? /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(text) : null;
  return y ? Number(y[1]) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dayDate(heading: string, year: number | null): string | null {
  const d = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?/.exec(heading);
  if (!d) return null;
  const y = d[3] ? Number(d[3]) : year;
  const [day, month] = [Number(d[1]), Number(d[2])];
  if (y === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${pad(month)}-${pad(day)}`;
}

const TIME = /^(?:[-+•] ?)?\(? ?(\d{1,2} ?(?:giờ|h|g) ?(?:\d{1,2})?['’]?(?: phút)?)/u;

function entryOf(unit: Unit, date: string | null, m: Matchers): Entry {
  const text = unit.text ?? unit.heading ?? '';
  const key = foldKey(text);
  return { date, time: timeOf(text, key, m), text, chair: chairOf(text, key, m), place: placeOf(text, key, m), preparer: preparerOf(text, key, m), span: unit.span };
}

function timeOf(text: string, key: string, m: Matchers): string | null {
  const t = TIME.exec(text) ?? /(?:^|[\s,:;(])(\d{1,2}\s*(?:giờ|h)\s*\d{0,2}['’]?)(?=[\s,;:)])/u.exec(text.slice(0, 80));
  if (t) return squash(t[1]!);
  const period = matchPhrase(key, 0, m.schedule.periods) ?? findPhrase(key.slice(0, 120), m.schedule.periods);
  if (period) {
    const at = 'at' in period ? period.at : 0;
    const p = 'phrase' in period ? period.phrase : period;
    return text.slice(at, at + p.key.length);
  }
  return null;
}

/** "Đ/c Triệu", "đồng chí Bí thư Thành ủy và đồng chí Phó Bí thư": names and titles, up to the verb. */
function chairOf(text: string, key: string, m: Matchers): string | null {
  // "(LĐVP: Đ/c Tỉnh)" is the office leader who goes along; "cùng Đ/c …" accompanies: neither chairs.
  let hit = findPhrase(key, m.schedule.chairMarks);
  while (hit && findPhrase(key.slice(Math.max(0, hit.at - 8), hit.at), m.schedule.notChairBefore)) {
    hit = findPhrase(key, m.schedule.chairMarks, hit.at + hit.phrase.key.length);
  }
  if (!hit) return null;
  const words = text.slice(hit.at + hit.phrase.key.length).split(' ');
  const out = [text.slice(hit.at, hit.at + hit.phrase.key.length)];
  let prevLower = false;
  for (const raw of words) {
    if (raw === '') continue;
    const word = trimTrailing(raw, ',;:().');
    const stop = word !== raw || /^[(]/.test(raw);
    const lower = /^\p{Ll}/u.test(word);
    // Titles are capitalised on their first syllable ("Bí thư Thành ủy"): two lower-case words in a row end them.
    if (lower && (m.schedule.chairStops.has(foldKey(word)) || (prevLower && !CONNECTORS.has(word)))) break;
    if (lower && !prevLower && out.length === 1 && !CONNECTORS.has(word)) break;
    if (word !== '') out.push(word);
    prevLower = lower && !CONNECTORS.has(word);
    if (stop) break;
  }
  while (out.length > 1 && /^\p{Ll}/u.test(out[out.length - 1]!) && !/^\p{Lu}/u.test(out[out.length - 2]!)) out.pop();
  const chair = squash(out.join(' '));
  return chair === out[0] ? null : chair;
}

const CONNECTORS = new Set(['và', 'đồng', 'chí', 'đ/c', 'các']);

/** Where: the most specific marker present ("Địa điểm:", "Điểm tại" before a bare "tại"), up to the next sentence or bracket. */
function placeOf(text: string, key: string, m: Matchers): string | null {
  for (const phrase of m.schedule.placeWords) {
    const hit = findPhrase(key, [phrase]);
    if (!hit) continue;
    const rest = text.slice(hit.at + phrase.key.length).replace(/^\s*(?:[:：]|tại)?\s*/u, '');
    const end = rest.search(/[.;(]/);
    const place = trimTrailing(squash(end === -1 ? rest : rest.slice(0, end)), ',');
    if (place !== '') return place;
  }
  return null;
}

function preparerOf(text: string, key: string, m: Matchers): string | null {
  const hit = findPhrase(key, m.schedule.preparerWords);
  if (!hit) return null;
  const open = text.lastIndexOf('(', hit.at);
  if (open === -1) return null;
  const inner = squash(text.slice(open + 1, hit.at)).replace(/^(?:giao|do)\s+/iu, '');
  return inner === '' ? null : inner;
}
