import type { Change, EntryField, EntryRef, Side, TaskField, TaskRef, UnitRef } from '../model/diff.js';
import type { Citation, Entry, OutlineNode, Programme, Task } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { pairSimilar, pairUnique } from './align.js';
import { Matcher, bandPairs, type Keyed } from './candidates.js';
import { textDifference } from './item-text.js';
import { Pairing, mergeOrder, pairByPosition } from './sequence.js';

/** A text of the document compared as a whole: an outline unit, a task, a schedule entry. */
interface Placed extends Keyed {
  text: string;
  /** The citations standing in its text. */
  citations: Citation[];
}

interface PlacedUnit extends Placed {
  /** The labels from the top down ("roman:2/arabic:1"), unlabelled units as "¶". */
  path: string;
  ref: UnitRef;
}

interface PlacedTask extends Placed {
  task: Task;
  ref: TaskRef;
}

interface PlacedEntry extends Placed {
  entry: Entry;
  ref: EntryRef;
}

// As for conference items: a reworded unit in its own place may be looser than one that moved.
const WITHIN = 0.5;
const ACROSS = 0.75;

const NOWHERE: Side = { conference: null, item: null };

/**
 * The changes to the body of a document outside its conferences: outline units added, removed or
 * reworded (paired by label path and text, then by text similarity, then by position) — the
 * preamble, sections and their paragraphs, and the whole outline of a document that has no
 * conferences —, tasks added, removed, reworded or given another lead, partners or deadline, and
 * schedule entries added, removed, reworded or given another day, time, chair, place or preparer.
 * Units that are tasks or entries are compared as such, with their sub-units (the "Cơ quan chủ
 * trì: …" lines under a task). A unit whose only change is its label (the document renumbered
 * around it) is not reported; a text whose only change is a cited document is a citation change.
 */
export function diffBody(old: Programme, neu: Programme): { units: Change[]; tasks: Change[]; entries: Change[] } {
  const [oldCited, newCited] = [citationsByLine(old), citationsByLine(neu)];
  return {
    units: unitChanges(placeUnits(old, oldCited), placeUnits(neu, newCited)),
    tasks: taskChanges(placeTasks(old, oldCited), placeTasks(neu, newCited)),
    entries: entryChanges(placeEntries(old, oldCited), placeEntries(neu, newCited)),
  };
}

function labelKey(node: OutlineNode): string {
  if (!node.label) return '¶';
  return node.labelStyle && node.value ? `${node.labelStyle}:${node.value.join('.')}` : foldKey(node.label);
}

const at = (point: { line: number; column: number }) => `${point.line}:${point.column}`;

type Cited = Map<number, Citation[]>;

function citationsByLine(p: Programme): Cited {
  const out: Cited = new Map();
  for (const c of p.citations) {
    const list = out.get(c.line);
    if (list) list.push(c);
    else out.set(c.line, [c]);
  }
  return out;
}

/** The citations read on the lines of a span that stand in its text. */
function citedIn(cited: Cited, span: OutlineNode['span'], text: string): Citation[] {
  const out: Citation[] = [];
  for (let line = span.start.line; line <= span.end.line; line++) for (const c of cited.get(line) ?? []) if (text.includes(c.raw)) out.push(c);
  return out;
}

/**
 * The outline's units in reading order, without what is compared on its own: conferences (and
 * their items), tasks and schedule entries. Text no node holds (residue) comes last.
 */
function placeUnits(p: Programme, cited: Cited): PlacedUnit[] {
  const out: PlacedUnit[] = [];
  const tasks = new Map(p.tasks.map((t) => [at(t.span.start), t]));
  const entries = new Set(p.schedule.map((e) => at(e.span.start)));
  // Conferences and their items are compared as such (changes.ts), wherever the outline put them.
  const compared = new Set(p.conferences.flatMap((c) => [c.line, ...c.items.map((i) => i.line)]));
  const push = (path: string, text: string, ref: Omit<UnitRef, 'text'>, span: OutlineNode['span']) =>
    out.push({ flat: out.length, path, key: foldKey(text), text, citations: citedIn(cited, span, text), ref: { ...ref, text } });
  const visit = (nodes: readonly OutlineNode[], path: string[], shown: string[], attributes: string[] = []) => {
    for (const node of nodes) {
      const own = node.heading ?? node.text ?? '';
      // A task's "Cơ quan chủ trì: …" lines are compared with the task.
      if (attributes.some((v) => foldKey(own).includes(v))) continue;
      if (compared.size && (node.role === 'conference' || compared.has(node.span.start.line))) continue;
      const task = tasks.get(at(node.span.start));
      if (task || node.role === 'task' || entries.has(at(node.span.start))) {
        // Compared as a task or an entry; what else stands under it is still compared as units.
        const values = task ? [...task.lead, ...task.partners, ...(task.deadline ? [task.deadline.raw] : [])].map(foldKey).filter(Boolean) : [];
        visit(node.children, path, shown, values);
        continue;
      }
      if (node.kind === 'table') {
        visit(node.children, path, shown);
        continue;
      }
      const text = node.kind === 'row' ? node.children.map((c) => c.text ?? c.heading ?? '').join(' | ') : (node.heading ?? node.text ?? '');
      const here = [...path, labelKey(node)];
      const label = node.label ?? null;
      const display = label ? [...shown, label] : shown;
      if (text.trim()) push(here.join('/'), text, { label, path: display.join(' › '), line: node.span.start.line }, node.span);
      if (node.kind !== 'row') visit(node.children, here, display);
    }
  };
  visit(p.outline, [], []);
  for (const r of p.residue) push('…', r.text, { label: null, path: '', line: r.span.start.line }, r.span);
  return out;
}

