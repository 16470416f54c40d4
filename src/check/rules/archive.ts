import LevenshteinModule from 'natural/lib/natural/distance/levenshtein_distance.js';
import type { Programme } from '../../model/programme.js';
import { bareKey, foldKey } from '../../normalize/fold.js';
import { citationEn, citationVi, citationYear } from '../describe.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';
import { reviewPhrase } from './anniversary-mismatch.js';

// The rules `vanban lint --db archive.db` adds: what the draft says checked against what the
// archive's earlier programmes say. Without an archive they find nothing.

const { LevenshteinDistance } = LevenshteinModule;
const WINDOW = 200;

/** "Tổng kết 10 năm thực hiện Chỉ thị 11-CT/TW" with no date in the draft: the archive's date decides. */
export const archiveReviewYears: Rule = {
  code: 'archive-review-years',
  severity: 'warning',
  summary: {
    vi: '"Sơ kết/Tổng kết N năm" một văn bản không ghi ngày, mà ngày ban hành trong kho lưu trữ cho số năm khác (lint --db)',
    en: 'a "Sơ kết/Tổng kết N năm" (N-year review) of a document cited without its date, whose date in the archive gives another count (lint --db)',
  },
  check(p, context) {
    const { matchers, archive } = context;
    const year = p.header.year;
    if (!archive || year === null) return [];
    const map = mapOf(context);
    const re = reviewPhrase(matchers);
    return p.citations.flatMap((c) => {
      const id = c.id ?? (c.refersTo !== null ? p.citations[c.refersTo]?.id : null);
      const known = id ? archive.cited.get(id) : undefined;
      // A date in the draft is anniversary-mismatch's to check.
      if (!known || citationYear(c) !== null) return [];
      const from = Math.max(0, c.span.start - WINDOW);
      const match = re.exec(map.keySlice(from, c.span.start));
      if (!match) return [];
      const said = Number(match[2]);
      const age = year - known.year;
      if (age === said) return [];
      const at = from + match.index;
      const words = map.flatSlice(at, at + match[1]!.length);
      const date = known.date ? known.date.split('-').reverse().join('/') : String(known.year);
      return [
        finding(
          this,
          map.position(at),
          `${citationVi(c)}: '${words}' nhưng kho lưu trữ ghi ngày ban hành ${date}, năm ${year} là năm thứ ${age}`,
          `${citationEn(c)}: '${words}' is a ${said}-year review, but the archive dates it ${date}: ${year} is year ${age}`,
        ),
      ];
    });
  },
};

/** A document the archive's programmes reviewed before, due again in the draft's year, that the draft never cites. */
export const archiveReviewMissing: Rule = {
  code: 'archive-review-missing',
  severity: 'warning',
  summary: {
    vi: 'văn bản đến kỳ sơ kết, tổng kết trong năm của chương trình, đã được sơ kết, tổng kết ở các chương trình trước, mà dự thảo không nhắc (lint --db)',
    en: 'a document due for a review in the programme year, reviewed by earlier programmes in the archive, that the draft does not cite (lint --db)',
  },
  check(p, { archive }) {
    if (!archive || p.header.year === null || p.conferences.length === 0) return [];
    const cited = new Set(p.citations.flatMap((c) => (c.id ? [c.id] : [])));
    const at = p.header.at.title ?? p.header.at.docType ?? null;
    return archive.due
      .filter((d) => !cited.has(d.id))
      .map((d) => {
        const date = d.date ? d.date.split('-').reverse().join('/') : '';
        const before = `${d.last.said} (${d.last.year ?? '?'}, ${d.last.document})`;
        return finding(
          this,
          at,
          `${d.kind} ${d.id}${date ? ` ngày ${date}` : ''} đến kỳ ${d.action.toLowerCase()} ${d.years} năm trong năm ${p.header.year} nhưng dự thảo không nhắc; lần trước: ${before}`,
          `${d.kind} ${d.id}${date ? ` of ${date}` : ''} is due for its ${d.years}-year review (${d.action}) in ${p.header.year}, but the draft does not cite it; last time: ${before}`,
        );
      });
  },
};

/** A lead agency written unlike every earlier programme, but close to one of them. */
export const archiveAgencySpelling: Rule = {
  code: 'archive-agency-spelling',
  severity: 'warning',
  summary: {
    vi: 'tên cơ quan chủ trì viết khác mọi chương trình trước trong kho lưu trữ, mà gần giống một tên đã dùng (lint --db)',
    en: 'a lead agency spelled unlike every earlier programme in the archive, but close to a name they use (lint --db)',
  },
  check(p, { text, archive }) {
    if (!archive || archive.agencies.size === 0) return [];
    const lines = text.split('\n');
    const known = [...archive.agencies].map(([name, n]) => ({ name, n, key: bareKey(foldKey(name)) }));
    const written = agencyLines(p);
    const out = [];
    const seen = new Set<string>();
    for (const { name, from, to } of written) {
      if (archive.agencies.has(name) || seen.has(`${name}@${from}`)) continue;
      seen.add(`${name}@${from}`);
      const key = bareKey(foldKey(name));
      // Within two edits once case and diacritics are set aside, and at most a tenth of the name.
      const near = known
        .map((k) => ({ ...k, distance: k.key === key ? 0 : LevenshteinDistance(key, k.key) }))
        .filter((k) => k.distance <= Math.min(2, Math.floor(key.length / 10)))
        .sort((a, b) => a.distance - b.distance || b.n - a.n)[0];
      if (!near) continue;
      // The line of the task or attribution that writes the name.
      let line = from;
      while (line < to && !(lines[line - 1] ?? '').includes(name)) line++;
      const column = (lines[line - 1] ?? '').indexOf(name);
      out.push(
        finding(
          this,
          column >= 0 ? { line, column: column + 1 } : { line: from, column: 1 },
          `cơ quan chủ trì viết '${name}', các chương trình trước trong kho lưu trữ viết '${near.name}' (${near.n} lần)`,
          `lead agency written '${name}'; earlier programmes in the archive write '${near.name}' (${near.n} times)`,
        ),
      );
    }
    return out;
  },
};

/** Each lead agency the draft names, with the lines it is written within. */
function agencyLines(p: Programme): { name: string; from: number; to: number }[] {
  return [
    ...p.attributions.flatMap((a) => a.agencies.map((name) => ({ name, from: a.line, to: a.line }))),
    ...p.tasks.flatMap((t) => t.lead.map((name) => ({ name, from: t.span.start.line, to: t.span.end.line }))),
  ];
}

export const archiveRules: Rule[] = [archiveReviewYears, archiveReviewMissing, archiveAgencySpelling];
