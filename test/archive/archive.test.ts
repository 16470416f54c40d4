import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewProgramme } from '../../scripts/bench/documents.mjs';
import { indexArchive, type IndexSummary } from '../../src/archive/build.js';
import { ArchiveDb } from '../../src/archive/db.js';
import { agencies, anniversaries, cites, search, type Anniversary, type Citing } from '../../src/archive/questions.js';
import { SCHEMA_VERSION } from '../../src/archive/schema.js';
import { defaultGrammar } from '../../src/grammar/load.js';
import { createService } from '../../src/serve/server.js';

// An archive of one province's programmes over the years: the seed (2024, the draft with its
// slips), the same programme as the generator writes it for 2014, 2019 and 2025 (every review
// that comes due, rightly named), and a real action programme on Nghị quyết 57-NQ/TW.
// The batch's workers run the build: npx tsc -p tsconfig.build.json first.
const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(root, 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'vanban-archive-'));
const archive = join(dir, 'archive');
const db = join(dir, 'archive.db');
const out = join(dir, 'archive-json');
const checks = defaultGrammar().checks;
const NQ57_ITEM = 'Sơ kết 01 năm thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.';
const SEED = 'programme-2024-hau-giang-draft.txt';
const ACTION = '105-btv-tinh-uy-ctrhd-nq57-2024-baomoi.txt';

const put = (name: string, text: string) => writeFileSync(join(archive, name), text);
const index = () => indexArchive({ inputs: [archive], out, db, concurrency: 2, maxSize: 100 << 20 });

async function ask<T>(question: (a: ArchiveDb) => T): Promise<T> {
  const a = await ArchiveDb.open(db);
  try {
    return question(a);
  } finally {
    a.close();
  }
}

/** An anniversary in one line: id, years, action, and each review's year, words and lead agency. */
const line = (a: Anniversary) => `${a.id} ${a.years} ${a.action}: ${a.reviews.map((r) => `${r.year} ${r.said} [${r.lead.join('; ')}]`).join(' | ')}`;
const citing = (c: Citing) => `${c.year} ${basename(c.document)} ${c.conference}/${c.item} [${c.lead.join('; ')}] ${c.raw} :${c.line}`;

let first: IndexSummary;
beforeAll(async () => {
  mkdirSync(archive);
  copyFileSync(join(root, 'fixtures/seed', SEED), join(archive, SEED));
  copyFileSync(join(root, 'fixtures/corpus/found', ACTION), join(archive, ACTION));
  put('ctr-2014.txt', reviewProgramme(2014, { number: 5 }).text);
  put('ctr-2019.txt', reviewProgramme(2019, { number: 12, offset: 1 }).text);
  put('ctr-2025.txt', reviewProgramme(2025, { number: 31, offset: 2, extraItems: [NQ57_ITEM] }).text);
  first = await index();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vanban index', () => {
  it('stores every document of the archive, with its items, tasks, agencies and citations', async () => {
    expect({ added: first.added, updated: first.updated, removed: first.removed, kept: first.kept, documents: first.documents }).toEqual({ added: 5, updated: 0, removed: 0, kept: 0, documents: 5 });
    const counts = await ask((a) => a.get(`SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM items) AS items, (SELECT value FROM meta WHERE key = 'schema_version') AS version`));
    // The seed's 26 items; 4 routine items and one on digital transformation a year, the reviews
    // due in 2014 (3), 2019 (10) and 2025 (none), and the 57-NQ/TW item of 2025.
    expect(counts).toEqual({ documents: 5, items: 26 + 3 * 5 + 3 + 10 + 1, version: String(SCHEMA_VERSION) });
    const seed = await ask((a) => a.get("SELECT year, number, doc_type, draft, genre FROM documents WHERE path LIKE '%' || ?", [SEED]));
    expect(seed).toEqual({ year: 2024, number: null, doc_type: 'CHƯƠNG TRÌNH', draft: 1, genre: 'conference-programme' });
    // Every citation keeps its span in the normalized text.
    const span = await ask((a) => a.get("SELECT raw, start, end, line, review_action, review_years, review_text FROM citations WHERE cited_id = '102-KL/TW' AND document_id = (SELECT id FROM documents WHERE path LIKE '%' || ?)", [SEED]));
    const text = readFileSync(join(root, 'fixtures/seed', SEED), 'utf8');
    expect(span).toMatchObject({ line: 68, review_action: 'Sơ kết', review_years: 5, review_text: 'Sơ kết 05 năm thực hiện' });
    expect(text.includes(String(span!.raw))).toBe(true);
    expect(Number(span!.end) - Number(span!.start)).toBe(String(span!.raw).length);
  });

  it('keeps what did not change, stores what changed or is new, removes what is gone', async () => {
    const again = await index();
    expect({ added: again.added, updated: again.updated, removed: again.removed, kept: again.kept }).toEqual({ added: 0, updated: 0, removed: 0, kept: 5 });
    expect(again.batch.unchanged).toBe(5); // the batch did not parse them again either
  });
});

