import type { Change, ChangeType, ConferenceRef, EntryField, HeaderField, ItemRef, Side, SignatureField, TaskField, WordRun } from '../model/diff.js';

/** How a renderer marks up words: terminal colours, wdiff brackets or Markdown. */
export interface Style {
  /** Plain document text (escaped for the target). */
  text(s: string): string;
  added(s: string): string;
  removed(s: string): string;
  strong(s: string): string;
}

export type Lang = 'vi' | 'en';

/** Every word the diff says itself, in both languages; the documents' own text stays as written. */
interface Words {
  header: Record<HeaderField, string>;
  counts: Record<ChangeType, string>;
  task: Record<TaskField, string>;
  entry: Record<EntryField, string>;
  signature: Record<SignatureField, string>;
  /** The heading of each group of changes that is not a conference. */
  groups: Record<string, string>;
  same: string;
  changes: (n: number) => string;
  oldSide: string;
  item: string;
  itemN: (n: number | string) => string;
  unit: (path: string) => string;
  paragraph: string;
  taskN: (n: number | string) => string;
  entryOn: (date: string, n: number | string) => string;
  recipient: string;
  conference: string;
  conferenceN: (n: number | string) => string;
  editHeader: (n: number) => string;
  addConference: string;
  newItems: (n: number) => string;
  removeConference: string;
  withItems: (n: number) => string;
  add: (what: string) => string;
  remove: (what: string) => string;
  moveTo: (to: string) => string;
  from: (conference: string, item: string) => string;
  session: (before: number | string, after: number | string) => string;
  renumberConference: string;
  renumberItem: (before: number | string, after: number | string) => string;
  editConference: string;
  edit: (what: string) => string;
  citationRemoved: string;
  citationAdded: string;
  agencyOf: (item: string) => string;
  time: string;
  assignment: (what: string) => string;
  change: (what: string) => string;
  editSignature: (n: number) => string;
  citationAt: (where: string) => string;
  unwritten: string;
  none: string;
  notYet: string;
}

const VI: Words = {
  header: { draft: 'Dấu dự thảo', number: 'Số', date: 'Ngày tháng', place: 'Địa danh', issuer: 'Cơ quan ban hành', docType: 'Loại văn bản', title: 'Trích yếu' },
  counts: {
    added: 'thêm', removed: 'bỏ', moved: 'chuyển hội nghị', renumbered: 'đánh số lại', edited: 'sửa nội dung', agency: 'đổi cơ quan chủ trì',
    time: 'đổi thời gian', header: 'sửa phần đầu', citation: 'đổi trích dẫn', task: 'đổi phân công', entry: 'đổi lịch', signature: 'sửa chữ ký',
  },
  task: { lead: 'Chủ trì', partners: 'Phối hợp', deadline: 'Thời hạn' },
  entry: { date: 'Ngày', time: 'Giờ', chair: 'Chủ trì', place: 'Địa điểm', preparer: 'Chuẩn bị' },
  signature: { authority: 'Thẩm quyền ký', body: 'Cơ quan', position: 'Chức vụ', name: 'Người ký' },
  groups: { header: 'Phần đầu văn bản', unit: 'Nội dung', task: 'Nhiệm vụ', entry: 'Lịch công tác', recipient: 'Nơi nhận', signature: 'Chữ ký' },
  same: 'Không có thay đổi: hai bản giống nhau về nội dung.',
  changes: (n) => `${n} thay đổi`,
  oldSide: 'bản cũ',
  item: 'mục',
  itemN: (n) => `mục (${n})`,
  unit: (path) => `mục ${path}`,
  paragraph: 'đoạn',
  taskN: (n) => `nhiệm vụ ${n}`,
  entryOn: (date, n) => `lịch ${date ? `${date} ` : ''}(${n})`,
  recipient: 'nơi nhận',
  conference: 'hội nghị',
  conferenceN: (n) => `hội nghị ${n}`,
  editHeader: (n) => `Sửa ${n} thông tin`,
  addConference: 'Thêm hội nghị',
  newItems: (n) => `${n} nội dung mới`,
  removeConference: 'Bỏ hội nghị',
  withItems: (n) => ` cùng ${n} nội dung`,
  add: (what) => `Thêm ${what}`,
  remove: (what) => `Bỏ ${what}`,
  moveTo: (to) => `Chuyển đến ${to}`,
  from: (conference, item) => `từ ${conference} ${item}`,
  session: (before, after) => `Đổi hội nghị lần thứ ${before} → lần thứ ${after}`,
  renumberConference: 'Đánh số lại hội nghị',
  renumberItem: (before, after) => `Đánh số lại mục (${before}) → (${after})`,
  editConference: 'Sửa tên hội nghị',
  edit: (what) => `Sửa ${what}`,
  citationRemoved: 'bỏ trích dẫn',
  citationAdded: 'thêm trích dẫn',
  agencyOf: (item) => `Đổi cơ quan chủ trì ${item}`,
  time: 'Đổi thời gian',
  assignment: (what) => `Đổi phân công ${what}`,
  change: (what) => `Đổi ${what}`,
  editSignature: (n) => `Sửa ${n} thông tin chữ ký`,
  citationAt: (where) => `trích dẫn ở ${where}`,
  unwritten: '(không ghi)',
  none: '(không có)',
  notYet: '(chưa có)',
};

