import { child, childrenNamed, isOn, val, type XmlElement } from './xml.js';
import { toRoman } from '../../recognise/numbers.js';

/**
 * Word's automatic numbering, recomputed the way Word displays it: the label text lives only in
 * numbering.xml (w:lvlText "%1.", "(%1)" …), the number only in the order of the paragraphs.
 *
 * Counters belong to the abstract definition, so paragraphs of two w:num instances of one
 * abstractNum share one sequence — unless an instance overrides a level's start
 * (w:lvlOverride/w:startOverride), which restarts that level where the instance is first used.
 */
interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level whose use restarts this one; 0 never; undefined = any shallower level. */
  restart?: number;
  isLegal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  pStyle?: string;
}

interface NumInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

/** In English and Vietnamese; what it returns is a position mark for the paragraph (see ../marks.ts). */
export type NumberingWarning = (message: string, messageVi: string) => string | void;

/** A real label template is a few characters ("%1.", "(%1)", "Điều %1."); longer ones are cut. */
export const MAX_LEVEL_TEXT = 64;
/** Letter labels repeat the letter (AA, AAA…): past this many letters the number is shown in digits. */
export const MAX_LETTERS = 10;
/** Word stores counters as 32-bit integers; a start outside them is not a number Word shows. */
const MAX_COUNTER = 2 ** 31 - 1;

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  /** abstractNumId → counters by level (undefined = not yet used since the last restart). */
  private readonly counters = new Map<string, Array<number | undefined>>();
  /** "numId/level" pairs whose start override has been applied. */
  private readonly overridden = new Set<string>();
  private readonly warned = new Set<string>();
  private marks = '';
  /** abstractNum → the numbering style it links to (w:numStyleLink). */
  private readonly styleLinks = new Map<string, string>();
  /** Set by the reader once styles are known: numbering style id → numId. */
  resolveStyleLink: (styleId: string) => string | undefined = () => undefined;

  constructor(root: XmlElement | null, private readonly warn: NumberingWarning = () => {}) {
    if (!root) return;
    for (const abstract of childrenNamed(root, 'w:abstractNum')) {
      const id = abstract.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of childrenNamed(abstract, 'w:lvl')) {
        const ilvl = toInt(lvl.attrs['w:ilvl']);
        if (ilvl !== undefined && ilvl >= 0 && ilvl <= 8) levels.set(ilvl, this.readLevel(lvl));
      }
      this.abstracts.set(id, levels);
      const link = val(abstract, 'w:numStyleLink');
      if (link) this.styleLinks.set(id, link);
    }
    for (const num of childrenNamed(root, 'w:num')) {
      const id = num.attrs['w:numId'];
      const abstractId = val(num, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const startOverrides = new Map<number, number>();
      const levelOverrides = new Map<number, Level>();
      for (const override of childrenNamed(num, 'w:lvlOverride')) {
        const ilvl = toInt(override.attrs['w:ilvl']);
        if (ilvl === undefined) continue;
        const start = this.counterValue(val(override, 'w:startOverride'));
        if (start !== undefined) startOverrides.set(ilvl, start);
        const lvl = child(override, 'w:lvl');
        if (lvl) {
          const level = this.readLevel(lvl);
          levelOverrides.set(ilvl, level);
          if (start === undefined && child(lvl, 'w:start')) startOverrides.set(ilvl, level.start);
        }
      }
      this.nums.set(id, { abstractId, startOverrides, levelOverrides });
    }
  }

  /**
   * The abstractNum that really holds the levels of `abstractId`: one that only links to a
   * numbering style takes them from the abstractNum that style's own w:num points at.
   */
  private levelsOf(abstractId: string): { id: string; levels: Map<number, Level> } | undefined {
    const link = this.styleLinks.get(abstractId);
    if (link) {
      const numId = this.resolveStyleLink(link);
      const target = numId === undefined ? undefined : this.nums.get(numId);
      const levels = target && this.abstracts.get(target.abstractId);
      if (target && levels && levels.size > 0) return { id: target.abstractId, levels };
    }
    const levels = this.abstracts.get(abstractId);
    return levels ? { id: abstractId, levels } : undefined;
  }

  /** The level a style-numbered paragraph sits on when its numPr names no w:ilvl. */
  levelForStyle(numId: string, styleId: string | undefined): number | undefined {
    const num = this.nums.get(numId);
    const found = num && this.levelsOf(num.abstractId);
    if (!found || styleId === undefined) return undefined;
    for (const [ilvl, level] of found.levels) if (level.pStyle === styleId) return ilvl;
    return undefined;
  }

  /**
   * Advances the counters for one numbered paragraph and returns the label Word shows before it
   * ("3.", "(2)", "II.", "- " for bullets), or null when the numbering reference is dangling.
   */
  next(numId: string, ilvl: number): string | null {
    if (numId === '0') return null; // numId 0 means "numbering removed"
    const num = this.nums.get(numId);
    const found = num && this.levelsOf(num.abstractId);
    if (!num || !found) {
      this.warnOnce(
        `numbering ${numId} is not defined in numbering.xml; its labels are left out`,
        `kiểu đánh số ${numId} không được định nghĩa trong numbering.xml; các số thứ tự của nó đã bị bỏ qua`,
      );
      return null;
    }
    const level = Math.min(Math.max(ilvl, 0), 8);
    const levelDef = (k: number): Level | undefined => num.levelOverrides.get(k) ?? found.levels.get(k);
    const current = levelDef(level);
    if (!current) {
      this.warnOnce(`numbering ${numId} has no level ${level}; its labels are left out`, `kiểu đánh số ${numId} không có cấp ${level}; các số thứ tự của nó đã bị bỏ qua`);
      return null;
    }

    let counters = this.counters.get(found.id);
    if (!counters) this.counters.set(found.id, (counters = new Array<number | undefined>(9).fill(undefined)));

    const override = num.startOverrides.get(level);
    const key = `${numId}/${level}`;
    if (override !== undefined && !this.overridden.has(key)) {
      this.overridden.add(key);
      counters[level] = override;
    } else {
      counters[level] = counters[level] === undefined ? current.start : counters[level]! + 1;
    }
    // Using a level restarts the deeper ones (unless their w:lvlRestart says otherwise).
    for (let deeper = level + 1; deeper <= 8; deeper++) {
      const restart = levelDef(deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || level + 1 <= restart) counters[deeper] = undefined;
    }

    if (current.format === 'bullet') return '- ';
    if (current.format === 'none') return '';
    const label = current.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const def = levelDef(k);
      const value = counters![k] ?? def?.start ?? 1;
      const format = current.isLegal && k < level ? 'decimal' : (def?.format ?? 'decimal');
      return this.format(value, format);
    });
    return current.suffix === 'nothing' ? label : `${label} `;
  }

  private format(value: number, format: string): string {
    switch (format) {
      case 'decimal':
        return String(value);
      case 'decimalZero':
        return value < 10 ? `0${value}` : String(value);
      case 'upperRoman':
        return roman(value);
      case 'lowerRoman':
        return roman(value).toLowerCase();
      case 'upperLetter':
        return this.letters(value);
      case 'lowerLetter':
        return this.letters(value).toLowerCase();
      case 'ordinal':
        return `${value}.`;
      case 'none':
        return '';
      default:
        this.warnOnce(`numbering format "${format}" is shown as decimal`, `định dạng đánh số "${format}" được hiển thị bằng chữ số`);
        return String(value);
    }
  }

  /** Word's letter numbering: A…Z, then AA…ZZ, AAA… (the letter repeated, not base 26). */
  private letters(value: number): string {
    if (value <= 0) return String(value);
    const repeat = Math.floor((value - 1) / 26) + 1;
    if (repeat > MAX_LETTERS) {
      this.warnOnce(`letter numbering past ${26 * MAX_LETTERS} is shown in digits`, `đánh số bằng chữ cái quá ${26 * MAX_LETTERS} được hiển thị bằng chữ số`);
      return String(value);
    }
    return String.fromCharCode(65 + ((value - 1) % 26)).repeat(repeat);
  }

  private readLevel(lvl: XmlElement): Level {
    const suffix = val(lvl, 'w:suff');
    const restart = toInt(val(lvl, 'w:lvlRestart'));
    let text = val(lvl, 'w:lvlText') ?? '';
    if (text.length > MAX_LEVEL_TEXT) {
      this.warnOnce(
        `a numbering label longer than ${MAX_LEVEL_TEXT} characters was cut to its first ${MAX_LEVEL_TEXT}`,
        `một mẫu số thứ tự dài quá ${MAX_LEVEL_TEXT} ký tự đã bị cắt còn ${MAX_LEVEL_TEXT} ký tự đầu`,
      );
      text = text.slice(0, MAX_LEVEL_TEXT);
    }
    return {
      start: this.counterValue(val(lvl, 'w:start')) ?? 0,
      format: val(lvl, 'w:numFmt') ?? 'decimal',
      text,
      ...(restart !== undefined ? { restart } : {}),
      isLegal: isOn(child(lvl, 'w:isLgl')),
      suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
      ...(val(lvl, 'w:pStyle') !== undefined ? { pStyle: val(lvl, 'w:pStyle')! } : {}),
    };
  }

  /** A w:start or w:startOverride; one outside Word's 32-bit counters is ignored, with a warning. */
  private counterValue(raw: string | undefined): number | undefined {
    const value = toInt(raw);
    if (value === undefined || Math.abs(value) <= MAX_COUNTER) return value;
    const start = raw!.trim().slice(0, 20);
    this.warnOnce(`a numbering start of ${start} is out of range and was ignored`, `giá trị bắt đầu đánh số ${start} vượt quá giới hạn và đã bị bỏ qua`);
    return undefined;
  }

  private warnOnce(message: string, messageVi: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.marks += this.warn(message, messageVi) ?? '';
  }

  /** Position marks of the warnings since the last call, for the reader to put before the paragraph. */
  takeMarks(): string {
    const marks = this.marks;
    this.marks = '';
    return marks;
  }
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Word shows numbers outside 1…3999 in digits even in a Roman list. */
function roman(value: number): string {
  return value <= 0 || value >= 4000 ? String(value) : toRoman(value);
}