describe('vanban anniversaries', () => {
  it("lists for the seed's year every cited document due, with the seed's own review items and the right counts", async () => {
    const list = await ask((a) => anniversaries(a, 2024, checks));
    expect(list.map(line)).toEqual([
      '40-CT/TW 20 Tổng kết: 2014 Tổng kết 10 năm thực hiện [Ban Tuyên giáo Tỉnh ủy] | 2019 Tổng kết 15 năm thực hiện [Ban Tổ chức Tỉnh ủy] | 2024 Tổng kết 20 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      '22-CT/TU 15 Tổng kết: ',
      '38-CT/TW 15 Tổng kết: 2014 Sơ kết 05 năm thực hiện [Ban cán sự đảng Ủy ban nhân dân tỉnh] | 2019 Tổng kết 10 năm thực hiện [Ban Tuyên giáo Tỉnh ủy] | 2024 Tổng kết 15 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      '62-KL/TW 15 Tổng kết: 2014 Sơ kết 05 năm thực hiện [Văn phòng Tỉnh ủy] | 2019 Tổng kết 10 năm thực hiện [Ban Tổ chức Tỉnh ủy] | 2024 Tổng kết 15 năm thực hiện [Ban Dân vận Tỉnh ủy]',
      '100-KL/TW 10 Tổng kết: 2019 Sơ kết 05 năm thực hiện [Ủy ban Kiểm tra Tỉnh ủy] | 2024 Tổng kết 10 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      // The seed's slip: a 10-year review written "Sơ kết 05 năm".
      '102-KL/TW 10 Tổng kết: 2019 Sơ kết 05 năm thực hiện [Ban cán sự đảng Ủy ban nhân dân tỉnh] | 2024 Sơ kết 05 năm thực hiện [Ban Dân vận Tỉnh ủy]',
      '33-NQ/TW 10 Tổng kết: 2019 Sơ kết 05 năm thực hiện [Văn phòng Tỉnh ủy] | 2024 Tổng kết 10 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      '36-NQ/TW 10 Tổng kết: 2019 Sơ kết 05 năm [Ban Dân vận Tỉnh ủy] | 2024 Tổng kết 10 năm [Ban Tuyên giáo Tỉnh ủy]',
      '37-CT/TW 10 Tổng kết: 2019 Sơ kết 05 năm thực hiện [Văn phòng Tỉnh ủy] | 2024 Tổng kết 10 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      '37-NQ/TW 10 Tổng kết: 2019 Sơ kết 05 năm triển khai thực hiện [Ban cán sự đảng Ủy ban nhân dân tỉnh] | 2024 Tổng kết 10 năm triển khai thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      '94-KL/TW 10 Tổng kết: 2019 Sơ kết 05 năm thực hiện [Ban Tổ chức Tỉnh ủy] | 2024 Tổng kết 10 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      '208-QĐ/TW 5 Sơ kết: 2024 Sơ kết 05 năm thực hiện [Ban Tổ chức Tỉnh ủy]',
      '28-CT/TW 5 Sơ kết: 2024 Sơ kết 05 năm thực hiện [Ban Tổ chức Tỉnh ủy]',
      // Cited in the seed ("Kế hoạch thực hiện Chỉ thị số 33-CT/TW"), never reviewed.
      '33-CT/TW 5 Sơ kết: ',
      '49-KL/TW 5 Sơ kết: 2024 Sơ kết 5 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      '52-NQ/TW 5 Sơ kết: 2024 Sơ kết 5 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
      // The seed's other slip: a 5-year review written "Tổng kết".
      '54-KL/TW 5 Sơ kết: 2024 Tổng kết 05 năm thực hiện [Ban cán sự đảng Ủy ban nhân dân tỉnh]',
      '56-KL/TW 5 Sơ kết: 2024 Sơ kết 05 năm thực hiện [Ban Tuyên giáo Tỉnh ủy]',
    ]);
    const slip = list.find((a) => a.id === '102-KL/TW')!;
    expect(slip.reviews.at(-1)).toMatchObject({ year: 2024, conference: 4, item: 2, saidYears: 5, line: 68 });
    expect(slip.draft).toBe('Tổng kết 10 năm thực hiện Kết luận số 102-KL/TW ngày 22/9/2014 của Bộ Chính trị khóa XI về hội quần chúng.');
  });

  it("drafts next years' lines in the latest review's phrasing, or from the citation when there is none", async () => {
    const list = await ask((a) => anniversaries(a, 2029, checks));
    const kl94 = list.find((a) => a.id === '94-KL/TW')!;
    expect(kl94).toMatchObject({ kind: 'Kết luận', date: '2014-03-28', issuedYear: 2014, issuedBy: 'Ban Bí thư', years: 15, action: 'Tổng kết', lead: ['Ban Tuyên giáo Tỉnh ủy'] });
    expect(kl94.reviews.map((r) => [r.year, r.said])).toEqual([
      [2019, 'Sơ kết 05 năm thực hiện'],
      [2024, 'Tổng kết 10 năm thực hiện'],
    ]);
    expect(kl94.draft).toBe('Tổng kết 15 năm thực hiện Kết luận số 94-KL/TW, ngày 28/3/2014 của Ban Bí thư về việc tiếp tục đổi mới việc học tập lý luận chính trị trong hệ thống giáo dục quốc dân.');
    // 28-CT/TW: the first review's item also named a plan of 33-CT/TW after "; ": the draft stops there.
    expect(list.find((a) => a.id === '28-CT/TW')!.draft).toBe(
      'Tổng kết 10 năm thực hiện Chỉ thị số 28-CT/TW ngày 21/01/2019 của Ban Bí thư (khóa XII) về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc, đưa những đảng viên không còn đủ tư cách ra khỏi Đảng.',
    );
    const ct22 = list.find((a) => a.id === '22-CT/TU')!;
    expect(ct22.reviews).toEqual([]);
    expect(ct22.draft).toBe(
      'Tổng kết 20 năm thực hiện Chỉ thị 22-CT/TU ngày 18/6/2009 của Tỉnh ủy “về Tăng cường sự lãnh đạo của Đảng, tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc và các đoàn thể ở cơ sở”.',
    );
    // 2029 is the 5th year of 2024's 57-NQ/TW: due, never reviewed yet (its 1-year review does not count).
    const nq57 = list.find((a) => a.id === '57-NQ/TW')!;
    expect(nq57).toMatchObject({ years: 5, action: 'Sơ kết', issuedYear: 2024 });
    expect(nq57.reviews.map((r) => [r.year, r.said, r.saidYears])).toEqual([[2025, 'Sơ kết 01 năm thực hiện', 1]]);
    expect(nq57.draft).toBe('Sơ kết 05 năm thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.');
  });

  it('lists nothing for a year no cited document comes due in', async () => {
    expect(await ask((a) => anniversaries(a, 2027, checks))).toEqual([]);
  });
});

