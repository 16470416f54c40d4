import { describe, expect, it } from 'vitest';
import { diffProgrammes } from '../../src/diff/changes.js';
import { renderMarkdown } from '../../src/diff/render-md.js';
import { renderText } from '../../src/diff/render-text.js';
import { DiffResult, type Change } from '../../src/model/diff.js';
import { parse } from '../../src/parse.js';
import { PLAN, corpusText } from '../emit/plan.js';
import { seedText } from '../helpers.js';
import { edit, seedReplacements } from './seed-edits.js';

// The whole document is compared, not only the header and the conferences: the preamble, the
// sections' paragraphs, recipients, the signature, schedule entries, and citations wherever they stand.
const diff = (a: string, b: string) => DiffResult.parse(diffProgrammes(parse(a), parse(b))).changes;
const only = (changes: Change[]): Change => {
  expect(changes.map((c) => `${c.type} ${c.scope}`)).toHaveLength(1);
  return changes[0]!;
};
const seed = seedText();
const SCHEDULE_102 = 'found/102-vi-thanh-thanh-uy-lich-lam-viec-tuan-5-2025.txt';

describe('a conference programme outside its conferences', () => {
  it('a citation changed in the preamble is one citation change there', () => {
    const cited = edit(seed, ['các văn bản của Trung ương', 'Kết luận số 94-KL/TW ngày 28/3/2014 của Ban Bí thư']);
    const c = only(diff(cited, edit(cited, ['Kết luận số 94-KL/TW ngày 28/3/2014 của Ban Bí thư', 'Kết luận số 95-KL/TW ngày 28/3/2014 của Ban Bí thư'])));
    expect(c).toMatchObject({ type: 'citation', scope: 'unit', action: 'changed', before: { id: '94-KL/TW' }, after: { id: '95-KL/TW' } });
    expect(c.new.unit).toMatchObject({ label: null, line: 16 });
    expect(renderText({ changes: [c] })).toContain('~ Đổi trích dẫn ở đoạn: [-Kết luận số 94-KL/TW');
  });

  it('a citation added to the preamble with other words is one edit that lists it', () => {
    const c = only(diff(seed, edit(seed, ['các văn bản của Trung ương', 'Kết luận số 94-KL/TW ngày 28/3/2014 của Ban Bí thư'])));
    if (c.type !== 'edited') throw new Error(c.type);
    expect(c.scope).toBe('unit');
    expect(c.citations.added.map((x) => x.id)).toEqual(['94-KL/TW']);
  });

  it('section paragraphs before and after the conferences are compared, in reading order around them', () => {
    const changes = diff(
      seed,
      edit(
        seed,
        ['ngày càng chất lượng hơn', 'ngày càng hiệu quả hơn'],
        ['ít nhất 07 ngày làm việc', 'ít nhất 10 ngày làm việc'],
        ...(seedReplacements.reword as [string, string][]),
      ),
    );
    expect(changes.map((c) => [c.type, c.scope, c.new.unit?.path ?? c.new.conference?.ordinal])).toEqual([
      ['edited', 'unit', 'I.'],
      ['edited', 'item', 2],
      ['edited', 'unit', 'III. › 3.'],
    ]);
    const [first, , last] = changes as Extract<Change, { type: 'edited' }>[];
    expect(first!.words.filter((w) => w.op !== 'same')).toEqual([
      { op: 'removed', text: 'chất lượng' },
      { op: 'added', text: 'hiệu quả' },
    ]);
    expect(last!.before).toMatch(/ít nhất 07 ngày/);
    expect(renderText({ changes })).toMatch(/^Nội dung\n {2}~ Sửa mục I\.: .*\n\n2\. Hội nghị .*\n.*\n\nNội dung\n {2}~ Sửa mục III\. › 3\.:/);
  });

  it('recipients added, reworded and removed, each once, under "Nơi nhận"', () => {
    const changes = diff(
      seed,
      edit(
        seed,
        ['- Ban cán sự đảng, đảng đoàn,', '- Ban cán sự đảng, đảng đoàn tỉnh,'],
        ['- Các huyện ủy và tương đương,\n', '- Các huyện ủy và tương đương,\n- Đảng ủy Khối cơ quan tỉnh,\n'],
        ['- Các đồng chí Tỉnh ủy viên,\n', ''],
      ),
    );
    expect(changes.map((c) => [c.type, c.scope, c.before, c.after])).toEqual([
      ['removed', 'recipient', 'Các đồng chí Tỉnh ủy viên', null],
      ['edited', 'recipient', 'Ban cán sự đảng, đảng đoàn', 'Ban cán sự đảng, đảng đoàn tỉnh'],
      ['added', 'recipient', null, 'Đảng ủy Khối cơ quan tỉnh'],
    ]);
    expect(changes[2]!.new.recipient).toEqual({ number: 5, text: 'Đảng ủy Khối cơ quan tỉnh' });
    const text = renderText({ changes });
    expect(text).toContain('Nơi nhận\n  − Bỏ nơi nhận: [-Các đồng chí Tỉnh ủy viên-]\n  ~ Sửa nơi nhận: Ban cán sự đảng, đảng đoàn {+tỉnh+}\n  + Thêm nơi nhận: {+Đảng ủy Khối cơ quan tỉnh+}');
    expect(renderMarkdown({ changes }, 'T')).toContain('## Nơi nhận\n\n- **Bỏ nơi nhận**: ~~Các đồng chí Tỉnh ủy viên~~');
  });

  it('the signature: who signs for whom is one change naming its fields', () => {
    const c = only(diff(seed, edit(seed, ['T/M TỈNH ỦY', 'T/M BAN THƯỜNG VỤ'])));
    expect(c).toMatchObject({ type: 'signature', scope: 'document', fields: ['body'], before: { body: 'TỈNH ỦY' }, after: { body: 'BAN THƯỜNG VỤ' } });
    expect(renderText({ changes: [c] })).toBe('Chữ ký\n  ~ Sửa 1 thông tin chữ ký\n      Cơ quan: “TỈNH ỦY” → “BAN THƯỜNG VỤ”\n\n1 thay đổi: 1 sửa chữ ký.\n');
  });
});

