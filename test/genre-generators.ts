import fc from 'fast-check';
import { hardWrap } from './helpers.js';

/**
 * Documents of every genre the parser reads, generated from a structure: a header in the Party or
 * the State layout (flattened as web copies and text exports flatten it), the type line and its
 * title, a body outline built from real phrases, and an optional footer. `renderDocument` gives the
 * text; `expectedOf` what parsing it must give back; `actualOf` the same fields read off a model.
 *
 * The generator avoids what a human reader could not decide either: a level's labels all of one
 * case, headings short and unpunctuated, sentences ending in "." or ";", no paragraph after an item
 * (would it belong to the item or to the heading above?), title lines that visibly continue the
 * first one (lower-case, or all in capitals), site chrome that is not in capitals.
 */

export const GENRES = [
  'conference-programme',
  'action-programme',
  'plan',
  'schedule',
  'guidance',
  'decision',
  'conclusion',
  'resolution',
] as const;
export type GenreName = (typeof GENRES)[number];

export type Style = 'roman' | 'arabic' | 'decimal' | 'letter' | 'dash' | 'plus' | 'article' | 'paren';

export interface NodeSpec {
  label: string | null;
  kind: 'heading' | 'item' | 'paragraph';
  text: string;
  children: NodeSpec[];
}

export interface HeaderSpec {
  layout: 'party' | 'state';
  /** Issuer lines as printed (one or two); the model's superior + issuer join to them. */
  issuer: string[];
  number: { raw: string; id: string } | null;
  place: string;
  date: { day: number; month: number; year: number; raw: string };
  docType: string;
  title: string[];
  /** How the two columns became lines. */
  flatten: 'left-first' | 'right-first' | 'pipes' | 'rows';
  rules: boolean;
  pipeEdges: { lead: boolean; trail: boolean };
  blankInside: boolean;
  chrome: string[];
  ruleAfterTitle: boolean;
  /** "ĐẢNG CỘNG SẢN" / "VIỆT NAM" on two lines, as a narrow column prints it. */
  wrappedHeading: boolean;
}

export interface EntrySpec {
  time: string;
  chair: string;
  activity: string;
  place: string;
}

export interface DaySpec {
  date: string;
  heading: string;
  entries: EntrySpec[];
}