describe('vanban cites', () => {
  it('finds the documents and items citing a document, by year, with lead agencies', async () => {
    expect((await ask((a) => cites(a, '94-KL/TW'))).map(citing)).toEqual([
      '2019 ctr-2019.txt 1/2 [Ban Tổ chức Tỉnh ủy] Kết luận số 94-KL/TW, ngày 28/3/2014 của Ban Bí thư :28',
      `2024 ${SEED} 1/2 [Ban Tuyên giáo Tỉnh ủy] Kết luận số 94-KL/TW, ngày 28/3/2014 của Ban Bí thư :29`,
    ]);
    // The action programme's grounds cite it outside any item: one row for the document, at the first mention.
    expect((await ask((a) => cites(a, '57-nq / tw'))).map(citing)).toEqual([
      '2025 ctr-2025.txt 1/2 [Ban cán sự đảng Ủy ban nhân dân tỉnh] Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị :28',
      `null ${ACTION} null/null [] Nghị quyết số 57 :1`,
    ]);
    expect(await ask((a) => cites(a, '999-NQ/TW'))).toEqual([]);
  });
});

describe('vanban agencies', () => {
  it('counts items and tasks per lead agency and quarter', async () => {
    expect(await ask((a) => agencies(a, 2014))).toEqual([
      // 2014: March [routine, 40-CT/TW], June [routine, 38-CT/TW, digital], September
      // [routine, 62-KL/TW], December [routine]; the agencies taking turns from Văn phòng.
      { agency: 'Ban Dân vận Tỉnh ủy', quarter: 3, items: 1, tasks: 0 },
      { agency: 'Ban Tuyên giáo Tỉnh ủy', quarter: 1, items: 1, tasks: 0 },
      { agency: 'Ban Tuyên giáo Tỉnh ủy', quarter: 4, items: 1, tasks: 0 },
      { agency: 'Ban Tổ chức Tỉnh ủy', quarter: 2, items: 1, tasks: 0 },
      { agency: 'Ban cán sự đảng Ủy ban nhân dân tỉnh', quarter: 2, items: 1, tasks: 0 },
      { agency: 'Văn phòng Tỉnh ủy', quarter: 1, items: 1, tasks: 0 },
      { agency: 'Văn phòng Tỉnh ủy', quarter: 3, items: 1, tasks: 0 },
      { agency: 'Ủy ban Kiểm tra Tỉnh ủy', quarter: 2, items: 1, tasks: 0 },
    ]);
  });
});

