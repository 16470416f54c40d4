import { tick } from '../meter.js';
import { gaps, type Pairing } from './sequence.js';
import { bigrams, dice } from './similarity.js';

/** What the fuzzy pairing compares: an element's place in its sequence and its folded text. */
export interface Keyed {
  flat: number;
  key: string;
}

// Bounds that keep the pairing near-linear, whatever the drafts look like: an element is looked up
// by each of its words (and pairs of words, and citation ids) among the new elements holding it,
// but only at the NEAR of those nearest its own place; it is scored against the SHORTLIST new
// elements that share most (rarest first) and, inside a paired sequence, against its BAND nearest
// neighbours on each side of its place between the pairs already taken. Work is thus at most
// NEAR per word and SHORTLIST + 2·BAND + 1 scores per element. An element that finds no partner
// this way is reported as removed, and its partner as added.
export const NEAR = 16;
export const SHORTLIST = 8;
export const BAND = 4;

/**
 * The new elements an old one may be paired with, found through an index of the words they
 * share, and their similarity, each element's character bigrams being computed once.
 */
export class Matcher<T extends Keyed> {
  private readonly grams = new Map<T, Uint32Array>();
  private readonly postings = new Map<string, T[]>();
  private readonly tokensOf = new Map<T, string[]>();
  /** New places per old place, to look for an old element's partner near the same place. */
  private readonly scale: number;

  /** Indexes the new elements `p` leaves unpaired: exact pairs come first and need no index. */
  constructor(
    p: Pairing,
    olds: readonly T[],
    news: readonly T[],
    private readonly extra: (x: T) => readonly string[] = () => [],
  ) {
    this.scale = news.length / Math.max(1, olds.length);
    for (const n of news) {
      if (p.toOld[n.flat] !== undefined) continue;
      for (const t of this.tokens(n)) {
        const list = this.postings.get(t);
        if (list) list.push(n);
        else this.postings.set(t, [n]);
      }
    }
  }

  score(o: T, n: T): number {
    if (o.key === n.key) return 1;
    return dice(this.gramsOf(o), this.gramsOf(n));
  }

  /**
   * The free new elements that share most words with `o`, among those `allowed`: each shared word
   * weighs the less the more elements hold it, and only the NEAR holders nearest the place of `o`
   * are looked at.
   */
  shortlist(o: T, p: Pairing, allowed: (n: T) => boolean): T[] {
    const shared = new Map<T, number>();
    const place = o.flat * this.scale;
    for (const t of this.tokens(o)) {
      const list = this.postings.get(t);
      if (!list) continue;
      const weight = 1 / list.length;
      const to = Math.min(list.length, Math.max(NEAR, firstAtOrAfter(list, place) + NEAR / 2));
      for (let k = Math.max(0, to - NEAR); k < to; k++) {
        const n = list[k]!;
        tick();
        if (p.toOld[n.flat] === undefined && allowed(n)) shared.set(n, (shared.get(n) ?? 0) + weight);
      }
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1] || Math.abs(a[0].flat - place) - Math.abs(b[0].flat - place))
      .slice(0, SHORTLIST)
      .map(([n]) => n);
  }

  private tokens(x: T): string[] {
    let t = this.tokensOf.get(x);
    if (!t) this.tokensOf.set(x, (t = [...new Set([...wordTokens(x.key), ...this.extra(x)])]));
    return t;
  }

  private gramsOf(x: T): Uint32Array {
    let g = this.grams.get(x);
    if (!g) this.grams.set(x, (g = bigrams(x.key)));
    return g;
  }
}

/** Binary search in a list ordered by place: the index of the first element at or after `place`. */
function firstAtOrAfter<T extends Keyed>(list: readonly T[], place: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    tick();
    const mid = (lo + hi) >> 1;
    if (list[mid]!.flat < place) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The words of a folded key and its pairs of adjacent words ("tài chính"). */
function wordTokens(key: string): string[] {
  const words = key.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  tick(words.length);
  return [...words, ...words.slice(1).map((w, k) => `${words[k]} ${w}`)];
}

/**
 * Pairs of free elements near the same place: inside each gap between anchors, each old element
 * with the new ones within BAND of its place scaled to the gap.
 */
export function bandPairs(p: Pairing, olds: readonly number[], news: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const gap of gaps(p, olds, news)) {
    if (!gap.olds.length || !gap.news.length) continue;
    const scale = gap.news.length / gap.olds.length;
    gap.olds.forEach((o, i) => {
      const centre = Math.floor(i * scale);
      const last = Math.min(gap.news.length - 1, centre + BAND);
      for (let j = Math.max(0, centre - BAND); j <= last; j++) out.push([o, gap.news[j]!]);
    });
  }
  tick(out.length);
  return out;
}
