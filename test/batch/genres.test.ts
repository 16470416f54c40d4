import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/emit/csv.js';
import type { Programme } from '../../src/model/programme.js';
import { parse } from '../../src/parse.js';
import { PLAN_WITH_TASKS, RESOLUTION, SCHEDULE, corpusPath } from '../emit/plan.js';
import { seedBytes } from '../helpers.js';
import { manifestLines, readCsv, vanban } from './cli.js';

// A batch over real documents of several genres: the manifest says what each one is and how much
// of it was understood; the CSV has a row per item, task and schedule entry.
const root = mkdtempSync(join(tmpdir(), 'vanban-genres-'));
const input = join(root, 'in');
const out = join(root, 'out');
const csv = join(root, 'rows.csv');
const real = [SCHEDULE, RESOLUTION];
let run: ReturnType<typeof vanban>;

const units = (nodes: Programme['outline']): number => nodes.reduce((n, x) => n + 1 + units(x.children), 0);

beforeAll(() => {
  mkdirSync(input, { recursive: true });
  for (const r of real) copyFileSync(corpusPath(r), join(input, basename(r)));
  writeFileSync(join(input, 'plan.txt'), PLAN_WITH_TASKS);
  // Text that is no document at all (the corpus's own notes): converted, but not understood.
  copyFileSync(corpusPath('dev/README.md'), join(input, 'notes.md'));
  writeFileSync(join(input, 'seed.txt'), seedBytes());
  // A Word 97 file saved under a .docx name: read by its magic bytes, its format recorded as read.
  copyFileSync(fileURLToPath(new URL('../../fixtures/broken/doc-renamed.docx', import.meta.url)), join(input, 'renamed.docx'));
  run = vanban(['batch', input, '--out', out, '--csv', csv, '--concurrency', '2']);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('vanban batch over documents of every genre', () => {
  it('manifest lines carry genre, outline, tasks and residue counts, and whether it was understood', () => {
    expect(run.status).toBe(0);
    const lines = new Map(manifestLines(out).map((l) => [basename(l.path), l]));
    for (const name of [...real.map((r) => basename(r)), 'plan.txt', 'seed.txt', 'notes.md']) {
      const line = lines.get(name)!;
      const model = JSON.parse(readFileSync(join(out, line.output!), 'utf8')) as Programme;
      const understood = model.genre !== 'unknown' && !model.diagnostics.some((d) => d.code === 'header-not-found');
      expect(line).toMatchObject({
        status: 'ok',
        genre: model.genre,
        outline: units(model.outline),
        tasks: model.tasks.length,
        residue: model.residue.length,
        understood,
      });
    }
    expect(lines.get('seed.txt')).toMatchObject({ genre: 'conference-programme', understood: true, conferences: 5 });
    expect(lines.get('plan.txt')).toMatchObject({ genre: 'plan', tasks: 3, understood: true });
    expect(lines.get(basename(SCHEDULE))).toMatchObject({ genre: 'schedule' });
    expect(lines.get('notes.md')).toMatchObject({ status: 'ok', format: 'md', genre: 'unknown', understood: false });
    expect(lines.get('renamed.docx')).toMatchObject({ status: 'ok', format: 'doc', conferences: 5 });
  });

  it('the summary counts the documents not understood', () => {
    const lines = manifestLines(out);
    const notUnderstood = lines.filter((l) => l.understood === false).length;
    expect(notUnderstood).toBeGreaterThan(0);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`6 đã chuyển đổi, 0 lỗi, 0 không đổi, 0 bỏ qua, ${notUnderstood} chưa nhận dạng được trong `));
  });

  it('the CSV has a row per item, task and entry, with lead, partners and deadline', () => {
    const [head, ...rows] = readCsv(readFileSync(csv, 'utf8').slice(1));
    expect(head).toEqual([...CSV_COLUMNS]);
    const at = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const of = (file: string) => rows.filter((r) => basename(r[0]!) === file);
    const plan = parse(PLAN_WITH_TASKS);
    const tasks = of('plan.txt');
    expect(tasks.map((r) => r[at('kind')])).toEqual(['task', 'task', 'task']);
    expect(tasks.map((r) => [r[at('item')], r[at('lead')], r[at('partners')], r[at('deadline')], r[at('text')]])).toEqual(
      plan.tasks.map((t, i) => [String(i + 1), t.lead.join('; '), t.partners.join('; '), t.deadline?.raw ?? '', t.text]),
    );
    expect(tasks[1]![at('date')]).toBe('2022-11-30'); // "trước ngày 30/11/2022"
    expect(of('seed.txt').every((r) => r[at('kind')] === 'item')).toBe(true);
    expect(of('seed.txt')).toHaveLength(26);
    const schedule = of(basename(SCHEDULE));
    expect(schedule.length).toBeGreaterThan(0);
    expect(schedule.every((r) => r[at('kind')] === 'entry' && /^\d{4}-\d\d-\d\d$|^$/.test(r[at('date')]!))).toBe(true);
  });
});
