import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/emit/csv.js';
import { outline } from '../../src/emit/outline.js';
import { WRITERS, writerFor } from '../../src/emit/writer.js';
import { Programme } from '../../src/model/programme.js';
import { parse } from '../../src/parse.js';
import { readCsv } from '../batch/cli.js';
import { seedBytes } from '../helpers.js';
import { PLAN, PLAN_WITH_TASKS, RESOLUTION, SCHEDULE, corpusText } from './plan.js';

const units = (nodes: Programme['outline']): number => nodes.reduce((n, x) => n + 1 + units(x.children), 0);

const seed = parse(seedBytes(), { file: 'seed.txt' });
const plan = parse(PLAN_WITH_TASKS, { file: 'plan.txt' });
const schedule = parse(corpusText(SCHEDULE), { file: 'schedule.txt' });
const resolution = parse(corpusText(RESOLUTION), { file: 'resolution.txt' });

describe('writers behind one interface', () => {
  it('json, outline, csv and ndjson each name their media type and extension', () => {
    expect(WRITERS.map((w) => [w.name, w.mediaType, w.extension])).toEqual([
      ['json', 'application/json', '.json'],
      ['ndjson', 'application/x-ndjson', '.ndjson'],
      ['csv', 'text/csv; charset=utf-8', '.csv'],
      ['outline', 'text/plain; charset=utf-8', '.txt'],
    ]);
    expect(writerFor('xml')).toBeUndefined();
  });

  it('write(models) is head + one(model, i) + tail, for every writer', () => {
    const models = [seed, plan, schedule];
    for (const w of WRITERS) {
      expect(w.write(models)).toBe(w.head() + models.map((m, i) => w.one(m, i)).join('') + w.tail());
    }
  });

  it('oneBytes(model, i) is one(model, i) as UTF-8, and bytes(model) is write(model), for every writer', () => {
    // A chunk may be a view of a buffer written again for the next: copied as it comes.
    const joined = (chunks: Iterable<Uint8Array>) => Buffer.concat(Array.from(chunks, (c) => Buffer.from(c)));
    for (const w of WRITERS) {
      for (const [i, m] of [seed, plan, schedule].entries()) {
        for (const pretty of [false, true]) {
          expect(joined(w.oneBytes(m, i, { pretty })).toString('utf8'), w.name).toBe(w.one(m, i, { pretty }));
          expect(joined(w.bytes(m, { pretty })).toString('utf8'), w.name).toBe(w.write(m, { pretty }));
        }
      }
    }
  });

  it('json: one model is the object, several an array; both parse back to valid models', () => {
    const json = writerFor('json')!;
    expect(Programme.parse(JSON.parse(json.write(plan)))).toEqual(plan);
    const many = JSON.parse(json.write([seed, plan])) as unknown[];
    expect(many.map((m) => Programme.parse(m).genre)).toEqual(['conference-programme', 'plan']);
    expect(json.write(plan, { pretty: true }).split('\n').length).toBeGreaterThan(50);
  });

  it('ndjson: one line per model', () => {
    const lines = writerFor('ndjson')!.write([seed, schedule, resolution]).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Programme).source.file)).toEqual(['seed.txt', 'schedule.txt', 'resolution.txt']);
  });

  it('csv: a row per item, task and schedule entry, the old nine columns first', () => {
    const text = writerFor('csv')!.write([seed, plan, schedule]);
    expect(text.startsWith('\ufeff')).toBe(true);
    const [head, ...rows] = readCsv(text.slice(1));
    expect(head).toEqual([...CSV_COLUMNS]);
    expect(head!.slice(0, 9)).toEqual(['file', 'year', 'conference', 'month', 'item', 'action', 'citations', 'leadAgencies', 'text']);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const kinds = (file: string) => rows.filter((r) => r[0] === file).map((r) => r[col('kind')]);
    expect(kinds('seed.txt')).toEqual(Array(26).fill('item'));
    expect(kinds('plan.txt')).toEqual(['task', 'task', 'task']);
    expect(kinds('schedule.txt')).toEqual(Array(schedule.schedule.length).fill('entry'));
    const first = rows.find((r) => r[0] === 'plan.txt')!;
    expect(first[col('lead')]).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(first[col('leadAgencies')]).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(first[col('partners')]).toBe(plan.tasks[0]!.partners.join('; '));
    expect(first[col('partners')]).toContain('Sở Tài chính');
    expect(first[col('deadline')]).toBe('Quý III/2022');
    const entry = rows.find((r) => r[0] === 'schedule.txt')!;
    expect(entry[col('date')]).toBe('2018-05-21');
    expect(entry[col('month')]).toBe('5');
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });
});

