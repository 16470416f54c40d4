import type { Task } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { squash, trimTrailing } from '../normalize/text.js';
import { findPhrase, matchPhrase, type Matchers, type Phrase } from '../recognise/compile.js';
import { romanToInt } from '../recognise/numbers.js';
import type { Unit } from '../assemble/outline.js';

type Field = 'lead' | 'partners' | 'deadline';
const FIELDS: Field[] = ['lead', 'partners', 'deadline'];

interface Attributes {
  lead: string[];
  partners: string[];
  deadline: Task['deadline'];
}

/**
 * Tasks of action programmes and plans: units that name who leads, who takes part or by when, in
 * prose ("Cơ quan chủ trì: Sở Nội vụ; thời gian hoàn thành: Quý II/2025", also as bullets under the
 * task) and rows of task tables (TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian).
 */
export function findTasks(units: readonly Unit[], m: Matchers, prose = true): { tasks: Task[]; taskUnits: Set<Unit> } {
  const tasks: Task[] = [];
  const taskUnits = new Set<Unit>();
  const visit = (list: readonly Unit[]) => {
    for (const unit of list) {
      if (unit.node.kind === 'table') tasks.push(...tableTasks(unit, m));
      else if (prose && unit.node.kind !== 'paragraph' && !isAttribute(unit, m)) {
        const task = proseTask(unit, m);
        if (task) {
          tasks.push(task);
          taskUnits.add(unit);
        }
      }
      visit(unit.children);
    }
  };
  visit(units);
  return { tasks, taskUnits };
}

const textOf = (u: Unit) => u.node.text ?? u.node.heading ?? '';

function isAttribute(unit: Unit, m: Matchers): boolean {
  const key = foldKey(textOf(unit));
  return FIELDS.some((f) => {
    const p = matchPhrase(key, 0, m.task[f]);
    return p !== null && /^\s*[:：]/.test(key.slice(p.key.length));
  });
}

function proseTask(unit: Unit, m: Matchers): Task | null {
  const own = textOf(unit);
  const found = attributesIn(own, m);
  for (const child of unit.children) if (isAttribute(child, m)) merge(found, attributesIn(textOf(child), m));
  if (found.lead.length === 0 && found.partners.length === 0 && found.deadline === null) return null;
  return { text: own, lead: found.lead, partners: found.partners, deadline: found.deadline, span: unit.node.span };
}

function merge(into: Attributes, from: Attributes): void {
  into.lead.push(...from.lead);
  into.partners.push(...from.partners);
  into.deadline ??= from.deadline;
}

/** "… Cơ quan chủ trì: X; cơ quan phối hợp: Y, Z; thời gian: Quý II/2025." */
function attributesIn(text: string, m: Matchers): Attributes {
  const out: Attributes = { lead: [], partners: [], deadline: null };
  const key = foldKey(text);
  const marks: { field: Field; at: number; valueAt: number }[] = [];
  for (const field of FIELDS) {
    let from = 0;
    for (;;) {
      const hit = findPhrase(key, m.task[field], from);
      if (!hit) break;
      const after = key.slice(hit.at + hit.phrase.key.length);
      const colon = /^\s*[:：]\s*/.exec(after);
      const long = hit.phrase.key.split(' ').length >= 3;
      if (colon || (long && /^\s+\p{L}/u.test(after)) || (field === 'deadline' && deadlineOf(after.slice(0, 60), m) !== null)) {
        marks.push({ field, at: hit.at, valueAt: hit.at + hit.phrase.key.length + (colon ? colon[0].length : 1) });
      }
      from = hit.at + hit.phrase.key.length;
    }
  }
  marks.sort((a, b) => a.at - b.at);
  marks.forEach((mark, k) => {
    const end = Math.min(marks[k + 1]?.at ?? text.length, sentenceEnd(text, mark.valueAt));
    const value = trimTrailing(squash(text.slice(mark.valueAt, end)), ',;.');
    if (value === '') return;
    if (mark.field === 'deadline') out.deadline ??= { ...(deadlineOf(value, m) ?? { date: null, quarter: null, year: null }), raw: value };
    else out[mark.field].push(...agencies(value));
  });
  return out;
}

