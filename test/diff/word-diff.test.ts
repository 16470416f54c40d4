import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcsOps, wordDiff } from '../../src/diff/word-diff.js';
import { longestIncreasing, mergeOrder } from '../../src/diff/sequence.js';

describe('word diff', () => {
  it('marks the words removed and added, keeping the rest', () => {
    expect(wordDiff('Sơ kết công tác quý I năm 2024.', 'Sơ kết công tác quý II năm 2024 và 2025.')).toEqual([
      { op: 'same', text: 'Sơ kết công tác quý' },
      { op: 'removed', text: 'I' },
      { op: 'added', text: 'II' },
      { op: 'same', text: 'năm' },
      { op: 'removed', text: '2024.' },
      { op: 'added', text: '2024 và 2025.' },
    ]);
  });

  it('compares folded words: case and tone placement are not changes', () => {
    expect(wordDiff('Ban Chấp hành khóa XIV, Tỉnh ủy', 'ban chấp hành khoá XIV, Tỉnh uỷ')).toEqual([{ op: 'same', text: 'ban chấp hành khoá XIV, Tỉnh uỷ' }]);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'a b')).toEqual([{ op: 'added', text: 'a b' }]);
    expect(wordDiff('a b', '')).toEqual([{ op: 'removed', text: 'a b' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  const word = fc.constantFrom('a', 'b', 'c', 'd');
  it('replays both sides and keeps a longest common subsequence', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 12 }), (a, b) => {
        const ops = lcsOps(a, b);
        expect(ops.flatMap((op) => (op.op === 'added' ? [] : [a[op.a]]))).toEqual(a);
        expect(ops.flatMap((op) => (op.op === 'removed' ? [] : [b[op.b]]))).toEqual(b);
        for (const op of ops) if (op.op === 'same') expect(a[op.a]).toBe(b[op.b]);
        expect(ops.filter((op) => op.op === 'same')).toHaveLength(lcsLength(a, b));
      }),
      { numRuns: 200 },
    );
  });
});

describe('sequences', () => {
  it('finds a longest increasing subsequence', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(50), { maxLength: 15 }), (xs) => {
        const at = longestIncreasing(xs);
        const values = at.map((i) => xs[i]!);
        expect([...values].sort((p, q) => p - q)).toEqual(values);
        expect(at).toEqual([...at].sort((p, q) => p - q));
        expect(values.length).toBe(lcsLength(xs.map(String), [...xs].sort((p, q) => p - q).map(String)));
      }),
      { numRuns: 200 },
    );
  });

  it('merges a removed element back where it was', () => {
    // old a b c, new a c: b comes after a.
    expect(mergeOrder(3, 2, (j) => [0, 2][j])).toEqual([{ old: 0, new: 0 }, { old: 1 }, { old: 2, new: 1 }]);
    expect(mergeOrder(1, 2, (j) => [undefined, 0][j])).toEqual([{ new: 0 }, { old: 0, new: 1 }]);
  });
});

function lcsLength(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  }
  return t[a.length]![b.length]!;
}
