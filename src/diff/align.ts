import type { Conference, Item, Programme } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { ordinalValue } from '../recognise/numbers.js';
import { tick } from '../meter.js';
import { BAND, Matcher, bandPairs, type Keyed } from './candidates.js';
import { Crossings, Pairing, pairByPosition } from './sequence.js';

/** An item with where it sits: its conference's index and its own index in the programme. */
export interface PlacedItem {
  conference: number;
  index: number;
  /** Index among all items of the programme. */
  flat: number;
  item: Item;
  key: string;
  /** Its citation ids, folded and sorted; null when it cites no numbered document. */
  ids: string | null;
}

export interface Alignment {
  oldItems: PlacedItem[];
  newItems: PlacedItem[];
  /** The flat indices of each conference's items, old side and new. */
  oldByConference: number[][];
  newByConference: number[][];
  /** Pairs flat item indices. */
  items: Pairing;
  /** Pairs conference indices. */
  conferences: Pairing;
}

// The genre repeats itself ("Sơ kết công tác quý I…" / "…quý III…" score 0.97), so fuzzy pairs
// across conferences must be close; inside a paired conference a looser match is still the item.
const ACROSS = 0.75;
const WITHIN = 0.5;

/**
 * Pairs the conferences and items of two drafts: items by their citation ids and folded text,
 * conferences by the items they share, their heading and session; then items by text similarity,
 * first inside paired conferences and then across them; what is left by position.
 *
 * Inside a conference a similar item is the same item only where the order allows it: a reworded
 * item keeps its place among its unchanged neighbours, while an item dropped before them and an
 * unrelated one added after them are a removal and an addition, however alike the genre makes
 * their words. Similar items are looked for among those that share rare words and, inside a
 * conference, near the same place (see candidates.ts for the bounds).
 */
export function align(old: Programme, neu: Programme): Alignment {
  const oldItems = placeItems(old);
  const newItems = placeItems(neu);
  const a: Alignment = {
    oldItems,
    newItems,
    oldByConference: byConference(oldItems, old.conferences.length),
    newByConference: byConference(newItems, neu.conferences.length),
    items: new Pairing(oldItems.length, newItems.length),
    conferences: new Pairing(old.conferences.length, neu.conferences.length),
  };
  pairUnique(a.items, oldItems, newItems, (x) => x.ids);
  pairUnique(a.items, oldItems, newItems, (x) => x.key);
  const matcher = new Matcher(a.items, oldItems, newItems, (x) => (x.ids ? x.ids.split('|') : []));
  pairConferences(a, old.conferences, neu.conferences, false);
  pairItems(a, matcher, WITHIN, true);
  pairItems(a, matcher, ACROSS, false);
  pairConferences(a, old.conferences, neu.conferences, true);
  pairItems(a, matcher, WITHIN, true);
  a.conferences.toNew.forEach((n, o) => {
    if (n !== undefined) pairByPosition(a.items, a.oldByConference[o]!, a.newByConference[n]!);
  });
  return a;
}

function byConference(items: PlacedItem[], count: number): number[][] {
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const x of items) out[x.conference]!.push(x.flat);
  return out;
}

/**
 * One pass of fuzzy pairing: `inside` paired conferences only, or anywhere (then an item that
 * stays in its conference must still keep its order there).
 */
function pairItems(a: Alignment, matcher: Matcher<PlacedItem>, min: number, inside: boolean): void {
  const { items, conferences, oldItems, newItems } = a;
  const same = (o: PlacedItem, n: PlacedItem) => conferences.toNew[o.conference] === n.conference;
  const order = crossings(a);
  const fits = (o: PlacedItem, n: PlacedItem) => order[o.conference]!.fits(o.index, n.index);
  const pairs: [PlacedItem, PlacedItem][] = [];
  for (const o of oldItems) {
    if (items.toNew[o.flat] !== undefined || (inside && conferences.toNew[o.conference] === undefined)) continue;
    for (const n of matcher.shortlist(o, items, inside ? (n) => same(o, n) : () => true)) pairs.push([o, n]);
  }
  if (inside) {
    conferences.toNew.forEach((n, o) => {
      if (n === undefined) return;
      for (const [i, j] of bandPairs(items, a.oldByConference[o]!, a.newByConference[n]!)) pairs.push([oldItems[i]!, newItems[j]!]);
    });
  }
  const allowed = inside ? (o: PlacedItem, n: PlacedItem) => same(o, n) && fits(o, n) : (o: PlacedItem, n: PlacedItem) => !same(o, n) || fits(o, n);
  pairSimilar(items, matcher, pairs, min, allowed, (o, n) => {
    if (same(o, n)) order[o.conference]!.add(o.index, n.index);
  });
}

/** For each paired conference, the item pairs it keeps (old place → new place), to keep their order. */
function crossings(a: Alignment): Crossings[] {
  return a.oldByConference.map((flats, c) => {
    const out = new Crossings(flats.length);
    const nc = a.conferences.toNew[c];
    if (nc === undefined) return out;
    for (const o of flats) {
      const n = a.items.toNew[o];
      if (n !== undefined && a.newItems[n]!.conference === nc) out.add(a.oldItems[o]!.index, a.newItems[n]!.index);
    }
    return out;
  });
}

