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
 * Pairs what is left by position: between two consecutive anchors (paired elements in the same
 * order on both sides) the unpaired elements are paired in order when both sides have as many.
 * `olds` and `news` are the ids of the two sequences, in order.
 */
export function pairByPosition(p: Pairing, olds: readonly number[], news: readonly number[]): void {
  const newPos = new Map(news.map((id, j) => [id, j]));
  const anchored: { i: number; j: number }[] = [];
  olds.forEach((id, i) => {
    const partner = p.toNew[id];
    const j = partner === undefined ? undefined : newPos.get(partner);
    if (j !== undefined) anchored.push({ i, j });
  });
  const anchors = [{ i: -1, j: -1 }, ...longestIncreasing(anchored.map((a) => a.j)).map((k) => anchored[k]!), { i: olds.length, j: news.length }];
  for (let k = 1; k < anchors.length; k++) {
    const a = anchors[k - 1]!;
    const b = anchors[k]!;
    const freeOld = olds.slice(a.i + 1, b.i).filter((id) => p.toNew[id] === undefined);
    const freeNew = news.slice(a.j + 1, b.j).filter((id) => p.toOld[id] === undefined);
    if (freeOld.length === freeNew.length) freeOld.forEach((id, x) => p.pair(id, freeNew[x]!));
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
