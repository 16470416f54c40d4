import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffProgrammes } from '../../src/diff/changes.js';
import { renderText } from '../../src/diff/render-text.js';
import { DiffResult } from '../../src/model/diff.js';
import { parse } from '../../src/parse.js';
import { PLAN, PLAN_WITH_TASKS, RESOLUTION, corpusText } from '../emit/plan.js';

// Two drafts of real documents that are not conference programmes: the diff compares their
// outline units and tasks instead of reporting "no changes".
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'vanban-diff-outline-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const diff = (a: string, b: string) => DiffResult.parse(diffProgrammes(parse(a), parse(b)));

const resolution = corpusText(RESOLUTION);
/** Article 1 item 2 reworded, item 3 dropped, an item added to article 2. */
const revised = resolution
  .replace('Bổ sung dự án Luật Đất đai (sửa đổi)', 'Bổ sung dự án Luật Đất đai (sửa đổi, bổ sung)')
  .split('\n')
  .filter((l) => !l.startsWith('3. Đưa ra khỏi'))
  .join('\n')
  .replace('Tổ chức thực hiện', 'Tổ chức thực hiện\n\n3. Giao Chính phủ báo cáo kết quả trước ngày 30/6/2026.');

describe('diff of documents without conferences', () => {
  // The new line names a deadline: whether it is read as a task is the parser's call; either way
  // it is reported once, as what the model says it is.
  const newIsTask = parse(revised).tasks.some((t) => t.text.startsWith('Giao Chính phủ báo cáo'));

  it('a real resolution: units edited, removed and added, named by their label path; each change once', () => {
    const { changes } = diff(resolution, revised);
    expect(changes.map((c) => [c.type, c.scope])).toEqual([
      ['edited', 'unit'],
      ['removed', 'unit'],
      ['added', newIsTask ? 'task' : 'unit'],
    ]);
    const [edited, removed, added] = changes as [Extract<(typeof changes)[number], { type: 'edited' }>, (typeof changes)[number], (typeof changes)[number]];
    expect(edited.new.unit).toMatchObject({ label: '2.', path: 'Điều 1. › 2.' });
    expect(edited.words.filter((w) => w.op !== 'same').map((w) => w.text).join(' ')).toMatch(/đổi\)/);
    expect(removed.old.unit?.path).toBe('Điều 1. › 3.');
    expect(removed.before).toMatch(/^Đưa ra khỏi Chương trình lập pháp năm 2026/);
    expect(added.after).toBe('Giao Chính phủ báo cáo kết quả trước ngày 30/6/2026.');
    if (newIsTask) expect(added.new.task).toMatchObject({ text: added.after });
    else expect(added.new.unit).toMatchObject({ path: 'Điều 2. › 3.', text: added.after });
    expect(added.after).toBe('Giao Chính phủ báo cáo kết quả trước ngày 30/6/2026.');
  });

  it('the same document, and one only reformatted, have no changes', () => {
    expect(diff(resolution, resolution).changes).toEqual([]);
    expect(diff(resolution, resolution.replace(/\n/g, '\r\n').normalize('NFD')).changes).toEqual([]);
    const plan = corpusText(PLAN);
    expect(diff(plan, plan).changes).toEqual([]);
  });

  it('a real plan: a reworded paragraph is one edit, the rest of the tree is unchanged', () => {
    const plan = corpusText(PLAN);
    const line = plan.split('\n').find((l) => l.includes('Thiết lập hệ thống giám sát'))!;
    const { changes } = diff(plan, plan.replace(line, line.replace('đồng bộ, toàn diện', 'đồng bộ, toàn diện, kịp thời')));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ type: 'edited', scope: 'unit' });
    expect(renderText({ changes })).toMatch(/\{\+diện, kịp thời\+\}/);
  });

  it('tasks: lead, partners and deadline changes are one "task" change; text edits and removals are reported', () => {
    const neu = PLAN_WITH_TASKS.replace('Sở Tài chính, Sở Kế hoạch và Đầu tư; thời gian hoàn thành: Quý III/2022', 'Sở Tài chính; thời gian hoàn thành: Quý IV/2022')
      .replace('Tổ chức kiểm tra, giám sát tại', 'Tổ chức kiểm tra, giám sát định kỳ tại')
      .split('\n')
      .filter((l) => !l.startsWith('3. Tổng hợp'))
      .join('\n');
    const { changes } = diff(PLAN_WITH_TASKS, neu);
    expect(changes.map((c) => [c.type, c.scope])).toEqual([
      ['task', 'task'],
      ['edited', 'task'],
      ['removed', 'task'],
    ]);
    const task = changes[0] as Extract<(typeof changes)[number], { type: 'task' }>;
    expect(task.fields).toEqual(['partners', 'deadline']);
    expect(task.before.deadline).toBe('Quý III/2022');
    expect(task.after.deadline).toBe('Quý IV/2022');
    expect(task.new.task).toMatchObject({ number: 1 });
    const text = renderText({ changes });
    expect(text).toContain('Nhiệm vụ\n');
    expect(text).toContain('~ Đổi phân công nhiệm vụ 1:');
    expect(text).toContain('Thời hạn: “Quý III/2022” → “Quý IV/2022”');
    expect(text).toContain('~ Sửa nhiệm vụ 2: Tổ chức kiểm tra, giám sát {+định kỳ+} tại');
    expect(text).toContain('− Bỏ nhiệm vụ 3:');
    expect(text).toContain('3 thay đổi: 1 đổi phân công, 1 sửa nội dung, 1 bỏ.');
  });

  it('vanban diff on two plans exits 1 and prints the changes, in JSON that validates', () => {
    const a = file('nq-old.txt', resolution);
    const b = file('nq-new.txt', revised);
    const r = spawnSync(process.execPath, [CLI, 'diff', a, b], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('\nNội dung\n');
    expect(r.stdout).toContain(newIsTask ? '\nNhiệm vụ\n' : '+ Thêm mục Điều 2. › 3.: {+Giao Chính phủ');
    expect(r.stdout).toContain('− Bỏ mục Điều 1. › 3.:');
    expect(r.stdout).not.toContain('Không có thay đổi');
    const json = spawnSync(process.execPath, [CLI, 'diff', '--format', 'json', a, b], { encoding: 'utf8' });
    expect(DiffResult.parse(JSON.parse(json.stdout)).changes).toHaveLength(3);
  });
});
