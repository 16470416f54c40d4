/**
 * Single property modifiers ([MS-DOC] 2.6): a grpprl is a run of sprms, each a 16-bit code whose
 * top three bits (spra) give the operand's size. Only the properties vanban reads are applied;
 * the rest (indents, spacing, bold …) change nothing in the text.
 */
export interface Sprm {
  code: number;
  /** The operand, without its size prefix for variable-length sprms. */
  operand: Uint8Array;
}

const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_P_CHG_TABS = 0xc615;

/** The sprms of a grpprl; a sprm whose operand runs past the end ends the list. */
export function* sprms(grpprl: Uint8Array): Generator<Sprm> {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const code = grpprl[at]! | (grpprl[at + 1]! << 8);
    at += 2;
    let size: number;
    let skip = 0;
    switch (code >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default: // 6: variable
        if (code === SPRM_T_DEF_TABLE) {
          if (at + 2 > grpprl.length) return;
          size = (grpprl[at]! | (grpprl[at + 1]! << 8)) - 1;
          skip = 2;
        } else if (code === SPRM_P_CHG_TABS && grpprl[at] === 255) {
          return; // a rare layout of tab stops: nothing after it is needed
        } else {
          if (at + 1 > grpprl.length) return;
          size = grpprl[at]!;
          skip = 1;
        }
    }
    if (size < 0 || at + skip + size > grpprl.length) return;
    yield { code, operand: grpprl.subarray(at + skip, at + skip + size) };
    at += skip + size;
  }
}

const u16 = (b: Uint8Array, at = 0) => (b.length >= at + 2 ? b[at]! | (b[at + 1]! << 8) : 0);
const i32 = (b: Uint8Array) => (b.length >= 4 ? b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24) : 0);

export interface ParagraphProperties {
  istd: number;
  /** 1-based index into the list-format overrides; 0 = no list. */
  ilfo?: number;
  ilvl?: number;
  inTable: boolean;
  /** Ends a table row (its mark is the row's end mark). */
  rowEnd: boolean;
  /** Table nesting depth (1 = an outer table). */
  depth: number;
  innerCellEnd: boolean;
  innerRowEnd: boolean;
  /** Word 6/95 automatic numbering (ANLD), which Word 97 shows only for paragraphs without a list. */
  oldNumbering: boolean;
}

export function paragraphProperties(istd: number, grpprls: Uint8Array[]): ParagraphProperties {
  const p: ParagraphProperties = { istd, inTable: false, rowEnd: false, depth: 0, innerCellEnd: false, innerRowEnd: false, oldNumbering: false };
  for (const grpprl of grpprls) applyParagraphSprms(p, grpprl);
  return p;
}

export function applyParagraphSprms(p: ParagraphProperties, grpprl: Uint8Array): void {
  for (const { code, operand } of sprms(grpprl)) {
    switch (code) {
      case 0x4600: // sprmPIstd
        p.istd = u16(operand);
        break;
      case 0x260a: // sprmPIlvl
        p.ilvl = operand[0]!;
        break;
      case 0x460b: // sprmPIlfo
        p.ilfo = (u16(operand) << 16) >> 16;
        break;
      case 0x2416: // sprmPFInTable
        p.inTable = operand[0] !== 0;
        break;
      case 0x2417: // sprmPFTtp
        p.rowEnd = operand[0] !== 0;
        break;
      case 0x6649: // sprmPItap
        p.depth = i32(operand);
        break;
      case 0x664a: // sprmPDtap
        p.depth += i32(operand);
        break;
      case 0x244b: // sprmPFInnerTableCell
        p.innerCellEnd = operand[0] !== 0;
        break;
      case 0x244c: // sprmPFInnerTtp
        p.innerRowEnd = operand[0] !== 0;
        break;
      case 0xc63e: // sprmPAnld80
        p.oldNumbering = true;
        break;
      case 0x240d: // sprmPNLvlAnm: 0 is "not numbered"
        p.oldNumbering = operand[0] !== 0;
        break;
    }
  }
}

export interface CharacterProperties {
  /** Font indexes into the font table: ASCII and "other" (hAnsi, where Vietnamese letters fall). */
  ftcAscii?: number;
  ftcOther?: number;
  /** Character style. */
  istd?: number;
  deleted: boolean;
  inserted: boolean;
  /** The character is a special one (field mark, picture, note reference) rather than text. */
  special: boolean;
  /** sprmCSymbol: the font and character of a symbol (the text holds a placeholder). */
  symbol?: { ftc: number; char: number };
}

export function characterProperties(grpprls: Uint8Array[]): CharacterProperties {
  const c: CharacterProperties = { deleted: false, inserted: false, special: false };
  for (const grpprl of grpprls) applyCharacterSprms(c, grpprl);
  return c;
}

/** A toggle operand: 0 off, 1 on, 0x80 as the style has it (off here), 0x81 the opposite (on). */
const toggle = (b: number | undefined) => b === 1 || b === 0x81;

export function applyCharacterSprms(c: CharacterProperties, grpprl: Uint8Array): void {
  for (const { code, operand } of sprms(grpprl)) {
    switch (code) {
      case 0x4a4f: // sprmCRgFtc0
        c.ftcAscii = u16(operand);
        break;
      case 0x4a51: // sprmCRgFtc2
        c.ftcOther = u16(operand);
        break;
      case 0x4a30: // sprmCIstd
        c.istd = u16(operand);
        break;
      case 0x0800: // sprmCFRMarkDel
        c.deleted = toggle(operand[0]);
        break;
      case 0x0801: // sprmCFRMarkIns
        c.inserted = toggle(operand[0]);
        break;
      case 0x0855: // sprmCFSpec
        c.special = toggle(operand[0]);
        break;
      case 0x6a09: // sprmCSymbol
        c.symbol = { ftc: u16(operand), char: u16(operand, 2) };
        break;
    }
  }
}