export interface DocSpec {
  genre: GenreName;
  header: HeaderSpec;
  /** Root-level lines before the outline proper (preamble, "QUYẾT ĐỊNH:"); paragraphs. */
  outline: NodeSpec[];
  days: DaySpec[];
  footer: string[] | null;
  blankBetween: boolean;
  wrap: number | null;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: phrases taken from the real documents in fixtures/corpus.

const PROVINCES = ['Hậu Giang', 'Ninh Bình', 'Thừa Thiên Huế', 'Khánh Hòa', 'Nghệ An', 'Sóc Trăng', 'Ninh Thuận', 'Tiền Giang', 'Bến Tre', 'Vĩnh Phúc'];
const PLACES_EXTRA = ['Hà Nội', 'Vị Thanh', 'Phan Rang-Tháp Chàm', 'Tam Kỳ'];
const caps = (s: string) => s.toLocaleUpperCase('vi');

const OPENERS = [
  'Tăng cường',
  'Nâng cao',
  'Tổ chức',
  'Đẩy mạnh',
  'Tiếp tục',
  'Quán triệt',
  'Triển khai',
  'Xây dựng',
  'Kiểm tra, giám sát',
  'Tuyên truyền',
  'Rà soát',
  'Bảo đảm',
  'Phát huy',
  'Tập trung',
  'Nghiên cứu',
  'Thực hiện',
];
const OBJECTS = [
  'sự lãnh đạo của Đảng đối với công tác quản lý, bảo vệ và phát triển rừng',
  'nhận thức, trách nhiệm của cấp ủy, tổ chức đảng, chính quyền, Mặt trận và các đoàn thể',
  'chất lượng đội ngũ cán bộ, công chức, viên chức',
  'công tác phòng, chống tham nhũng, lãng phí',
  'Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ',
  'các hoạt động kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam',
  'chuyển đổi số trong hoạt động của các cơ quan đảng',
  'cải cách hành chính, nâng cao chỉ số hài lòng của người dân',
  'việc giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững',
  'hệ thống kết cấu hạ tầng đồng bộ',
  'Chỉ thị 13-CT/TW, ngày 12/01/2017 của Ban Bí thư',
  'công tác kiện toàn, bổ sung nhân sự',
  'phong trào thi đua yêu nước',
  'vai trò của rừng đối với sự phát triển kinh tế, xã hội ở miền núi',
];
const TAILS = [
  'trên địa bàn tỉnh',
  'trong tình hình mới',
  'giai đoạn 2021-2025',
  'đến năm 2030',
  'theo đúng quy định',
  'nhất là đối với đồng bào các dân tộc thiểu số',
  'ở các cấp, các ngành',
  'phù hợp với đặc điểm tình hình của từng địa phương, đơn vị',
  'bảo đảm thiết thực, hiệu quả, tiết kiệm',
  'tạo sự chuyển biến tích cực',
];
const ROMAN_HEADINGS = [
  'MỤC ĐÍCH, YÊU CẦU',
  'NHIỆM VỤ, GIẢI PHÁP',
  'TỔ CHỨC THỰC HIỆN',
  'NỘI DUNG',
  'ĐÁNH GIÁ TÌNH HÌNH',
  'QUAN ĐIỂM, MỤC TIÊU',
  'NHIỆM VỤ TRỌNG TÂM',
  'KẾT QUẢ ĐẠT ĐƯỢC',
  'PHÂN CÔNG THỰC HIỆN',
  'ĐỐI TƯỢNG, THỜI GIAN GIÁM SÁT',
];
const SUB_HEADINGS = [
  'Mục đích',
  'Yêu cầu',
  'Mục tiêu',
  'Nhiệm vụ trọng tâm',
  'Giải pháp chủ yếu',
  'Đối tượng',
  'Thời gian',
  'Kinh phí thực hiện',
  'Chế độ báo cáo',
  'Về công tác tuyên truyền',
  'Phân công nhiệm vụ',
  'Hình thức tổ chức',
];
const PEOPLE = ['Nguyễn Văn Tuấn', 'Lê Hồng Khuê', 'Trần Thị Thu Hà', 'Phạm Minh Đức', 'Võ Thành Nhân'];
const POSITIONS = ['Bí thư Tỉnh ủy', 'Phó Bí thư Thường trực Tỉnh ủy', 'Chủ tịch UBND tỉnh', 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy'];
const ACTIVITIES = [
  'dự Hội nghị tổng kết công tác tuyển chọn và gọi công dân nhập ngũ năm 2025',
  'dự họp Ban Thường vụ Tỉnh ủy',
  'làm việc với Ban Thường vụ Huyện ủy Châu Thành',
  'tiếp công dân định kỳ',
  'dự Chương trình kỷ niệm 84 năm ngày thành lập Đội Thiếu niên Tiền phong Hồ Chí Minh',
  'chủ trì họp Ban Chỉ đạo các chương trình mục tiêu quốc gia',
];
const VENUES = ['Hội trường Tỉnh ủy', 'phòng họp số 3 UBND tỉnh', 'Trường Tiểu học Võ Thị Sáu, xã Hỏa Lựu', 'Nhà khách Tỉnh ủy', 'trụ sở Huyện ủy Châu Thành'];
const WEEKDAYS = ['CHỦ NHẬT', 'THỨ HAI', 'THỨ BA', 'THỨ TƯ', 'THỨ NĂM', 'THỨ SÁU', 'THỨ BẢY'];
const MENU = ['Trang chủ', 'Giới thiệu', 'Tin tức', 'Văn bản', 'Tìm kiếm tin tức', 'Liên hệ', 'Chung nhan Tin Nhiem Mang', 'Ngày cập nhật 30/10/2017'];
const LEADS = [
  'Ban quản trị website xin đăng toàn văn văn bản quan trọng này:',
  'Ngày 23/8/2017, Tỉnh ủy đã ban hành văn bản về thực hiện Chỉ thị 13-CT/TW của Ban Bí thư.',
  'Báo điện tử trân trọng giới thiệu toàn văn văn bản.',
  'Nếu bạn là thành viên. Vui lòng đăng nhập để tiếp tục.',
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'];

const sentence = fc
  .record({
    opener: fc.constantFrom(...OPENERS),
    object: fc.constantFrom(...OBJECTS),
    tails: fc.array(fc.constantFrom(...TAILS), { maxLength: 2 }),
    end: fc.constantFrom('.', '.', ';'),
  })
  .map(({ opener, object, tails, end }) => [`${opener} ${object}`, ...tails].join(', ') + end);

// One sentence: a hard wrap that falls after its full stop would make two paragraphs of one for any reader.
const paragraph = sentence.map((s) => s.replace(/;$/, '.'));

// ---------------------------------------------------------------------------------------------
// Outlines

/** The styles of a document's levels, outermost first, in an order readers agree on. */
const ORDER: Style[] = ['roman', 'arabic', 'decimal', 'letter', 'dash', 'plus'];

const ladder = (from: Style[]): fc.Arbitrary<Style[]> =>
  fc
    .subarray(from, { minLength: 1, maxLength: Math.min(4, from.length) })
    .filter((l) => l.every((s, k) => (s !== 'decimal' || l[k - 1] === 'arabic') && (s !== 'plus' || l[k - 1] === 'dash')));

interface LevelSpec {
  style: Style;
  /** "I." or "I-" (Party documents). */
  variant: boolean;
  /** For arabic: all its headings in capitals ("1. MỤC ĐÍCH") or none. */
  capsHeadings: boolean;
}

interface Shape {
  /** Per node: how many children, whether it is a heading, its phrases. */
  kids: number[];
  heading: boolean[];
  paragraphs: number[];
  texts: string[];
  headings: string[];
  colon: boolean[];
}

const shape: fc.Arbitrary<Shape> = fc.record({
  kids: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
  heading: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  paragraphs: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 40, maxLength: 40 }),
  texts: fc.array(sentence, { minLength: 40, maxLength: 40 }),
  headings: fc.array(fc.constantFrom(...SUB_HEADINGS), { minLength: 40, maxLength: 40 }),
  colon: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
});

const paragraphs = fc.array(paragraph, { minLength: 40, maxLength: 40 });

/** Builds a tree on the levels; the numbers drawn up front keep shrinking simple. */
function buildTree(levels: LevelSpec[], top: number, s: Shape, paras: string[], romanHeadings: string[]): NodeSpec[] {
  let n = 0;
  let p = 0;
  const next = () => n++ % 40;
  const level = (k: number, count: number, parent: number[]): NodeSpec[] => {
    const out: NodeSpec[] = [];
    const { style, capsHeadings, variant } = levels[k]!;
    for (let i = 0; i < count && n < 60; i++) {
      const id = next();
      let label = labelOf(style, i, parent);
      if (variant && style === 'roman') label = label.replace(/\.$/, '-');
      // "1.1" without its final dot is real too, but the parser nests "1.2" under "1.1" then (reported).
      let kind: NodeSpec['kind'];
      let text: string;
      if (style === 'roman') {
        kind = 'heading';
        text = romanHeadings[i % romanHeadings.length]!;
      } else if (style === 'dash' || style === 'plus') {
        kind = 'item';
        text = s.texts[id]!;
      } else if (style === 'arabic' && capsHeadings) {
        kind = 'heading';
        text = caps(s.headings[id]!);
      } else if (s.heading[id]) {
        kind = 'heading';
        text = s.headings[id]! + (s.colon[id] ? ':' : '');
      } else {
        kind = 'item';
        text = s.texts[id]!;
      }
      const node: NodeSpec = { label, kind, text, children: [] };
      if (kind === 'heading') {
        for (let q = 0; q < s.paragraphs[id]! && k + 1 < levels.length; q++) node.children.push({ label: null, kind: 'paragraph', text: paras[p++ % 40]!, children: [] });
        if (k + 1 === levels.length && s.paragraphs[id]! > 0) node.children.push({ label: null, kind: 'paragraph', text: paras[p++ % 40]!, children: [] });
      }
      if (k + 1 < levels.length) node.children.push(...level(k + 1, s.kids[id]!, [...parent, i + 1]));
      out.push(node);
    }
    return out;
  };
  return level(0, top, []);
}

function labelOf(style: Style, i: number, parent: number[]): string {
  switch (style) {
    case 'roman':
      return `${ROMAN[i]}.`;
    case 'arabic':
      return `${i + 1}.`;
    case 'decimal':
      return `${parent[parent.length - 1]}.${i + 1}.`;
    case 'letter':
      return `${LETTERS[i]})`;
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    case 'article':
      return `Điều ${i + 1}.`;
    case 'paren':
      return `(${i + 1})`;
  }
}

const levelsOf = (from: Style[]) =>
  fc
    .tuple(ladder(from), fc.boolean(), fc.boolean())
    .map(([styles, capsArabic, variant]) => styles.map((style) => ({ style, variant, capsHeadings: style === 'arabic' && capsArabic })));

/** A generic outline: 1–4 levels of the usual styles, 1–4 nodes at the top. */
const genericOutline = (from: Style[] = ORDER) =>
  fc
    .record({
      levels: levelsOf(from),
      top: fc.integer({ min: 1, max: 4 }),
      shape,
      paras: paragraphs,
      romanHeadings: fc.shuffledSubarray(ROMAN_HEADINGS, { minLength: 4, maxLength: 4 }),
    })
    .map(({ levels, top, shape: s, paras, romanHeadings }) => buildTree(levels, top, s, paras, romanHeadings));

// ---------------------------------------------------------------------------------------------
// Genres: header words and body

interface GenreWords {
  docTypes: string[];
  partyCode: string | null;
  stateCode: string | null;
  titles: string[][];
}

const GENRE_WORDS: Record<GenreName, GenreWords> = {
  'conference-programme': {
    docTypes: ['CHƯƠNG TRÌNH'],
    partyCode: 'CTr',
    stateCode: 'CTr',
    titles: [
      ['Làm việc năm {Y} của Ban Chấp hành Đảng bộ tỉnh', 'khóa XIV, nhiệm kỳ 2020 - 2025'],
      ['Công tác năm {Y} của Ban Thường vụ Tỉnh ủy'],
      ['LÀM VIỆC NĂM {Y} CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH'],
    ],
  },
  'action-programme': {
    docTypes: ['CHƯƠNG TRÌNH HÀNH ĐỘNG', 'CHƯƠNG TRÌNH'],
    partyCode: 'CTr',
    stateCode: 'CTr',
    titles: [
      ['thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị', 'về đột phá phát triển khoa học, công nghệ,', 'đổi mới sáng tạo và chuyển đổi số quốc gia'],
      ['Thực hiện Chỉ thị 13-CT/TW của Ban Bí thư về tăng cường sự lãnh đạo của Đảng', 'đối với công tác quản lý, bảo vệ và phát triển rừng'],
      ['THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XV', 'NHIỆM KỲ 2020 - 2025'],
    ],
  },
  plan: {
    docTypes: ['KẾ HOẠCH'],
    partyCode: 'KH',
    stateCode: 'KH',
    titles: [
      ['Tổ chức các hoạt động kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam'],
      ['giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia', 'giảm nghèo bền vững giai đoạn 2021 - 2025'],
      ['TRIỂN KHAI CÔNG TÁC BẦU CỬ ĐẠI BIỂU QUỐC HỘI KHÓA XV', 'VÀ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN CÁC CẤP'],
    ],
  },
  schedule: {
    docTypes: ['LỊCH CÔNG TÁC', 'LỊCH LÀM VIỆC'],
    partyCode: 'LCT',
    stateCode: 'LCT',
    titles: [['của Thường trực Tỉnh ủy'], ['Tuần thứ 21 của Thường trực, các Ban và Văn phòng', 'từ ngày {D0} đến ngày {D1}'], ['CỦA THƯỜNG TRỰC UBND TỈNH']],
  },
  guidance: {
    docTypes: ['HƯỚNG DẪN'],
    partyCode: 'HD',
    stateCode: 'HD',
    titles: [
      ['Quy trình, thủ tục kiện toàn, bổ sung nhân sự và công nhận', 'các chức danh của Ban Chấp hành Đoàn Thanh niên cấp tỉnh'],
      ['tuyên truyền kỷ niệm 100 năm Ngày sinh đồng chí Võ Văn Kiệt'],
      ['XÂY DỰNG CHƯƠNG TRÌNH CÔNG TÁC CỦA CẤP ỦY'],
    ],
  },
  decision: {
    docTypes: ['QUYẾT ĐỊNH'],
    partyCode: 'QĐ',
    stateCode: 'QĐ',
    titles: [
      ['Về việc ban hành Quy định về ban hành văn bản của Đoàn TNCS Hồ Chí Minh'],
      ['BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG VÌ SỰ TIẾN BỘ PHỤ NỮ', 'GIAI ĐOẠN 2021 - 2025'],
      ['Phê duyệt Kế hoạch tổ chức các hoạt động kỷ niệm', '100 năm Ngày sinh cố Tổng Bí thư Nguyễn Văn Cừ'],
    ],
  },
  conclusion: {
    docTypes: ['KẾT LUẬN', 'THÔNG BÁO KẾT LUẬN'],
    partyCode: 'KL',
    stateCode: 'TB',
    titles: [
      ['HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI)', 'về xây dựng hệ thống kết cấu hạ tầng đồng bộ đến năm 2025,', 'định hướng đến năm 2030'],
      ['của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy'],
      ['về tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị'],
    ],
  },
  resolution: {
    docTypes: ['NGHỊ QUYẾT'],
    partyCode: 'NQ',
    stateCode: 'NQ',
    titles: [
      ['về huy động nguồn lực, ưu tiên đầu tư xây dựng kết cấu hạ tầng', 'cấp thiết giao thông, thủy lợi, đô thị giai đoạn 2016-2020'],
      ['Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025'],
      ['VỀ ĐẨY MẠNH CHUYỂN ĐỔI SỐ ĐẾN NĂM 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030'],
    ],
  },
};

const PARTY_ISSUERS: { lines: (p: string) => string[]; code: string }[] = [
  { lines: (p) => [`TỈNH ỦY ${caps(p)}`], code: 'TU' },
  { lines: (p) => [`ĐẢNG BỘ TỈNH ${caps(p)}`, 'BAN THƯỜNG VỤ TỈNH ỦY'], code: 'TU' },
  { lines: (p) => [`TỈNH ỦY ${caps(p)}`, 'BAN TUYÊN GIÁO'], code: 'BTGTU' },
  { lines: () => ['HUYỆN ỦY CHÂU THÀNH'], code: 'HU' },
  { lines: (p) => [`TỈNH ỦY ${caps(p)}`, 'VĂN PHÒNG'], code: 'VPTU' },
];
const STATE_ISSUERS: { lines: (p: string) => string[]; code: string }[] = [
  { lines: (p) => [`ỦY BAN NHÂN DÂN TỈNH ${caps(p)}`], code: 'UBND' },
  { lines: (p) => [`HỘI ĐỒNG NHÂN DÂN TỈNH ${caps(p)}`], code: 'HĐND' },
  { lines: (p) => [`UBND TỈNH ${caps(p)}`, 'SỞ NỘI VỤ'], code: 'SNV' },
  { lines: (p) => ['ỦY BAN NHÂN DÂN', `TỈNH ${caps(p)}`], code: 'UBND' },
];

const pad2 = (n: number) => String(n).padStart(2, '0');

const dateArb = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 2005, max: 2026 }),
    padded: fc.boolean(),
    numeric: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ day, month, year, padded, numeric }) => ({
    day,
    month,
    year,
    raw: numeric === 0 ? `ngày ${day}/${month}/${year}` : `ngày ${padded ? pad2(day) : day} tháng ${padded && month < 3 ? pad2(month) : month} năm ${year}`,
  }));

