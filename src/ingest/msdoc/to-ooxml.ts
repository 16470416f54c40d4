import type { XmlElement, XmlNode } from '../ooxml/xml.js';
import type { Paragraph } from './paragraphs.js';
import { characterProperties, paragraphProperties, type CharacterProperties } from './sprm.js';
import type { List, ListLevel, ListOverride, StyleSheet } from './word.js';

/**
 * What the .doc holds, written as the WordprocessingML elements the .docx reader consumes
 * (w:body, w:numbering, w:styles), so that a .doc and a .docx go through one reader: the same
 * numbering counters, legacy-font conversion, table layout and tracked-change views.
 */
const el = (name: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement => ({ name, attrs, children });
const valued = (name: string, value: string | number) => el(name, { 'w:val': String(value) });

export interface DocParts {
  body: XmlElement;
  numbering: XmlElement;
  styles: XmlElement;
}

/** Word's number formats (nfc) by their WordprocessingML names; others are shown as decimal. */
const NUMBER_FORMATS: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  5: 'ordinal',
  22: 'decimalZero',
  23: 'bullet',
  255: 'none',
};
const SUFFIXES = ['tab', 'space', 'nothing'];
/** sprmPIlfo 2047 (0x07FF) means "numbering removed" on a paragraph whose style has some. */
const NO_LIST = 2047;

export const styleId = (istd: number) => `s${istd}`;

export function numberingXml(lists: List[], overrides: ListOverride[]): XmlElement {
  const children: XmlElement[] = [];
  for (const list of lists) {
    children.push(
      el(
        'w:abstractNum',
        { 'w:abstractNumId': String(list.lsid) },
        list.levels.map((level, ilvl) => levelXml(level, ilvl, list.styles[ilvl])),
      ),
    );
  }
  overrides.forEach((lfo, k) => {
    const levels = lfo.levels.map((o) =>
      el('w:lvlOverride', { 'w:ilvl': String(o.ilvl) }, [
        ...(o.start !== undefined ? [valued('w:startOverride', o.start)] : []),
        ...(o.level ? [levelXml(o.level, o.ilvl, undefined)] : []),
      ]),
    );
    children.push(el('w:num', { 'w:numId': String(k + 1) }, [valued('w:abstractNumId', lfo.lsid), ...levels]));
  });
  return el('w:numbering', {}, children);
}

function levelXml(level: ListLevel, ilvl: number, istd: number | undefined): XmlElement {
  return el('w:lvl', { 'w:ilvl': String(ilvl) }, [
    valued('w:start', level.start),
    valued('w:numFmt', NUMBER_FORMATS[level.nfc] ?? `nfc${level.nfc}`),
    valued('w:lvlText', level.text),
    ...(level.noRestart ? [valued('w:lvlRestart', level.restartLimit)] : []),
    ...(level.legal ? [el('w:isLgl')] : []),
    valued('w:suff', SUFFIXES[level.follow] ?? 'tab'),
    ...(istd !== undefined && istd !== 0x0fff ? [valued('w:pStyle', styleId(istd))] : []),
  ]);
}

export function stylesXml(sheet: StyleSheet, fonts: string[]): XmlElement {
  const children: XmlElement[] = [];
  if (sheet.defaultFtc) {
    const rFonts = fontsXml({ ftcAscii: sheet.defaultFtc.ascii, ftcOther: sheet.defaultFtc.other, deleted: false, inserted: false, special: false }, fonts);
    if (rFonts) children.push(el('w:docDefaults', {}, [el('w:rPrDefault', {}, [el('w:rPr', {}, [rFonts])])]));
  }
  for (const style of sheet.styles) {
    const parts: XmlElement[] = [];
    if (style.basedOn !== undefined) parts.push(valued('w:basedOn', styleId(style.basedOn)));
    if (style.papx) {
      const pap = paragraphProperties(style.istd, [style.papx]);
      const numPr = numPrXml(pap.ilfo, pap.ilvl);
      if (numPr) parts.push(el('w:pPr', {}, [numPr]));
    }
    if (style.chpx) {
      const rFonts = fontsXml(characterProperties([style.chpx]), fonts);
      if (rFonts) parts.push(el('w:rPr', {}, [rFonts]));
    }
    const attrs: Record<string, string> = { 'w:type': style.kind, 'w:styleId': styleId(style.istd) };
    if (style.istd === 0) attrs['w:default'] = '1';
    children.push(el('w:style', attrs, [valued('w:name', style.name), ...parts]));
  }
  return el('w:styles', {}, children);
}

