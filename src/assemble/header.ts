import type { Programme } from '../model/programme.js';
import { bareKey, foldKey, foldPhrase } from '../normalize/fold.js';
import { charCount, squash } from '../normalize/text.js';
import { findPhrase, matchPhrase, type Matchers, type Phrase } from '../recognise/compile.js';
import { capsText, readLabel } from '../recognise/labels.js';
import type { Line } from '../recognise/lines.js';
import { toRoman, romanToInt } from '../recognise/numbers.js';
import { stripMarkup } from '../recognise/markup.js';
import { isDayHeading } from '../recognise/day.js';

export type Header = Programme['header'];

export interface HeaderZone {
  header: Header;
  /** Line numbers the header was read from (its fields and its layout marks: rules, "*", "|"). */
  lines: number[];
  /** Index of the first body line. */
  bodyStart: number;
  /** Indices of the lines before the body that the header does not hold (site chrome, front matter). */
  chrome: number[];
  /** The title's pieces where they stand in the text, for the stages that read it (citations). */
  titleParts: TitlePart[];
  found: boolean;
}

export interface TitlePart {
  text: string;
  /** Offset of the piece in the normalized text. */
  start: number;
  line: number;
}

type CellKind = 'party' | 'state' | 'motto' | 'rule' | 'asterisk' | 'separator' | 'number' | 'draft' | 'placeDate' | 'org' | 'type' | 'text';

interface Cell {
  text: string;
  key: string;
  kind: CellKind;
  /** Where the cell's text starts: 1-based line and column. */
  at: { line: number; column: number };
}

type Field = keyof NonNullable<Header['at']>;

/** How far down the header may sit: chrome, front matter and a metadata table come first in web copies. */
const ZONE_LINES = 150;
const TITLE_LINES = 6;

/**
 * The header as a zone, not a prefix: its parts are found in the first lines whatever stands
 * between them (site chrome, "|" cells, front matter), in the Party layout (HD 36-HD/VPTW: issuer,
 * "*", Số | ĐẢNG CỘNG SẢN VIỆT NAM, place and date) or the State one (NĐ 30/2020/NĐ-CP: issuer,
 * Số | CỘNG HÒA …, motto, place and date); then the type line and the trích yếu below it.
 */