describe('vanban search', () => {
  it('finds items with and without diacritics, đ read as d, best first, with the document and span', async () => {
    const hits = await ask((a) => search(a, 'chuyển đổi số'));
    expect(hits.map((h) => `${basename(h.document)}:${h.span.start.line}:${h.span.start.column}-${h.span.end.line}:${h.span.end.column} ${h.kind} ${h.conference}/${h.item}`)).toEqual([
      // Equal scores: by document.
      'ctr-2014.txt:39:1-39:92 item 2/3',
      'ctr-2019.txt:51:1-51:92 item 2/5',
      'ctr-2025.txt:36:1-36:92 item 2/2',
      // Longer: the words weigh less (BM25).
      'ctr-2025.txt:28:1-28:172 item 1/2',
    ]);
    expect(await ask((a) => search(a, 'chuyen doi so'))).toEqual(hits);
    expect(await ask((a) => search(a, 'CHUYEN DOI SO'))).toEqual(hits);
    expect(hits[0]!.text).toBe('Đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan Đảng, chính quyền tỉnh năm 2014.');
    expect(await ask((a) => search(a, 'chuyen doi so', 1))).toEqual(hits.slice(0, 1));
    // Every word must be there: only the 57-NQ/TW item speaks of "quốc gia" (its score is its own).
    expect((await ask((a) => search(a, 'chuyển đổi số quốc gia'))).map((h) => ({ ...h, score: 0 }))).toEqual([{ ...hits[3]!, score: 0 }]);
    expect(await ask((a) => search(a, '…'))).toEqual([]);
  });
});

