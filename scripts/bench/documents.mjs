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
