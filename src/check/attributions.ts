import type { Programme } from '../model/programme.js';
import type { Position, TextMap } from './locate.js';
import { describeRuns } from './numbering.js';

export type Attribution = Programme['attributions'][number];

/** Where an attribution line writes "(n)", else the line's start. */
export function numberIn(map: TextMap, a: Attribution, n: number): Position {
  const at = map.find(`(${n})`, a.line, map.lineText(a.line).length);
  return map.position(at ?? map.lineStart(a.line));
}

/** "(3)", "(3), (5)", "(7)–(20000)": ranges stay short however many items they cover. */
export function items(numbers: readonly number[]): string {
  const runs: { from: number; to: number }[] = [];
  for (const n of [...new Set(numbers)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.to === n - 1) last.to = n;
    else runs.push({ from: n, to: n });
  }
  return describeRuns(runs, (n) => `(${n})`);
}