describe('an archive that changes', () => {
  it('adds new files, stores changed ones again and removes deleted ones', async () => {
    rmSync(join(archive, 'ctr-2014.txt'));
    put('ctr-2025.txt', reviewProgramme(2025, { number: 31, offset: 2 }).text);
    put('ctr-2020.txt', reviewProgramme(2020, { number: 8 }).text);
    const again = await index();
    expect({ added: again.added, updated: again.updated, removed: again.removed, kept: again.kept, documents: again.documents }).toEqual({ added: 1, updated: 1, removed: 1, kept: 3, documents: 5 });
    expect((await ask((a) => cites(a, '57-NQ/TW'))).map((c) => basename(c.document))).toEqual([ACTION]);
    const kl = (await ask((a) => anniversaries(a, 2024, checks))).find((a) => a.id === '40-CT/TW')!;
    expect(kl.reviews.map((r) => r.year)).toEqual([2019, 2024]);
    expect((await ask((a) => search(a, 'chuyen doi so'))).map((h) => basename(h.document))).toEqual(['ctr-2019.txt', 'ctr-2020.txt', 'ctr-2025.txt']);
    const orphans = await ask((a) => a.get('SELECT (SELECT COUNT(*) FROM search) - (SELECT COUNT(*) FROM search_rows) AS n'));
    expect(orphans).toEqual({ n: 0 });
  }, 120_000);
});

describe('an archive named another way', () => {
  it('indexed as a relative path after an absolute one: every document kept, its path as now given', async () => {
    const named = relative(process.cwd(), archive);
    const before = await ask((a) => a.all('SELECT id, path FROM documents ORDER BY id'));
    const again = await indexArchive({ inputs: [named], out, db, concurrency: 2, maxSize: 100 << 20 });
    expect({ added: again.added, updated: again.updated, removed: again.removed, kept: again.kept, documents: again.documents }).toEqual({ added: 0, updated: 0, removed: 0, kept: 5, documents: 5 });
    expect(again.batch.converted).toBe(0);
    const after = await ask((a) => a.all('SELECT id, path FROM documents ORDER BY id'));
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect(after.map((d) => d.path)).toEqual(before.map((d) => join(named, relative(archive, String(d.path)))));
    // The questions name the documents as the inputs now do.
    expect((await ask((a) => cites(a, '57-NQ/TW'))).map((c) => c.document)).toEqual([join(named, ACTION)]);
    // And back, as the tests after this one expect.
    expect((await index()).kept).toBe(5);
    expect(await ask((a) => a.all('SELECT id, path FROM documents ORDER BY id'))).toEqual(before);
  }, 120_000);
});

