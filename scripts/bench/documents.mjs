// Valid benchmark documents of each genre at any size, built from real text (the seed programme and
// the real action programme fixtures/corpus/found/105), each with the count it claims and a check
// that the parser reads exactly that count: a figure measured on text the parser skips is not a figure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The benchmark runs on the build (npm run bench builds first), as does the parser it measures.
import { toRoman } from '../../dist/recognise/numbers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seedLines = readFileSync(`${root}/fixtures/seed/programme-2024-hau-giang-draft.txt`, 'utf8').split('\n');
const find = (re, from = 0) => seedLines.findIndex((l, i) => i >= from && re.test(l));

const body = find(/^II\. NỘI DUNG/);
const firstConference = find(/^1\. Hội nghị/);
const closing = find(/^III\. TỔ CHỨC THỰC HIỆN/);
const head = seedLines.slice(0, firstConference);
const tail = seedLines.slice(closing);
// The seed's items with the attribution line that follows each group, as blocks to reuse.
const itemLines = seedLines.slice(firstConference, closing).filter((l) => /^\s*\(\d+\)/.test(l)).map((l) => l.trim().replace(/^\(\d+\)\s*/, ''));
const agencies = ['Văn phòng Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Ban cán sự đảng Ủy ban nhân dân tỉnh', 'Ủy ban Kiểm tra Tỉnh ủy', 'Ban Dân vận Tỉnh ủy'];
const citationsPerItem = itemLines.map((t) => (t.match(/(?:Kết luận|Chỉ thị|Nghị quyết|Quyết định|Quy định)(?: số)? \d/g) ?? []).length);

/** A conference programme with `n` conferences of `items` items each, modelled on the seed. */
export function programme(n, items = 5) {
  const out = [...head];
  let citations = 0;
  let k = 0;
  for (let c = 1; c <= n; c++) {
    const month = 1 + ((c - 1) % 12);
    out.push(`${c}. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ ${16 + c} (tháng ${month}/2024)`, '');
    for (let i = 1; i <= items; i++, k++) {
      out.push(`(${i}) ${itemLines[k % itemLines.length]}`);
      citations += citationsPerItem[k % itemLines.length];
      out.push(`Cơ quan chủ trì tham mưu: ${agencies[k % agencies.length]}.`, '');
    }
  }
  out.push(...tail);
  return { text: out.join('\n'), claims: { conferences: n, items: n * items }, citations, body };
}

export function checkProgramme(model, doc) {
  const items = model.conferences.reduce((s, c) => s + c.items.length, 0);
  return model.conferences.length === doc.claims.conferences && items === doc.claims.items ? null : `read ${model.conferences.length} conferences, ${items} items; claims ${doc.claims.conferences}, ${doc.claims.items}`;
}

