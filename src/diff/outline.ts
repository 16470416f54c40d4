import type { Change, Side, TaskField, TaskRef, UnitRef } from '../model/diff.js';
import type { OutlineNode, Programme, Task } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { pairSimilar, pairUnique } from './align.js';
import { Matcher, bandPairs } from './candidates.js';
import { Pairing, mergeOrder, pairByPosition } from './sequence.js';
import { wordDiff } from './word-diff.js';

/** A unit of the outline with where it sits. */
interface PlacedUnit {
  flat: number;
  /** The labels from the top down ("roman:2/arabic:1"), unlabelled units as "¶". */
  path: string;
  key: string;
  ref: UnitRef;
}

interface PlacedTask {
  flat: number;
  key: string;
  task: Task;
  ref: TaskRef;
}

// As for conference items: a reworded unit in its own place may be looser than one that moved.
const WITHIN = 0.5;
const ACROSS = 0.75;

const NOWHERE: Side = { conference: null, item: null };
const NO_CITATIONS = { added: [], removed: [] };

/**
 * The changes between two documents that are not conference programmes: outline units added,
 * removed or reworded (paired by label path and text, then by text similarity, then by position),
 * then tasks added, removed, reworded or given another lead, partners or deadline. Units that are
 * tasks are compared as tasks, with their sub-units (the "Cơ quan chủ trì: …" lines under them).
 * A unit whose only change is its label (the document renumbered around it) is not reported.
 */
export function diffOutlines(old: Programme, neu: Programme): Change[] {
  return [...unitChanges(placeUnits(old), placeUnits(neu)), ...taskChanges(placeTasks(old), placeTasks(neu))];
}

function labelKey(node: OutlineNode): string {
  if (!node.label) return '¶';
  return node.labelStyle && node.value ? `${node.labelStyle}:${node.value.join('.')}` : foldKey(node.label);
}

const at = (point: { line: number; column: number }) => `${point.line}:${point.column}`;

function placeUnits(p: Programme): PlacedUnit[] {
  const out: PlacedUnit[] = [];
  const tasks = new Map(p.tasks.map((t) => [at(t.span.start), t]));
  const visit = (nodes: readonly OutlineNode[], path: string[], shown: string[], attributes: string[] = []) => {
    for (const node of nodes) {
      const own = node.heading ?? node.text ?? '';
      // A task's "Cơ quan chủ trì: …" lines are compared with the task.
      if (attributes.some((v) => foldKey(own).includes(v))) continue;
      const task = tasks.get(at(node.span.start));
      if (task || node.role === 'task') {
        // Compared as a task; what else stands under it is still compared as units.
        const values = task ? [...task.lead, ...task.partners, ...(task.deadline ? [task.deadline.raw] : [])].map(foldKey).filter(Boolean) : [];
        visit(node.children, path, shown, values);
        continue;
      }
      if (node.kind === 'table') {
        visit(node.children, path, shown);
        continue;
      }
      const text =
        node.kind === 'row' ? node.children.map((c) => c.text ?? c.heading ?? '').join(' | ') : (node.heading ?? node.text ?? '');
      const here = [...path, labelKey(node)];
      const label = node.label ?? null;
      const display = label ? [...shown, label] : shown;
      if (text.trim()) {
        out.push({
          flat: out.length,
          path: here.join('/'),
          key: foldKey(text),
          ref: { label, path: display.join(' › '), text, line: node.span.start.line },
        });
      }
      if (node.kind !== 'row') visit(node.children, here, display);
    }
  };
  visit(p.outline, [], []);
  return out;
}

function placeTasks(p: Programme): PlacedTask[] {
  return p.tasks.map((task, i) => ({
    flat: i,
    key: foldKey(task.text),
    task,
    ref: { number: i + 1, text: task.text, line: task.span.start.line },
  }));
}

function unitChanges(olds: PlacedUnit[], news: PlacedUnit[]): Change[] {
  const p = new Pairing(olds.length, news.length);
  pairUnique(p, olds, news, (u) => `${u.path}\u0000${u.key}`);
  pairUnique(p, olds, news, (u) => u.key);
  const matcher = new Matcher(p, olds, news);
  pairSimilar(p, matcher, nearby(p, matcher, olds, news, (o, n) => o.path === n.path), WITHIN, (o, n) => o.path === n.path);
  pairSimilar(p, matcher, nearby(p, matcher, olds, news, () => true, false), ACROSS, () => true);
  pairByPosition(p, olds.map((u) => u.flat), news.map((u) => u.flat));
  const out: Change[] = [];
  for (const step of mergeOrder(olds.length, news.length, (j) => p.toOld[j])) {
    const o = step.old === undefined ? undefined : olds[step.old]!;
    const n = step.new === undefined ? undefined : news[step.new]!;
    if (o && n) {
      if (o.key === n.key) continue;
      const sides = { old: { ...NOWHERE, unit: o.ref }, new: { ...NOWHERE, unit: n.ref } };
      out.push({ type: 'edited', scope: 'unit', ...sides, before: o.ref.text, after: n.ref.text, words: wordDiff(o.ref.text, n.ref.text), citations: NO_CITATIONS });
    } else if (n) {
      out.push({ type: 'added', scope: 'unit', old: NOWHERE, new: { ...NOWHERE, unit: n.ref }, before: null, after: n.ref.text, items: [] });
    } else if (o) {
      out.push({ type: 'removed', scope: 'unit', old: { ...NOWHERE, unit: o.ref }, new: NOWHERE, before: o.ref.text, after: null, items: [] });
    }
  }
  return out;
}

