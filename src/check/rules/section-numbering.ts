import { ordinalValue, toRoman } from '../../recognise/numbers.js';
import { mapOf } from '../locate.js';
import { describeRuns, numberingSlips } from '../numbering.js';
import { finding, type Rule } from '../rule.js';

export const sectionNumbering: Rule = {
  code: 'section-numbering',
  severity: 'warning',
  summary: {
    vi: 'số La Mã của các phần (I, II, III…) bị trùng, bị bỏ sót hoặc sai thứ tự',
    en: 'section numerals (I, II, III…) duplicated, skipped or out of order',
  },
  check(p, context) {
    const map = mapOf(context);
    // Labels that are not numerals ("Phần thứ nhất") are left out of the sequence.
    return numberingSlips(p.sections.map((s) => ordinalValue(s.label))).map((slip) => {
      const section = p.sections[slip.index]!;
      const at = map.at(section.line);
      const n = section.label;
      switch (slip.kind) {
        case 'duplicate':
          return finding(this, at, `Phần ${n} trùng số với một phần trước`, `Section ${n} is numbered twice`);
        case 'disorder':
          return finding(this, at, `Phần ${n} đứng sau phần ${toRoman(slip.after)}`, `Section ${n} comes after section ${toRoman(slip.after)}`);
        case 'gap':
          return finding(
            this,
            at,
            `Thiếu phần ${describeRuns(slip.missing, toRoman)} trước phần ${n}`,
            `Section ${describeRuns(slip.missing, toRoman)} is missing before section ${n}`,
          );
      }
    });
  },
};