function numPrXml(ilfo: number | undefined, ilvl: number | undefined): XmlElement | null {
  if (ilfo === undefined) return ilvl === undefined ? null : el('w:numPr', {}, [valued('w:ilvl', ilvl)]);
  const numId = ilfo <= 0 || ilfo === NO_LIST ? '0' : String(ilfo);
  return el('w:numPr', {}, [...(ilvl !== undefined ? [valued('w:ilvl', ilvl)] : []), valued('w:numId', numId)]);
}

function fontsXml(chp: CharacterProperties, fonts: string[]): XmlElement | null {
  const attrs: Record<string, string> = {};
  const ascii = chp.ftcAscii === undefined ? undefined : fonts[chp.ftcAscii];
  const other = chp.ftcOther === undefined ? undefined : fonts[chp.ftcOther];
  if (ascii) attrs['w:ascii'] = ascii;
  if (other) attrs['w:hAnsi'] = other;
  return Object.keys(attrs).length ? el('w:rFonts', attrs) : null;
}

/** The body: paragraphs, and tables rebuilt from the table marks of their paragraphs. */
export function bodyXml(paragraphs: Paragraph[], fonts: string[]): XmlElement {
  const body = el('w:body');
  // Open tables, outermost first: each with its rows, the row being filled and its cell.
  const open: Array<{ table: XmlElement; row: XmlElement; cell: XmlElement }> = [];
  const container = () => (open.length ? open[open.length - 1]!.cell : body);
  const openTable = () => {
    const cell = el('w:tc');
    const row = el('w:tr', {}, [cell]);
    const table = el('w:tbl', {}, []);
    container().children.push(table);
    open.push({ table, row, cell });
  };
  const closeTable = () => {
    const top = open.pop()!;
    if (top.row.children.some((c) => typeof c !== 'string' && c.children.length > 0)) top.table.children.push(top.row);
  };

  for (const p of paragraphs) {
    const depth = p.pap.inTable ? Math.max(1, p.pap.depth) : 0;
    while (open.length > depth) closeTable();
    while (open.length < depth) openTable();
    const rowEnd = depth === 0 ? false : depth === 1 ? p.pap.rowEnd : p.pap.innerRowEnd;
    if (rowEnd) {
      // The row-end mark carries no text; the row is done, and a new one begins.
      const top = open[open.length - 1]!;
      const cells = top.row.children.filter((c): c is XmlElement => typeof c !== 'string');
      const last = cells[cells.length - 1];
      if (last && last.children.length === 0) top.row.children.pop();
      top.table.children.push(top.row);
      top.cell = el('w:tc');
      top.row = el('w:tr', {}, [top.cell]);
      continue;
    }
    container().children.push(paragraphXml(p, fonts));
    if (p.boxes) container().children.push(...bodyXml(p.boxes, fonts).children);
    const cellEnd = depth === 1 ? p.cellMark : depth > 1 && p.pap.innerCellEnd;
    if (cellEnd) {
      const top = open[open.length - 1]!;
      top.cell = el('w:tc');
      top.row.children.push(top.cell);
    }
  }
  while (open.length) closeTable();
  return body;
}

function paragraphXml(p: Paragraph, fonts: string[]): XmlElement {
  const pPr: XmlElement[] = [valued('w:pStyle', styleId(p.pap.istd))];
  const numPr = numPrXml(p.pap.ilfo, p.pap.ilvl);
  if (numPr) pPr.push(numPr);
  if (p.mark.deleted) pPr.push(el('w:rPr', {}, [el('w:del')]));
  else if (p.mark.inserted) pPr.push(el('w:rPr', {}, [el('w:ins')]));
  const children: XmlNode[] = [el('w:pPr', {}, pPr)];
  for (const run of p.runs) {
    const rPr: XmlElement[] = [];
    if (run.chp.istd !== undefined && run.chp.istd !== 10) rPr.push(valued('w:rStyle', styleId(run.chp.istd)));
    const rFonts = fontsXml(run.chp, fonts);
    if (rFonts) rPr.push(rFonts);
    const deleted = run.chp.deleted;
    const r = el('w:r', {}, [el('w:rPr', {}, rPr), el(deleted ? 'w:delText' : 'w:t', {}, [run.text])]);
    if (deleted) children.push(el('w:del', {}, [r]));
    else if (run.chp.inserted) children.push(el('w:ins', {}, [r]));
    else children.push(r);
  }
  return el('w:p', {}, children);
}
