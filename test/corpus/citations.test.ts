// The citation scoring of `npm run corpus` (scripts/corpus/citations.mjs), on hand-made input, and
// once end to end on the copy of shared/corpus's citation sentences (figures, not targets).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import {
  citationTotals,
  citationTruthProblem,
  idKey,
  matchCitations,
  measureCitations,
  numberKey,
  parseTsv,
  rawOverlap,
  rowText,
  sameCitationDate,
  sameIssuer,
  sameTerm,
  scoreCitationRow,
  scoreSelf,
  termKey,
  wrongFields,
  type CitationTruth,
  type ModelCitation,
  type TruthCitation,
} from '../../scripts/corpus/citations.mjs';
import { corpusDirSet, defaultSets } from '../../scripts/corpus/run.mjs';

const truthCite = (over: Partial<TruthCitation>): TruthCitation => ({
  kind: 'Nghị quyết',
  id: null,
  number: null,
  date: null,
  issuedBy: null,
  term: null,
  raw: '',
  ...over,
});
const modelCite = (over: Partial<ModelCitation>): ModelCitation => ({
  raw: '',
  kind: 'Nghị quyết',
  number: null,
  symbol: null,
  id: null,
  date: null,
  issuedBy: null,
  term: null,
  title: null,
  line: 1,
  ...over,
});

describe('reading', () => {
  it('a row\'s "\\n" becomes a real line break', () => {
    expect(rowText('Số: 06-HD/UBKTTW\\n\\nHà Nội')).toBe('Số: 06-HD/UBKTTW\n\nHà Nội');
  });

  it('reads the TSV, skipping the column names and reporting a short line', () => {
    const problems: string[] = [];
    const rows = parseTsv('id\tsource_url_or_repo_path\ttext\nC1\thttp://a\tNghị quyết 15-NQ/TW\nbroken line\n', (l) => problems.push(l), 'x.tsv');
    expect(rows).toEqual([{ id: 'C1', source: 'http://a', text: 'Nghị quyết 15-NQ/TW', line: 2 }]);
    expect(problems).toEqual(['x.tsv:3: bad row (needs id, source and text separated by tabs)']);
  });

  it('checks a truth line', () => {
    expect(citationTruthProblem({ row: 'C1', citations: [] })).toBeNull();
    expect(citationTruthProblem({ row: 'C1' })).toBe('no "citations" list');
    expect(citationTruthProblem({ row: 'C1', citations: [{ kind: 'Luật', id: 5, raw: 'x' }] })).toBe('citations[0].id is neither a string nor null');
    expect(citationTruthProblem({ row: 'C1', citations: [], self: { raw: 'x' } })).toBe('"self" needs a string "id"');
  });
});