/**
 * The candidate pairs of a fuzzy pass: each free old element with the free new ones that share its
 * rare words and, unless `band` is off, those near its place between the pairs already taken.
 */
function nearby<T extends { flat: number; key: string }>(
  p: Pairing,
  matcher: Matcher<T>,
  olds: T[],
  news: T[],
  allowed: (o: T, n: T) => boolean,
  band = true,
): [T, T][] {
  const out: [T, T][] = [];
  for (const o of olds) if (p.toNew[o.flat] === undefined) for (const n of matcher.shortlist(o, p, (n) => allowed(o, n))) out.push([o, n]);
  if (band) for (const [i, j] of bandPairs(p, olds.map((x) => x.flat), news.map((x) => x.flat))) out.push([olds[i]!, news[j]!]);
  return out;
}

const listKey = (xs: readonly string[]) => xs.map(foldKey).sort().join('|');

/**
 * A task's words without its lead, partners and deadline (and punctuation), so that a task whose
 * text changed only where it names them ("Cơ quan phối hợp: Sở Tài chính; thời gian: Quý IV/2022")
 * is one change of its assignment, not also an edit of its text.
 */
function bareKey(task: Task): string {
  let key = foldKey(task.text);
  const values = [...task.lead, ...task.partners, ...(task.deadline ? [task.deadline.raw] : [])].map(foldKey).filter(Boolean);
  for (const v of values.sort((a, b) => b.length - a.length)) key = key.replaceAll(v, ' ');
  return key.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function taskChanges(olds: PlacedTask[], news: PlacedTask[]): Change[] {
  const p = new Pairing(olds.length, news.length);
  pairUnique(p, olds, news, (t) => t.key);
  const matcher = new Matcher(p, olds, news);
  pairSimilar(p, matcher, nearby(p, matcher, olds, news, () => true), WITHIN, () => true);
  pairByPosition(p, olds.map((t) => t.flat), news.map((t) => t.flat));
  const out: Change[] = [];
  for (const step of mergeOrder(olds.length, news.length, (j) => p.toOld[j])) {
    const o = step.old === undefined ? undefined : olds[step.old]!;
    const n = step.new === undefined ? undefined : news[step.new]!;
    if (o && n) {
      const sides = { old: { ...NOWHERE, task: o.ref }, new: { ...NOWHERE, task: n.ref } };
      if (o.key !== n.key && bareKey(o.task) !== bareKey(n.task)) {
        out.push({ type: 'edited', scope: 'task', ...sides, before: o.task.text, after: n.task.text, words: wordDiff(o.task.text, n.task.text), citations: NO_CITATIONS });
      }
      const fields: TaskField[] = [];
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (listKey(o.task.lead) !== listKey(n.task.lead)) {
        fields.push('lead');
        [before.lead, after.lead] = [o.task.lead, n.task.lead];
      }
      if (listKey(o.task.partners) !== listKey(n.task.partners)) {
        fields.push('partners');
        [before.partners, after.partners] = [o.task.partners, n.task.partners];
      }
      const deadline = (t: Task) => (t.deadline ? foldKey(t.deadline.raw) : null);
      if (deadline(o.task) !== deadline(n.task)) {
        fields.push('deadline');
        [before.deadline, after.deadline] = [o.task.deadline?.raw ?? null, n.task.deadline?.raw ?? null];
      }
      if (fields.length) out.push({ type: 'task', scope: 'task', ...sides, fields, before, after });
    } else if (n) {
      out.push({ type: 'added', scope: 'task', old: NOWHERE, new: { ...NOWHERE, task: n.ref }, before: null, after: n.task.text, items: [] });
    } else if (o) {
      out.push({ type: 'removed', scope: 'task', old: { ...NOWHERE, task: o.ref }, new: NOWHERE, before: o.task.text, after: null, items: [] });
    }
  }
  return out;
}
