import type { Conference, Item, Programme } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { ordinalValue } from '../recognise/numbers.js';
import { Pairing, pairByPosition } from './sequence.js';
import { similarity } from './similarity.js';

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
 * their words.
 */
export function align(old: Programme, neu: Programme): Alignment {
  const oldItems = placeItems(old);
  const newItems = placeItems(neu);
  const items = new Pairing(oldItems.length, newItems.length);
  const conferences = new Pairing(old.conferences.length, neu.conferences.length);
  const sameConference = (o: PlacedItem, n: PlacedItem) => conferences.toNew[o.conference] === n.conference;
  const byConference = old.conferences.map((_, c) => oldItems.filter((x) => x.conference === c));
  const inOrder = (o: PlacedItem, n: PlacedItem) =>
    byConference[o.conference]!.every((x) => {
      const y = items.toNew[x.flat];
      if (y === undefined || newItems[y]!.conference !== n.conference) return true;
      return x.index < o.index === newItems[y]!.index < n.index;
    });
  const within = (o: PlacedItem, n: PlacedItem) => sameConference(o, n) && inOrder(o, n);

  pairUnique(items, oldItems, newItems, (x) => x.ids);
  pairUnique(items, oldItems, newItems, (x) => x.key);
  pairConferences(conferences, old.conferences, neu.conferences, oldItems, newItems, items, false);
  pairSimilar(items, oldItems, newItems, WITHIN, within);
  pairSimilar(items, oldItems, newItems, ACROSS, (o, n) => !sameConference(o, n) || inOrder(o, n));
  pairConferences(conferences, old.conferences, neu.conferences, oldItems, newItems, items, true);
  pairSimilar(items, oldItems, newItems, WITHIN, within);
  conferences.toNew.forEach((n, o) => {
    if (n === undefined) return;
    pairByPosition(
      items,
      oldItems.filter((x) => x.conference === o).map((x) => x.flat),
      newItems.filter((x) => x.conference === n).map((x) => x.flat),
    );
  });
  return { oldItems, newItems, items, conferences };
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
 * Greedy on similarity, best first; equal scores go to the pair closest in position. `allowed` is
 * asked again when a pair is taken, as it may depend on the pairs taken before.
 */
export function pairSimilar<T extends { flat: number; key: string }>(p: Pairing, olds: T[], news: T[], min: number, allowed: (o: T, n: T) => boolean): void {
  const candidates: [number, T, T][] = [];
  for (const o of olds) {
    if (p.toNew[o.flat] !== undefined) continue;
    for (const n of news) {
      if (p.toOld[n.flat] !== undefined || !allowed(o, n)) continue;
      const score = similarity(o.key, n.key);
      if (score >= min) candidates.push([score, o, n]);
    }
  }
  candidates.sort((x, y) => y[0] - x[0] || Math.abs(x[1].flat - x[2].flat) - Math.abs(y[1].flat - y[2].flat));
  for (const [, o, n] of candidates) if (p.free(o.flat, n.flat) && allowed(o, n)) p.pair(o.flat, n.flat);
}

function pairConferences(
  p: Pairing,
  olds: Conference[],
  news: Conference[],
  oldItems: PlacedItem[],
  newItems: PlacedItem[],
  items: Pairing,
  byPosition: boolean,
): void {
  // Evidence that two conferences are one: the share of their items they have in common, then
  // the same heading, then the same session. Shared items outweigh a heading, as headings shift
  // when a conference is inserted before ("lần thứ 18" becomes "lần thứ 19"); a heading outweighs
  // a few items brought in from elsewhere.
  const shared = new Map<string, number>();
  for (const o of oldItems) {
    const n = items.toNew[o.flat];
    if (n === undefined) continue;
    const key = `${o.conference} ${newItems[n]!.conference}`;
    shared.set(key, (shared.get(key) ?? 0) + 1);
  }
  const candidates: [number, number, number][] = [];
  olds.forEach((oc, o) =>
    news.forEach((nc, n) => {
      if (!p.free(o, n)) return;
      const size = Math.max(oc.items.length, nc.items.length, 1);
      const score =
        (shared.get(`${o} ${n}`) ?? 0) / size +
        (foldKey(bareTitle(oc)) === foldKey(bareTitle(nc)) ? 0.5 : 0) +
        (oc.session !== null && oc.session === nc.session ? 0.25 : 0);
      if (score > 0) candidates.push([score, o, n]);
    }),
  );
  candidates.sort((x, y) => y[0] - x[0] || Math.abs(x[1] - x[2]) - Math.abs(y[1] - y[2]));
  for (const [, o, n] of candidates) if (p.free(o, n)) p.pair(o, n);
  if (byPosition) pairByPosition(p, olds.map((_, i) => i), news.map((_, i) => i));
}
