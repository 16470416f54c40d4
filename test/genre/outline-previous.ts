// The outline and its roles as they were before they were made cheaper (src/assemble/outline.ts and
// src/genre/roles.ts, December 2026): a unit wrapping a node object, roots and children placed by
// separate paths, role rules read as the grammar gives them. Kept as the definition the property
// test in outline.property.test.ts holds the new ones to.
import type { OutlineNode } from '../../src/model/programme.js';
import type { Genre } from '../../src/grammar/schema.js';
import { foldKey } from '../../src/normalize/fold.js';
import { charCount, squash } from '../../src/normalize/text.js';
import { matchPhrase, type Matchers } from '../../src/recognise/compile.js';
import { Joined } from '../../src/recognise/joined.js';
import { capsText, PHRASE_SAMPLE, readLabel, type Label } from '../../src/recognise/labels.js';
import { STRONG, type Line, type LineKind } from '../../src/recognise/lines.js';
import { stripMarkup } from '../../src/recognise/markup.js';
import { DAY_DATE, isDayHeading } from '../../src/recognise/day.js';
import { tick } from '../../src/meter.js';
import { continues, endsSentence, endsWithMark } from '../../src/assemble/blocks.js';

/** A unit of the body before the genre names its role: the node and what the genre's roles look at. */
export interface Unit {
  node: Omit<OutlineNode, 'children' | 'role'>;
  /** How the recogniser labelled its first line ("conference", "attribution", "day", "appendix", ...). */
  lineKind: LineKind | 'day' | 'row' | 'appendix';
  children: Unit[];
}

interface Open {
  unit: Unit;
  key: string;
  rank: number;
}


/** Rank of a weekday heading of a schedule: inside sections, outside numbered items. */
const DAY_RANK = 3.5;

/**
 * The body as a tree: every line of the segments becomes part of exactly one unit (a heading,
 * an item, a paragraph or a table). Nesting follows the labels' styles: a unit nests under the
 * open units of lower rank; styles of equal rank nest in the order they first appear.
 */
export function buildOutlinePrevious(lines: readonly Line[], segments: readonly [number, number][], m: Matchers): Unit[] {
  const roots: Unit[] = [];
  const width = wrapWidth(lines);
  const listStyles = new Set<string>(m.grammar.outline.opensList.styles);
  for (const [from, to] of segments) {
    const stack: Open[] = [];
    // Each unit is placed as it is made, while it is still in the cache: a list of 70,000 units
    // placed afterwards was read back from memory.
    units(lines, from, to, width, m, (unit) => place(unit, stack, roots, listStyles));
  }
  return roots;
}

// Loops and a plain function rather than findIndex and a closure per unit: this runs for every unit.
function place(unit: Draft, stack: Open[], roots: Unit[], listStyles: ReadonlySet<string>): void {
  const label = unit.label;
  if (unit.lineKind === 'appendix') {
    // An appendix stands outside everything before it; what follows is its content.
    stack.length = 0;
    roots.push(unit);
    stack.push({ unit, key: 'appendix', rank: -1 });
    return;
  }
  if (label || unit.dayKey) {
    const key = label ? label.key : 'day';
    const rank = label ? label.rank : DAY_RANK;
    const same = openWith(stack, key);
    if (same !== -1) stack.length = same;
    else while (stack.length > 0 && stack[stack.length - 1]!.rank > rank && !opensList(stack[stack.length - 1]!, listStyles)) stack.pop();
    childrenOf(stack[stack.length - 1], roots).push(unit);
    stack.push({ unit, key, rank });
    return;
  }
  if (unit.lineKind === 'attribution') {
    // "Cơ quan chủ trì tham mưu: …" speaks for the items of its heading, not for the last item.
    let heading = stack.length - 1;
    while (heading >= 0 && stack[heading]!.unit.node.kind !== 'heading') heading--;
    childrenOf(stack[heading >= 0 ? heading : stack.length - 1], roots).push(unit);
    return;
  }
  childrenOf(stack[stack.length - 1], roots).push(unit);
}

function childrenOf(parent: Open | undefined, roots: Unit[]): Unit[] {
  return parent ? parent.unit.children : roots;
}

/** The index of the open unit whose labels have this key, or -1. */
function openWith(stack: readonly Open[], key: string): number {
  for (let i = 0; i < stack.length; i++) if (stack[i]!.key === key) return i;
  return -1;
}

type Draft = Unit & { label: Label | null; dayKey: boolean };

