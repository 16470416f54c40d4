import type { Change, ChangeType, ConferenceRef, EntryField, HeaderField, ItemRef, Side, SignatureField, TaskField, WordRun } from '../model/diff.js';

/** How a renderer marks up words: terminal colours, wdiff brackets or Markdown. */
export interface Style {
  /** Plain document text (escaped for the target). */
  text(s: string): string;
  added(s: string): string;
  removed(s: string): string;
  strong(s: string): string;
}

export const HEADER_LABELS: Record<HeaderField, string> = {
  draft: 'Dấu dự thảo',
  number: 'Số',
  date: 'Ngày tháng',
  place: 'Địa danh',
  issuer: 'Cơ quan ban hành',
  docType: 'Loại văn bản',
  title: 'Trích yếu',
};

const COUNT_NAMES: Record<ChangeType, string> = {
  added: 'thêm',
  removed: 'bỏ',
  moved: 'chuyển hội nghị',
  renumbered: 'đánh số lại',
  edited: 'sửa nội dung',
  agency: 'đổi cơ quan chủ trì',
  time: 'đổi thời gian',
  header: 'sửa phần đầu',
  citation: 'đổi trích dẫn',
  task: 'đổi phân công',
  entry: 'đổi lịch',
  signature: 'sửa chữ ký',
};

const TASK_LABELS: Record<TaskField, string> = { lead: 'Chủ trì', partners: 'Phối hợp', deadline: 'Thời hạn' };
const ENTRY_LABELS: Record<EntryField, string> = { date: 'Ngày', time: 'Giờ', chair: 'Chủ trì', place: 'Địa điểm', preparer: 'Chuẩn bị' };
const SIGNATURE_LABELS: Record<SignatureField, string> = { authority: 'Thẩm quyền ký', body: 'Cơ quan', position: 'Chức vụ', name: 'Người ký' };

/** The heading of each group of changes that is not a conference. */
const GROUPS: Record<string, string> = {
  header: 'Phần đầu văn bản',
  unit: 'Nội dung',
  task: 'Nhiệm vụ',
  entry: 'Lịch công tác',
  recipient: 'Nơi nhận',
  signature: 'Chữ ký',
};

/** "7 thay đổi: 2 thêm, 1 bỏ, …" */
export function summary(changes: Change[]): string {
  if (!changes.length) return 'Không có thay đổi: hai bản giống nhau về nội dung.';
  const counts = new Map<ChangeType, number>();
  for (const c of changes) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return `${changes.length} thay đổi: ${[...counts].map(([type, n]) => `${n} ${COUNT_NAMES[type]}`).join(', ')}.`;
}

/**
 * The conference a change is listed under: where it is now, or where it was if it is gone. Other
 * changes are listed under the part of the document they touch: the body ("Nội dung"), tasks
 * ("Nhiệm vụ"), schedule entries, recipients, the signature; `title` is the heading for every group
 * but a conference.
 */
export function groupOf(change: Change): { key: string; conference: ConferenceRef | null; gone: boolean; title: string } {
  const part = change.type === 'header' || change.type === 'signature' ? change.type : change.scope;
  const title = GROUPS[part];
  if (title) return { key: part, conference: null, gone: false, title };
  const c = change.new.conference ?? change.old.conference;
  const gone = !change.new.conference;
  return { key: `${gone ? 'old' : 'new'}:${c?.line}:${c?.ordinal}`, conference: c, gone, title: '' };
}

const item = (ref: ItemRef | null) => (ref ? `mục (${ref.number})` : 'mục');

/** How a change names what it is about: an item "(3)", an outline unit by its labels, a task by its place. */
function what(side: Side): string {
  if (side.unit) return side.unit.path ? `mục ${side.unit.path}` : 'đoạn';
  if (side.task) return `nhiệm vụ ${side.task.number}`;
  if (side.entry) return `lịch ${side.entry.date ? isoToVietnamese(side.entry.date) : ''} (${side.entry.number})`.replace('  ', ' ');
  if (side.recipient) return 'nơi nhận';
  return item(side.item);
}
const conferenceName = (ref: ConferenceRef | null) => (ref ? `hội nghị ${ref.ordinal}` : 'hội nghị');

/**
 * One change as a mark ("+", "−", "~", …), a line, and lines of detail under it. What was added
 * or removed is shown whole; a text quoted only to say which item is meant is clipped to `width`.
 */
