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
  const found = { tasks: [] as Task[], taskUnits: new Set<Unit>() };
  visit(units, null, m, prose, found);
  return found;
}

/** The tasks of `list` and their children, in order; a loop that makes no call for a leaf (most units). */
function visit(list: readonly Unit[], parent: Unit | null, m: Matchers, prose: boolean, found: { tasks: Task[]; taskUnits: Set<Unit> }): void {
  for (let i = 0; i < list.length; i++) {
    const unit = list[i]!;
    if (unit.kind === 'table') found.tasks.push(...tableTasks(unit, m));
    else if (prose && unit.kind !== 'paragraph' && !isAttribute(unit, m)) {
      const task = proseTask(unit, parent, m);
      if (task) {
        found.tasks.push(task);
        found.taskUnits.add(unit);
      }
    }
    if (unit.children.length > 0) visit(unit.children, unit, m, prose, found);
  }
}

const textOf = (u: Unit) => u.text ?? u.heading ?? '';

function isAttribute(unit: Unit, m: Matchers): boolean {
  const key = foldKey(textOf(unit));
  return FIELDS.some((f) => {
    const p = matchPhrase(key, 0, m.task[f]);
    return p !== null && /^\s*[:：]/.test(key.slice(p.key.length));
  });
}

function proseTask(unit: Unit, parent: Unit | null, m: Matchers): Task | null {
  const own = textOf(unit);
  const found = attributesIn(own, m);
  for (const child of unit.children) if (isAttribute(child, m)) merge(found, attributesIn(textOf(child), m));
  if (found.lead.length === 0 || found.partners.length === 0 || found.deadline === null) {
    // What the labelled fields left open, the sentence may say ("X chủ trì, phối hợp với Y …").
    const inline = inlineAttributes(own, m);
    if (found.lead.length === 0) found.lead.push(...inline.lead);
    if (found.partners.length === 0) found.partners.push(...inline.partners);
    found.deadline ??= inline.deadline;
  }
  if (found.lead.length === 0 && found.partners.length === 0 && found.deadline === null) return null;
  // A task under an agency's own heading ("b) Bộ Tài chính") is that agency's.
  if (found.lead.length === 0 && parent) {
    const agency = trimTrailing(textOf(parent), ':');
    if (isAgency(agency, m) && agency.split(' ').length <= 12) found.lead.push(agency);
  }
  return { text: own, lead: found.lead, partners: found.partners, deadline: found.deadline, span: unit.span };
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
      const named = long && field !== 'deadline' && isAgency(text.slice(hit.at + hit.phrase.key.length).trimStart(), m);
      if (colon || named || (field === 'deadline' && deadlineOf(after.slice(0, 60), m) !== null)) {
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

const isAgency = (text: string, m: Matchers) => /^\p{Lu}/u.test(text) && matchPhrase(foldKey(text.slice(0, 40)), 0, m.task.agencyStarts) !== null;

/**
 * Who leads, who takes part and by when, in running text: "Giao Sở X chủ trì, phối hợp với các
 * đơn vị liên quan nghiên cứu …, hoàn thành trước ngày 10/12/2023", "Tổng cục Thuế phối hợp với
 * các cơ quan báo chí chủ động …". A name runs up to the next verb, comma or bracket.
 */
function inlineAttributes(text: string, m: Matchers): Attributes {
  const out: Attributes = { lead: [], partners: [], deadline: null };
  const key = foldKey(text);
  const leadVerb = findPhrase(key, m.task.leadVerbs);
  const partnerVerb = findPhrase(key, m.task.partnerVerbs, leadVerb ? leadVerb.at : 0);
  const subjectEnd = leadVerb?.at ?? partnerVerb?.at;
  if (subjectEnd !== undefined) {
    const subject = subjectBefore(text, key, subjectEnd, m);
    if (subject) out.lead.push(subject);
  }
  const due = findPhrase(key, m.task.deadlineStarts);
  if (due) {
    const raw = squash(text.slice(due.at, Math.min(clauseEnd(text, due.at + due.phrase.key.length), due.at + 120)));
    const parsed = deadlineOf(raw, m);
    if (parsed) out.deadline = { ...parsed, raw };
  }
  // "Tổng cục Thuế căn cứ …, chậm nhất là ngày 20 tháng 12": a task with a date is its subject's.
  if (out.lead.length === 0 && out.deadline !== null) {
    const verb = findPhrase(key, m.task.verbs);
    const subject = verb ? subjectBefore(text, key, verb.at, m) : null;
    if (subject) out.lead.push(subject);
  }
  if (partnerVerb) {
    const partners = nameAfter(text, key, partnerVerb.at + partnerVerb.phrase.key.length, m);
    if (partners) out.partners.push(partners);
  }
  return out;
}

/** The agency a clause opens with, after "Giao"/"Đề nghị": "Sở Tài nguyên và Môi trường". */
function subjectBefore(text: string, key: string, end: number, m: Matchers): string | null {
  const after = (mark: string) => {
    const at = key.lastIndexOf(mark, end);
    return at === -1 ? 0 : at + mark.length;
  };
  let start = Math.max(after('. '), after('; '), after(': '));
  const assign = findPhrase(key.slice(0, end), m.task.assignWords, start);
  if (assign) start = assign.at + assign.phrase.key.length;
  const subject = trimTrailing(squash(text.slice(start, end)), ',');
  const words = subject.split(' ').length;
  if (subject === '' || words > 14 || !(isAgency(subject, m) || /^các /u.test(subject))) return null;
  return subject;
}

/** The name that follows "phối hợp với": up to a comma, a bracket, the end of the clause or a verb. */
function nameAfter(text: string, key: string, from: number, m: Matchers): string | null {
  let end = clauseEnd(text, from, true);
  // "các sở, ban, ngành": a comma before another agency noun goes on with the list.
  while (text[end] === ',' && matchPhrase(key, end + 2, m.task.listNouns)) end = clauseEnd(text, end + 1, true);
  const verb = findPhrase(key.slice(0, end), m.task.verbs, from + 1);
  if (verb) end = verb.at;
  const name = trimTrailing(squash(text.slice(from, end)), ',;:');
  // "phối hợp trong tổ chức …" is a manner, not a partner: a partner is named ("các sở", "Bộ Công Thương").
  if (name === '' || name.split(' ').length > 20 || !(isAgency(name, m) || /^(?:các|cơ quan|đơn vị)(?![\p{L}])/iu.test(name))) return null;
  return name;
}

/** Where a clause ends: a comma (when `comma`), ";", ")", "(" or a full stop before a space. */
function clauseEnd(text: string, from: number, comma = true): number {
  const re = comma ? /[,;()]|\.(?=\s|$)/g : /[;()]|\.(?=\s|$)/g;
  re.lastIndex = from;
  const hit = re.exec(text);
  return hit ? hit.index : text.length;
}

/** A field's value runs to the end of its sentence; ";" separates the agencies it names. */
function sentenceEnd(text: string, from: number): number {
  const re = /\.(?=\s|$)/g;
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
  // "trước ngày 15 tháng 11", "15/12": a day of a year the text leaves to its context.
  if (/(?<!\d)\d{1,2} tháng \d{1,2}(?!\d)|(?<!\d)\d{1,2}\/\d{1,2}(?![\d/])/u.test(key)) return { date: null, quarter: null, year: null };
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
      span: row.span,
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