const TASKS = [
  'Xây dựng đề án chuyển đổi số của tỉnh giai đoạn 2025 - 2030, tầm nhìn đến năm 2045.',
  'Rà soát, sửa đổi, bổ sung các quy định về thủ tục hành chính còn chồng chéo, bất cập.',
  'Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các cơ quan đảng, nhà nước.',
  'Tổ chức tuyên truyền, phổ biến Nghị quyết đến cán bộ, đảng viên và các tầng lớp nhân dân.',
  'Nâng cao chất lượng nguồn nhân lực khoa học, công nghệ và đổi mới sáng tạo của tỉnh.',
];
const SO = ['Sở Khoa học và Công nghệ', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Giáo dục và Đào tạo', 'Sở Thông tin và Truyền thông', 'Sở Y tế'];

/**
 * An action programme with `n` tasks in prose ("Cơ quan chủ trì: …") and a task table of `rows`
 * rows, modelled on the provincial plans in fixtures/corpus.
 */
export function actionProgramme(n, rows = Math.ceil(n / 4)) {
  const out = [
    'TỈNH ỦY HẬU GIANG', '*', 'Số 15-CTr/TU', 'Hậu Giang, ngày 10 tháng 3 năm 2025', '',
    'CHƯƠNG TRÌNH HÀNH ĐỘNG',
    'thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Quán triệt sâu sắc Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị đến cán bộ, đảng viên.',
  ];
  // Numbering restarts in each section, as in real programmes (a section holds up to 200 tasks).
  const PER = 200;
  for (let i = 1; i <= n; i++) {
    const section = Math.floor((i - 1) / PER);
    if ((i - 1) % PER === 0) out.push(`${toRoman(2 + section)}. NHIỆM VỤ VÀ GIẢI PHÁP NHÓM ${1 + section}`);
    out.push(`${1 + ((i - 1) % PER)}. ${TASKS[i % TASKS.length]}`);
    out.push(`- Cơ quan chủ trì: ${SO[i % SO.length]}.`);
    out.push(`- Cơ quan phối hợp: ${SO[(i + 1) % SO.length]}; ${SO[(i + 2) % SO.length]}.`);
    out.push(`- Thời gian hoàn thành: Quý ${['I', 'II', 'III', 'IV'][i % 4]}/2025.`);
  }
  out.push(`${toRoman(2 + Math.ceil(n / PER))}. DANH MỤC NHIỆM VỤ`, 'TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành');
  for (let r = 1; r <= rows; r++) out.push(`${r} | ${TASKS[r % TASKS.length].slice(0, -1)} | ${SO[r % SO.length]} | ${SO[(r + 3) % SO.length]} | Quý ${['I', 'II', 'III', 'IV'][r % 4]}/2026`);
  out.push('', 'Nơi nhận:', '- Ban Bí thư Trung ương Đảng,', '- Lưu Văn phòng Tỉnh ủy.', '', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ');
  return { text: out.join('\n'), claims: { tasks: n + rows } };
}

export function checkActionProgramme(model, doc) {
  return model.tasks.length === doc.claims.tasks ? null : `read ${model.tasks.length} tasks; claims ${doc.claims.tasks}`;
}

const KINDS = [['Nghị quyết', 'NQ', 'Bộ Chính trị'], ['Chỉ thị', 'CT', 'Ban Bí thư'], ['Kết luận', 'KL', 'Bộ Chính trị']];

/** A decision whose grounds cite `n` documents, three to a paragraph, with dates and issuers. */
export function denseCitations(n) {
  const out = ['ỦY BAN NHÂN DÂN', 'TỈNH HẬU GIANG', 'Số: 120/QĐ-UBND', 'Hậu Giang, ngày 15 tháng 01 năm 2025', '', 'QUYẾT ĐỊNH', 'Về việc ban hành Kế hoạch thực hiện các văn bản của Trung ương', ''];
  for (let i = 0; i < n; i += 3) {
    const parts = [];
    for (let k = 0; k < 3 && i + k < n; k++) {
      const [kind, code, body] = KINDS[(i + k) % 3];
      const d = 1 + ((i + k) % 28);
      const m = 1 + ((i + k) % 12);
      parts.push(`${kind} số ${String(1 + ((i + k) % 400)).padStart(2, '0')}-${code}/TW ngày ${d}/${m}/${2005 + ((i + k) % 19)} của ${body}`);
    }
    out.push(`Căn cứ ${parts.join('; ')};`);
  }
  out.push('', 'QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện.', 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.');
  return { text: out.join('\n'), claims: { citations: n } };
}

export function checkDenseCitations(model, doc) {
  return model.citations.length === doc.claims.citations ? null : `read ${model.citations.length} citations; claims ${doc.claims.citations}`;
}

// The seed's review items ("Tổng kết 10 năm thực hiện Kết luận số 94-KL/TW, ngày 28/3/2014 …"):
// the cited document and its year, and the words that follow the count of years.
const REVIEW = /^(?:Sơ kết|Tổng kết) \d+ năm ((?:triển khai )?(?:thực hiện )?)(.*?ngày \d{1,2}\/\d{1,2}\/(\d{4}).*)$/u;
const reviewItems = itemLines.map((line) => REVIEW.exec(line)).filter(Boolean).map((m) => ({ link: m[1], rest: m[2], issued: Number(m[3]) }));
/** The reviews each anniversary calls for, as the seed's own items name them. */
const REVIEW_ACTION = { 5: 'Sơ kết', 10: 'Tổng kết', 15: 'Tổng kết', 20: 'Tổng kết', 25: 'Tổng kết', 30: 'Tổng kết' };
const ROUTINE = [
  (y) => `Sơ kết công tác quý I, triển khai chương trình công tác quý II/${y}.`,
  (y) => `Sơ kết công tác 6 tháng đầu năm, triển khai chương trình công tác quý III/${y}.`,
  (y) => `Sơ kết công tác quý III, triển khai chương trình công tác quý IV/${y}.`,
  (y) => `Tổng kết tình hình thực hiện nhiệm vụ năm ${y}, triển khai Chương trình công tác năm ${y + 1}.`,
];

/**
 * The seed programme as the same province would write it for `year`: a routine item and the
 * reviews that come due that year in each of four conferences (March, June, September,
 * December), every review of a document cited by the seed whose age is 5, 10, … 30 years, named
 * with the right action and count ("Sơ kết 05 năm", "Tổng kết 10 năm"), and an item on digital
 * transformation. Lead agencies rotate through `agencies` from `offset`.
 */
export function reviewProgramme(year, { issuer = 'TỈNH ỦY HẬU GIANG', number = null, offset = 0, extraItems = [] } = {}) {
  // The seed's congress term (khóa XIV, 2020 - 2025) moved to the one `year` falls in: a programme
  // for 2020 still belongs to the 2015 - 2020 term.
  const terms = Math.floor((year - 2021) / 5);
  const term = { roman: toRoman(14 + terms), from: 2020 + 5 * terms };
  const header = head.map((line) =>
    line
      .replace('TỈNH ỦY HẬU GIANG', issuer)
      .replace(/^Số\s+-CTr\/TU$/, number === null ? 'Số       -CTr/TU' : `Số ${number}-CTr/TU`)
      .replace('năm 2024', `năm ${year}`)
      .replace(/ngày\s+tháng\s+năm 2023/, number === null ? `ngày     tháng    năm ${year - 1}` : `ngày 20 tháng 12 năm ${year - 1}`)
      .replace(/khóa XIV,? nhiệm kỳ 2020 - 2025/, (m) => m.replace('XIV', term.roman).replace('2020 - 2025', `${term.from} - ${term.from + 5}`)),
  );
  const reviews = reviewItems
    .filter((r) => REVIEW_ACTION[year - r.issued])
    .map((r) => `${REVIEW_ACTION[year - r.issued]} ${String(year - r.issued).padStart(2, '0')} năm ${r.link}${r.rest}`);
  const items = [[ROUTINE[0](year)], [ROUTINE[1](year)], [ROUTINE[2](year)], [ROUTINE[3](year)]];
  reviews.forEach((text, i) => items[i % 4].push(text));
  items[1].push(`Đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan Đảng, chính quyền tỉnh năm ${year}.`);
  extraItems.forEach((text, i) => items[i % 4].push(text));
  const out = header.filter((l) => number === null || !/^Dự thảo/.test(l));
  let k = offset;
  const lead = [];
  items.forEach((list, c) => {
    out.push(`${c + 1}. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ ${c + 1} (tháng ${3 * (c + 1)}/${year})`, '');
    list.forEach((text, i) => {
      const agency = agencies[k++ % agencies.length];
      lead.push({ conference: c + 1, item: i + 1, text, agency });
      out.push(`(${i + 1}) ${text}`, `Cơ quan chủ trì tham mưu: ${agency}.`, '');
    });
  });
  out.push(...tail.map((line) => line.replaceAll('2024', String(year))));
  return { text: out.join('\n'), claims: { conferences: 4, items: lead.length }, items: lead };
}