/** A conference's title without its time, which is compared on its own. */
export function bareTitle(c: Conference): string {
  const title = c.time?.raw ? c.title.replace(c.time.raw, ' ') : c.title;
  return title.replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The folded title without time and session number ("lần thứ #"), which are compared on their own. */
export function headingKey(c: Conference): string {
  const words = foldKey(bareTitle(c)).split(' ');
  if (c.session !== null) {
    const at = words.findIndex((w) => ordinalValue(w.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase()) === c.session);
    if (at >= 0) words[at] = '#';
  }
  return words.join(' ');
}

function placeItems(p: Programme): PlacedItem[] {
  const out: PlacedItem[] = [];
  p.conferences.forEach((c, conference) =>
    c.items.forEach((item, index) => {
      const ids = [...new Set(item.citations.map((x) => x.id).filter((id): id is string => id !== null).map(foldKey))].sort();
      out.push({ conference, index, flat: out.length, item, key: foldKey(item.text), ids: ids.length ? ids.join('|') : null });
    }),
  );
  return out;
}

/** Pairs elements whose key occurs exactly once among the unpaired of each side. */
export function pairUnique<T extends { flat: number }>(p: Pairing, olds: T[], news: T[], keyOf: (x: T) => string | null): void {
  const group = (xs: T[], paired: (id: number) => boolean) => {
    const m = new Map<string, number[]>();
    for (const x of xs) {
      const key = keyOf(x);
      if (key === null || paired(x.flat)) continue;
      const same = m.get(key);
      if (same) same.push(x.flat);
      else m.set(key, [x.flat]);
    }
    return m;
  };
  const a = group(olds, (id) => p.toNew[id] !== undefined);
  const b = group(news, (id) => p.toOld[id] !== undefined);
  for (const [key, os] of a) {
    const ns = b.get(key);
    if (os.length === 1 && ns?.length === 1) p.pair(os[0]!, ns[0]!);
  }
}

/**
 * Greedy on similarity, best first, over the candidate `pairs`; equal scores go to the pair closest
 * in position. `allowed` is asked again when a pair is taken, as it may depend on the pairs taken
 * before; `taken` hears of each pair taken.
 */
export function pairSimilar<T extends Keyed>(
  p: Pairing,
  matcher: Matcher<T>,
  pairs: Iterable<readonly [T, T]>,
  min: number,
  allowed: (o: T, n: T) => boolean,
  taken: (o: T, n: T) => void = () => {},
): void {
  const seen = new Set<number>();
  const candidates: [number, T, T][] = [];
  for (const [o, n] of pairs) {
    const id = o.flat * p.toOld.length + n.flat;
    if (seen.has(id) || !p.free(o.flat, n.flat)) continue;
    seen.add(id);
    if (!allowed(o, n)) continue;
    const score = matcher.score(o, n);
    if (score >= min) candidates.push([score, o, n]);
  }
  candidates.sort((x, y) => y[0] - x[0] || Math.abs(x[1].flat - x[2].flat) - Math.abs(y[1].flat - y[2].flat));
  for (const [, o, n] of candidates) {
    if (p.free(o.flat, n.flat) && allowed(o, n)) {
      p.pair(o.flat, n.flat);
      taken(o, n);
    }
  }
}

/**
 * Pairs conferences on the evidence that two are one: the share of their items they have in
 * common, then the same heading, then the same session. Shared items outweigh a heading, as
 * headings shift when a conference is inserted before ("lần thứ 18" becomes "lần thứ 19"); a
 * heading outweighs a few items brought in from elsewhere. Only conferences with some evidence
 * are scored: those sharing items, and the nearest few with the same heading or session.
 */
function pairConferences(a: Alignment, olds: Conference[], news: Conference[], byPosition: boolean): void {
  const p = a.conferences;
  const shared = new Map<number, number>();
  const candidates = new Map<number, [number, number]>();
  const consider = (o: number, n: number) => {
    if (p.free(o, n)) candidates.set(o * news.length + n, [o, n]);
  };
  for (const o of a.oldItems) {
    const n = a.items.toNew[o.flat];
    if (n === undefined) continue;
    const nc = a.newItems[n]!.conference;
    const key = o.conference * news.length + nc;
    shared.set(key, (shared.get(key) ?? 0) + 1);
    consider(o.conference, nc);
  }
  const titles = [olds.map((c) => foldKey(bareTitle(c))), news.map((c) => foldKey(bareTitle(c)))] as const;
  nearestAlike(titles[0], titles[1], consider);
  nearestAlike(olds.map((c) => c.session), news.map((c) => c.session), consider);
  const scored = [...candidates.values()].map(([o, n]): [number, number, number] => {
    const size = Math.max(olds[o]!.items.length, news[n]!.items.length, 1);
    const session = olds[o]!.session;
    const score = (shared.get(o * news.length + n) ?? 0) / size + (titles[0][o] === titles[1][n] ? 0.5 : 0) + (session !== null && session === news[n]!.session ? 0.25 : 0);
    return [score, o, n];
  });
  tick(scored.length);
  scored.sort((x, y) => y[0] - x[0] || Math.abs(x[1] - x[2]) - Math.abs(y[1] - y[2]));
  for (const [, o, n] of scored) if (p.free(o, n)) p.pair(o, n);
  if (byPosition) pairByPosition(p, olds.map((_, i) => i), news.map((_, i) => i));
}

/**
 * Calls `consider` for old and new positions with the same (non-null) key, each old one with the
 * new ones of nearby rank among those of its key: a heading that every conference shares does
 * not make every pair a candidate.
 */
function nearestAlike<K>(olds: readonly (K | null)[], news: readonly (K | null)[], consider: (o: number, n: number) => void): void {
  const at = new Map<K, number[]>();
  news.forEach((k, n) => {
    if (k === null) return;
    const list = at.get(k);
    if (list) list.push(n);
    else at.set(k, [n]);
  });
  const rank = new Map<K, number>();
  olds.forEach((k, o) => {
    if (k === null) return;
    const list = at.get(k);
    const r = rank.get(k) ?? 0;
    rank.set(k, r + 1);
    if (!list) return;
    const last = Math.min(list.length - 1, r + BAND);
    for (let j = Math.max(0, r - BAND); j <= last; j++) consider(o, list[j]!);
  });
}
