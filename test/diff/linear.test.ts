import { describe, expect, it } from 'vitest';
import { drafts } from '../../scripts/diff-drafts.mjs';
import { diffProgrammes } from '../../src/diff/changes.js';
import { meter } from '../../src/meter.js';
import { parse } from '../../src/parse.js';

/** The work (counted, not timed) of diffing two drafts of a shape, and the changes by type. */
function work(shape: 'items' | 'conferences', n: number): { units: number; changes: Record<string, number>; expected: Record<string, number> } {
  const d = drafts(shape, n);
  const [old, neu] = [parse(d.old), parse(d.neu)];
  meter.units = 0;
  const changes: Record<string, number> = {};
  for (const c of diffProgrammes(old, neu).changes) changes[c.type] = (changes[c.type] ?? 0) + 1;
  return { units: meter.units, changes, expected: d.expected };
}

// Near-linear: each element is looked up and scored a bounded number of times (candidates.ts), and
// the order checks cost a logarithm; 2× the input may cost 2.5× the work, 4× at most 5×. Scoring
// every pair, as the first version did, costs 4× for 2× the items.
describe('diff work grows near-linearly with the drafts', () => {
  it('one conference of 1,000, 2,000 and 4,000 reworded items: each item one edit', () => {
    const [w1, w2, w4] = [1000, 2000, 4000].map((n) => work('items', n));
    expect(w1!.units).toBeGreaterThan(0);
    expect(w2!.units / w1!.units).toBeLessThanOrEqual(2.5);
    expect(w4!.units / w2!.units).toBeLessThanOrEqual(2.5);
    for (const [w, n] of [[w1, 1000], [w2, 2000], [w4, 4000]] as const) expect(w!.changes).toEqual({ edited: n });
  });

  it('1,000 and 4,000 conferences, edited here and there: the edits found', () => {
    const [w1, w4] = [1000, 4000].map((n) => work('conferences', n));
    expect(w4!.units / w1!.units).toBeLessThanOrEqual(5);
    expect(w1!.changes).toEqual(w1!.expected);
  });
});
