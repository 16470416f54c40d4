import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffProgrammes } from '../../src/diff/changes.js';
import { DiffResult } from '../../src/model/diff.js';
import { parse } from '../../src/parse.js';

// A programme as a structure with stable ids, rendered to the genre's text; edits are applied to
// the structure, so what changed is known exactly.
interface Draft {
  final: boolean;
  conferences: { id: number; session: number; month: number; items: DraftItem[] }[];
}
interface DraftItem {
  id: number;
  text: string;
  agency: string;
  /** The conference it started in (null for an added item): it is never moved back there. */
  home: number | null;
  reworded: boolean;
}

const WORDS = (
  'phát triển kinh tế văn hóa giáo dục đào tạo nguồn nhân lực chất lượng cao nông nghiệp công nghiệp ' +
  'du lịch dịch vụ hạ tầng giao thông đô thị môi trường biến đổi khí hậu an sinh xã hội y tế dân số ' +
  'khoa học công nghệ chuyển đổi số cải cách hành chính đầu tư công ngân sách thu chi quốc phòng an ninh ' +
  'biên giới tôn giáo dân tộc thanh niên phụ nữ cựu chiến binh công đoàn hợp tác xã doanh nghiệp ' +
  'tư nhân thương mại xuất khẩu thủy sản lúa gạo trái cây đất đai tài nguyên khoáng sản rừng phòng chống'
).split(' ');
const AGENCIES = ['Văn phòng Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Ban Dân vận Tỉnh ủy', 'Ban cán sự đảng Ủy ban nhân dân tỉnh'];

const itemText = fc.array(fc.constantFrom(...WORDS), { minLength: 10, maxLength: 16 }).map((w) => `Nội dung ${w.join(' ')}.`);

function render(d: Draft): string {
  const out = [
    'TỈNH ỦY HẬU GIANG',
    '*',
    d.final ? 'Số 15-CTr/TU' : 'Số       -CTr/TU',
    ...(d.final ? [] : ['Dự thảo']),
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    d.final ? 'Hậu Giang, ngày 20 tháng 12 năm 2023' : 'Hậu Giang, ngày     tháng    năm 2023',
    '',
    'CHƯƠNG TRÌNH',
    'Làm việc năm 2024 của Ban Chấp hành Đảng bộ tỉnh',
    'khóa XIV nhiệm kỳ 2020 - 2025',
    '-----',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Nâng cao hiệu quả lãnh đạo, chỉ đạo của Ban Chấp hành Đảng bộ tỉnh.',
    'II. NỘI DUNG VÀ THỜI GIAN',
  ];
  d.conferences.forEach((c, k) => {
    out.push(`${k + 1}. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ ${c.session} (tháng ${c.month}/2024)`);
    c.items.forEach((item, n) => out.push(`(${n + 1}) ${item.text}`, `Cơ quan chủ trì tham mưu: ${item.agency}.`));
  });
  out.push('III. TỔ CHỨC THỰC HIỆN', '1. Các cơ quan, đơn vị chủ động tổ chức thực hiện.', 'Nơi nhận:', '- Lưu VPTU.', 'T/M TỈNH ỦY');
  return `${out.join('\n')}\n`;
}

const draft = fc
  .array(fc.array(fc.tuple(itemText, fc.constantFrom(...AGENCIES)), { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 4 })
  .map((conferences): Draft => {
    let id = 0;
    return {
      final: false,
      conferences: conferences.map((items, k) => ({
        id: k,
        session: 17 + k,
        month: 3 + 2 * k,
        items: items.map(([text, agency]) => ({ id: id++, text, agency, home: k, reworded: false })),
      })),
    };
  });

type Edit =
  | { kind: 'remove' | 'agency' | 'reword'; conference: number; item: number; pick: number }
  | { kind: 'add'; conference: number; text: string; pick: number }
  | { kind: 'move'; conference: number; item: number; to: number }
  | { kind: 'month'; conference: number; pick: number }
  | { kind: 'finalize' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('remove' as const, 'agency' as const, 'reword' as const), conference: fc.nat(), item: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), conference: fc.nat(), text: itemText, pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), conference: fc.nat(), item: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('month' as const), conference: fc.nat(), pick: fc.nat() }),
  fc.constant({ kind: 'finalize' as const }),
);

/**
 * Applies an edit. The first draft's last item of each conference stays where it is, and items are
 * added and moved in after it, so that no item is both dropped and added in one place: that would
 * be one item rewritten, which the diff (rightly) reports as an edit.
 */