export function assembleHeader(lines: readonly Line[], m: Matchers): HeaderZone {
  const header = emptyHeader();
  const limit = zoneEnd(lines, m);
  const frontMatter = frontMatterEnd(lines);
  const cells = lines.slice(0, limit).map((l, i) => (i < frontMatter ? [] : cellsOf(l, m)));
  joinSplitCells(cells, m);
  joinWrappedHeadings(cells, m);
  const type = chooseType(cells, m);
  const claimed = new Set<number>();

  // The header block: the run of header-like lines that ends at the type line (or holds the anchors).
  const [blockStart, blockEnd] = type !== null ? blockAbove(cells, type.index) : anchorBlock(cells);
  const orgs: Cell[] = [];
  let lastOrg = -2;
  for (let i = blockStart; i < blockEnd; i++) {
    for (const cell of cells[i]!) {
      if (cell.kind === 'text' || cell.kind === 'type') continue;
      claimed.add(i);
      // An issuer wrapped over lines ("ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN") is one name; a superior ("ĐẢNG BỘ …") is not.
      const previous = orgs[orgs.length - 1];
      const continued = cell.kind === 'org' && previous && lastOrg === i - 1 && cells[i]!.length === 1 && !matchPhrase(previous.key, 0, m.superiorPrefixes);
      if (continued) orgs[orgs.length - 1] = { ...previous, text: `${previous.text} ${cell.text}`, key: `${previous.key} ${cell.key}` };
      else read(cell, header, orgs, m);
      if (cell.kind === 'org' && cells[i]!.length === 1) lastOrg = i;
    }
  }
  if (orgs.length > 0) {
    const issuer = orgs[orgs.length - 1]!;
    header.issuer = issuer.text;
    header.at.issuer = issuer.at;
    const superior = orgs[orgs.length - 2];
    if (superior) {
      header.superior = superior.text;
      header.at.superior = superior.at;
    }
  }

  let bodyStart = blockEnd;
  const titleParts: TitlePart[] = [];
  if (type !== null) {
    claimed.add(type.index);
    header.docType = type.docType;
    header.at.docType = type.at;
    if (header.number === null && type.number !== null) {
      header.number = type.number;
      header.at.number = type.at;
    }
    const title = type.rest ? [type.rest] : [];
    if (type.rest) {
      header.at.title = { line: type.at.line, column: type.at.column + [...type.docType].length + 1 };
      const l = lines[type.index]!;
      titleParts.push({ text: type.rest, start: l.start + Math.max(l.text.lastIndexOf(type.rest), 0), line: l.line });
    }
    bodyStart = type.index + 1;
    if (type.strong) {
      const end = readTitle(lines, cells, type.index + 1, limit, title, header.issuer, m);
      for (const i of end.claimed) claimed.add(i);
      titleParts.push(...end.parts);
      const first = end.claimed.find((i) => !m.ruleLine.test(lines[i]!.text));
      if (!header.at.title && first !== undefined) header.at.title = { line: lines[first]!.line, column: 1 };
      bodyStart = end.next;
    }
    if (title.length > 0) Object.assign(header, parseTitle(squash(title.join(' ')), m));
  }
  if (type === null && header.number !== null && blockEnd > blockStart) {
    const title: string[] = [];
    const end = readTitle(lines, cells, blockEnd, limit, title, header.issuer, m);
    if (title.length > 0 && title[0]!.length <= 120) {
      for (const i of end.claimed) claimed.add(i);
      titleParts.push(...end.parts);
      if (end.claimed[0] !== undefined) header.at.title = { line: lines[end.claimed[0]]!.line, column: 1 };
      bodyStart = end.next;
      Object.assign(header, parseTitle(squash(title.join(' ')), m));
    }
  }
  const found = claimed.size > 0;
  if (!found) bodyStart = frontMatter;
  const chrome: number[] = [];
  for (let i = 0; i < bodyStart; i++) if (!claimed.has(i) && lines[i]!.text !== '') chrome.push(i);
  return { header, lines: [...claimed].sort((a, b) => a - b).map((i) => lines[i]!.line), bodyStart, chrome, found, titleParts };
}

function emptyHeader(): Header {
  return {
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
    at: {},
  };
}

/** The zone ends before the first line that can only be body: a numbered heading, a conference, the footer. */
function zoneEnd(lines: readonly Line[], m: Matchers): number {
  const end = Math.min(lines.length, ZONE_LINES);
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (['section', 'conference', 'item', 'attribution', 'recipients', 'signature'].includes(l.kind)) return i;
    const label = readLabel(stripMarkup(l.text).text, m.labels, m.notLabelStarts);
    if (label && label.style !== 'bullet' && label.style !== 'letter') return i;
  }
  return end;
}

/** YAML front matter ("---" … "---" on the first lines): metadata of a web page, never the header. */
function frontMatterEnd(lines: readonly Line[]): number {
  if (lines[0]?.text !== '---') return 0;
  for (let i = 1; i < Math.min(lines.length, 200); i++) if (lines[i]!.text === '---') return i + 1;
  return 0;
}

function cellsOf(l: Line, m: Matchers): Cell[] {
  const parts = (l.text.includes('|') ? l.text.split('|') : [l.text]).flatMap((p) => splitHeading(p, m)).flatMap((p) => splitPlaceDate(p, m));
  const cells: Cell[] = [];
  let from = 0;
  for (const part of parts) {
    const text = stripMarkup(part.trim()).text.trim();
    if (text === '') continue;
    const offset = Math.max(l.text.indexOf(text, from), 0);
    from = offset + text.length;
    const key = foldKey(text);
    cells.push({ text, key, kind: classify(text, key, m, parts.length > 1), at: { line: l.line, column: charCount(l.text, offset) + 1 } });
  }
  if (cells.length === 0 && l.text.includes('|')) cells.push({ text: '|', key: '|', kind: 'separator', at: { line: l.line, column: 1 } });
  return cells;
}