const EN: Words = {
  header: { draft: 'Draft mark', number: 'Number', date: 'Date', place: 'Place', issuer: 'Issuer', docType: 'Document type', title: 'Title' },
  counts: {
    added: 'added', removed: 'removed', moved: 'moved to another conference', renumbered: 'renumbered', edited: 'edited', agency: 'lead agency changed',
    time: 'time changed', header: 'header edited', citation: 'citation changed', task: 'assignment changed', entry: 'schedule changed', signature: 'signature edited',
  },
  task: { lead: 'Lead', partners: 'Partners', deadline: 'Deadline' },
  entry: { date: 'Date', time: 'Time', chair: 'Chair', place: 'Place', preparer: 'Prepared by' },
  signature: { authority: 'Signing authority', body: 'Body', position: 'Position', name: 'Signed by' },
  groups: { header: 'Document header', unit: 'Body', task: 'Tasks', entry: 'Schedule', recipient: 'Recipients', signature: 'Signature' },
  same: 'No changes: the two drafts say the same.',
  changes: (n) => `${n} ${n === 1 ? 'change' : 'changes'}`,
  oldSide: 'old draft',
  item: 'item',
  itemN: (n) => `item (${n})`,
  unit: (path) => `unit ${path}`,
  paragraph: 'paragraph',
  taskN: (n) => `task ${n}`,
  entryOn: (date, n) => `entry ${date ? `${date} ` : ''}(${n})`,
  recipient: 'recipient',
  conference: 'conference',
  conferenceN: (n) => `conference ${n}`,
  editHeader: (n) => `Edited ${n} ${n === 1 ? 'field' : 'fields'}`,
  addConference: 'Added conference',
  newItems: (n) => `${n} new ${n === 1 ? 'item' : 'items'}`,
  removeConference: 'Removed conference',
  withItems: (n) => ` with its ${n} ${n === 1 ? 'item' : 'items'}`,
  add: (what) => `Added ${what}`,
  remove: (what) => `Removed ${what}`,
  moveTo: (to) => `Moved to ${to}`,
  from: (conference, item) => `from ${conference} ${item}`,
  session: (before, after) => `Conference session ${before} → session ${after}`,
  renumberConference: 'Renumbered conference',
  renumberItem: (before, after) => `Renumbered item (${before}) → (${after})`,
  editConference: 'Edited conference heading',
  edit: (what) => `Edited ${what}`,
  citationRemoved: 'citation removed',
  citationAdded: 'citation added',
  agencyOf: (item) => `Changed lead agency of ${item}`,
  time: 'Changed time',
  assignment: (what) => `Changed assignment of ${what}`,
  change: (what) => `Changed ${what}`,
  editSignature: (n) => `Edited ${n} signature ${n === 1 ? 'field' : 'fields'}`,
  citationAt: (where) => `citation in ${where}`,
  unwritten: '(not given)',
  none: '(none)',
  notYet: '(none yet)',
};

export const WORDS: Record<Lang, Words> = { vi: VI, en: EN };

/** The Vietnamese field names of the header, as the diff prints them. */
export const HEADER_LABELS: Record<HeaderField, string> = VI.header;