const headerArb = (genre: GenreName, forcedLayout?: 'party' | 'state') =>
  fc
    .record({
      layout: forcedLayout ? fc.constant(forcedLayout) : fc.constantFrom('party' as const, 'state' as const),
      province: fc.constantFrom(...PROVINCES),
      otherPlace: fc.option(fc.constantFrom(...PLACES_EXTRA), { nil: null, freq: 4 }),
      issuerIndex: fc.nat(),
      n: fc.integer({ min: 1, max: 2999 }),
      withYear: fc.boolean(),
      hasNumber: fc.integer({ min: 0, max: 5 }),
      colon: fc.boolean(),
      date: dateArb,
      docTypeIndex: fc.nat(),
      titleIndex: fc.nat(),
      flatten: fc.constantFrom('left-first' as const, 'right-first' as const, 'pipes' as const, 'rows' as const),
      rules: fc.boolean(),
      pipeEdges: fc.record({ lead: fc.boolean(), trail: fc.boolean() }),
      blankInside: fc.boolean(),
      chrome: fc.array(fc.oneof(fc.constantFrom(...MENU), fc.constantFrom(...LEADS), fc.shuffledSubarray(MENU, { minLength: 2, maxLength: 4 }).map((m) => m.join(' | '))), {
        maxLength: 4,
      }),
      ruleAfterTitle: fc.boolean(),
      wrappedHeading: fc.boolean(),
    })
    .map((r): HeaderSpec => {
      const words = GENRE_WORDS[genre];
      const issuers = r.layout === 'party' ? PARTY_ISSUERS : STATE_ISSUERS;
      const issuer = issuers[r.issuerIndex % issuers.length]!;
      const docType = words.docTypes[r.docTypeIndex % words.docTypes.length]!;
      let code = r.layout === 'party' ? words.partyCode : words.stateCode;
      if (genre === 'conclusion' && docType === 'THÔNG BÁO KẾT LUẬN') code = 'TB';
      if (genre === 'conclusion' && docType === 'KẾT LUẬN') code = 'KL';
      let title = words.titles[r.titleIndex % words.titles.length]!;
      // A "CHƯƠNG TRÌNH" that carries out a directive is an action programme only by its title.
      if (genre === 'action-programme' && docType === 'CHƯƠNG TRÌNH' && !/^thực hiện/iu.test(title[0]!)) title = words.titles[0]!;
      const year = r.date.year;
      title = title.map((t) => t.replace('{Y}', String(year + 1)));
      let number: HeaderSpec['number'] = null;
      if (r.hasNumber > 0 && code) {
        const id = r.layout === 'party' ? `${r.n}-${code}/${issuer.code}` : r.withYear && genre !== 'schedule' ? `${r.n}/${year}/${code}-${issuer.code}` : `${r.n}/${code}-${issuer.code}`;
        number = { raw: `Số${r.colon || r.layout === 'state' ? ':' : ''} ${id}`, id };
      }
      return {
        layout: r.layout,
        issuer: issuer.lines(r.province),
        number,
        place: r.otherPlace ?? r.province,
        date: r.date,
        docType,
        title,
        flatten: r.flatten,
        rules: r.rules,
        pipeEdges: r.pipeEdges,
        blankInside: r.blankInside,
        chrome: r.chrome,
        ruleAfterTitle: r.ruleAfterTitle,
        wrappedHeading: r.wrappedHeading && r.flatten !== 'pipes',
      };
    });