export function describe(change: Change, s: Style, width = 120): { mark: string; line: string; details: string[] } {
  const t = (text: string) => s.text(clip(text, width));
  switch (change.type) {
    case 'header':
      return {
        mark: '~',
        line: s.strong(`Sửa ${change.fields.length} thông tin`),
        details: change.fields.map((f) => `${HEADER_LABELS[f]}: ${shown(change.before[f], s)} → ${shown(change.after[f], s)}`),
      };
    case 'added':
      if (change.scope === 'conference') {
        return {
          mark: '+',
          line: `${s.strong('Thêm hội nghị')} (${change.items.length} nội dung mới)`,
          details: change.items.map((i) => s.added(s.text(`(${i.number}) ${i.text}`))),
        };
      }
      return { mark: '+', line: `${s.strong(`Thêm ${what(change.new)}`)}: ${s.added(s.text(change.after))}`, details: [] };
    case 'removed':
      if (change.scope === 'conference') {
        return {
          mark: '−',
          line: `${s.strong('Bỏ hội nghị')}${change.items.length ? ` cùng ${change.items.length} nội dung` : ''}`,
          details: change.items.map((i) => s.removed(s.text(`(${i.number}) ${i.text}`))),
        };
      }
      return { mark: '−', line: `${s.strong(`Bỏ ${what(change.old)}`)}: ${s.removed(s.text(change.before))}`, details: [] };
    case 'moved':
      return {
        mark: '→',
        line: `${s.strong(`Chuyển đến ${item(change.new.item)}`)}, từ ${conferenceName(change.old.conference)} ${item(change.old.item)}: ${t(change.new.item?.text ?? '')}`,
        details: [],
      };
    case 'renumbered':
      if (change.field === 'session') return { mark: '#', line: `${s.strong(`Đổi hội nghị lần thứ ${change.before} → lần thứ ${change.after}`)}`, details: [] };
      if (change.field === 'ordinal') return { mark: '#', line: `${s.strong('Đánh số lại hội nghị')}: ${change.before}. → ${change.after}.`, details: [] };
      return { mark: '#', line: `${s.strong(`Đánh số lại mục (${change.before}) → (${change.after})`)}: ${t(change.new.item?.text ?? '')}`, details: [] };
    case 'edited':
      return {
        mark: '~',
        line: `${s.strong(change.scope === 'conference' ? 'Sửa tên hội nghị' : `Sửa ${what(change.new)}`)}: ${words(change.words, s)}`,
        details: [
          ...change.citations.removed.map((c) => `bỏ trích dẫn ${s.removed(s.text(c.id ?? c.raw))}`),
          ...change.citations.added.map((c) => `thêm trích dẫn ${s.added(s.text(c.id ?? c.raw))}`),
        ],
      };
    case 'agency':
      return {
        mark: '~',
        line: `${s.strong(`Đổi cơ quan chủ trì ${item(change.new.item)}`)}: ${agencies(change.before, s)} → ${agencies(change.after, s)}`,
        details: [],
      };
    case 'time':
      return {
        mark: '~',
        line: `${s.strong('Đổi thời gian')}: ${s.removed(s.text(change.before?.raw ?? '(không ghi)'))} → ${s.added(s.text(change.after?.raw ?? '(không ghi)'))}`,
        details: [],
      };
    case 'task':
      return {
        mark: '~',
        line: `${s.strong(`Đổi phân công ${what(change.new)}`)}: ${t(change.new.task?.text ?? '')}`,
        details: change.fields.map((f) => `${TASK_LABELS[f]}: ${taskValue(change.before[f], s)} → ${taskValue(change.after[f], s)}`),
      };
    case 'entry':
      return {
        mark: '~',
        line: `${s.strong(`Đổi ${what(change.new)}`)}: ${t(change.new.entry?.text ?? '')}`,
        details: change.fields.map((f) => `${ENTRY_LABELS[f]}: ${shown(change.before[f], s)} → ${shown(change.after[f], s)}`),
      };
    case 'signature':
      return {
        mark: '~',
        line: s.strong(`Sửa ${change.fields.length} thông tin chữ ký`),
        details: change.fields.map((f) => `${SIGNATURE_LABELS[f]}: ${shown(change.before[f], s)} → ${shown(change.after[f], s)}`),
      };
    case 'citation': {
      const what = `trích dẫn ở ${whereCited(change.new.item || change.new.unit || change.new.task || change.new.entry ? change.new : change.old)}`;
      const before = change.before ? s.removed(s.text(change.before.raw)) : '';
      const after = change.after ? s.added(s.text(change.after.raw)) : '';
      const line =
        change.action === 'changed'
          ? `${s.strong(`Đổi ${what}`)}: ${before} → ${after}`
          : change.action === 'added'
            ? `${s.strong(`Thêm ${what}`)}: ${after}`
            : `${s.strong(`Bỏ ${what}`)}: ${before}`;
      return { mark: change.action === 'added' ? '+' : change.action === 'removed' ? '−' : '~', line, details: [] };
    }
  }
}

/** Where a cited document stands: an item "mục (2)", the preamble or a paragraph "đoạn", a unit, a task. */
function whereCited(side: Side): string {
  return side.item ? item(side.item) : what(side);
}

function isoToVietnamese(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

function shown(value: string | null | undefined, s: Style): string {
  return value === null || value === undefined ? '(không có)' : `“${s.text(value)}”`;
}

function taskValue(value: string | string[] | null | undefined, s: Style): string {
  if (Array.isArray(value)) return value.length ? s.text(value.join('; ')) : '(chưa có)';
  return value ? `“${s.text(value)}”` : '(không ghi)';
}

function agencies(list: string[], s: Style): string {
  return list.length ? s.text(list.join('; ')) : '(chưa có)';
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
