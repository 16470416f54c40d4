import type { WordRun } from '../model/diff.js';
import { foldKey } from '../normalize/fold.js';

export type Op = { op: 'same'; a: number; b: number } | { op: 'removed'; a: number } | { op: 'added'; b: number };

// Above this many cells the quadratic table is not worth it: the changed middle is reported whole.
const MAX_CELLS = 4_000_000;

/**
 * A shortest edit script of a into b from their longest common subsequence. Within each run of
 * changes the removals come before the additions, so "[-old-] {+new+}" reads naturally.
 */
export function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'same', a: i, b: i });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) ops.push({ op: 'removed', a: i });
    for (let j = start; j < endB; j++) ops.push({ op: 'added', b: j });
  } else {
    // suffix[i][j]: LCS length of a[start+i..endA) and b[start+j..endB).
    const w = m + 1;
    const suffix = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        suffix[i * w + j] =
          a[start + i] === b[start + j] ? suffix[(i + 1) * w + j + 1]! + 1 : Math.max(suffix[(i + 1) * w + j]!, suffix[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    const removed: Op[] = [];
    const added: Op[] = [];
    const flush = () => {
      ops.push(...removed, ...added);
      removed.length = 0;
      added.length = 0;
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        flush();
        ops.push({ op: 'same', a: start + i++, b: start + j++ });
      } else if (j >= m || (i < n && suffix[(i + 1) * w + j]! >= suffix[i * w + j + 1]!)) {
        removed.push({ op: 'removed', a: start + i++ });
      } else {
        added.push({ op: 'added', b: start + j++ });
      }
    }
    flush();
  }
  for (let k = 0; endA + k < a.length; k++) ops.push({ op: 'same', a: endA + k, b: endB + k });
  return ops;
}

/** The words of a text: runs of non-spaces, each with its folded key. */
export function words(text: string): { text: string; key: string }[] {
  return (text.match(/\S+/g) ?? []).map((w) => ({ text: w, key: foldKey(w) }));
}

/** Word-level diff of two texts, compared on folded words; consecutive words of one kind merged. */
export function wordDiff(before: string, after: string): WordRun[] {
  const a = words(before);
  const b = words(after);
  const runs: WordRun[] = [];
  for (const op of lcsOps(
    a.map((w) => w.key),
    b.map((w) => w.key),
  )) {
    const text = op.op === 'removed' ? a[op.a]!.text : b[op.b]!.text;
    const last = runs.at(-1);
    if (last && last.op === op.op) last.text += ` ${text}`;
    else runs.push({ op: op.op, text });
  }
  return runs;
}