/** The issuer and the State or Party heading run together ("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"). */
function splitHeading(part: string, m: Matchers): string[] {
  if (part.length > 160 || !capsText(part)) return [part];
  const bare = bareKey(foldKey(part));
  for (const heading of [...m.stateHeadings, ...m.partyHeadings]) {
    const h = bareKey(heading.key);
    const at = bare.indexOf(h);
    // Only a heading that ends the line: inside a title ("… THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM (3/2/1930 …") it is words.
    if (at > 0 && at <= 80 && part[at - 1] === ' ' && bare.slice(at + h.length).trim() === '') return [part.slice(0, at), part.slice(at)];
  }
  return [part];
}

/** The number and the place-date run together ("Số: - HD/TWĐTN-BTC Hà Nội, ngày … năm 2023"): split apart. */
function splitPlaceDate(part: string, m: Matchers): string[] {
  const comma = part.indexOf(', ');
  if (comma < 0 || comma > 120 || placeDate(part.trim(), foldKey(part.trim()), m) !== null) return [part];
  const before = part.slice(0, comma).split(' ');
  for (let k = Math.max(1, before.length - 4); k < before.length; k++) {
    const head = before.slice(0, k).join(' ');
    const tail = `${before.slice(k).join(' ')}${part.slice(comma)}`;
    const key = foldKey(tail.trim());
    if (/^\p{Lu}/u.test(tail.trim()) && placeDate(tail.trim(), key, m) !== null && classify(head.trim(), foldKey(head.trim()), m, true) === 'number') return [head, tail];
  }
  return [part];
}

const fold = (text: string) => foldPhrase(text).replace(/[-–—]/g, '-').replace(/ ?- ?/g, '-');

/** Each phrase folded as `equalsAny` compares it, once per phrase list. */
const foldedLists = new WeakMap<readonly Phrase[], { folded: string; bare: string }[]>();
function foldedOf(list: readonly Phrase[]): { folded: string; bare: string }[] {
  let out = foldedLists.get(list);
  if (!out) {
    out = list.map((p) => ({ folded: fold(p.text), bare: bareKey(fold(p.text)) }));
    foldedLists.set(list, out);
  }
  return out;
}

/** The cell is the phrase, also when a site or an OCR scrambled its marks. */
function equalsAny(key: string, list: readonly Phrase[]): boolean {
  if (key.length > 80) return false;
  const folded = fold(key);
  const bare = bareKey(folded);
  return foldedOf(list).some((p) => p.folded === folded || p.bare === bare);
}

function classify(text: string, key: string, m: Matchers, inTable: boolean): CellKind {
  if (text === '*') return 'asterisk';
  if (m.ruleLine.test(text) || /^[-–—_]$/.test(text)) return 'rule';
  if (equalsAny(key, m.partyHeadings)) return 'party';
  if (equalsAny(key, m.stateHeadings)) return 'state';
  if (equalsAny(key, m.mottos)) return 'motto';
  if (numberSymbol(text, key, m) !== null) return 'number';
  if (matchPhrase(key, 0, m.draftMarks) && text.length <= 40) return 'draft';
  if (placeDate(text, key, m) !== null) return 'placeDate';
  if (typeOf(text, key, m, inTable) !== null) return 'type';
  if (capsText(text) && text.length <= 80 && !/\d{3,}/.test(text) && !/[.:;]$/.test(text)) return 'org';
  return 'text';
}

/** "Số: 130/KH-UBND", "Số 445-KL/TƯ", "Số       -CTr/TU", "Nghị quyết số: 07/2026/UBTVQH16": the symbol after "Số". */
function numberSymbol(text: string, key: string, m: Matchers): string | null {
  if (text.length > 70) return null;
  const word = findPhrase(key, m.numberWords);
  if (!word || key.slice(0, word.at).split(' ').length > 3) return null;
  if (word.at > 0 && !matchPhrase(key, 0, m.headerTypes)) return null;
  const symbol = squash(text.slice(word.at + word.phrase.key.length).replace(/^ ?[:：.]/, ''));
  return /^\d{0,6}[a-zA-Z]?[-/][\p{L}\d][\p{L}\d/-]{0,59}$/u.test(symbol.replace(/ /g, '')) ? symbol : null;
}

