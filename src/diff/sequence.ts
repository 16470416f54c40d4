import { tick } from '../meter.js';

/** Positions (indices into `values`) of one longest strictly increasing subsequence. */
export function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest end of an increasing run of length k+1
  const previous: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) out.push(i);
  return out.reverse();
}

/** A one-to-one pairing between the elements of an old and a new sequence. */
export class Pairing {
  readonly toNew: (number | undefined)[];
  readonly toOld: (number | undefined)[];

  constructor(oldCount: number, newCount: number) {
    this.toNew = new Array(oldCount).fill(undefined);
    this.toOld = new Array(newCount).fill(undefined);
  }

  pair(o: number, n: number): void {
    this.toNew[o] = n;
    this.toOld[n] = o;
  }

  free(o: number, n: number): boolean {
    return this.toNew[o] === undefined && this.toOld[n] === undefined;
  }
}

/**
 * For two sequences paired in part (ids in order), the free elements between consecutive anchors
 * (pairs kept in the same order on both sides): where the unpaired ones can only go.
 */
export function gaps(p: Pairing, olds: readonly number[], news: readonly number[]): { olds: number[]; news: number[] }[] {
  const newPos = new Map(news.map((id, j) => [id, j]));
  const anchored: { i: number; j: number }[] = [];
  olds.forEach((id, i) => {
    const partner = p.toNew[id];
    const j = partner === undefined ? undefined : newPos.get(partner);
    if (j !== undefined) anchored.push({ i, j });
  });
  tick(olds.length + news.length);
  const anchors = [{ i: -1, j: -1 }, ...longestIncreasing(anchored.map((a) => a.j)).map((k) => anchored[k]!), { i: olds.length, j: news.length }];
  const out: { olds: number[]; news: number[] }[] = [];
  for (let k = 1; k < anchors.length; k++) {
    const a = anchors[k - 1]!;
    const b = anchors[k]!;
    const freeOld = olds.slice(a.i + 1, b.i).filter((id) => p.toNew[id] === undefined);
    const freeNew = news.slice(a.j + 1, b.j).filter((id) => p.toOld[id] === undefined);
    if (freeOld.length || freeNew.length) out.push({ olds: freeOld, news: freeNew });
  }
  return out;
}

/**
 * Pairs what is left by position: between two consecutive anchors the unpaired elements are
 * paired in order when both sides have as many. `olds` and `news` are the ids of the two
 * sequences, in order.
 */
export function pairByPosition(p: Pairing, olds: readonly number[], news: readonly number[]): void {
  for (const gap of gaps(p, olds, news)) if (gap.olds.length === gap.news.length) gap.olds.forEach((id, x) => p.pair(id, gap.news[x]!));
}

/**
 * The pairs taken so far between two sequences, as (old place, new place), asked whether another
 * pair would cross one of them: the largest new place before an old place and the smallest after
 * it, each a Fenwick tree, so that asking costs a logarithm and not a pass over the sequence.
 */
export class Crossings {
  private readonly before: Int32Array;
  private readonly after: Int32Array;

  constructor(private readonly size: number) {
    this.before = new Int32Array(size + 1).fill(-1);
    this.after = new Int32Array(size + 1).fill(0x7fffffff);
  }

  add(i: number, j: number): void {
    for (let k = i + 1; k <= this.size; k += k & -k) this.before[k] = Math.max(this.before[k]!, j);
    for (let k = this.size - i; k <= this.size; k += k & -k) this.after[k] = Math.min(this.after[k]!, j);
  }

  /** True when (i, j) keeps the order of every pair taken: before i only places before j, after it only after. */
  fits(i: number, j: number): boolean {
    let most = -1;
    for (let k = i; k > 0; k -= k & -k) most = Math.max(most, this.before[k]!);
    let least = 0x7fffffff;
    for (let k = this.size - i - 1; k > 0; k -= k & -k) least = Math.min(least, this.after[k]!);
    tick();
    return most < j && least > j;
  }
}

/**
 * The two sequences merged into one reading order: every new element in order, each element of
 * the old one that has no local partner placed after the old element before it.
 */
export function mergeOrder(oldCount: number, newCount: number, localOld: (j: number) => number | undefined): { old?: number; new?: number }[] {
  const out: { old?: number; new?: number }[] = [];
  const partnered = new Set<number>();
  for (let j = 0; j < newCount; j++) {
    const i = localOld(j);
    if (i !== undefined) partnered.add(i);
  }
  let next = 0; // next old element not yet placed
  const flushUntil = (limit: number) => {
    for (; next < limit; next++) if (!partnered.has(next)) out.push({ old: next });
  };
  for (let j = 0; j < newCount; j++) {
    const i = localOld(j);
    if (i !== undefined && i >= next) {
      flushUntil(i);
      next = i + 1;
    }
    out.push(i === undefined ? { new: j } : { old: i, new: j });
  }
  flushUntil(oldCount);
  return out;
}
