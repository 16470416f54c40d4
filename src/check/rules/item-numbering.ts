import { mapOf } from '../locate.js';
import { describeRuns, numberingSlips } from '../numbering.js';
import { finding, type Rule } from '../rule.js';

const item = (n: number) => `(${n})`;

/** Whether the items run 1, 2, 3, … with nothing missing, repeated or out of order. */
function numberedInOrder(items: readonly { number: number }[]): boolean {
  for (let k = 0; k < items.length; k++) if (items[k]!.number !== k + 1) return false;
  return true;
}

export const itemNumbering: Rule = {
  code: 'item-numbering',
  severity: 'warning',
  summary: {
    vi: 'số thứ tự các mục trong một hội nghị bị trùng, bị bỏ sót hoặc sai thứ tự',
    en: "item numbers within a conference duplicated, skipped or out of order",
  },
  check(p, context) {
    const map = mapOf(context);
    return p.conferences.flatMap((c) =>
      // Items numbered (1), (2), (3)… in order have no slip: no list to build for them.
      numberedInOrder(c.items) ? [] : numberingSlips(c.items.map((i) => i.number)).map((slip) => {
        const at = map.at(c.items[slip.index]!.line);
        const n = item(slip.value);
        switch (slip.kind) {
          case 'duplicate':
            return finding(this, at, `Hội nghị ${c.ordinal}: mục ${n} trùng số với một mục trước`, `Conference ${c.ordinal}: item ${n} is numbered twice`);
          case 'disorder':
            return finding(
              this,
              at,
              `Hội nghị ${c.ordinal}: mục ${n} đứng sau mục ${item(slip.after)}`,
              `Conference ${c.ordinal}: item ${n} comes after item ${item(slip.after)}`,
            );
          case 'gap':
            return finding(
              this,
              at,
              `Hội nghị ${c.ordinal}: thiếu mục ${describeRuns(slip.missing, item)} trước mục ${n}`,
              `Conference ${c.ordinal}: item ${describeRuns(slip.missing, item)} is missing before item ${n}`,
            );
        }
      }),
    );
  },
};