/** "7 thay đổi: 2 thêm, 1 bỏ, …" / "7 changes: 2 added, 1 removed, …" */
export function summary(changes: Change[], lang: Lang = 'vi'): string {
  const w = WORDS[lang];
  if (!changes.length) return w.same;
  const counts = new Map<ChangeType, number>();
  for (const c of changes) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return `${w.changes(changes.length)}: ${[...counts].map(([type, n]) => `${n} ${w.counts[type]}`).join(', ')}.`;
}

/**
 * The conference a change is listed under: where it is now, or where it was if it is gone. Other
 * changes are listed under the part of the document they touch: the body ("Nội dung"), tasks
 * ("Nhiệm vụ"), schedule entries, recipients, the signature; `title` is the heading for every group
 * but a conference.
 */
export function groupOf(change: Change, lang: Lang = 'vi'): { key: string; conference: ConferenceRef | null; gone: boolean; title: string } {
  const part = change.type === 'header' || change.type === 'signature' ? change.type : change.scope;
  const title = WORDS[lang].groups[part];
  if (title) return { key: part, conference: null, gone: false, title };
  const c = change.new.conference ?? change.old.conference;
  const gone = !change.new.conference;
  return { key: `${gone ? 'old' : 'new'}:${c?.line}:${c?.ordinal}`, conference: c, gone, title: '' };
}

const item = (ref: ItemRef | null, w: Words) => (ref ? w.itemN(ref.number) : w.item);

/** How a change names what it is about: an item "(3)", an outline unit by its labels, a task by its place. */
function what(side: Side, w: Words, lang: Lang): string {
  if (side.unit) return side.unit.path ? w.unit(side.unit.path) : w.paragraph;
  if (side.task) return w.taskN(side.task.number);
  if (side.entry) return w.entryOn(side.entry.date ? dayOf(side.entry.date, lang) : '', side.entry.number);
  if (side.recipient) return w.recipient;
  return item(side.item, w);
}
const conferenceName = (ref: ConferenceRef | null, w: Words) => (ref ? w.conferenceN(ref.ordinal) : w.conference);

/**
 * One change as a mark ("+", "−", "~", …), a line, and lines of detail under it. What was added
 * or removed is shown whole; a text quoted only to say which item is meant is clipped to `width`.
 */
