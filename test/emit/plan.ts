import { readFileSync } from 'node:fs';

/** A real document of the corpus, by its file name under fixtures/corpus. */
export const corpusPath = (relative: string) => new URL(`../../fixtures/corpus/${relative}`, import.meta.url);
export const corpusText = (relative: string) => readFileSync(corpusPath(relative), 'utf8');

export const SCHEDULE = 'found/101-bentre-hdnd-lich-lam-viec-tuan-21-2018.txt';
export const RESOLUTION = 'dev/019-ubtvqh-nq07-2026-dieu-chinh-chuong-trinh-lap-phap-github.txt';
export const PLAN = 'dev/007-ninh-binh-ubnd-kh130-2022-giam-sat-giam-ngheo.txt';

/**
 * The corpus excerpts stop before their task lists, so this plan keeps the header of KH 130/KH-UBND
 * (fixtures/corpus/dev/007) and states its tasks the way plans do: "Cơ quan chủ trì: …; cơ quan
 * phối hợp: …; thời gian hoàn thành: …".
 */
export const PLAN_WITH_TASKS = `ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 130/KH-UBND
Ninh Bình, ngày 13 tháng 7 năm 2022
KẾ HOẠCH
Giám sát, đánh giá Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2022
I. MỤC ĐÍCH, YÊU CẦU
1. Theo dõi, kiểm tra, giám sát việc chấp hành quy định về quản lý Chương trình.
II. NHIỆM VỤ, GIẢI PHÁP
1. Xây dựng bộ chỉ số giám sát, đánh giá Chương trình. Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội; cơ quan phối hợp: Sở Tài chính, Sở Kế hoạch và Đầu tư; thời gian hoàn thành: Quý III/2022.
2. Tổ chức kiểm tra, giám sát tại các huyện, thành phố. Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội; thời gian hoàn thành: trước ngày 30/11/2022.
3. Tổng hợp báo cáo kết quả thực hiện Chương trình. Cơ quan chủ trì: Sở Kế hoạch và Đầu tư; thời gian: thường xuyên.
III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố căn cứ Kế hoạch này tổ chức thực hiện.
`;