/** "Hậu Giang, ngày 13 tháng 7 năm 2022": a short place name and a date, nothing more. */
function placeDate(text: string, key: string, m: Matchers): { place: string; raw: string; key: string } | null {
  const comma = text.indexOf(',');
  if (comma < 2 || comma > 50) return null;
  const place = text.slice(0, comma).trim();
  // A place is a name: words, spaces, "TP." and "Bà Rịa - Vũng Tàu" hyphens; never a number or a symbol.
  if (!/^\p{Lu}[\p{L} .\-–]*$/u.test(place) || place.split(' ').length > 6) return null;
  // "Thứ Hai, ngày 12/5/2025" heads a day of a schedule: a weekday is not a place.
  if (matchPhrase(foldKey(place), 0, m.schedule.weekdays)) return null;
  const dateKey = key.slice(comma + 1).trim();
  const { spelled, numeric } = m.dateLine;
  if (!spelled.test(dateKey) && !numeric.test(dateKey)) return null;
  return { place, raw: text.slice(comma + 1).trim(), key: dateKey };
}

interface TypeLine {
  index: number;
  at: Cell['at'];
  docType: string;
  rest: string;
  number: Header['number'];
  /** In capitals, as the type line of a header is printed; else a page title ("Kế hoạch triển khai …"). */
  strong: boolean;
}

function typeOf(text: string, key: string, m: Matchers, inTable: boolean): Omit<TypeLine, 'index' | 'at'> | null {
  if (/[:;]$/.test(text) || text.length > 300) return null;
  const type = matchPhrase(key, 0, m.headerTypes) ?? bareType(key, m);
  if (type) {
    const docType = text.slice(0, type.key.length);
    let rest = text.slice(type.key.length).trim();
    // "KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ …": the number printed on the type line.
    const number = /^(?:(?:số|SỐ|Số)\s?:?\s?)?(\d{1,6}[a-zA-Z]?\s?[-/]\s?[\p{L}\d][\p{L}\d/-]{0,40})(?=\s|$)/u.exec(rest);
    const symbol = number ? parseNumber(number[1]!, number[1]!) : null;
    if (symbol?.id) rest = rest.slice(number![0].length).trim();
    else if (/^(?:số|so)(?![\p{L}])/iu.test(rest)) return null;
    const strong = capsText(docType) && (rest === '' || capsText(rest) || !/^\p{Lu}/u.test(rest));
    // A page title names its subject: "Báo cáo và dự thảo Nghị quyết" is a link text, "Công văn số 7876-CV/VPTW
    // ngày …" a reference in running text; neither is a type line.
    if (!strong && (inTable || rest === '' || /[.]$/.test(text) || matchPhrase(foldKey(rest), 0, m.notLabelStarts) || symbol?.id)) return null;
    // A page title starts with a capital, names no number ("Nghị quyết 26 Trung ương 7 …" cites one) and is
    // one sentence ("Nghị quyết Trung ương 5 (Khoá VIII). Lấy ví dụ …" is running text).
    if (!strong && (!/^\p{Lu}/u.test(docType) || /^\d/.test(rest) || /\.\s+\p{Lu}/u.test(rest))) return null;
    return { docType, rest, strong, number: symbol?.id ? symbol : null };
  }
  // An OCR'd type line: "K ÉT LUẬN" is KẾT LUẬN with a space and a wrong mark.
  if (capsText(text) && text.length <= 30) {
    const spaceless = (k: string) => k.replace(/\s/g, '');
    const bare = spaceless(bareKey(key));
    if (bareTypes(m).some(([, b]) => spaceless(b) === bare)) return { docType: text, rest: '', strong: true, number: null };
  }
  return null;
}


const bareTypeCache = new WeakMap<Matchers, [Phrase, string][]>();
function bareTypes(m: Matchers): [Phrase, string][] {
  let out = bareTypeCache.get(m);
  if (!out) {
    out = m.headerTypes.map((p) => [p, bareKey(p.key)]);
    bareTypeCache.set(m, out);
  }
  return out;
}

/** A type line whose marks a site scrambled ("KẾT LỦẬN"): the type whose bare letters it starts with. */
function bareType(key: string, m: Matchers): Phrase | null {
  const bare = bareKey(key.slice(0, 40));
  for (const [p, b] of bareTypes(m)) {
    if (b.length === p.key.length && bare.startsWith(b) && !/[\p{L}\d]/u.test(bare[b.length] ?? ' ')) return p;
  }
  return null;
}