/** "Điều 1. Thông qua … như sau:": an article that announces a list holds it, sections included. */
function opensList(open: Open, styles: ReadonlySet<string>): boolean {
  const text = open.unit.node.heading ?? open.unit.node.text ?? '';
  return open.unit.node.labelStyle !== null && styles.has(open.unit.node.labelStyle) && text.endsWith(':');
}

/** Groups lines into units: wrapped lines joined, a heading never glued to the line after it. */
/**
 * The width a text export hard-wrapped the document at, or null: the longest line, when many
 * lines end within a word of it. A line that reaches it was cut, whatever it looks like.
 */
function wrapWidth(lines: readonly Line[]): number | null {
  let max = 0;
  for (const l of lines) max = Math.max(max, l.text.length);
  if (max < 30 || max > 160) return null;
  let long = 0;
  let near = 0;
  for (const l of lines) {
    if (l.text.length <= 30) continue;
    long++;
    if (l.text.length >= max - WORD) near++;
  }
  return long >= 8 && near / long >= 0.4 ? max : null;
}

/** How far short of the margin a wrapped line may end: about one long word. */
const WORD = 14;

const NO_LINES: Line[] = [];

/** The units of `lines[from, to)`, in order, to `out`: read in place, not from a copy of the segment. */
function units(lines: readonly Line[], from: number, to: number, width: number | null, m: Matchers, out: (unit: Draft) => void): void {
  // An empty block or table is the one empty list, never added to (a line joins only a block
  // that has one; a row starts a new table): closing every line made an array for nothing.
  let block: Line[] = NO_LINES;
  let blockLabel: Label | null = null;
  let blockDay = false;
  let table: Line[] = NO_LINES;
  const close = () => {
    if (block.length === 0) return;
    out(unitOf(block, blockLabel, blockDay, m));
    block = NO_LINES;
  };
  const closeTable = () => {
    if (table.length === 0) return;
    out(tableOf(table));
    table = NO_LINES;
  };
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    tick();
    if (line.text === '') {
      // A weekday heading waits across the blank for its date on the next line ("Thứ hai" / "21/5").
      if (blockDay && block.length === 1 && !DAY_DATE.test(block[0]!.text)) continue;
      close();
      closeTable();
      continue;
    }
    if (isRow(line.text)) {
      close();
      if (table.length === 0) table = [line];
      else table.push(line);
      continue;
    }
    closeTable();
    const bare = stripMarkup(line.text);
    const key = line.key.slice(bare.at, bare.at + bare.text.length);
    const label = readLabel(bare.text, m.labels, m.notLabelStarts, key);
    const day = label === null && isDayHeading(bare.text, m, key);
    if (block.length > 0 && joins(block, blockLabel, blockDay, line, label, day, width, m)) {
      block.push(line);
      continue;
    }
    close();
    block = [line];
    blockLabel = label;
    blockDay = day;
  }
  close();
  closeTable();
}

function joins(
  block: Line[],
  label: Label | null,
  day: boolean,
  line: Line,
  lineLabel: Label | null,
  lineDay: boolean,
  width: number | null,
  m: Matchers,
): boolean {
  if (STRONG.has(line.kind) || lineDay) return false;
  const last = block[block.length - 1]!;
  if (day) return block.length === 1 && /^\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?:?$/.test(line.text);
  const cut = width !== null && last.text.length >= width - WORD && !endsSentence(last.text);
  const lower = /^\p{Ll}/u.test(line.text);
  // "… Quyết định số" / "112/QĐ-TTg ngày …": the number a line breaks before is the cited document's.
  if (endsOnNumberWord(last.text) && /^\d/.test(line.text)) return true;
  if (lineLabel) {
    // A label after an unfinished long line is a wrapped sentence ("… 2020" / "- 2025 …").
    const after = line.text.slice(lineLabel.textAt);
    return (cut || (!endsSentence(last.text) && last.text.length >= 50)) && /^[\p{Ll}\d]/u.test(after);
  }
  const first = block[0]!;
  // A short line in capitals ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:") stands alone after a sentence, even one ending in ",".
  if (!cut && capsLine(line) && !capsOf(last)) return false;
  // "Chương I" / "NHỮNG QUY ĐỊNH CHUNG": a label alone on its line takes the next line as its text.
  if (label && block.length === 1 && stripMarkup(first.text).text.slice(label.textAt).trim() === '') return true;
  if (CONTINUED.has(first.kind)) {
    return continues({ kind: first.kind, first, lines: block }, line);
  }
  if (cut) return true;
  // A line in capitals ("ỦY BAN NHÂN DÂN TỈNH …", an authority line) is a heading of its own, labelled or not.
  const capsHeading = !label && first.text.length <= 200 && capsOf(first);
  if (capsHeading && isAppendix(first.text, m)) return false;
  if (capsHeading || (label && isHeadingLike(stripMarkup(first.text).text.slice(label.textAt), label, m))) {
    // A heading ends its block unless the next line visibly continues it: lower case, a number
    // ("giai đoạn" / "2021-2025."), or a line that stopped on "của", "và", "đối với" ….
    if (lower || /^\d/.test(line.text) || endsOpen(last.text, m)) return !endsSentence(last.text) || !/[.!?]$/.test(last.text);
    return capsOf(line) && capsOf(last) && !endsSentence(last.text);
  }
  return continues({ kind: first.kind === 'text' || label ? 'text' : first.kind, first, lines: block }, line) || (lower && !endsWithMark(last.text, '.!?'));
}