describe('the commands', () => {
  const vanban = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

  it('answer in text, JSON, CSV and Markdown', () => {
    const text = vanban('anniversaries', '2024', '--db', db);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Kết luận 102-KL/TW (22/09/2014, Bộ Chính trị): Tổng kết 10 năm\n');
    expect(text.stdout).toContain('  dự thảo: Tổng kết 10 năm thực hiện Kết luận số 102-KL/TW ngày 22/9/2014 của Bộ Chính trị khóa XI về hội quần chúng.\n');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('18 văn bản đến kỳ sơ kết, tổng kết năm 2024');
    const json = JSON.parse(vanban('cites', '94-KL/TW', '--db', db, '--format', 'json').stdout) as { id: string; cites: Citing[] };
    expect(json.cites.map((c) => c.year)).toEqual([2019, 2024]);
    const csv = vanban('agencies', '--year', '2019', '--db', db, '--format', 'csv').stdout;
    expect(csv.startsWith('\ufeffagency,quarter,items,tasks\r\n')).toBe(true);
    expect(csv.split('\r\n')).toContain('Ban Dân vận Tỉnh ủy,2,1,0');
    const md = vanban('search', 'chuyen doi so', '--db', db, '--format', 'md', '--limit', '1').stdout.split('\n'); // after the changes below: 2019 first
    expect(md[0]).toBe('| score | kind | document | year | line | column | endLine | endColumn | conference | item | task | text |');
    expect(md[2]).toMatch(/^\| [\d.]+ \| item \| .*ctr-2019\.txt \| 2019 \| 51 \| 1 \| 51 \| 92 \| 2 \| 5 \|  \| Đẩy mạnh chuyển đổi số/);
    expect(md).toHaveLength(4);
    expect(vanban('agencies', '--year', '2019', '--db', db, '--lang', 'en').stdout.split('\n')[1]).toMatch(/^Lead agency +Q1 +Q2 +Q3 +Q4 +No quarter +Total$/);
  });

  it('refuse bad usage with exit 2, and an unreadable or foreign database with one line and exit 1', () => {
    for (const args of [['anniversaries', '2024'], ['anniversaries', 'next', '--db', db], ['agencies', '--db', db], ['cites', '--db', db], ['search', '', '--db', db], ['search', 'x', '--db', db, '--format', 'xml'], ['search', 'x', '--db', db, '--limit', '0']]) {
      const r = vanban(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^vanban: /);
    }
    const missing = vanban('cites', '57-NQ/TW', '--db', join(dir, 'nothing.db'));
    expect([missing.status, missing.stderr.trim().split('\n')]).toEqual([1, [`vanban: cannot read ${join(dir, 'nothing.db')}: no such file`]]);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just text that is long enough to be read as one');
    const foreign = vanban('cites', '57-NQ/TW', '--db', junk);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toMatch(/^vanban: .*junk\.db: not (an SQLite database|a vanban archive)/);
  });

  it('lint --db: a review counted against the archive\'s date, a due review left out, an agency spelled anew', () => {
    // Next year's draft made from the generator, with three slips: the review of 94-KL/TW left
    // out, a 15-year review of 102-KL/TW (cited without its date) called "Tổng kết 10 năm", and
    // "Ban Tuyen giao Tinh uy" typed without its diacritics.
    const made = reviewProgramme(2029, { number: 7, extraItems: ['Tổng kết 10 năm thực hiện Kết luận số 102-KL/TW của Bộ Chính trị về hội quần chúng.'] }).text;
    const draft = join(dir, 'draft-2029.txt');
    writeFileSync(
      draft,
      made
        .split('\n')
        .filter((l) => !l.includes('94-KL/TW'))
        .join('\n')
        .replace('Cơ quan chủ trì tham mưu: Ban Tuyên giáo Tỉnh ủy.', 'Cơ quan chủ trì tham mưu: Ban Tuyen giao Tinh uy.'),
    );
    const r = vanban('lint', '--db', db, draft, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const found = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string; line: number; column: number; message: string; messageEn: string }[] }[] }).files[0]!.diagnostics.filter((d) => d.code.startsWith('archive-'));
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([
      ['archive-review-missing', 12, 1],
      ['archive-agency-spelling', 28, 27],
      ['archive-review-years', 39, 5],
    ]);
    expect(found[0]!.message).toBe(`Kết luận 94-KL/TW ngày 28/03/2014 đến kỳ tổng kết 15 năm trong năm 2029 nhưng dự thảo không nhắc; lần trước: Tổng kết 10 năm thực hiện (2024, ${join(archive, SEED)})`);
    expect(found[1]!.messageEn).toMatch(/^lead agency written 'Ban Tuyen giao Tinh uy'; earlier programmes in the archive write 'Ban Tuyên giáo Tỉnh ủy' \(\d+ times\)$/);
    expect(found[2]!.message).toBe("Kết luận 102-KL/TW: 'Tổng kết 10 năm' nhưng kho lưu trữ ghi ngày ban hành 22/09/2014, năm 2029 là năm thứ 15");
    // Without the archive none of them; with a rule turned off, not that one.
    expect(vanban('lint', draft, '--format', 'json').stdout).not.toContain('"code":"archive-');
    const off = vanban('lint', '--db', db, draft, '--rule', 'archive-agency-spelling=off', '-q');
    expect(off.stdout).toContain('(archive-review-years)');
    expect(off.stdout).not.toContain('(archive-agency-spelling)');
    expect(vanban('lint', '--db', db, '-').status).toBe(2);
  });

  it('refuse a database made by a newer vanban', async () => {
    const newer = join(dir, 'newer.db');
    copyFileSync(db, newer);
    const a = await ArchiveDb.open(newer);
    a.setMeta('schema_version', String(SCHEMA_VERSION + 1));
    await a.save();
    a.close();
    const r = vanban('search', 'x', '--db', newer);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`archive schema version ${SCHEMA_VERSION + 1} is newer than this vanban's (${SCHEMA_VERSION}): update vanban`);
  });
});