/**
 * A table cell exported one line per word group ("Số:" / "21/2022/NQ-HĐND", "Bình" / "Định, ngày 07
 * tháng 9 năm 2022", "Sơn" / "La, ngày 16 tháng 11" / "năm 2018"): the lines read as one number or
 * place-date are one cell; the lines after the first become layout.
 */
function joinSplitCells(cells: Cell[][], m: Matchers): void {
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i]!;
    // A line in capitals is a whole cell (an issuer, a heading); the pieces are "Số:", "Bình", "Bình Định, ngày".
    if (row.length !== 1 || row[0]!.kind !== 'text' || row[0]!.text.length > 40) continue;
    let text = row[0]!.text;
    for (let j = i + 1; j < Math.min(cells.length, i + 3); j++) {
      const next = cells[j]!;
      if (next.length !== 1 || next[0]!.kind === 'separator' || next[0]!.kind === 'rule') break;
      text = `${text} ${next[0]!.text}`;
      if (text.length > 80) break;
      const key = foldKey(text);
      const kind = classify(text, key, m, false);
      if (kind === 'placeDate' || kind === 'number') {
        cells[i] = [{ text, key, kind, at: row[0]!.at }];
        for (let k = i + 1; k <= j; k++) cells[k] = [{ ...cells[k]![0]!, kind: 'separator' }];
        break;
      }
    }
  }
}

/** A Party heading, State heading or motto wrapped over two lines ("ĐẢNG CỘNG SẢN" / "VIỆT NAM", "Độc lập -" / "Tự do - Hạnh phúc") is one. */
function joinWrappedHeadings(cells: Cell[][], m: Matchers): void {
  const next = (i: number) => {
    for (let j = i + 1; j < Math.min(cells.length, i + 3); j++) if (cells[j]!.length > 0) return j;
    return -1;
  };
  for (let i = 0; i < cells.length; i++) {
    const a = cells[i]!;
    if (a.length !== 1 || (a[0]!.kind !== 'org' && a[0]!.kind !== 'text')) continue;
    const j = next(i);
    if (j === -1 || cells[j]!.length !== 1) continue;
    const key = `${a[0]!.key} ${cells[j]![0]!.key}`;
    for (const [list, kind] of [[m.partyHeadings, 'party'], [m.stateHeadings, 'state'], [m.mottos, 'motto']] as const) {
      if (equalsAny(key, list)) {
        a[0] = { text: `${a[0]!.text} ${cells[j]![0]!.text}`, key, kind, at: a[0]!.at };
        cells[j]![0] = { ...cells[j]![0]!, kind: 'separator' };
      }
    }
  }
}

/**
 * A page title stands alone; a line that runs on into lower-case lines and ends as a sentence
 * ("Nghị quyết Trung ương 5 khoá VIII về xây dựng …" / "nền văn hoá … sâu sắc.") is hard-wrapped prose.
 */
function wrappedSentence(cells: Cell[][], index: number, text: string): boolean {
  let paragraph = text;
  for (let i = index + 1; i < cells.length && i <= index + TITLE_LINES; i++) {
    const row = cells[i]!;
    if (row.length !== 1 || !/^\p{Ll}/u.test(row[0]!.text)) break;
    paragraph += ` ${row[0]!.text}`;
  }
  return paragraph !== text && /[.]$/.test(paragraph);
}

/** The type line: the first one in capitals, else the last page-title-like one. */
function chooseType(cells: Cell[][], m: Matchers): TypeLine | null {
  let weak: TypeLine | null = null;
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i]!;
    for (const cell of row) {
      if (cell.kind !== 'type') continue;
      const t = typeOf(cell.text, cell.key, m, row.length > 1);
      if (!t) continue;
      if (t.strong) return { ...t, index: i, at: cell.at };
      if (!wrappedSentence(cells, i, cell.text)) weak = { ...t, index: i, at: cell.at };
    }
  }
  return weak;
}

