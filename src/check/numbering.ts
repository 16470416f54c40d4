/** A break in a sequence that should run 1, 2, 3, …: at `index` of the sequence. */
export type NumberingSlip =
  | { index: number; kind: 'duplicate'; value: number }
  | { index: number; kind: 'disorder'; value: number; after: number }
  | { index: number; kind: 'gap'; value: number; missing: { from: number; to: number }[] };

/**
 * Duplicates, numbers out of order, and numbers skipped, in a sequence that should continue
 * from `after`. A number that appears later is not
 * "missing" where it should have been: that is one disorder, not a gap plus a disorder.
 */
export function numberingSlips(numbers: readonly (number | null)[], after = 0): NumberingSlip[] {
  const all = new Set(numbers.filter((n): n is number => n !== null));
  const seen = new Set<number>();
  const slips: NumberingSlip[] = [];
  let max = after;
  numbers.forEach((n, index) => {
    if (n === null) return;
    if (seen.has(n)) slips.push({ index, kind: 'duplicate', value: n });
    else if (n < max) slips.push({ index, kind: 'disorder', value: n, after: max });
    else if (n > max + 1) {
      const missing: { from: number; to: number }[] = [];
      for (let k = max + 1; k < n; k++) {
        if (all.has(k)) continue;
        const run = missing[missing.length - 1];
        if (run && run.to === k - 1) run.to = k;
        else missing.push({ from: k, to: k });
      }
      if (missing.length > 0) slips.push({ index, kind: 'gap', value: n, missing });
    }
    seen.add(n);
    max = Math.max(max, n);
  });
  return slips;
}

/** "3", "3–5", "3, 7–9", each number shown by `show`. */
export function describeRuns(runs: readonly { from: number; to: number }[], show: (n: number) => string = String): string {
  return runs.map((r) => (r.from === r.to ? show(r.from) : `${show(r.from)}–${show(r.to)}`)).join(', ');
}