const PREAMBLES = [
  'Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:',
  'Căn cứ tình hình thực tế, Ban Chấp hành Đảng bộ tỉnh xây dựng Chương trình làm việc như sau:',
  'Căn cứ Kết luận số 88-KL/TW, ngày 18/2/2014 của Bộ Chính trị về tổ chức kỷ niệm 100 năm ngày sinh, Ban Tuyên giáo hướng dẫn như sau:',
  'Hội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh (khóa XVI) họp ngày 26/4/2022 đã thảo luận Tờ trình của Ban Thường vụ Tỉnh ủy và kết luận:',
];
const BASES = [
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  'Căn cứ Quy định số 80-QĐ/TW ngày 18/8/2022 của Bộ Chính trị về phân cấp quản lý cán bộ;',
  'Căn cứ Quyết định số 640/QĐ-TTg ngày 31 tháng 5 năm 2012 của Thủ tướng Chính phủ;',
  'Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 126/TTr-SNV ngày 23/01/2024.',
];

const para = (text: string): NodeSpec => ({ label: null, kind: 'paragraph', text, children: [] });

/** The body of a genre: its outline, plus the days of a schedule. */
const bodyArb = (genre: GenreName, year: number, header: HeaderSpec): fc.Arbitrary<{ outline: NodeSpec[]; days: DaySpec[] }> => {
  switch (genre) {
    case 'conference-programme':
      return conferenceBody(year);
    case 'schedule':
      return scheduleBody(year);
    case 'decision':
      return fc
        .record({
          bases: fc.subarray(BASES, { minLength: 1 }),
          articles: fc.array(fc.tuple(sentence, genericOutline(['arabic', 'letter', 'dash'])), { minLength: 1, maxLength: 4 }),
          withChildren: fc.boolean(),
          // The State decision repeats its authority above the bases ("ỦY BAN NHÂN DÂN TỈNH …").
          authority: fc.boolean(),
        })
        .map(({ bases, articles, withChildren, authority }) => ({
          outline: [
            ...(authority && header.layout === 'state' && header.issuer.length === 1 ? [para(header.issuer[0]!)] : []),
            ...bases.map(para),
            para('QUYẾT ĐỊNH:'),
            ...articles.map(([text, kids], i) => ({ label: `Điều ${i + 1}.`, kind: 'heading' as const, text: text.replace(/;$/, '.'), children: withChildren ? kids : [] })),
          ],
          days: [],
        }));
    default:
      return fc
        .record({ preamble: fc.option(fc.constantFrom(...PREAMBLES), { nil: null }), outline: genericOutline() })
        .map(({ preamble, outline }) => ({ outline: preamble ? [para(preamble), ...outline] : outline, days: [] }));
  }
};