const HEADERISH: ReadonlySet<CellKind> = new Set(['party', 'state', 'motto', 'rule', 'asterisk', 'separator', 'number', 'draft', 'placeDate', 'org']);
const ANCHORS: ReadonlySet<CellKind> = new Set(['party', 'state', 'motto', 'number', 'placeDate']);
const headerish = (row: Cell[]) => row.every((c) => HEADERISH.has(c.kind));

/** The header-like lines right above the type line (blank lines included). */
function blockAbove(cells: Cell[][], type: number): [number, number] {
  let start = type;
  while (start > 0 && headerish(cells[start - 1]!)) start--;
  // An organisation line alone above a blank is chrome, not an issuer: keep the block to its anchors.
  const anchored = cells.slice(start, type).some((row) => row.some((c) => ANCHORS.has(c.kind)));
  if (!anchored) {
    start = type;
    while (start > 0 && cells[start - 1]!.length === 0) start--;
  }
  return [start, type];
}

/** Without a type line: the run of header-like lines around the first anchor (party or State heading, number, date). */
function anchorBlock(cells: Cell[][]): [number, number] {
  const anchor = cells.findIndex((row) => row.length > 0 && headerish(row) && row.some((c) => ANCHORS.has(c.kind)));
  if (anchor === -1) return [0, 0];
  let start = anchor;
  while (start > 0 && headerish(cells[start - 1]!)) start--;
  let end = anchor + 1;
  while (end < cells.length && headerish(cells[end]!)) end++;
  while (end > anchor + 1 && cells[end - 1]!.length === 0) end--;
  return [start, end];
}

function read(cell: Cell, header: Header, orgs: Cell[], m: Matchers): void {
  const mark = (field: Field, column = cell.at.column) => (header.at[field] ??= { line: cell.at.line, column });
  switch (cell.kind) {
    case 'party':
      header.partyHeading ??= cell.text;
      mark('partyHeading');
      return;
    case 'number':
      header.number ??= parseNumber(cell.text, numberSymbol(cell.text, cell.key, m)!);
      mark('number');
      return;
    case 'draft':
      header.draft = true;
      header.draftLabel ??= cell.text;
      mark('draftLabel');
      return;
    case 'placeDate':
      if (!header.date) {
        const pd = placeDate(cell.text, cell.key, m)!;
        header.place = pd.place;
        header.date = parseDate(pd.raw, pd.key, m);
        mark('place');
        mark('date', cell.at.column + [...cell.text.slice(0, cell.text.length - pd.raw.length)].length);
      }
      return;
    case 'org':
      orgs.push(cell);
      return;
    default:
  }
}