describe('vanban serve --db', () => {
  const start = async (archive?: ArchiveDb) =>
    createService({ workers: 1, queue: 1, timeoutMs: 10_000, memoryMb: 200, maxSize: 1 << 20, quiet: true, version: 'test', log: () => {}, ...(archive ? { archive } : {}) });

  it('answers the four questions as the commands do, read-only', async () => {
    const archiveDb = await ArchiveDb.open(db);
    const service = await start(archiveDb);
    try {
      const get = async (url: string) => service.app.inject({ method: 'GET', url });
      const cited = await get('/v1/cites?id=94-KL/TW');
      expect(cited.statusCode).toBe(200);
      expect(JSON.parse(cited.body)).toEqual({ id: '94-KL/TW', cites: cites(archiveDb, '94-KL/TW') });
      // An id typed loosely is answered, and named, as the archive writes it.
      expect(JSON.parse((await get('/v1/cites?id=%2094%20-%20kl/tw')).body)).toEqual({ id: '94-KL/TW', cites: cites(archiveDb, '94-KL/TW') });
      expect(JSON.parse((await get('/v1/anniversaries?year=2024')).body)).toEqual({ year: 2024, anniversaries: anniversaries(archiveDb, 2024, checks) });
      expect(JSON.parse((await get('/v1/agencies?year=2019')).body)).toEqual({ year: 2019, agencies: agencies(archiveDb, 2019) });
      const found = await get('/v1/search?q=chuyen%20doi%20so&limit=2');
      expect(JSON.parse(found.body)).toEqual({ query: 'chuyen doi so', hits: search(archiveDb, 'chuyen doi so', 2) });
      const csv = await get('/v1/agencies?year=2019&format=csv');
      expect([csv.headers['content-type'], csv.body.split('\r\n')[0]]).toEqual(['text/csv; charset=utf-8', '\ufeffagency,quarter,items,tasks']);
      // In English when asked for (the default is Vietnamese, as test/serve checks).
      const bad = await service.app.inject({ method: 'GET', url: '/v1/anniversaries?year=next', headers: { 'accept-language': 'en' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((JSON.parse(bad.body) as { detail: string }).detail).toContain('year must be a year such as 2026, not "next"');
      expect((await get('/v1/search')).statusCode).toBe(400);
      expect(JSON.parse((await get('/healthz')).body)).toMatchObject({ status: 'ok', archive: true });
      const paths = Object.keys((JSON.parse((await get('/v1/openapi.json')).body) as { paths: Record<string, unknown> }).paths);
      expect(paths).toEqual(expect.arrayContaining(['/v1/anniversaries', '/v1/cites', '/v1/agencies', '/v1/search']));
    } finally {
      await service.stop(0);
      archiveDb.close();
    }
  });

  it('has no archive routes without --db', async () => {
    const service = await start();
    try {
      const refused = await service.app.inject({ method: 'GET', url: '/v1/cites?id=94-KL/TW', headers: { 'accept-language': 'en' } });
      expect(refused.statusCode).toBe(404);
      expect(JSON.parse(refused.body)).toMatchObject({ type: 'urn:vanban:problem:no-archive', title: 'No archive', detail: 'the server was started without an archive, so GET /v1/cites has no answer; start it with vanban serve --db FILE' });
      expect(JSON.parse((await service.app.inject({ method: 'GET', url: '/healthz' })).body)).toMatchObject({ status: 'ok', archive: false });
    } finally {
      await service.stop(0);
    }
  });
});