function placeTasks(p: Programme, cited: Cited): PlacedTask[] {
  return p.tasks.map((task, i) => ({
    flat: i,
    key: foldKey(task.text),
    text: task.text,
    citations: citedIn(cited, task.span, task.text),
    task,
    ref: { number: i + 1, text: task.text, line: task.span.start.line },
  }));
}

function placeEntries(p: Programme, cited: Cited): PlacedEntry[] {
  return p.schedule.map((entry, i) => ({
    flat: i,
    key: foldKey(entry.text),
    text: entry.text,
    citations: citedIn(cited, entry.span, entry.text),
    entry,
    ref: { number: i + 1, date: entry.date, text: entry.text, line: entry.span.start.line },
  }));
}

/**
 * Pairs two sequences of texts: by the `exact` keys that occur once on each side (the folded text
 * last), then by similarity — `near` pairs, near the same place, loosely; any pair closely when
 * `across` —, then what is left by position.
 */
export function pairTexts<T extends Keyed>(olds: T[], news: T[], how: { exact?: ((x: T) => string)[]; near?: (o: T, n: T) => boolean; across?: boolean }): Pairing {
  const p = new Pairing(olds.length, news.length);
  for (const key of how.exact ?? []) pairUnique(p, olds, news, key);
  pairUnique(p, olds, news, (x) => x.key);
  const matcher = new Matcher(p, olds, news);
  const near = how.near ?? (() => true);
  pairSimilar(p, matcher, candidates(p, matcher, olds, news, near), WITHIN, near);
  if (how.across) pairSimilar(p, matcher, candidates(p, matcher, olds, news, () => true, false), ACROSS, () => true);
  pairByPosition(p, olds.map((x) => x.flat), news.map((x) => x.flat));
  return p;
}

/**
 * The candidate pairs of a fuzzy pass: each free old element with the free new ones that share its
 * rare words and, unless `band` is off, those near its place between the pairs already taken.
 */
function candidates<T extends Keyed>(p: Pairing, matcher: Matcher<T>, olds: T[], news: T[], allowed: (o: T, n: T) => boolean, band = true): [T, T][] {
  const out: [T, T][] = [];
  for (const o of olds) if (p.toNew[o.flat] === undefined) for (const n of matcher.shortlist(o, p, (n) => allowed(o, n))) out.push([o, n]);
  if (band) for (const [i, j] of bandPairs(p, olds.map((x) => x.flat), news.map((x) => x.flat))) out.push([olds[i]!, news[j]!]);
  return out;
}

/** The two sequences in reading order, each step an old element, a new one, or a pair. */
function steps<T>(olds: T[], news: T[], p: Pairing): { o?: T; n?: T }[] {
  return mergeOrder(olds.length, news.length, (j) => p.toOld[j]).map((s) => ({
    ...(s.old === undefined ? {} : { o: olds[s.old]! }),
    ...(s.new === undefined ? {} : { n: news[s.new]! }),
  }));
}

/**
 * A changed text as one change: the cited documents that changed if nothing else did, else one
 * edit that lists them. `bare` keys are the texts without what is compared apart (a task's lead).
 */
function textChanges(o: Placed, n: Placed, scope: 'unit' | 'task' | 'entry', sides: { old: Side; new: Side }, bare?: (x: Placed) => string): Change[] {
  if (o.key === n.key || (bare && bare(o) === bare(n))) return [];
  const text = textDifference(o, n);
  if (text.kind === 'same') return [];
  if (text.kind === 'citations') return text.changes.map((c) => ({ type: 'citation', scope, ...sides, ...c }));
  return [{ type: 'edited', scope, ...sides, before: o.text, after: n.text, words: text.words, citations: text.citations }];
}