/** The trích yếu: lines after the type line up to a rule, a preamble, a numbered heading or the issuer repeated. */
function readTitle(
  lines: readonly Line[],
  cells: Cell[][],
  from: number,
  limit: number,
  title: string[],
  issuer: string | null,
  m: Matchers,
): { next: number; claimed: number[]; parts: TitlePart[] } {
  const claimed: number[] = [];
  const parts: TitlePart[] = [];
  let next = from;
  let blanks = 0;
  for (let i = from; i < Math.min(lines.length, limit + 1) && title.length < TITLE_LINES; i++) {
    const text = stripMarkup(lines[i]!.text).text.trim();
    if (text === '') {
      if (++blanks > 3) break;
      continue;
    }
    blanks = 0;
    if (m.ruleLine.test(text)) {
      claimed.push(i);
      next = i + 1;
      break;
    }
    const key = foldKey(text);
    const first = title.length === 0;
    // A page that prints its title twice: the copy is not more title.
    if (title.length > 0 && fold(key).endsWith(fold(title.join(' ')))) break;
    // Another type line ends the title; a type word opening a title line ("CHIẾN LƯỢC CẢI CÁCH …") does not.
    if (cells[i]?.some((c) => c.kind === 'number' || c.kind === 'placeDate' || (c.kind === 'type' && typeOf(c.text, c.key, m, false)?.rest === ''))) break;
    if (readLabel(text, m.labels, m.notLabelStarts) || isDayHeading(text, m)) break;
    if (/[:;]$/.test(text) || text.length > (capsText(text) ? 500 : 250)) break;
    if (issuer !== null && fold(key) === fold(issuer)) break;
    if (!first && isAuthority(lines, i, text, key, m)) break;
    // A wrapped title line goes on in lower case, with a number ("… kỷ niệm" / "190 năm …") or a bracket ("(từ ngày … đến ngày …)").
    if (text.startsWith('(') && matchPhrase(key, 1, m.attachmentNotes)) break;
    const lower = /^[\p{Ll}\d(]/u.test(text);
    if (!first && !lower && !capsText(text)) break;
    if (!first && !lower && capsText(text) && !capsText(title[title.length - 1]!) && !/^\p{Ll}/u.test(title[title.length - 1]!)) break;
    if (first && matchPhrase(key, 0, m.preambleStarts) && text.length > 150 && !capsText(text)) break;
    title.push(text);
    claimed.push(i);
    const l = lines[i]!;
    parts.push({ text, start: l.start + Math.max(l.text.indexOf(text), 0), line: l.line });
    next = i + 1;
  }
  return { next, claimed, parts };
}

/** "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" / "Căn cứ …": the authority that issues, named above the preamble. */
function isAuthority(lines: readonly Line[], i: number, text: string, key: string, m: Matchers): boolean {
  if (!capsText(text) || !matchPhrase(key, 0, m.authorityStarts)) return false;
  // The authority may run over two lines ("HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH" / "KHÓA XIII KỲ HỌP THỨ 7").
  const next = lines.slice(i + 1, i + 6).find((l) => l.text !== '' && !capsText(stripMarkup(l.text).text));
  return next !== undefined && matchPhrase(next.key, 0, m.preambleStarts) !== null;
}

export function parseNumber(raw: string, symbol: string): NonNullable<Header['number']> {
  const s = symbol.replace(/\s+/g, '');
  const party = /^(\d{1,6}[a-zA-Z]?)?-(\p{L}{1,8})\/([\p{L}\d-]{1,40})$/u.exec(s);
  if (party) return numberOf(raw, party[1], party[2]!, party[3]!, s);
  const state = /^(\d{1,6}[a-zA-Z]?)?(?:\/\d{4})?\/(\p{L}{1,8})-([\p{L}\d-]{1,40})$/u.exec(s);
  if (state) return numberOf(raw, state[1], state[2]!, state[3]!, s);
  const bare = /^(\d{1,6}[a-zA-Z]?)?(?:\/\d{4})?\/([\p{L}\d-]{1,40})$/u.exec(s);
  if (bare) return numberOf(raw, bare[1], null, bare[2]!, s);
  // Joint documents and other shapes ("01/QCPH/UBND-UBMTTQ"): the number and the symbol as printed.
  const other = /^(\d{1,6}[a-zA-Z]?)[-/][\p{L}\d][\p{L}\d/-]{0,59}$/u.exec(s);
  if (other) return numberOf(raw, other[1], null, s.slice(other[1]!.length + 1), s);
  return { raw, number: null, typeCode: null, issuerCode: null, id: null };
}

function numberOf(raw: string, n: string | undefined, typeCode: string | null, issuerCode: string, symbol: string): NonNullable<Header['number']> {
  const digits = n ? /^\d+/.exec(n)![0] : null;
  return { raw, number: digits ? Number(digits) : null, typeCode, issuerCode, id: n ? symbol : null };
}

function parseDate(raw: string, key: string, m: Matchers): Header['date'] {
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
  return { raw, year, month, day };
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

/** A document without a place-date line may state its date in its closing formula ("… thông qua ngày 26 tháng 6 năm 2026."). */
export function closingDate(lines: readonly Line[], m: Matchers): { date: NonNullable<Header['date']>; at: { line: number; column: number } } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    const hit = l.text.length <= 400 ? findPhrase(l.key, m.closingDateWords) : null;
    if (!hit) continue;
    const at = hit.at + hit.phrase.key.length;
    const key = l.key.slice(at);
    const spelled = /^\s*(\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(key) ?? /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(key);
    if (!spelled) continue;
    const [day, month, year] = [Number(spelled[1]), Number(spelled[2]), Number(spelled[3])];
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    return { date: { raw: l.text.slice(hit.at, at + spelled[0].length).trim(), year, month, day }, at: { line: l.line, column: charCount(l.text, hit.at) + 1 } };
  }
  return null;
}
