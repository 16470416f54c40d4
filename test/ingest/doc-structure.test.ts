import { describe, expect, it } from 'vitest';
import { linesOf, readDocument, type Revision } from '../../src/ingest/ooxml/document.js';
import { Numbering } from '../../src/ingest/ooxml/numbering.js';
import { readStyles } from '../../src/ingest/ooxml/styles.js';
import type { Paragraph } from '../../src/ingest/msdoc/paragraphs.js';
import { characterProperties, paragraphProperties, type CharacterProperties, type ParagraphProperties } from '../../src/ingest/msdoc/sprm.js';
import { bodyXml, numberingXml, stylesXml } from '../../src/ingest/msdoc/to-ooxml.js';
import type { StyleSheet } from '../../src/ingest/msdoc/word.js';
import { legacyFontRuns } from '../../src/normalize/legacy.js';

/**
 * The .doc paragraphs' table marks and revision marks, as the .doc reader hands them to the
 * .docx reader: what LibreOffice's export cannot produce (nested tables, deleted paragraph
 * marks) is built here by hand.
 */
const run = (text: string, chp: Partial<CharacterProperties> = {}) => ({ text, chp: { ...characterProperties([]), ...chp } });
function para(text: string | ReturnType<typeof run>[], pap: Partial<ParagraphProperties> = {}, extra: Partial<Paragraph> = {}): Paragraph {
  return {
    runs: typeof text === 'string' ? [run(text)] : text,
    pap: { ...paragraphProperties(0, []), ...pap },
    mark: characterProperties([]),
    cellMark: false,
    ...extra,
  };
}
const cell = (text: string) => para(text, { inTable: true, depth: 1 }, { cellMark: true });
const rowEnd = () => para('', { inTable: true, depth: 1, rowEnd: true }, { cellMark: true });

function lines(paragraphs: Paragraph[], revision: Revision = 'accepted', lists = numberingXml([], []), sheet: StyleSheet = { styles: [], defaultFtc: null }, fonts: string[] = []): string[] {
  const styles = readStyles(stylesXml(sheet, fonts));
  const numbering = new Numbering(lists);
  numbering.resolveStyleLink = (id) => styles.numberingOf(id)?.numId;
  const read = readDocument(bodyXml(paragraphs, fonts), {
    revision,
    styles,
    numbering,
    ...legacyFontRuns,
    warn: () => {},
  });
  return linesOf(read.blocks);
}

describe('.doc table marks become the tables the .docx reader lays out', () => {
  it('a two-column header table is read column by column', () => {
    const doc = [
      cell('TỈNH ỦY HẬU GIANG'),
      cell('ĐẢNG CỘNG SẢN VIỆT NAM'),
      rowEnd(),
      cell('Số 15-CTr/TU'),
      cell('Hậu Giang, ngày 20 tháng 12 năm 2023'),
      rowEnd(),
      para('CHƯƠNG TRÌNH'),
    ];
    expect(lines(doc)).toEqual(['TỈNH ỦY HẬU GIANG', 'Số 15-CTr/TU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hậu Giang, ngày 20 tháng 12 năm 2023', 'CHƯƠNG TRÌNH']);
  });

  it('a data table is one line per row; a table nested in a cell follows its row', () => {
    const inner = (text: string) => para(text, { inTable: true, depth: 2, innerCellEnd: true });
    const innerRowEnd = () => para('', { inTable: true, depth: 2, innerRowEnd: true });
    const doc = [
      cell('Tháng'),
      cell('Nội dung'),
      cell('Chủ trì'),
      rowEnd(),
      cell('3'),
      para('Sơ kết quý I', { inTable: true, depth: 1 }),
      inner('a'),
      inner('b'),
      innerRowEnd(),
      cell(''),
      cell('Văn phòng'),
      rowEnd(),
    ];
    expect(lines(doc)).toEqual(['Tháng | Nội dung | Chủ trì', '3 | Sơ kết quý I | Văn phòng', 'a | b']);
  });
});

describe('.doc revision marks become the tracked changes of the .docx reader', () => {
  const deletedMark = { mark: { ...characterProperties([]), deleted: true } };

  it('a deleted paragraph mark joins two paragraphs once accepted', () => {
    const doc = [para('Báo cáo ', {}, deletedMark), para('công tác.')];
    expect(lines(doc, 'accepted')).toEqual(['Báo cáo công tác.']);
    expect(lines(doc, 'original')).toEqual(['Báo cáo ', 'công tác.']);
  });

  it('inserted and deleted runs', () => {
    const doc = [para([run('lần thứ '), run('16', { deleted: true }), run('17', { inserted: true })])];
    expect(lines(doc, 'accepted')).toEqual(['lần thứ 17']);
    expect(lines(doc, 'original')).toEqual(['lần thứ 16']);
  });
});

describe('.doc lists go through the .docx numbering counters', () => {
  it('a list override restarts where it is first used; the list keeps counting across overrides', () => {
    const level = { start: 1, nfc: 0, legal: false, noRestart: false, restartLimit: 0, follow: 1, text: '(%1)' };
    const lists = numberingXml([{ lsid: 7, levels: [level], styles: [0x0fff] }], [
      { lsid: 7, levels: [] },
      { lsid: 7, levels: [{ ilvl: 0, start: 1 }] },
    ]);
    const item = (text: string, ilfo: number) => para(text, { ilfo, ilvl: 0 });
    const doc = [item('a', 1), item('b', 1), item('c', 2), item('d', 2), item('e', 1), para('f', { ilfo: 2047 })];
    expect(lines(doc, 'accepted', lists)).toEqual(['(1) a', '(2) b', '(1) c', '(2) d', '(3) e', 'f']);
  });
});

describe('.doc paragraph styles carry numbering and fonts', () => {
  // sprmPIlfo 1, sprmPIlvl 0; sprmCRgFtc0 and sprmCRgFtc2 = font 1.
  const numbered = Uint8Array.from([0x0b, 0x46, 1, 0, 0x0a, 0x26, 0]);
  const vnTimeH = Uint8Array.from([0x4f, 0x4a, 1, 0, 0x51, 0x4a, 1, 0]);
  const sheet: StyleSheet = {
    styles: [
      { istd: 0, kind: 'paragraph', name: 'Normal', sti: 0 },
      { istd: 1, kind: 'paragraph', name: 'heading 1', sti: 1, basedOn: 0, papx: numbered, chpx: vnTimeH },
    ],
    defaultFtc: { ascii: 0, other: 0 },
  };
  const fonts = ['Times New Roman', '.VnTimeH'];
  const lists = numberingXml([{ lsid: 3, levels: [{ start: 1, nfc: 1, legal: false, noRestart: false, restartLimit: 0, follow: 1, text: '%1.' }], styles: [0x0fff] }], [
    { lsid: 3, levels: [] },
  ]);

  it('a Heading 1 numbered by its style, in .VnTimeH: Roman numbers and TCVN3 capitals', () => {
    const doc = [para('môc ®Ých, yªu cÇu', { istd: 1 }), para('Văn bản thường.'), para('néi dung vµ thêi gian', { istd: 1 })];
    expect(lines(doc, 'accepted', lists, sheet, fonts)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'Văn bản thường.', 'II. NỘI DUNG VÀ THỜI GIAN']);
  });
});
