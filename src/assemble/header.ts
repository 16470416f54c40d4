import type { Programme } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { squash } from '../normalize/text.js';
import { findPhrase, matchPhrase, type Matchers } from '../recognise/compile.js';
import { isCaps, type Line } from '../recognise/lines.js';
import { toRoman, romanToInt } from '../recognise/numbers.js';

export type Header = Programme['header'];

/**
 * The header is everything before the body: the two-column table (issuer, "*", Số, Dự thảo |
 * party heading, place and date — serialized left cell first), the document type and the
 * trích yếu lines up to the short rule. Returns the header and the index of the first body line.
 */
export function assembleHeader(lines: readonly Line[], m: Matchers): { header: Header; bodyStart: number } {
  const header: Header = {
    partyHeading: null,
    superior: null,
    issuer: null,
    number: null,
    draft: false,
    draftLabel: null,
    place: null,
    date: null,
    docType: null,
    title: null,
    year: null,
    term: null,
    period: null,
  };
  const organisations: string[] = [];
  const title: string[] = [];
  let titleDone = false;
  let i = 0;
  scan: for (; i < lines.length; i++) {
    const l = lines[i]!;
    switch (l.kind) {
      case 'blank':
        if (title.length > 0) titleDone = true;
        continue;
      case 'asterisk':
        continue;
      case 'partyHeading':
        header.partyHeading ??= l.text;
        continue;
      case 'number':
        header.number ??= parseNumber(l.text);
        continue;
      case 'draft':
        header.draft = true;
        header.draftLabel ??= l.text;
        continue;
      case 'placeDate':
        if (!header.date) Object.assign(header, parsePlaceDate(l, m));
        continue;
      case 'docType':
        if (header.docType === null) {
          const type = matchPhrase(l.key, 0, m.docTypes)!;
          header.docType = l.text.slice(0, type.key.length);
          const rest = l.text.slice(type.key.length).trim();
          if (rest) title.push(rest);
          continue;
        }
        break;
      case 'rule':
        if (header.docType !== null) {
          i++;
          break scan;
        }
        continue;
      case 'section':
      case 'conference':
      case 'item':
      case 'attribution':
      case 'recipients':
      case 'signature':
        break scan;
      default:
        break;
    }
    // A plain line: trích yếu after the type, an organisation before it, else the body begins.
    if (header.docType !== null) {
      if (titleDone || matchPhrase(l.key, 0, m.preambleStarts) || l.text.length > 200) break;
      title.push(l.text);
    } else if (isCaps(l.text) && organisations.length < 4 && !/\d{3,}/.test(l.text)) {
      organisations.push(l.text);
    } else {
      break;
    }
  }
  if (organisations.length > 0) {
    header.issuer = organisations[organisations.length - 1]!;
    if (organisations.length > 1) header.superior = organisations[organisations.length - 2]!;
  }
  if (title.length > 0) Object.assign(header, parseTitle(squash(title.join(' ')), m));
  return { header, bodyStart: i };
}

function parseNumber(text: string): Header['number'] {
  const party = /^\S{1,12} ?[:：]? ?(\d{1,6})? ?- ?(\p{L}{1,8}) ?\/ ?([\p{L}-]{1,40})/u.exec(text);
  if (party) {
    return { raw: text, number: party[1] ? Number(party[1]) : null, typeCode: party[2]!, issuerCode: party[3]! };
  }
  const state = /^\S{1,12} ?[:：]? ?(\d{1,6})? ?\/ ?(\p{L}{1,8})-([\p{L}\d-]{1,40})/u.exec(text);
  if (state) {
    return { raw: text, number: state[1] ? Number(state[1]) : null, typeCode: state[2]!, issuerCode: state[3]! };
  }
  return { raw: text, number: null, typeCode: null, issuerCode: null };
}

function parsePlaceDate(l: Line, m: Matchers): Pick<Header, 'place' | 'date'> {
  const comma = l.text.indexOf(',');
  const place = l.text.slice(0, comma).trim();
  const raw = l.text.slice(comma + 1).trim();
  const key = l.key.slice(comma + 1).trim();
  const d = m.headerDate;
  const numeric = d.numeric.exec(key);
  const int = (re: RegExp) => {
    const match = re.exec(key);
    return match ? Number(match[1]) : null;
  };
  let day = numeric ? Number(numeric[1]) : int(d.day);
  let month = numeric ? Number(numeric[2]) : int(d.month);
  const year = numeric ? Number(numeric[3]) : int(d.year);
  if (month !== null && (month < 1 || month > 12)) month = null;
  if (day !== null && (day < 1 || day > 31)) day = null;
  return { place: place || null, date: { raw, year, month, day } };
}

function parseTitle(title: string, m: Matchers): Pick<Header, 'title' | 'year' | 'term' | 'period'> {
  const key = foldKey(title);
  const after = (list: Matchers['termWords'], re: RegExp): RegExpExecArray | null => {
    const word = findPhrase(key, list);
    return word ? re.exec(title.slice(word.at + word.phrase.key.length)) : null;
  };
  const y = after(m.titleYearWords, /^\s+(\d{4})(?!\d)/);
  const t = after(m.termWords, /^\s+([IVXLC]{1,6}|\d{1,2})(?![\p{L}\p{N}])/u);
  const p = after(m.periodWords, /^\s*(\d{4})\s*[-–—]\s*(\d{4})(?!\d)/);
  let term: string | null = null;
  if (t) term = /^\d+$/.test(t[1]!) ? toRoman(Number(t[1])) : romanToInt(t[1]!) !== null ? t[1]! : null;
  return {
    title,
    year: y ? Number(y[1]) : null,
    term,
    period: p ? { from: Number(p[1]), to: Number(p[2]) } : null,
  };
}