function apply(d: Draft, e: Edit, lastOf: Map<number, number>, nextId: () => number): void {
  if (e.kind === 'finalize') {
    d.final = !d.final;
    return;
  }
  const c = d.conferences[e.conference % d.conferences.length]!;
  const movable = c.items.filter((i) => i.id !== lastOf.get(c.id));
  const pickFrom = <T,>(xs: T[], n: number) => xs[n % xs.length]!;
  switch (e.kind) {
    case 'month':
      c.month = pickFrom([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => m !== c.month), e.pick);
      return;
    case 'add':
      if (d.conferences.some((x) => x.items.some((i) => i.text === e.text))) return;
      c.items.push({ id: nextId(), text: e.text, agency: pickFrom(AGENCIES, e.pick), home: null, reworded: false });
      return;
    case 'agency': {
      const item = pickFrom(c.items, e.item);
      item.agency = pickFrom(AGENCIES.filter((a) => a !== item.agency), e.pick);
      return;
    }
    case 'reword': {
      // One word, once per item: a text rewritten beyond recognition is a new item.
      const candidates = c.items.filter((i) => !i.reworded);
      if (!candidates.length) return;
      const item = pickFrom(candidates, e.item);
      const words = item.text.slice(0, -1).split(' ');
      const at = 2 + (e.pick % (words.length - 2));
      words[at] = pickFrom(WORDS.filter((w) => w !== words[at]), e.pick);
      item.text = `${words.join(' ')}.`;
      item.reworded = true;
      return;
    }
    case 'remove':
      if (movable.length) c.items.splice(c.items.indexOf(pickFrom(movable, e.item)), 1);
      return;
    case 'move': {
      if (!movable.length) return;
      const item = pickFrom(movable, e.item);
      const targets = d.conferences.filter((x) => x !== c && x.id !== item.home);
      if (!targets.length) return;
      c.items.splice(c.items.indexOf(item), 1);
      pickFrom(targets, e.to).items.push(item);
    }
  }
}

/** The changes the edits should produce, counted by type, from the two structures. */
function expected(before: Draft, after: Draft): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (type: string) => (counts[type] = (counts[type] ?? 0) + 1);
  if (before.final !== after.final) add('header');
  const placed = (d: Draft) => new Map(d.conferences.flatMap((c) => c.items.map((i) => [i.id, { c: c.id, i }] as const)));
  const [a, b] = [placed(before), placed(after)];
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y) add('removed');
    else {
      if (x.c !== y.c) add('moved');
      if (x.i.text !== y.i.text) add('edited');
      if (x.i.agency !== y.i.agency) add('agency');
    }
  }
  for (const id of b.keys()) if (!a.has(id)) add('added');
  before.conferences.forEach((c, k) => {
    if (c.month !== after.conferences[k]!.month) add('time');
  });
  return counts;
}

function countTypes(changes: DiffResult['changes']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.type] = (counts[c.type] ?? 0) + 1;
  return counts;
}

// FC_RUNS=2000 for a longer search.
const RUNS = Number(process.env.FC_RUNS) || 50;

describe('diff properties', () => {
  it('a draft against itself has no changes', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const p = parse(render(d));
        expect(diffProgrammes(p, p).changes).toEqual([]);
        expect(diffProgrammes(p, parse(render(structuredClone(d)).replace(/\n/g, '\r\n'))).changes).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('the rendered drafts parse back to their structure', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const p = parse(render(d));
        expect(p.conferences.map((c) => c.items.map((i) => [i.text, i.leadAgencies]))).toEqual(
          d.conferences.map((c) => c.items.map((i) => [i.text, [i.agency]])),
        );
      }),
      { numRuns: 20 },
    );
  });

  it('random edits are reported as exactly those changes', () => {
    fc.assert(
      fc.property(draft, fc.array(edit, { minLength: 1, maxLength: 6 }), (d, edits) => {
        const revised: Draft = structuredClone(d);
        const lastOf = new Map(d.conferences.map((c) => [c.id, c.items.at(-1)!.id]));
        let id = 1000;
        for (const e of edits) apply(revised, e, lastOf, () => id++);
        const diff = DiffResult.parse(diffProgrammes(parse(render(d)), parse(render(revised))));
        expect(countTypes(diff.changes)).toEqual(expected(d, revised));
      }),
      { numRuns: RUNS },
    );
  });
});
