import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffProgrammes } from '../../src/diff/changes.js';
import { DiffResult, type Change } from '../../src/model/diff.js';
import { parse } from '../../src/parse.js';
import { parseFile } from '../../src/parse-file.js';
import { seedBytes, seedText, variants } from '../helpers.js';
import { NEW_ITEM, edit, seedEdits, seedWith } from './seed-edits.js';

const seed = parse(seedBytes());
const against = (text: string) => DiffResult.parse(diffProgrammes(seed, parse(text))).changes;
const only = (changes: Change[]): Change => {
  expect(changes.map((c) => c.type)).toHaveLength(1);
  return changes[0]!;
};
const where = (c: Change) => ({
  old: [c.old.conference?.ordinal ?? null, c.old.item?.number ?? null],
  new: [c.new.conference?.ordinal ?? null, c.new.item?.number ?? null],
});

describe('one known edit of the seed gives exactly that change', () => {
  it('removing an item whose followers the document renumbers is one removal', () => {
    const c = only(against(seedEdits['remove an item (renumbering the rest)']()));
    expect(c).toMatchObject({ type: 'removed', scope: 'item', after: null });
    expect(c.before).toMatch(/^Rà soát bổ sung quy hoạch các chức danh/);
    expect(where(c)).toEqual({ old: [2, 3], new: [2, null] });
  });

  it('removing an item and leaving a gap in the numbers is one removal too', () => {
    const c = only(against(seedEdits['remove an item (leaving a gap)']()));
    expect(c).toMatchObject({ type: 'removed', scope: 'item' });
    expect(where(c)).toEqual({ old: [2, 3], new: [2, null] });
  });

  it('adding an item in the middle of a conference is one addition', () => {
    const c = only(against(seedEdits['add an item']()));
    expect(c).toMatchObject({ type: 'added', scope: 'item', before: null, after: NEW_ITEM });
    expect(where(c)).toEqual({ old: [4, null], new: [4, 2] });
  });

  it('moving an item to another conference is one move', () => {
    const c = only(against(seedEdits['move an item to another conference']()));
    expect(c).toMatchObject({ type: 'moved', before: 4, after: 5 });
    expect(where(c)).toEqual({ old: [4, 3], new: [5, 6] });
    expect(c.new.item?.text).toMatch(/^Báo cáo ước thu, chi ngân sách năm 2024/);
  });

  it('numbering an item differently is one renumbering', () => {
    const c = only(against(seedEdits.renumber()));
    expect(c).toMatchObject({ type: 'renumbered', scope: 'item', before: 5, after: 6 });
    expect(where(c)).toEqual({ old: [5, 5], new: [5, 6] });
  });

  it('swapping two items (numbers following) is one renumbering', () => {
    const text = edit(
      seedText(),
      ['(4) Sơ kết 5 năm thực hiện Nghị quyết số 52', '(5) Sơ kết 5 năm thực hiện Nghị quyết số 52'],
      ['(5) Tổng kết 10 năm thực hiện Kết luận số 100', '(4) Tổng kết 10 năm thực hiện Kết luận số 100'],
    );
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('(5) Sơ kết 5 năm thực hiện Nghị quyết số 52'));
    const other = lines.findIndex((l) => l.startsWith('(4) Tổng kết 10 năm thực hiện Kết luận số 100'));
    [lines[at], lines[other]] = [lines[other]!, lines[at]!];
    const c = only(against(lines.join('\n')));
    expect(c.type).toBe('renumbered');
    expect([c.before, c.after].sort()).toEqual([4, 5]);
  });

  it('rewording an item is one edit, with its words', () => {
    const c = only(against(seedEdits.reword()));
    if (c.type !== 'edited') throw new Error(c.type);
    expect(where(c)).toEqual({ old: [2, 2], new: [2, 2] });
    expect(c.before).toBe('Báo cáo công tác tài chính Đảng năm 2023.');
    expect(c.after).toBe('Báo cáo công tác tài chính Đảng và quản lý tài sản năm 2023.');
    expect(c.words).toEqual([
      { op: 'same', text: 'Báo cáo công tác tài chính Đảng' },
      { op: 'added', text: 'và quản lý tài sản' },
      { op: 'same', text: 'năm 2023.' },
    ]);
    expect(c.citations).toEqual({ added: [], removed: [] });
  });

  it('changing a lead agency is one agency change', () => {
    const c = only(against(seedEdits['change an agency']()));
    expect(c).toMatchObject({ type: 'agency', before: ['Ban Dân vận Tỉnh ủy'], after: ['Ban Tổ chức Tỉnh ủy'] });
    expect(where(c)).toEqual({ old: [4, 2], new: [4, 2] });
  });

  it('changing a month is one time change', () => {
    const c = only(against(seedEdits['change a month']()));
    if (c.type !== 'time') throw new Error(c.type);
    expect(c.before).toMatchObject({ month: 9, year: 2024, tentative: false });
    expect(c.after).toMatchObject({ month: 10, year: 2024, tentative: false });
    expect(where(c)).toEqual({ old: [4, null], new: [4, null] });
  });

  it('making a month tentative is one time change', () => {
    const c = only(against(edit(seedText(), ['lần thứ 20 (tháng 12/2024)', 'lần thứ 20 (dự kiến tháng 12/2024)'])));
    expect(c).toMatchObject({ type: 'time', before: { tentative: false }, after: { tentative: true, month: 12 } });
  });

  it('finalizing the header is one header change naming its fields', () => {
    const c = only(against(seedEdits['finalize the header']()));
    expect(c).toMatchObject({
      type: 'header',
      fields: ['draft', 'number', 'date'],
      before: { draft: 'Dự thảo', number: 'Số -CTr/TU', date: 'ngày tháng năm 2023' },
      after: { draft: null, number: 'Số 15-CTr/TU', date: 'ngày 20 tháng 12 năm 2023' },
    });
  });

  it('changing a cited document is one citation change, not an edit', () => {
    const c = only(against(seedEdits['change a citation']()));
    expect(c).toMatchObject({ type: 'citation', action: 'changed', before: { id: '94-KL/TW' }, after: { id: '95-KL/TW' } });
    expect(where(c)).toEqual({ old: [1, 2], new: [1, 2] });
  });

  it('an edit that also adds a citation is one edit that lists it', () => {
    const c = only(
      against(edit(seedText(), ['trong hệ thống giáo dục quốc dân.', 'trong hệ thống giáo dục quốc dân gắn với Chỉ thị số 42-CT/TW ngày 16/3/2015 của Ban Bí thư.'])),
    );
    if (c.type !== 'edited') throw new Error(c.type);
    expect(c.citations.added.map((x) => x.id)).toEqual(['42-CT/TW']);
    expect(c.words.filter((w) => w.op !== 'same').map((w) => w.op)).toEqual(['removed', 'added']);
  });

  it('dropping a whole conference is one removal, the rest renumbered without noise', () => {
    const lines = seedText().split('\n');
    // Conference 3 runs from line 50 to 62; 4 and 5 become 3 and 4.
    const text = [...lines.slice(0, 49), ...lines.slice(62)]
      .join('\n')
      .replace('4. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 19', '3. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 19')
      .replace('5. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20', '4. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20');
    const c = only(against(text));
    expect(c).toMatchObject({ type: 'removed', scope: 'conference', before: 'Hội nghị chuyên đề Ban Chấp hành Đảng bộ tỉnh (dự kiến tháng 8/2024)' });
    if (c.type === 'removed') expect(c.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rewording a conference heading is one edit of the heading', () => {
    const c = only(against(edit(seedText(), ['Đảng bộ tỉnh lần thứ 18 (tháng 6/2024)', 'Đảng bộ tỉnh mở rộng lần thứ 18 (tháng 6/2024)'])));
    expect(c).toMatchObject({ type: 'edited', scope: 'conference', words: expect.arrayContaining([{ op: 'added', text: 'mở rộng' }]) });
    expect(where(c)).toEqual({ old: [2, null], new: [2, null] });
  });

  it('inserting a conference, the later ones renumbered and their sessions too, is one addition', () => {
    let text = seedText();
    for (const [ordinal, session] of [[5, 20], [4, 19], [2, 18]] as const) {
      text = edit(text, [`${ordinal}. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ ${session} `, `${ordinal + 1}. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ ${session + 1} `]);
    }
    text = edit(
      text,
      ['3. Hội nghị chuyên đề', '4. Hội nghị chuyên đề'],
      [
        'Cơ quan chủ trì tham mưu: Ban Tuyên giáo Tỉnh ủy.\n3. Hội nghị',
        'Cơ quan chủ trì tham mưu: Ban Tuyên giáo Tỉnh ủy.\n2. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18 (tháng 5/2024)\n(1) Cho ý kiến về Đề án phát triển du lịch.\nCơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy.\n3. Hội nghị',
      ],
    );
    const c = only(against(text));
    expect(c).toMatchObject({ type: 'added', scope: 'conference', after: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18 (tháng 5/2024)' });
    expect(where(c)).toEqual({ old: [null, null], new: [2, null] });
  });

  it('a conference moved to a later month, past another, is one time change', () => {
    const lines = seedText().split('\n');
    const thematic = lines.slice(49, 62).join('\n').replace('3. Hội nghị chuyên đề', '4. Hội nghị chuyên đề').replace('tháng 8/2024', 'tháng 10/2024');
    const fourth = lines.slice(62, 76).join('\n').replace('4. Hội nghị Ban Chấp hành', '3. Hội nghị Ban Chấp hành');
    const text = [...lines.slice(0, 49), fourth, thematic, ...lines.slice(76)].join('\n');
    const c = only(against(text));
    expect(c).toMatchObject({ type: 'time', before: { month: 8 }, after: { month: 10 } });
    expect(where(c)).toEqual({ old: [3, null], new: [4, null] });
  });
});

describe('several edits at once', () => {
  it('give one change each, in reading order (the README example)', () => {
    const changes = against(
      seedWith('finalize the header', 'remove an item (renumbering the rest)', 'reword', 'change a month', 'change an agency', 'move an item to another conference'),
    );
    expect(changes.map((c) => [c.type, ...where(c).new])).toEqual([
      ['header', null, null],
      ['edited', 2, 2],
      ['removed', 2, null],
      ['time', 4, null],
      ['agency', 4, 2],
      ['moved', 5, 6],
    ]);
  });
});

describe('formatting is never a change', () => {
  it('a draft against itself', () => {
    expect(diffProgrammes(seed, seed).changes).toEqual([]);
  });

  for (const [name, make] of Object.entries(variants)) {
    it(name, () => {
      expect(diffProgrammes(seed, parse(make(seedText()))).changes).toEqual([]);
    });
  }

  it('blank lines and trailing spaces in the body', () => {
    const lines = seedText().split('\n');
    // The header is left alone: a blank line inside the two-line title ends the title.
    const body = lines.slice(16).join('\n').replace(/\n/g, '\n\n').replace(/\.\n/g, '.   \n');
    expect(against([...lines.slice(0, 16), body].join('\n'))).toEqual([]);
  });

  it('the seed as a Word file and as a .doc', async () => {
    const docx = await parseFile(fileURLToPath(new URL('../../fixtures/docx/plain.docx', import.meta.url)));
    const doc = await parseFile(fileURLToPath(new URL('../../fixtures/docx/seed.doc', import.meta.url)));
    expect(diffProgrammes(seed, docx).changes).toEqual([]);
    expect(diffProgrammes(doc, seed).changes).toEqual([]);
  });
});

describe('a .docx against itself before its tracked changes', () => {
  it('reports the session number changed, the item dropped and the item added', async () => {
    const file = fileURLToPath(new URL('../../fixtures/docx/tracked-changes.docx', import.meta.url));
    const [original, accepted] = [await parseFile(file, { revision: 'original' }), await parseFile(file, { revision: 'accepted' })];
    const changes = DiffResult.parse(diffProgrammes(original, accepted)).changes;
    expect(changes.map((c) => [c.type, c.scope, ...Object.values(where(c)).flat()])).toEqual([
      ['renumbered', 'conference', 1, null, 1, null],
      ['removed', 'item', 4, 6, 4, null],
      ['added', 'item', 5, null, 5, 5],
    ]);
    expect(changes[0]).toMatchObject({ field: 'session', before: 16, after: 17 });
  });
});
