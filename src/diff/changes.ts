import type { Change, ConferenceRef, DiffResult, ItemRef, Side } from '../model/diff.js';
import type { Conference, Item, Programme } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { align, bareTitle, headingKey, type Alignment, type PlacedItem } from './align.js';
import { headerDifference } from './header.js';
import { textDifference } from './item-text.js';
import { recipientChanges, signatureChanges } from './footer.js';
import { diffBody } from './outline.js';
import { longestIncreasing, mergeOrder } from './sequence.js';
import { wordDiff } from './word-diff.js';

const NOWHERE: Side = { conference: null, item: null };

/**
 * What changed from one draft to the next, on the model: formatting never counts (texts are
 * compared folded), and one edit is one change — a number that only follows its element's new
 * position (the document renumbered after an addition, removal or move) is not reported.
 * The whole document is compared, in reading order: the header; the body before the conferences
 * (preamble, sections and their paragraphs); conference by conference; the body after them; tasks;
 * schedule entries; recipients; the signature.
 */
export function diffProgrammes(old: Programme, neu: Programme): DiffResult {
  const changes: Change[] = [];
  const header = headerDifference(old.header, neu.header);
  if (header) changes.push({ type: 'header', scope: 'document', old: NOWHERE, new: NOWHERE, ...header });
  const body = diffBody(old, neu);
  const firstConference = (p: Programme) => p.conferences[0]?.line ?? Number.POSITIVE_INFINITY;
  const early = (c: Change) => (c.new.unit ? c.new.unit.line < firstConference(neu) : (c.old.unit?.line ?? 0) < firstConference(old));
  changes.push(...body.units.filter(early));
  if (old.conferences.length || neu.conferences.length) changes.push(...conferenceChanges(old, neu));
  changes.push(...body.units.filter((c) => !early(c)), ...body.tasks, ...body.entries);
  changes.push(...recipientChanges(old, neu), ...signatureChanges(old, neu));
  return { changes };
}

function conferenceChanges(old: Programme, neu: Programme): Change[] {
  const changes: Change[] = [];
  const a = align(old, neu);
  const { ordinals, sessions } = renumberedConferences(a, old, neu);
  const steps = mergeOrder(old.conferences.length, neu.conferences.length, (j) => a.conferences.toOld[j]);
  for (const step of steps) {
    if (step.old !== undefined && step.new !== undefined) {
      changes.push(...keptConference(a, old, neu, step.old, step.new, { ordinal: ordinals.has(step.old), session: sessions.has(step.old) }));
    } else if (step.new !== undefined) {
      const c = neu.conferences[step.new]!;
      const placed = a.newByConference[step.new]!.map((flat) => a.newItems[flat]!);
      changes.push({
        type: 'added',
        scope: 'conference',
        old: NOWHERE,
        new: { conference: conferenceRef(c), item: null },
        before: null,
        after: c.title,
        items: placed.filter((x) => a.items.toOld[x.flat] === undefined).map((x) => itemRef(x.item)),
      });
      for (const n of placed) {
        const o = a.items.toOld[n.flat];
        if (o !== undefined) changes.push(...itemChanges(old, neu, a.oldItems[o]!, n, { moved: true, renumbered: false }));
      }
    } else if (step.old !== undefined) {
      const c = old.conferences[step.old]!;
      changes.push({
        type: 'removed',
        scope: 'conference',
        old: { conference: conferenceRef(c), item: null },
        new: NOWHERE,
        before: c.title,
        after: null,
        items: a.oldByConference[step.old]!.filter((flat) => a.items.toNew[flat] === undefined).map((flat) => itemRef(a.oldItems[flat]!.item)),
      });
    }
  }
  return changes;
}

/**
 * Ordinals count the conferences, sessions ("lần thứ 17") the regular ones: both follow a
 * conference added or dropped before. One that moved month, and so place, is a time change only.
 */
function renumberedConferences(a: Alignment, old: Programme, neu: Programme): { ordinals: Set<number>; sessions: Set<number> } {
  const kept = a.conferences.toNew.flatMap((j, i) => (j === undefined ? [] : [{ i, j, o: old.conferences[i]!, n: neu.conferences[j]! }]));
  const ordinals = renumbered(kept.map(({ i, j, o, n }) => ({ key: i, i, j, before: o.ordinal, after: n.ordinal, explained: timeKey(o) !== timeKey(n) })));
  // Each regular conference's place among the regular ones.
  const regular = (p: Programme) => new Map(p.conferences.flatMap((c, k) => (c.session === null ? [] : [k])).map((k, r) => [k, r]));
  const [oldRegular, newRegular] = [regular(old), regular(neu)];
  const sessions = renumbered(
    kept.flatMap(({ i, j, o, n }) =>
      o.session === null || n.session === null
        ? []
        : [{ key: i, i: oldRegular.get(i)!, j: newRegular.get(j)!, before: o.session, after: n.session, explained: timeKey(o) !== timeKey(n) }],
    ),
  );
  return { ordinals, sessions };
}