const AGENCIES = ['Văn phòng Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy'];

function conferenceBody(year: number) {
  return fc
    .record({
      intro: paragraph,
      conferences: fc.array(
        fc.record({
          session: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
          month: fc.integer({ min: 1, max: 12 }),
          tentative: fc.boolean(),
          items: fc.array(sentence, { minLength: 1, maxLength: 4 }),
          agency: fc.option(fc.constantFrom(...AGENCIES), { nil: null }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      closing: fc.array(sentence, { minLength: 1, maxLength: 3 }),
    })
    .map(({ intro, conferences, closing }) => {
      const confs: NodeSpec[] = conferences.map((c, i) => {
        const who = c.session === null ? 'chuyên đề Ban Chấp hành Đảng bộ tỉnh' : `Ban Chấp hành Đảng bộ tỉnh lần thứ ${c.session}`;
        const children: NodeSpec[] = c.items.map((t, k) => ({ label: `(${k + 1})`, kind: 'item', text: t.replace(/;$/, '.'), children: [] }));
        if (c.agency) children.push(para(`Cơ quan chủ trì tham mưu: ${c.agency}.`));
        return { label: `${i + 1}.`, kind: 'heading', text: `Hội nghị ${who} (${c.tentative ? 'dự kiến ' : ''}tháng ${c.month}/${year + 1})`, children };
      });
      const outline: NodeSpec[] = [
        { label: 'I.', kind: 'heading', text: 'MỤC ĐÍCH, YÊU CẦU', children: [para(intro)] },
        { label: 'II.', kind: 'heading', text: 'NỘI DUNG VÀ THỜI GIAN', children: confs },
        { label: 'III.', kind: 'heading', text: 'TỔ CHỨC THỰC HIỆN', children: closing.map((t, k) => ({ label: `${k + 1}.`, kind: 'item', text: t, children: [] })) },
      ];
      return { outline, days: [] };
    });
}

function scheduleBody(year: number) {
  return fc
    .record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 20 }),
      count: fc.integer({ min: 1, max: 5 }),
      style: fc.constantFrom('caps', 'title'),
      entries: fc.array(
        fc.array(
          fc.record({
            hour: fc.integer({ min: 6, max: 17 }),
            minute: fc.constantFrom(0, 15, 30, 45),
            person: fc.constantFrom(...PEOPLE),
            position: fc.constantFrom(...POSITIONS),
            activity: fc.constantFrom(...ACTIVITIES),
            venue: fc.constantFrom(...VENUES),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        { minLength: 5, maxLength: 5 },
      ),
    })
    .map(({ month, day, count, style, entries }) => {
      const days: DaySpec[] = [];
      for (let k = 0; k < count; k++) {
        const d = new Date(Date.UTC(year, month - 1, day + k));
        const weekday = WEEKDAYS[d.getUTCDay()]!;
        const dd = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
        const heading = style === 'caps' ? `${weekday}, NGÀY ${dd}` : `${weekday.charAt(0)}${weekday.slice(1).toLocaleLowerCase('vi').replace(/^(\S+) (\S)/, (_m, a: string, b: string) => `${a} ${b.toLocaleUpperCase('vi')}`)}, ngày ${dd}`;
        days.push({
          date: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`,
          heading,
          entries: entries[k]!.map((e) => ({
            time: e.minute === 0 ? `${e.hour} giờ` : `${e.hour} giờ ${e.minute}`,
            chair: `Đ/c ${e.person}`,
            activity: `${e.position} ${e.activity}`,
            place: e.venue,
          })),
        });
      }
      const outline: NodeSpec[] = days.map((d) => ({
        label: null,
        kind: 'heading',
        text: d.heading,
        children: d.entries.map((e) => ({ label: '-', kind: 'item', text: entryText(e), children: [] })),
      }));
      return { outline, days };
    });
}

export const entryText = (e: EntrySpec) => `${e.time}: ${e.chair}, ${e.activity}, tại ${e.place}.`;

const footerArb = fc.option(
  fc.record({ who: fc.constantFrom('T/M BAN THƯỜNG VỤ', 'T/M TỈNH ỦY', 'TM. ỦY BAN NHÂN DÂN'), name: fc.constantFrom(...PEOPLE) }).map(({ who, name }) => [
    'Nơi nhận:',
    '- Ban Thường vụ Tỉnh ủy,',
    '- Các sở, ban, ngành tỉnh,',
    '- Lưu Văn phòng.',
    who,
    'PHÓ BÍ THƯ',
    name,
  ]),
  { nil: null },
);

export const docSpec = (genre: GenreName): fc.Arbitrary<DocSpec> =>
  headerArb(genre).chain((header) =>
    fc
      .record({
        body: bodyArb(genre, header.date.year, header),
        footer: footerArb,
        blankBetween: fc.boolean(),
        wrap: fc.option(fc.integer({ min: 60, max: 100 }), { nil: null, freq: 1 }),
      })
      .map(({ body, footer, blankBetween, wrap }) => {
        let h = header;
        if (genre === 'schedule' && body.days.length > 0) {
          const [first, last] = [body.days[0]!.date, body.days[body.days.length - 1]!.date].map((iso) => {
            const [y, m, d] = iso.split('-').map(Number);
            return `${d}/${m}/${y}`;
          });
          h = { ...header, title: header.title.map((t) => t.replace('{D0}', first!).replace('{D1}', last!)) };
        }
        return { genre, header: h, outline: body.outline, days: body.days, footer, blankBetween, wrap };
      }),
  );

// ---------------------------------------------------------------------------------------------
// Rendering

function headerLines(h: HeaderSpec): string[] {
  const partyHeading = 'ĐẢNG CỘNG SẢN VIỆT NAM';
  const placeDate = `${h.place}, ${h.date.raw}`;
  const left: string[] = [...h.issuer];
  const right: string[] = [];
  if (h.layout === 'party') {
    left.push('*');
    // A cell of its own either way: row by row, its two lines stay together.
    right.push(h.wrappedHeading ? 'ĐẢNG CỘNG SẢN\nVIỆT NAM' : partyHeading);
    if (h.rules) right.push('---------------');
  } else {
    if (h.rules) left.push('-------');
    right.push('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc');
    if (h.rules) right.push('---------------');
  }
  if (h.number) left.push(h.number.raw);
  // The place-date sits on the number's row.
  while (right.length < left.length - 1) right.push('');
  while (left.length < right.length + 1) left.splice(left.length - (h.number ? 1 : 0), 0, '');
  right.push(placeDate);
  const blank = (lines: string[]) => (h.blankInside ? lines.flatMap((l) => [l, '']) : lines).flatMap((l) => l.split('\n'));
  switch (h.flatten) {
    case 'left-first':
      return blank([...left, ...right].filter((l) => l !== ''));
    case 'right-first':
      return blank([...right, ...left].filter((l) => l !== ''));
    case 'rows': {
      const out: string[] = [];
      for (let i = 0; i < Math.max(left.length, right.length); i++) out.push(left[i] ?? '', right[i] ?? '');
      return blank(out.filter((l) => l !== ''));
    }
    case 'pipes': {
      const out: string[] = [];
      for (let i = 0; i < Math.max(left.length, right.length); i++) {
        const [a, b] = [left[i] ?? '', right[i] ?? ''];
        if (a === '' && b === '') continue;
        out.push(`${h.pipeEdges.lead ? '| ' : ''}${a}${a ? ' ' : ''}| ${b}${h.pipeEdges.trail ? ' |' : ''}`.trim());
      }
      return blank(out);
    }
  }
}

function outlineLines(nodes: readonly NodeSpec[], blankBetween: boolean): string[] {
  const out: string[] = [];
  const visit = (list: readonly NodeSpec[]) => {
    for (const n of list) {
      out.push(n.label ? `${n.label} ${n.text}` : n.text);
      if (blankBetween) out.push('');
      visit(n.children);
    }
  };
  visit(nodes);
  return out;
}


export function renderDocument(d: DocSpec): string {
  const h = d.header;
  const lines: string[] = [...h.chrome, ...headerLines(h), '', h.docType, ...h.title];
  if (h.ruleAfterTitle) lines.push('-----');
  lines.push('');
  let body = outlineLines(d.outline, d.blankBetween);
  if (d.wrap !== null) body = hardWrap(body.join('\n'), d.wrap).split('\n');
  lines.push(...body);
  if (d.footer) lines.push('', ...d.footer);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Expectations

export interface FlatNode {
  depth: number;
  label: string | null;
  kind: string;
  text: string;
}

export function flatten(nodes: readonly { label: string | null; kind: string; heading?: string | null; text: string | null; children: readonly unknown[] }[], depth = 0, out: FlatNode[] = []): FlatNode[] {
  for (const n of nodes) {
    out.push({ depth, label: n.label, kind: n.kind, text: n.heading ?? n.text ?? '' });
    flatten(n.children as typeof nodes, depth + 1, out);
  }
  return out;
}

export interface Shown {
  genre: string;
  header: { docType: string | null; number: string | null; date: string | null; place: string | null; issuer: string | null; title: string | null };
  outline: FlatNode[];
  schedule: { date: string | null; time: string | null; chair: string | null; place: string | null }[];
  /** Lines no part of the document holds: the site chrome, nothing else. */
  residue: string[];
}

export function expectedOf(d: DocSpec): Shown {
  const h = d.header;
  return {
    genre: d.genre,
    header: {
      docType: h.docType,
      number: h.number?.id ?? null,
      date: `${h.date.year}-${pad2(h.date.month)}-${pad2(h.date.day)}`,
      place: h.place,
      issuer: h.issuer.join(' '),
      title: h.title.join(' '),
    },
    outline: flatten(d.outline.map(function toModel(n): { label: string | null; kind: string; text: string; children: unknown[] } {
      return { label: n.label, kind: n.kind, text: n.text, children: n.children.map(toModel) };
    })),
    schedule: d.days.flatMap((day) => day.entries.map((e) => ({ date: day.date, time: e.time, chair: e.chair, place: e.place }))),
    residue: h.chrome,
  };
}

interface ModelLike {
  genre: string;
  header: {
    docType: string | null;
    number: { id: string | null } | null;
    date: { year: number | null; month: number | null; day: number | null } | null;
    place: string | null;
    issuer: string | null;
    superior?: string | null;
    title: string | null;
  };
  outline: { label: string | null; kind: string; heading: string | null; text: string | null; children: unknown[] }[];
  schedule: { date: string | null; time: string | null; chair: string | null; place: string | null }[];
  residue: { text: string }[];
}

export function actualOf(p: ModelLike): Shown {
  const h = p.header;
  const date = h.date && h.date.year !== null ? `${h.date.year}-${pad2(h.date.month ?? 0)}-${pad2(h.date.day ?? 0)}` : null;
  return {
    genre: p.genre,
    header: {
      docType: h.docType,
      number: h.number?.id ?? null,
      date,
      place: h.place,
      issuer: [h.superior ?? null, h.issuer].filter((x) => x !== null).join(' ') || null,
      title: h.title,
    },
    outline: flatten(p.outline as Parameters<typeof flatten>[0]),
    schedule: p.schedule.map(({ date: dd, time, chair, place }) => ({ date: dd, time, chair, place })),
    residue: p.residue.flatMap((r) => r.text.split('\n')),
  };
}

// ---------------------------------------------------------------------------------------------
// Any text: pieces of every kind of line the parser tells apart, in any order, with noise.

const PIECES = [
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'ĐẢNG CỘNG SẢN',
  'VIỆT NAM',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'TỈNH ỦY HẬU GIANG',
  'ỦY BAN NHÂN DÂN',
  '*',
  '***',
  '-----',
  'Số 27-CTr/TU',
  'Số: 130/KH-UBND',
  'Số       -CTr/TU',
  'Dự thảo',
  'Hậu Giang, ngày 13 tháng 7 năm 2022',
  'Hà Nội, ngày     tháng    năm 2023',
  'CHƯƠNG TRÌNH',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG',
  'KẾ HOẠCH',
  'LỊCH CÔNG TÁC',
  'QUYẾT ĐỊNH',
  'QUYẾT ĐỊNH:',
  'KẾT LUẬN',
  'NGHỊ QUYẾT',
  'HƯỚNG DẪN',
  'thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị',
  'THỨ HAI, NGÀY 25/3/2023',
  'Thứ Ba, ngày 26/3/2023:',
  '- 7 giờ 30: Đ/c Nguyễn Văn Tuấn dự họp, tại Hội trường Tỉnh ủy.',
  'Sáng:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'I- Khái quát tình hình',
  'II.',
  '1. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 17 (tháng 3/2024)',
  '1. Mục đích',
  '2.1. Nhiệm vụ',
  '1.1 Nhiệm vụ',
  'a) Nâng cao nhận thức.',
  '(1) Sơ kết 10 năm thực hiện Chỉ thị 13-CT/TW.',
  'Cơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy.',
  'Cơ quan chủ trì: Sở Nội vụ; thời gian: Quý II/2025.',
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.',
  'Phần thứ nhất',
  'Chương I',
  '- Tổ chức quán triệt sâu rộng.',
  '+ Các cấp ủy chủ động triển khai.',
  '• Bảo đảm tiến độ',
  '-',
  '+',
  'TT | Nội dung | Cơ quan chủ trì | Thời gian',
  '| 1 | Luật An ninh dữ liệu | Chính phủ |',
  '|---|---|',
  ' | ',
  '|',
  'Nơi nhận:',
  '- Như trên,',
  '- Lưu VT.',
  'T/M TỈNH ỦY',
  'TM. ỦY BAN NHÂN DÂN',
  'PHÓ BÍ THƯ',
  '(Đã ký)',
  'Nguyễn Văn Tuấn',
  'PHỤ LỤC',
  'Phụ lục I',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  '---',
  'title: Kế hoạch',
  '# Kế hoạch',
  '**T/M TỈNH ỦY**',
  'Trang chủ | Tin tức | Văn bản',
  'Tăng cường sự lãnh đạo của Đảng',
  'đối với công tác quản lý, bảo vệ và phát triển rừng.',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: sentence },
  { weight: 1, arbitrary: fc.constantFrom('', '', ' ', '\t', '\u00a0', '\u3000') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('|', ' ', '-', '.', ':', '(', ')', '\n', 'I', '1', 'a', 'Đ', 'ỦY', '\r', '\u200b'), maxLength: 8 }) },
);

/** Lines of any kind, in any order; sometimes two pieces on one line. */
export const anyText: fc.Arbitrary<string> = fc
  .array(fc.tuple(piece, fc.constantFrom('\n', '\n', '\n', '\n\n', ' ', ' | ', '')), { maxLength: 60 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));
