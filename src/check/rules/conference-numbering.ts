import type { Conference, Diagnostic } from '../../model/programme.js';
import type { Position } from '../locate.js';
import { mapOf } from '../locate.js';
import { describeRuns, numberingSlips, type NumberingSlip } from '../numbering.js';
import { finding, type Rule } from '../rule.js';

export const conferenceNumbering: Rule = {
  code: 'conference-numbering',
  severity: 'warning',
  summary: {
    vi: 'số thứ tự hội nghị bị trùng, bị bỏ sót hoặc sai thứ tự',
    en: 'conference numbers duplicated, skipped or out of order',
  },
  check(p, context) {
    const map = mapOf(context);
    // Conferences under each section heading ("I. QUÝ I", "II. QUÝ II") may start again at 1
    // or continue the numbering of the section before.
    const runs: Conference[][] = [];
    for (let cIndex = 0; cIndex < p.conferences.length; cIndex++) {
      const c = p.conferences[cIndex]!;
      const run = runs[runs.length - 1];
      if (run && run[0]!.section === c.section) run.push(c);
      else runs.push([c]);
    }
    let last = 0;
    return runs.flatMap((run) => {
      const slips = numberingSlips(
        run.map((c) => c.ordinal),
        run[0]!.ordinal === 1 ? 0 : last,
      );
      last = run.reduce((max, c) => Math.max(max, c.ordinal), 0);
      return slips.map((slip) => report(this, map.at(run[slip.index]!.line), slip));
    });
  },
};

function report(rule: Rule, at: Position, slip: NumberingSlip): Diagnostic {
  const n = slip.value;
  switch (slip.kind) {
    case 'duplicate':
      return finding(rule, at, `Hội nghị số ${n} trùng số với một hội nghị trước`, `Conference number ${n} is used twice`);
    case 'disorder':
      return finding(rule, at, `Hội nghị số ${n} đứng sau hội nghị số ${slip.after}`, `Conference ${n} comes after conference ${slip.after}`);
    case 'gap':
      return finding(
        rule,
        at,
        `Thiếu hội nghị số ${describeRuns(slip.missing)} trước hội nghị số ${n}`,
        `Conference ${describeRuns(slip.missing)} is missing before conference ${n}`,
      );
  }
}