/** Kinds whose block `continues` decides on (a constant: an array literal per call was garbage). */
const CONTINUED: ReadonlySet<LineKind> = new Set(['conference', 'section', 'item', 'attribution']);

/** "… Quyết định số" or "… số:": the line stops on the word before a document's number. */
function endsOnNumberWord(text: string): boolean {
  const end = text.endsWith(':') ? text.length - 1 : text.length;
  const word = text.slice(end - 2, end);
  return (word === 'số' || word === 'Số' || word === 'SỐ') && (end === 2 || /\s/u.test(text[end - 3]!));
}

/** Whether a line (without Markdown marks) is in capitals, judged once per line: joins asks often. */
const capsCache = new WeakMap<Line, boolean>();
function capsOf(line: Line): boolean {
  let caps = capsCache.get(line);
  if (caps === undefined) {
    caps = capsText(stripMarkup(line.text).text);
    capsCache.set(line, caps);
  }
  return caps;
}

/** A short line of words in capitals ("QUYẾT ĐỊNH:"), not a wrapped "IV/2024." */
function capsLine(line: Line): boolean {
  const bare = stripMarkup(line.text).text;
  return bare.length <= 80 && capsOf(line) && bare.replace(/[^\p{L}]/gu, '').length >= 6 && bare.split(' ').filter((w) => /\p{L}{2}/u.test(w)).length >= 2;
}

/** The line stops on a word that cannot end a title ("… sự lãnh đạo của"). */
function endsOpen(text: string, m: Matchers): boolean {
  const key = foldKey(text.slice(-40));
  return m.openEnds.some((w) => key.endsWith(` ${w}`));
}

/** A heading's text is a title: its style says so, it is in capitals, or it is short and not a sentence. */
function isHeadingLike(text: string, label: Label, m: Matchers): boolean {
  const h = m.grammar.outline.heading;
  if (label.style === 'bullet' || label.style === 'paren') return false;
  if (h.styles.includes(label.style) || capsText(text)) return true;
  const t = text.trim();
  return t.length <= h.maxShortLength && !endsWithMark(t, '.;,');
}

/** "PHỤ LỤC", "PHỤ LỤC II": in capitals, so that a list of appendices ("Phụ lục VI - Đề án …") is not one. */
function isAppendix(text: string, m: Matchers): boolean {
  const bare = stripMarkup(text).text;
  return matchPhrase(foldKey(bare.slice(0, PHRASE_SAMPLE)), 0, m.appendixStarts) !== null && capsText(bare);
}


const position = (line: Line, column: number) => ({ line: line.line, column });
const endOf = (line: Line) => position(line, charCount(line.text) + 1);

function unitOf(block: Line[], label: Label | null, day: boolean, m: Matchers): Draft {
  const first = block[0]!;
  const bare = stripMarkup(first.text);
  const from = bare.at + (label?.textAt ?? 0);
  // Joined text is normalized already: one space between words, none at the ends. Most units are
  // one line, whose text after the label needs no joining.
  // A line with closing marks ("**…**") is read from its text without them.
  const text =
    block.length > 1 ? new Joined(block).slice(from).text.trim() : bare.text.length + bare.at < first.text.length ? squash(bare.text.slice(label?.textAt ?? 0)) : first.text.slice(from).trim();
  // Length first: a long line is no heading, and its case need not be judged.
  const caps = label === null && first.text.length <= 200 && capsText(bare.text);
  const appendix = caps && isAppendix(first.text, m);
  const heading = day || appendix || (label !== null && isHeadingLike(text, label, m)) || first.kind === 'conference' || first.kind === 'section';
  return {
    node: {
      kind: heading ? 'heading' : label ? 'item' : 'paragraph',
      label: label?.label ?? null,
      labelStyle: label?.style ?? null,
      value: label?.value ?? null,
      heading: heading ? text : null,
      text: heading ? null : text,
      span: { start: position(first, 1), end: endOf(block[block.length - 1]!) },
    },
    lineKind: day ? 'day' : appendix ? 'appendix' : first.kind,
    children: [],
    label,
    dayKey: day,
  };
}