function unitChanges(olds: PlacedUnit[], news: PlacedUnit[]): Change[] {
  const p = pairTexts(olds, news, { exact: [(u) => `${u.path}\u0000${u.key}`], near: (o, n) => o.path === n.path, across: true });
  const out: Change[] = [];
  for (const { o, n } of steps(olds, news, p)) {
    const [oldSide, newSide] = [o ? { ...NOWHERE, unit: o.ref } : NOWHERE, n ? { ...NOWHERE, unit: n.ref } : NOWHERE];
    if (o && n) out.push(...textChanges(o, n, 'unit', { old: oldSide, new: newSide }));
    else if (n) out.push({ type: 'added', scope: 'unit', old: NOWHERE, new: newSide, before: null, after: n.text, items: [] });
    else if (o) out.push({ type: 'removed', scope: 'unit', old: oldSide, new: NOWHERE, before: o.text, after: null, items: [] });
  }
  return out;
}

const listKey = (xs: readonly string[]) => xs.map(foldKey).sort().join('|');

/**
 * A text's words without the values compared apart (and punctuation), so that a task whose text
 * changed only where it names its lead, partners or deadline ("Cơ quan phối hợp: Sở Tài chính;
 * thời gian: Quý IV/2022") is one change of its assignment, not also an edit of its text.
 */
function withoutValues(text: string, values: (string | null)[]): string {
  let key = foldKey(text);
  const folded = values.filter((v): v is string => Boolean(v)).map(foldKey).filter(Boolean);
  for (const v of folded.sort((a, b) => b.length - a.length)) key = key.replaceAll(v, ' ');
  return key.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const taskValues = (t: Task) => [...t.lead, ...t.partners, t.deadline?.raw ?? null];

function taskChanges(olds: PlacedTask[], news: PlacedTask[]): Change[] {
  const p = pairTexts(olds, news, {});
  const out: Change[] = [];
  for (const { o, n } of steps(olds, news, p)) {
    if (o && n) {
      const sides = { old: { ...NOWHERE, task: o.ref }, new: { ...NOWHERE, task: n.ref } };
      out.push(...textChanges(o, n, 'task', sides, (x) => withoutValues(x.text, taskValues((x as PlacedTask).task))));
      const fields: TaskField[] = [];
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const compare = (field: TaskField, key: (t: Task) => string | null, value: (t: Task) => unknown) => {
        if (key(o.task) === key(n.task)) return;
        fields.push(field);
        [before[field], after[field]] = [value(o.task), value(n.task)];
      };
      compare('lead', (t) => listKey(t.lead), (t) => t.lead);
      compare('partners', (t) => listKey(t.partners), (t) => t.partners);
      compare('deadline', (t) => (t.deadline ? foldKey(t.deadline.raw) : null), (t) => t.deadline?.raw ?? null);
      if (fields.length) out.push({ type: 'task', scope: 'task', ...sides, fields, before, after });
    } else if (n) {
      out.push({ type: 'added', scope: 'task', old: NOWHERE, new: { ...NOWHERE, task: n.ref }, before: null, after: n.task.text, items: [] });
    } else if (o) {
      out.push({ type: 'removed', scope: 'task', old: { ...NOWHERE, task: o.ref }, new: NOWHERE, before: o.task.text, after: null, items: [] });
    }
  }
  return out;
}

const ENTRY_VALUES: Record<EntryField, (e: Entry) => string | null> = {
  date: (e) => e.date,
  time: (e) => e.time,
  chair: (e) => e.chair,
  place: (e) => e.place,
  preparer: (e) => e.preparer,
};

/**
 * Schedule entries: paired by text, so that an entry moved to another day or hour is one change of
 * its date or time; what it says apart from its time, chair, place and preparer is its text.
 */
function entryChanges(olds: PlacedEntry[], news: PlacedEntry[]): Change[] {
  const p = pairTexts(olds, news, {});
  const out: Change[] = [];
  const values = (e: Entry) => [e.time, e.chair, e.place, e.preparer];
  for (const { o, n } of steps(olds, news, p)) {
    if (o && n) {
      const sides = { old: { ...NOWHERE, entry: o.ref }, new: { ...NOWHERE, entry: n.ref } };
      out.push(...textChanges(o, n, 'entry', sides, (x) => withoutValues(x.text, values((x as PlacedEntry).entry))));
      const fields: EntryField[] = [];
      const before: Record<string, string | null> = {};
      const after: Record<string, string | null> = {};
      for (const [field, read] of Object.entries(ENTRY_VALUES) as [EntryField, (e: Entry) => string | null][]) {
        const [a, b] = [read(o.entry), read(n.entry)];
        if ((a === null ? null : foldKey(a)) === (b === null ? null : foldKey(b))) continue;
        fields.push(field);
        [before[field], after[field]] = [a, b];
      }
      if (fields.length) out.push({ type: 'entry', scope: 'entry', ...sides, fields, before, after });
    } else if (n) {
      out.push({ type: 'added', scope: 'entry', old: NOWHERE, new: { ...NOWHERE, entry: n.ref }, before: null, after: n.text, items: [] });
    } else if (o) {
      out.push({ type: 'removed', scope: 'entry', old: { ...NOWHERE, entry: o.ref }, new: NOWHERE, before: o.text, after: null, items: [] });
    }
  }
  return out;
}