describe('keys', () => {
  it('ids: spaces removed, dashes and Ð folded, case folded', () => {
    expect(idKey('30/2020/NĐ-CP')).toBe(idKey('30 / 2020 / NÐ–CP'));
    expect(idKey('07-QĐi/TW')).toBe(idKey('07-QĐI/TW'));
    expect(idKey('700/QĐ-TTg')).toBe(idKey('700/QĐ-TTG'));
    expect(idKey('61/2018/NĐ-CP')).not.toBe(idKey('61/2018/NĐCP'));
  });

  it('numbers: leading zeros do not count', () => {
    expect(numberKey('05')).toBe(numberKey('5'));
    expect(numberKey('09/2015')).toBe(numberKey('9/2015'));
    expect(numberKey('30c')).not.toBe(numberKey('30'));
    expect(numberKey('100')).toBe('100');
  });

  it('raw texts overlap when one contains the other (letters and digits only)', () => {
    expect(rawOverlap('Nghị quyết Trung ương 4 (khóa XII)', 'Nghị quyết Trung ương 4')).toBe(true);
    expect(rawOverlap('Luật Tổ chức\nchính quyền địa phương', 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015')).toBe(true);
    expect(rawOverlap('Điều lệ Đảng', 'Quy chế làm việc')).toBe(false);
    expect(rawOverlap('', 'x')).toBe(false);
  });
});

describe('matching truth and model citations one-to-one', () => {
  it('by id when both have one, whatever the rest', () => {
    const m = matchCitations(
      [truthCite({ id: '15-NQ/TW', number: '15', raw: 'Nghị quyết 15-NQ/TW' })],
      [modelCite({ id: '15-NQ/TW', number: '15', raw: 'Nghị quyết 15-NQ/TW của Bộ Chính trị' })],
    );
    expect(m).toEqual({ pairs: [{ truth: 0, model: 0, by: 'id' }], missed: [], extra: [] });
  });

  it('two different ids never pair, even with the same kind, number and raw text', () => {
    const m = matchCitations(
      [truthCite({ kind: 'Nghị định', id: '61/2018/NĐ-CP', number: '61/2018', raw: 'Nghị định số 61/2018/NĐCP' })],
      [modelCite({ kind: 'Nghị định', id: '61/2018/NĐCP', number: '61/2018', raw: 'Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018' })],
    );
    expect(m).toEqual({ pairs: [], missed: [0], extra: [0] });
  });

  it('by kind + number when one side has no id', () => {
    const m = matchCitations(
      [truthCite({ kind: 'Chỉ thị', number: '05', raw: 'Chỉ thị số 05' })],
      [modelCite({ kind: 'Nghị quyết', number: '5', raw: 'Nghị quyết 5' }), modelCite({ kind: 'CHỈ THỊ', number: '5', raw: 'Chỉ thị 05 của Bộ Chính trị' })],
    );
    expect(m).toEqual({ pairs: [{ truth: 0, model: 1, by: 'number' }], missed: [], extra: [0] });
  });

  it('by kind + overlapping raw text for a named reference', () => {
    const m = matchCitations(
      [truthCite({ raw: 'Nghị quyết Trung ương 4 (khóa XII)' }), truthCite({ kind: 'Điều lệ', raw: 'Điều lệ Đảng' })],
      [modelCite({ kind: 'Điều lệ', raw: 'Điều lệ Đảng' }), modelCite({ raw: 'Nghị quyết Trung ương 4' })],
    );
    expect(m).toEqual({
      pairs: [
        { truth: 0, model: 1, by: 'raw' },
        { truth: 1, model: 0, by: 'raw' },
      ],
      missed: [],
      extra: [],
    });
  });

  it('the kind must agree for number and raw matches', () => {
    const m = matchCitations([truthCite({ kind: 'Luật', raw: 'Luật Ngân sách Nhà nước' })], [modelCite({ kind: 'Nghị quyết', raw: 'Luật Ngân sách Nhà nước' })]);
    expect(m.pairs).toEqual([]);
  });

  it('repeated mentions pair in order, one model citation each', () => {
    const t = [1, 2, 3].map(() => truthCite({ id: '57-NQ/TW', number: '57', raw: 'Nghị quyết số 57-NQ/TW' }));
    const m = matchCitations(t, [modelCite({ id: '57-NQ/TW' }), modelCite({ id: '57-nq/tw' })]);
    expect(m).toEqual({
      pairs: [
        { truth: 0, model: 0, by: 'id' },
        { truth: 1, model: 1, by: 'id' },
      ],
      missed: [2],
      extra: [],
    });
  });

  it('an id match is preferred to an earlier weaker one', () => {
    // The model's first citation could pair with the truth's first by number; the id pass runs first.
    const m = matchCitations(
      [truthCite({ number: '18', raw: 'Nghị quyết số 18' }), truthCite({ id: '18-NQ/TW', number: '18', raw: 'Nghị quyết số 18-NQ/TW' })],
      [modelCite({ id: '18-NQ/TW', number: '18', raw: 'Nghị quyết số 18-NQ/TW' }), modelCite({ number: '18', raw: 'Nghị quyết số 18' })],
    );
    expect(m.pairs).toEqual([
      { truth: 0, model: 1, by: 'number' },
      { truth: 1, model: 0, by: 'id' },
    ]);
  });
});

describe('fields of a matched pair', () => {
  it('dates: ISO equal, or both null', () => {
    expect(sameCitationDate('2019-05-30', '2019-05-30')).toBe(true);
    expect(sameCitationDate(null, null)).toBe(true);
    expect(sameCitationDate(null, '2019-05-30')).toBe(false);
    expect(sameCitationDate('2019-05-30', null)).toBe(false);
    expect(sameCitationDate('2019-05-30', '2019-05-31')).toBe(false);
  });

  it('issuers: folded, and one may contain the other', () => {
    expect(sameIssuer('Ban Chấp hành Trung ương', 'Ban Chấp hành Trung ương Đảng')).toBe(true);
    expect(sameIssuer('Ban Chấp hành Trung ương', 'Ban chấp hành Trung ương')).toBe(true);
    expect(sameIssuer('Ban Bí thư', 'Ban Bí thư Trung ương Đảng')).toBe(true);
    expect(sameIssuer('Ủy ban nhân dân tỉnh', 'Uỷ ban nhân dân tỉnh Thanh Hóa')).toBe(true);
    expect(sameIssuer(null, null)).toBe(true);
    expect(sameIssuer(null, 'Bộ Chính trị')).toBe(false);
    expect(sameIssuer('Bộ Chính trị', null)).toBe(false);
    expect(sameIssuer('Bộ Chính trị', 'Ban Bí thư')).toBe(false);
  });

  it('issuers: not when the shorter one ends the longer (another body or an officer of it)', () => {
    expect(sameIssuer('Thủ tướng Chính phủ', 'Chính phủ')).toBe(false);
    expect(sameIssuer('Chính phủ', 'Thủ tướng Chính phủ')).toBe(false);
    expect(sameIssuer('Ban Thường vụ Tỉnh ủy', 'Tỉnh ủy')).toBe(false);
    expect(sameIssuer('Ủy ban Thường vụ Quốc hội', 'Quốc hội')).toBe(false);
    // Only whole words count.
    expect(sameIssuer('Ban Tuyên giáo', 'Ban Tuyên giáo Trung ương')).toBe(true);
    expect(sameIssuer('Ban Tuyên giáo', 'Ban Tuyên giáoTrung ương')).toBe(false);
  });

  it('terms: Roman, case and "khóa" folded; Arabic read as Roman', () => {
    expect(sameTerm('XII', 'XII')).toBe(true);
    expect(sameTerm('XII', 'khóa xii')).toBe(true);
    expect(sameTerm('XII', '12')).toBe(true);
    expect(termKey('14')).toBe('XIV');
    expect(sameTerm(null, null)).toBe(true);
    expect(sameTerm('X', null)).toBe(false);
    expect(sameTerm(null, 'X')).toBe(false);
    expect(sameTerm('XI', 'XII')).toBe(false);
  });
});

describe('the document\'s own number', () => {
  const number = { raw: 'Số: 1961/QĐUBND', id: '1961/QĐ-UBND', number: 1961, typeCode: 'QĐ', issuerCode: 'UBND' };

  it('is read when header.number has it, by id or as printed', () => {
    expect(scoreSelf({ id: '1961/QĐ-UBND', raw: '1961/QĐUBND' }, { number }, [])).toEqual({
      expected: '1961/QĐ-UBND',
      got: '1961/QĐ-UBND',
      read: true,
      cited: false,
      ok: true,
    });
    expect(scoreSelf({ id: '1961/QĐ-UBND', raw: '1961/QĐUBND' }, { number: { raw: 'Số: 1961/QĐUBND', id: null } }, []).read).toBe(true);
  });

  it('is wrong when missing from the header, or listed among the citations', () => {
    expect(scoreSelf({ id: '06-CT/TW', raw: '06-CT/TW' }, { number: null }, []).ok).toBe(false);
    const cited = scoreSelf({ id: '06-CT/TW', raw: '06-CT/TW' }, { number: { id: '06-CT/TW', raw: 'Số 06-CT/TW' } }, [modelCite({ kind: 'Chỉ thị', id: '06-CT/TW', raw: 'Số 06-CT/TW' })]);
    expect(cited).toMatchObject({ read: true, cited: true, ok: false });
  });
});

describe('a row and the totals', () => {
  const rowTruth: CitationTruth = {
    row: 'C1',
    usable: true,
    citations: [
      truthCite({ kind: 'Chỉ thị', id: '35-CT/TW', number: '35', date: '2019-05-30', issuedBy: 'Bộ Chính trị', raw: 'Chỉ thị số 35-CT/TW' }),
      truthCite({ kind: 'Hướng dẫn', id: '26-HD/BTCTW', number: '26', date: '2019-10-18', issuedBy: 'Bộ Chính trị', raw: 'hướng dẫn số 26-HD/BTCTW' }),
      truthCite({ kind: 'Nghị quyết', number: '35', raw: 'Nghị quyết 35' }),
    ],
  };
  const model = {
    header: { number: null },
    citations: [
      modelCite({ kind: 'Chỉ thị', id: '35-CT/TW', number: '35', date: '2019-05-30', issuedBy: null, raw: 'Chỉ thị số 35-CT/TW ngày 30/5/2019' }),
      modelCite({ kind: 'Hướng dẫn', id: '26-HD/BTCTW', number: '26', date: '2019-10-18', issuedBy: 'Bộ Chính trị', raw: 'hướng dẫn số 26-HD/BTCTW' }),
      modelCite({ kind: 'Kế hoạch', id: '81-KH/ĐUK', number: '81', raw: 'Kế hoạch số 81-KH/ĐUK' }),
    ],
  };

  it('scores a row: matched with wrong fields, missed, extra', () => {
    const r = scoreCitationRow(rowTruth, model);
    expect(r.truth).toBe(3);
    expect(r.model).toBe(3);
    expect(r.matched.map((p) => [p.expected.id, p.by, wrongFields(p)])).toEqual([
      ['35-CT/TW', 'id', ['issuedBy']],
      ['26-HD/BTCTW', 'id', []],
    ]);
    expect(r.missed.map((t) => t.raw)).toEqual(['Nghị quyết 35']);
    expect(r.extra.map((c) => c?.id)).toEqual(['81-KH/ĐUK']);
    expect(r.self).toBeNull();
  });

  it('a failed parse misses everything; an unusable row counts for nothing', () => {
    expect(scoreCitationRow(rowTruth, null)).toMatchObject({ truth: 3, model: 0, matched: [], self: null });
    const unusable = scoreCitationRow({ ...rowTruth, usable: false }, model);
    expect(unusable).toMatchObject({ usable: false, truth: 0, model: 0 });
    expect(citationTotals([unusable])).toMatchObject({ rows: 1, usableRows: 0, truth: 0, model: 0 });
  });

  it('totals: precision, recall, F1, field shares among matched pairs, self numbers, targets', () => {
    const header: CitationTruth = { row: 'C2', citations: [], self: { id: '06-CT/TW', raw: '06-CT/TW' } };
    const t = citationTotals([scoreCitationRow(rowTruth, model), scoreCitationRow(header, { header: { number: { id: '06-CT/TW' } }, citations: [] })]);
    expect(t).toMatchObject({ truth: 3, model: 3, matched: 2, missed: 1, extra: 1, by: { id: 2, number: 0, raw: 0 } });
    expect(t.precision).toBeCloseTo(2 / 3);
    expect(t.recall).toBeCloseTo(2 / 3);
    expect(t.f1).toBeCloseTo(2 / 3);
    expect(t).toMatchObject({ dateRight: 2, issuerRight: 1, termRight: 2, idRight: 2, selfTotal: 1, selfRead: 1, selfRight: 1 });
    expect(t.share.issuer).toBeCloseTo(0.5);
    expect(t.targets.f1.pass).toBe(false);
    expect(t.targets.date.pass).toBe(true);
    expect(t.targets.issuer.pass).toBe(false);
    expect(t.targets.term.pass).toBe(true);
    expect(t.targets.self.pass).toBe(true);
    expect(t.pass).toBe(false);
  });

  it('all found and right passes every target; an error does not', () => {
    const perfect = { header: { number: null }, citations: rowTruth.citations.map((c) => modelCite({ ...c })) };
    const t = citationTotals([scoreCitationRow(rowTruth, perfect)]);
    expect(t).toMatchObject({ precision: 1, recall: 1, f1: 1, pass: true });
    expect(citationTotals([scoreCitationRow(rowTruth, perfect)], 1).pass).toBe(false);
  });

  it('no citation anywhere: F1 is 1 and the shares have nothing to measure', () => {
    const t = citationTotals([scoreCitationRow({ row: 'C3', citations: [] }, { citations: [] })]);
    expect(t).toMatchObject({ f1: 1, share: { date: null, issuer: null, term: null }, pass: true });
  });
});

describe('the sets', () => {
  const root = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

  it('fixtures/corpus/dev carries the citation half, byte-identical to shared/corpus', () => {
    const dev = defaultSets(root).find((s) => s.name === 'dev')!;
    expect(dev.citations).toEqual({ tsv: join(root, 'dev', 'citations.tsv'), truth: join(root, 'dev', 'citations.truth.jsonl') });
    const shared = '/work/shared/corpus';
    for (const f of ['citations.tsv', 'citations.truth.jsonl']) {
      let original: Buffer;
      try {
        original = readFileSync(join(shared, f));
      } catch {
        continue; // shared/corpus is not there (CI): nothing to compare with
      }
      expect(readFileSync(join(root, 'dev', f)).equals(original)).toBe(true);
    }
  });

  it('--corpus DIR finds a citation half without programmes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-cit-'));
    writeFileSync(join(dir, 'citations.tsv'), 'id\tsource\ttext\nC1\tx\tThực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị\n');
    writeFileSync(join(dir, 'citations.truth.jsonl'), `${JSON.stringify({ row: 'C1', usable: true, citations: [truthCite({ kind: 'Chỉ thị', id: '35-CT/TW', number: '35', raw: 'Chỉ thị số 35-CT/TW' })] })}\n`);
    const set = corpusDirSet(dir);
    expect(set.truth).toBeNull();
    expect(set.citations).toEqual({ tsv: join(dir, 'citations.tsv'), truth: join(dir, 'citations.truth.jsonl') });
    const measured = measureCitations(lib as unknown as Record<string, unknown>, set.citations!, { onError: () => {} });
    expect(measured.errors).toEqual([]);
    expect(measured.totals).toMatchObject({ rows: 1, truth: 1, matched: 1 });
  });

  it('measures every row of the development half without an error (figures, not targets)', () => {
    const errors: string[] = [];
    const dev = measureCitations(lib as unknown as Record<string, unknown>, { tsv: join(root, 'dev/citations.tsv'), truth: join(root, 'dev/citations.truth.jsonl') }, { onError: (l) => errors.push(l) });
    expect(errors).toEqual([]);
    expect(dev.totals.rows).toBe(95);
    expect(dev.totals.truth).toBe(125);
    expect(dev.totals.selfTotal).toBe(5);
    // Every row's text reached the parser with real line breaks.
    expect(dev.rows.every((r) => r.text !== undefined)).toBe(true);
  });
});