describe('other genres, on real text', () => {
  it('a plan: the Thông tư its preamble carries out, renumbered, is one citation change', () => {
    const plan = corpusText(PLAN);
    const c = only(diff(plan, edit(plan, ['Thông tư số 10/2022/TT-BLĐTBXH', 'Thông tư số 11/2022/TT-BLĐTBXH'])));
    expect(c).toMatchObject({ type: 'citation', scope: 'unit', action: 'changed', before: { id: '10/2022/TT-BLĐTBXH' }, after: { id: '11/2022/TT-BLĐTBXH' } });
  });

  it('a schedule: a new hour, a new place and a day moved are one entry change each, naming the field', () => {
    const schedule = corpusText(SCHEDULE_102);
    const moved = '- 13 giờ 30, đồng chí Phó Bí thư Thành ủy làm việc tại cơ quan.\n';
    const revised = edit(
      schedule,
      ['- 6 giờ 45, đồng chí Bí thư', '- 7 giờ 15, đồng chí Bí thư'],
      ['Điểm tại Trường Tiểu học Võ Thị Sáu', 'Điểm tại Trường Tiểu học Lê Lợi'],
      [moved, ''],
      ['Thứ Ba, ngày 13/5/2025\n', `Thứ Ba, ngày 13/5/2025\n${moved}`],
    );
    const changes = diff(schedule, revised);
    expect(changes.map((c) => (c.type === 'entry' ? [c.fields, c.before, c.after] : c.type))).toEqual([
      [['time'], { time: '6 giờ 45' }, { time: '7 giờ 15' }],
      [['place'], { place: 'Trường Tiểu học Võ Thị Sáu, xã Hỏa Lựu' }, { place: 'Trường Tiểu học Lê Lợi, xã Hỏa Lựu' }],
      [['date'], { date: '2025-05-12' }, { date: '2025-05-13' }],
    ]);
    const text = renderText({ changes });
    expect(text).toContain('Lịch công tác\n  ~ Đổi lịch 12/5/2025 (2): 7 giờ 15, đồng chí Bí thư');
    expect(text).toContain('      Ngày: “2025-05-12” → “2025-05-13”');
  });

  it('a schedule: an entry dropped and one reworded', () => {
    const schedule = corpusText(SCHEDULE_102);
    const changes = diff(
      schedule,
      edit(schedule, ['- 7 giờ 30, đồng chí Phó Bí thư Thành ủy làm việc tại cơ quan.\n', ''], ['khám sức khỏe định kỳ năm 2025', 'khám sức khỏe định kỳ 6 tháng đầu năm 2025']),
    );
    expect(changes.map((c) => [c.type, c.scope])).toEqual([
      ['edited', 'entry'],
      ['removed', 'entry'],
    ]);
    expect(changes[1]!.old.entry).toMatchObject({ date: '2025-05-13', text: '7 giờ 30, đồng chí Phó Bí thư Thành ủy làm việc tại cơ quan.' });
  });

  it('the same documents against themselves: no changes', () => {
    for (const text of [seed, corpusText(PLAN), corpusText(SCHEDULE_102)]) expect(diff(text, text)).toEqual([]);
  });
});