export function describe(change: Change, s: Style, width = 120, lang: Lang = 'vi'): { mark: string; line: string; details: string[] } {
  const w = WORDS[lang];
  const t = (text: string) => s.text(clip(text, width));
  const named = (side: Side) => what(side, w, lang);
  switch (change.type) {
    case 'header':
      return {
        mark: '~',
        line: s.strong(w.editHeader(change.fields.length)),
        details: change.fields.map((f) => `${w.header[f]}: ${shown(change.before[f], s, w)} → ${shown(change.after[f], s, w)}`),
      };
    case 'added':
      if (change.scope === 'conference') {
        return {
          mark: '+',
          line: `${s.strong(w.addConference)} (${w.newItems(change.items.length)})`,
          details: change.items.map((i) => s.added(s.text(`(${i.number}) ${i.text}`))),
        };
      }
      return { mark: '+', line: `${s.strong(w.add(named(change.new)))}: ${s.added(s.text(change.after))}`, details: [] };
    case 'removed':
      if (change.scope === 'conference') {
        return {
          mark: '−',
          line: `${s.strong(w.removeConference)}${change.items.length ? w.withItems(change.items.length) : ''}`,
          details: change.items.map((i) => s.removed(s.text(`(${i.number}) ${i.text}`))),
        };
      }
      return { mark: '−', line: `${s.strong(w.remove(named(change.old)))}: ${s.removed(s.text(change.before))}`, details: [] };
    case 'moved':
      return {
        mark: '→',
        line: `${s.strong(w.moveTo(item(change.new.item, w)))}, ${w.from(conferenceName(change.old.conference, w), item(change.old.item, w))}: ${t(change.new.item?.text ?? '')}`,
        details: [],
      };
    case 'renumbered':
      if (change.field === 'session') return { mark: '#', line: `${s.strong(w.session(change.before, change.after))}`, details: [] };
      if (change.field === 'ordinal') return { mark: '#', line: `${s.strong(w.renumberConference)}: ${change.before}. → ${change.after}.`, details: [] };
      return { mark: '#', line: `${s.strong(w.renumberItem(change.before, change.after))}: ${t(change.new.item?.text ?? '')}`, details: [] };
    case 'edited':
      return {
        mark: '~',
        line: `${s.strong(change.scope === 'conference' ? w.editConference : w.edit(named(change.new)))}: ${words(change.words, s)}`,
        details: [
          ...change.citations.removed.map((c) => `${w.citationRemoved} ${s.removed(s.text(c.id ?? c.raw))}`),
          ...change.citations.added.map((c) => `${w.citationAdded} ${s.added(s.text(c.id ?? c.raw))}`),
        ],
      };
    case 'agency':
      return {
        mark: '~',
        line: `${s.strong(w.agencyOf(item(change.new.item, w)))}: ${agencies(change.before, s, w)} → ${agencies(change.after, s, w)}`,
        details: [],
      };
    case 'time':
      return {
        mark: '~',
        line: `${s.strong(w.time)}: ${s.removed(s.text(change.before?.raw ?? w.unwritten))} → ${s.added(s.text(change.after?.raw ?? w.unwritten))}`,
        details: [],
      };
    case 'task':
      return {
        mark: '~',
        line: `${s.strong(w.assignment(named(change.new)))}: ${t(change.new.task?.text ?? '')}`,
        details: change.fields.map((f) => `${w.task[f]}: ${taskValue(change.before[f], s, w)} → ${taskValue(change.after[f], s, w)}`),
      };
    case 'entry':
      return {
        mark: '~',
        line: `${s.strong(w.change(named(change.new)))}: ${t(change.new.entry?.text ?? '')}`,
        details: change.fields.map((f) => `${w.entry[f]}: ${shown(change.before[f], s, w)} → ${shown(change.after[f], s, w)}`),
      };
    case 'signature':
      return {
        mark: '~',
        line: s.strong(w.editSignature(change.fields.length)),
        details: change.fields.map((f) => `${w.signature[f]}: ${shown(change.before[f], s, w)} → ${shown(change.after[f], s, w)}`),
      };
    case 'citation': {
      const side = change.new.item || change.new.unit || change.new.task || change.new.entry ? change.new : change.old;
      const cited = w.citationAt(side.item ? item(side.item, w) : named(side));
      const before = change.before ? s.removed(s.text(change.before.raw)) : '';
      const after = change.after ? s.added(s.text(change.after.raw)) : '';
      const line =
        change.action === 'changed'
          ? `${s.strong(w.change(cited))}: ${before} → ${after}`
          : change.action === 'added'
            ? `${s.strong(w.add(cited))}: ${after}`
            : `${s.strong(w.remove(cited))}: ${before}`;
      return { mark: change.action === 'added' ? '+' : change.action === 'removed' ? '−' : '~', line, details: [] };
    }
  }
}

/** A schedule day as the reader writes it: 25/3/2024 in Vietnamese, 2024-03-25 in English. */
function dayOf(date: string, lang: Lang): string {
  if (lang === 'en') return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

function shown(value: string | null | undefined, s: Style, w: Words): string {
  return value === null || value === undefined ? w.none : `“${s.text(value)}”`;
}

function taskValue(value: string | string[] | null | undefined, s: Style, w: Words): string {
  if (Array.isArray(value)) return value.length ? s.text(value.join('; ')) : w.notYet;
  return value ? `“${s.text(value)}”` : w.unwritten;
}

function agencies(list: string[], s: Style, w: Words): string {
  return list.length ? s.text(list.join('; ')) : w.notYet;
}

// Unchanged stretches longer than this are shortened to their ends.
const CONTEXT = 6;

function words(runs: WordRun[], s: Style): string {
  return runs
    .map((run, k) => {
      if (run.op === 'added') return s.added(s.text(run.text));
      if (run.op === 'removed') return s.removed(s.text(run.text));
      const w = run.text.split(' ');
      if (w.length <= CONTEXT * 2) return s.text(run.text);
      const head = k === 0 ? [] : w.slice(0, CONTEXT);
      const tail = k === runs.length - 1 ? [] : w.slice(-CONTEXT);
      return [s.text(head.join(' ')), '…', s.text(tail.join(' '))].filter(Boolean).join(' ');
    })
    .join(' ');
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}