function keptConference(a: Alignment, old: Programme, neu: Programme, oi: number, ni: number, renumber: { ordinal: boolean; session: boolean }): Change[] {
  const oc = old.conferences[oi]!;
  const nc = neu.conferences[ni]!;
  const sides = { old: { conference: conferenceRef(oc), item: null }, new: { conference: conferenceRef(nc), item: null } };
  const out: Change[] = [];
  if (renumber.ordinal) out.push({ type: 'renumbered', scope: 'conference', field: 'ordinal', ...sides, before: oc.ordinal, after: nc.ordinal });
  if (renumber.session) out.push({ type: 'renumbered', scope: 'conference', field: 'session', ...sides, before: oc.session!, after: nc.session! });
  if (headingKey(oc) !== headingKey(nc)) {
    const [titleBefore, titleAfter] = [bareTitle(oc), bareTitle(nc)];
    out.push({
      type: 'edited',
      scope: 'conference',
      ...sides,
      before: titleBefore,
      after: titleAfter,
      words: wordDiff(titleBefore, titleAfter),
      citations: { added: [], removed: [] },
    });
  }
  if (timeKey(oc) !== timeKey(nc)) out.push({ type: 'time', scope: 'conference', ...sides, before: oc.time, after: nc.time });

  const olds = a.oldByConference[oi]!.map((flat) => a.oldItems[flat]!);
  const news = a.newByConference[ni]!.map((flat) => a.newItems[flat]!);
  const localOld = (n: PlacedItem) => {
    const o = a.items.toOld[n.flat];
    return o !== undefined && a.oldItems[o]!.conference === oi ? a.oldItems[o]! : undefined;
  };
  const renumberedItems = renumbered(
    news.flatMap((n) => {
      const o = localOld(n);
      return o ? [{ key: o.index, i: o.index, j: n.index, before: o.item.number, after: n.item.number, explained: false }] : [];
    }),
  );
  for (const step of mergeOrder(olds.length, news.length, (j) => localOld(news[j]!)?.index)) {
    if (step.new !== undefined) {
      const n = news[step.new]!;
      const partner = a.items.toOld[n.flat];
      if (partner === undefined) {
        out.push({ type: 'added', scope: 'item', old: { conference: conferenceRef(oc), item: null }, new: itemSide(nc, n.item), before: null, after: n.item.text, items: [] });
      } else {
        const o = a.oldItems[partner]!;
        const moved = o.conference !== oi;
        out.push(...itemChanges(old, neu, o, n, { moved, renumbered: !moved && renumberedItems.has(o.index) }));
      }
    } else if (step.old !== undefined) {
      const o = olds[step.old]!;
      if (a.items.toNew[o.flat] !== undefined) continue; // moved: reported where it went
      out.push({ type: 'removed', scope: 'item', old: itemSide(oc, o.item), new: { conference: conferenceRef(nc), item: null }, before: o.item.text, after: null, items: [] });
    }
  }
  return out;
}

function itemChanges(old: Programme, neu: Programme, o: PlacedItem, n: PlacedItem, how: { moved: boolean; renumbered: boolean }): Change[] {
  const oc = old.conferences[o.conference]!;
  const nc = neu.conferences[n.conference]!;
  const sides = { old: itemSide(oc, o.item), new: itemSide(nc, n.item) };
  const out: Change[] = [];
  if (how.moved) out.push({ type: 'moved', scope: 'item', ...sides, before: oc.ordinal, after: nc.ordinal });
  if (how.renumbered) out.push({ type: 'renumbered', scope: 'item', field: 'number', ...sides, before: o.item.number, after: n.item.number });
  const text = textDifference(o.item, n.item);
  if (text.kind === 'edited') {
    out.push({ type: 'edited', scope: 'item', ...sides, before: o.item.text, after: n.item.text, words: text.words, citations: text.citations });
  } else if (text.kind === 'citations') {
    for (const c of text.changes) out.push({ type: 'citation', scope: 'item', ...sides, ...c });
  }
  if (agencyKey(o.item) !== agencyKey(n.item)) {
    out.push({ type: 'agency', scope: 'item', ...sides, before: o.item.leadAgencies, after: n.item.leadAgencies });
  }
  return out;
}

/**
 * The kept elements (old position i, new position j) whose number changed for a reason their
 * position does not explain; their keys. Those outside the longest run kept in order were
 * reordered, and their new number is news — unless another reported change `explained` it.
 */
function renumbered(pairs: { key: number; i: number; j: number; before: number; after: number; explained: boolean }[]): Set<number> {
  const steady = pairs.filter((p) => !p.explained).sort((x, y) => x.i - y.i);
  const inOrder = new Set(longestIncreasing(steady.map((p) => p.j)).map((k) => steady[k]!.key));
  const out = new Set<number>();
  for (const p of pairs) {
    if (p.before === p.after || p.explained) continue;
    if (!inOrder.has(p.key) || p.after - p.before !== p.j - p.i) out.add(p.key);
  }
  return out;
}

function timeKey(c: Conference): string | null {
  const t = c.time;
  return t ? `${t.month}|${t.quarter}|${t.year}|${t.tentative}` : null;
}

function agencyKey(item: Item): string {
  return item.leadAgencies.map(foldKey).sort().join('|');
}

function conferenceRef(c: Conference): ConferenceRef {
  return { ordinal: c.ordinal, session: c.session, title: c.title, line: c.line };
}

function itemRef(item: Item): ItemRef {
  return { number: item.number, text: item.text, line: item.line };
}

function itemSide(c: Conference, item: Item): Side {
  return { conference: conferenceRef(c), item: itemRef(item) };
}