/** A table row written as text: cells between "|" ("| 1 | Luật An ninh dữ liệu | Chính phủ |"). */
function isRow(text: string): boolean {
  if (!text.includes('|')) return false;
  return cellTexts(text).length >= 2 || /^\|?\s*:?-{3,}:?\s*\|/.test(text);
}

function cellTexts(text: string): { text: string; at: number }[] {
  const cells: { text: string; at: number }[] = [];
  let at = 0;
  for (const part of text.split('|')) {
    const lead = part.length - part.trimStart().length;
    if (part.trim() !== '') cells.push({ text: part.trim(), at: at + lead });
    at += part.length + 1;
  }
  return cells;
}

function tableOf(rows: Line[]): Draft {
  const children: Unit[] = [];
  for (const row of rows) {
    if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(row.text)) continue; // a Markdown rule row is layout
    const cells: Unit[] = cellTexts(row.text).map((c) => ({
      node: {
        kind: 'cell',
        label: null,
        labelStyle: null,
        value: null,
        heading: null,
        text: stripMarkup(c.text).text,
        span: { start: position(row, charCount(row.text, c.at) + 1), end: position(row, charCount(row.text, c.at + c.text.length) + 1) },
      },
      lineKind: 'row',
      children: [],
    }));
    children.push({
      node: { kind: 'row', label: null, labelStyle: null, value: null, heading: null, text: null, span: { start: position(row, 1), end: endOf(row) } },
      lineKind: 'row',
      children: cells,
    });
  }
  return {
    node: {
      kind: 'table',
      label: null,
      labelStyle: null,
      value: null,
      heading: null,
      text: null,
      span: { start: position(rows[0]!, 1), end: endOf(rows[rows.length - 1]!) },
    },
    lineKind: 'row',
    children,
    label: null,
    dayKey: false,
  };
}
type RoleRule = Genre['roles'][number];

function matches(rule: RoleRule, unit: Unit, ancestors: readonly (string | null)[], isTask: (u: Unit) => boolean): boolean {
  if (rule.styles && (unit.node.labelStyle === null || !rule.styles.includes(unit.node.labelStyle))) return false;
  if (rule.lineKinds && !rule.lineKinds.includes(unit.lineKind)) return false;
  if (rule.under && !ancestors.includes(rule.under)) return false;
  if (rule.tasks && !isTask(unit)) return false;
  return unit.node.kind !== 'cell' && unit.node.kind !== 'row';
}

/** The genre's first role rule the unit meets: `roles.find` without a closure per unit. */
function ruleFor(genre: Genre, unit: Unit, ancestors: readonly (string | null)[], isTask: (u: Unit) => boolean): RoleRule | undefined {
  for (const rule of genre.roles) if (matches(rule, unit, ancestors, isTask)) return rule;
  return undefined;
}

/** The model's outline: each unit with the role its genre gives it ("section", "conference", "task", "day"). */
export function outlineOfPrevious(
  units: readonly Unit[],
  genre: Genre | null,
  isTask: (u: Unit) => boolean,
  appendixRole: string,
  ancestors: (string | null)[] = [],
): OutlineNode[] {
  // A loop, and no call for a unit without children: most units are leaves.
  const nodes: OutlineNode[] = [];
  for (const unit of units) {
    const rule = genre ? ruleFor(genre, unit, ancestors, isTask) : undefined;
    const role = rule?.role ?? (unit.lineKind === 'appendix' ? appendixRole : null);
    let children: OutlineNode[] = [];
    if (unit.children.length > 0) {
      // One path of roles, pushed and popped on the way down, rather than a copy per node.
      ancestors.push(role);
      children = outlineOfPrevious(unit.children, genre, isTask, appendixRole, ancestors);
      ancestors.pop();
    }
    const { kind, label, labelStyle, value, heading, text, span } = unit.node;
    // Spelt out rather than spread: one shape for every node (and the same key order in the JSON).
    nodes.push({ kind, label, labelStyle, value, heading, text, span, role, children });
  }
  return nodes;
}
