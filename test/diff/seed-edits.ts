import { seedText } from '../helpers.js';

/** Replaces each `from` (which must occur exactly once) by `to`, in order. */
export function edit(text: string, ...replacements: [string, string][]): string {
  for (const [from, to] of replacements) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit: "${from}" must occur exactly once`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}

const ITEM_3_OF_2 =
  '(3) Rà soát bổ sung quy hoạch các chức danh lãnh đạo chủ chốt của Tỉnh ủy và các chức danh lãnh đạo chủ chốt của Hội đồng nhân dân, Ủy ban nhân dân tỉnh năm 2024.  \n';
const BUDGET = '(3) Báo cáo ước thu, chi ngân sách năm 2024, cho chủ trương về dự toán ngân sách năm 2025.\nCơ quan chủ trì tham mưu: Ban cán sự đảng Ủy ban nhân dân tỉnh.\n';
const NEW_ITEM = 'Báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2024.';

/** One known edit of the seed each, as replacements (applied in order). */
export const seedReplacements = {
  /** Conference 2 drops item (3); the document renumbers (4)…(8) and their "mục" ranges. */
  'remove an item (renumbering the rest)': [
    [ITEM_3_OF_2, ''],
    ['(4) Sơ kết 05 năm thực hiện Chỉ thị số 28', '(3) Sơ kết 05 năm thực hiện Chỉ thị số 28'],
    ['kinh tế tư nhân.\n\nCơ quan chủ trì tham mưu: Ban Tổ chức Tỉnh ủy mục (3) và (4).', 'kinh tế tư nhân.\n\nCơ quan chủ trì tham mưu: Ban Tổ chức Tỉnh ủy mục (3).'],
    ['(5) Tổng kết 10 năm thực hiện Chỉ thị số 37', '(4) Tổng kết 10 năm thực hiện Chỉ thị số 37'],
    ['(6) Sơ kết 03 năm thực hiện Kết luận số 01', '(5) Sơ kết 03 năm thực hiện Kết luận số 01'],
    [' (7) Tổng kết 10 năm Nghị quyết số 36', ' (6) Tổng kết 10 năm Nghị quyết số 36'],
    ['(8) Tổng kết 20 năm', '(7) Tổng kết 20 năm'],
    ['Ban Tuyên giáo Tỉnh ủy mục (5), (6), (7) và (8).', 'Ban Tuyên giáo Tỉnh ủy mục (4), (5), (6) và (7).'],
  ],
  /** The same removal, the later items keeping their numbers. */
  'remove an item (leaving a gap)': [[ITEM_3_OF_2, '']],
  /** Conference 4 gets a new item (2); the document renumbers the rest. */
  'add an item': [
    ['(2) Sơ kết 05 năm thực hiện Kết luận số 102', `(2) ${NEW_ITEM}\nCơ quan chủ trì tham mưu: Ban Dân vận Tỉnh ủy.\n(3) Sơ kết 05 năm thực hiện Kết luận số 102`],
    ['(3) Báo cáo ước thu', '(4) Báo cáo ước thu'],
    ['(4) Sơ kết 5 năm thực hiện Nghị quyết số 52', '(5) Sơ kết 5 năm thực hiện Nghị quyết số 52'],
    ['(5) Tổng kết 10 năm thực hiện Kết luận số 100', '(6) Tổng kết 10 năm thực hiện Kết luận số 100'],
    ['Ban Tuyên giáo Tỉnh ủy mục (4) và (5).', 'Ban Tuyên giáo Tỉnh ủy mục (5) và (6).'],
  ],
  /** The budget item goes from conference 4 (3) to conference 5 (6). */
  'move an item to another conference': [
    [BUDGET, ''],
    ['(4) Sơ kết 5 năm thực hiện Nghị quyết số 52', '(3) Sơ kết 5 năm thực hiện Nghị quyết số 52'],
    ['(5) Tổng kết 10 năm thực hiện Kết luận số 100', '(4) Tổng kết 10 năm thực hiện Kết luận số 100'],
    ['Ban Tuyên giáo Tỉnh ủy mục (4) và (5).', 'Ban Tuyên giáo Tỉnh ủy mục (3) và (4).'],
    ['các năm tiếp theo.\nCơ quan chủ trì tham mưu: Ban cán sự đảng Ủy ban nhân dân tỉnh.\n', `các năm tiếp theo.\nCơ quan chủ trì tham mưu: Ban cán sự đảng Ủy ban nhân dân tỉnh.\n${BUDGET.replace('(3)', '(6)')}`],
  ],
  /** Conference 5 item (5) is numbered (6). */
  renumber: [['(5) Sơ kết 03 năm thực hiện Nghị quyết số 04-NQ/TU', '(6) Sơ kết 03 năm thực hiện Nghị quyết số 04-NQ/TU']],
  /** Conference 2 item (2) gains words. */
  reword: [['(2) Báo cáo công tác tài chính Đảng năm 2023.', '(2) Báo cáo công tác tài chính Đảng và quản lý tài sản năm 2023.']],
  /** Conference 4 item (2) changes its lead agency. */
  'change an agency': [['hội quần chúng.\nCơ quan chủ trì tham mưu: Ban Dân vận Tỉnh ủy.', 'hội quần chúng.\nCơ quan chủ trì tham mưu: Ban Tổ chức Tỉnh ủy.']],
  /** Conference 4 moves from September to October. */
  'change a month': [['lần thứ 19 (tháng 9/2024)', 'lần thứ 19 (tháng 10/2024)']],
  /** The final text: no "Dự thảo", a number and a date. */
  'finalize the header': [
    ['Dự thảo\n', ''],
    ['Số       -CTr/TU', 'Số 15-CTr/TU'],
    ['ngày     tháng    năm 2023', 'ngày 20 tháng 12 năm 2023'],
  ],
  /** Conference 1 item (2) cites another conclusion. */
  'change a citation': [['Kết luận số 94-KL/TW, ngày 28/3/2014', 'Kết luận số 95-KL/TW, ngày 28/3/2014']],
} satisfies Record<string, [string, string][]>;

type EditName = keyof typeof seedReplacements;

/** Revised drafts of the seed, each made by one known edit. */
export const seedEdits = Object.fromEntries(
  Object.entries(seedReplacements).map(([name, replacements]) => [name, () => edit(seedText(), ...(replacements as [string, string][]))]),
) as Record<EditName, () => string>;

/** Several of those edits in one revised draft (the README's example). */
export function seedWith(...names: EditName[]): string {
  return edit(seedText(), ...names.flatMap((name) => seedReplacements[name] as [string, string][]));
}

export { NEW_ITEM };