describe('outline for documents that are not conference programmes', () => {
  it('a plan: genre, header, the tree with roles, tasks with lead, partners and deadline', () => {
    const text = outline(plan);
    const lines = text.split('\n');
    expect(lines[0]).toBe('KẾ HOẠCH — Giám sát, đánh giá Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2022');
    expect(lines[1]).toBe('ỦY BAN NHÂN DÂN TỈNH NINH BÌNH · Số: 130/KH-UBND · Ninh Bình, ngày 13 tháng 7 năm 2022');
    expect(text).toContain('Thể loại: Kế hoạch (plan)');
    expect(text).toContain('II. NHIỆM VỤ, GIẢI PHÁP ‹section›');
    expect(text).toMatch(/^ {2}1\. Xây dựng bộ chỉ số giám sát.*‹task›$/m);
    expect(text).toContain('Nhiệm vụ (3):');
    const unwrapped = text.replace(/\n {5}(?=\S)/g, ' ');
    expect(unwrapped).toContain(`chủ trì: Sở Lao động - Thương binh và Xã hội · phối hợp: ${plan.tasks[0]!.partners.join('; ')} · thời hạn: Quý III/2022`);
    expect(text).toContain('thời hạn: thường xuyên');
    expect(text).toContain(`${units(plan.outline)} mục đề cương, 3 nhiệm vụ, 0 mục lịch, ${plan.residue.length} đoạn chưa phân loại`);
  });

  it('a weekly schedule: day headings and entries with date, chair and place', () => {
    const text = outline(schedule);
    expect(text).toContain('Thể loại: Lịch công tác (schedule)');
    expect(text).toMatch(/^Thứ hai 21\/5 ‹day›$/m);
    expect(text).toContain(`Lịch (${schedule.schedule.length}):`);
    const placed = schedule.schedule.find((e) => e.place && e.date)!;
    expect(text).toMatch(new RegExp(`^  ${placed.date} ${placed.time ? `${placed.time} ` : ''}${placed.text.slice(0, 20)}`, 'm'));
    expect(text).toContain(`địa điểm: ${placed.place}`);
    const timed = schedule.schedule.find((e) => e.time && e.date)!;
    expect(text).toContain(`  ${timed.date} ${timed.time} ${timed.text.slice(0, 30)}`);
  });

  it('a resolution with articles and a table: labels, rows as cells, clipped to the width', () => {
    const text = outline(resolution, 80);
    expect(text).toContain('Điều 1. Điều chỉnh Chương trình lập pháp năm 2026 ‹article›');
    expect(text).toMatch(/^ {2}\[bảng, \d+ dòng\]$/m);
    expect(text).toMatch(/^ {4}\| STT \| Tên dự án \| Cơ quan trình/m);
    for (const line of text.split('\n').filter((l) => /^\s/.test(l) && !l.startsWith('  dòng'))) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('counts residue and lists the warnings of a document it could not place', () => {
    const model = parse(corpusText(PLAN));
    expect(model.residue.length).toBeGreaterThan(0); // the page's "Hệ Thống Pháp Luật" banner
    const text = outline(model);
    expect(text).toContain(`${units(model.outline)} mục đề cương, ${model.tasks.length} nhiệm vụ, 0 mục lịch, ${model.residue.length} đoạn chưa phân loại`);
    for (const d of model.diagnostics.filter((x) => x.severity !== 'info')) expect(text).toContain(`  dòng ${d.line ?? '?'}: ${d.message} (${d.code})`);
    expect(text).not.toContain('(unclassified-text)'); // info: counted, not listed
  });

  it('the seed keeps its conference outline', () => {
    expect(outline(seed)).toContain('5 hội nghị, 26 nội dung, 24 trích dẫn, 2 cảnh báo, 0 lỗi');
    expect(outline(seed)).not.toContain('Thể loại');
  });
});