function sentenceEnd(text: string, from: number): number {
  const re = /[;.](?=\s|$)/g;
  re.lastIndex = from;
  const hit = re.exec(text);
  return hit ? hit.index : text.length;
}

/** A cell or value naming agencies: one per ";" or line ("Sở Nội vụ; Sở Tài chính"). Commas stay: names hold them. */
function agencies(value: string): string[] {
  return value
    .split(';')
    .map((a) => trimTrailing(squash(a.replace(/^[-+•]\s*/, '')), ',;.'))
    .filter((a) => a !== '');
}

/** "Quý II/2025", "trước ngày 30/6/2025", "tháng 6/2025", "năm 2025", "thường xuyên". */
export function deadlineOf(raw: string, m: Matchers): Omit<NonNullable<Task['deadline']>, 'raw'> | null {
  const key = foldKey(raw);
  const q = findPhrase(key, m.task.quarterWords);
  if (q) {
    const r = /^\s+([ivx]{1,3}|[1-4])\s*(?:\/|-|năm)\s*(\d{4})/u.exec(key.slice(q.at + q.phrase.key.length));
    if (r) {
      const quarter = /^\d$/.test(r[1]!) ? Number(r[1]) : romanToInt(r[1]!);
      if (quarter !== null && quarter >= 1 && quarter <= 4) return { date: null, quarter, year: Number(r[2]) };
    }
  }
  const d = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(key) ?? /(\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(key);
  if (d) {
    const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { date: valid ? `${year}-${pad(month)}-${pad(day)}` : null, quarter: null, year };
  }
  const y = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(key);
  if (y) return { date: null, quarter: null, year: Number(y[1]) };
  if (matchPhrase(key, 0, m.task.standing) || findPhrase(key, m.task.standing)) return { date: null, quarter: null, year: null };
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A task table: a header row naming the content and who leads or by when; a task per row below. */
function tableTasks(table: Unit, m: Matchers): Task[] {
  const [head, ...rows] = table.children;
  if (!head) return [];
  const columns = head.children.map((cell) => columnOf(textOf(cell), m));
  if (!columns.includes('content') || !columns.some((c) => c === 'lead' || c === 'deadline' || c === 'partners')) return [];
  const tasks: Task[] = [];
  for (const row of rows) {
    const cell = (field: string) =>
      row.children
        .filter((_, k) => columns[k] === field)
        .map(textOf)
        .join('; ');
    const text = squash(cell('content'));
    if (text === '') continue;
    const deadline = cell('deadline');
    tasks.push({
      text,
      lead: agencies(cell('lead')),
      partners: agencies(cell('partners')),
      deadline: deadline === '' ? null : { ...(deadlineOf(deadline, m) ?? { date: null, quarter: null, year: null }), raw: squash(deadline) },
      span: row.node.span,
    });
  }
  return tasks;
}

function columnOf(header: string, m: Matchers): Field | 'content' | 'number' | null {
  const key = foldKey(header);
  const hits: [Field | 'content' | 'number', Phrase | null][] = [
    ['number', matchPhrase(key, 0, m.task.number)],
    ['lead', matchPhrase(key, 0, m.task.lead)],
    ['partners', matchPhrase(key, 0, m.task.partners)],
    ['deadline', matchPhrase(key, 0, m.task.deadline)],
    ['content', matchPhrase(key, 0, m.task.content)],
  ];
  let best: [Field | 'content' | 'number', Phrase] | null = null;
  for (const [field, p] of hits) if (p && (!best || p.key.length > best[1].key.length)) best = [field, p];
  return best?.[0] ?? null;
}
