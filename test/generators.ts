import fc from 'fast-check';

/** The structure a programme is generated from; rendering it gives text a drafter could have typed. */
export interface CitationSpec {
  kind: string;
  code: string;
  number: number;
  issuer: 'TW' | 'TU';
  day: number;
  month: number;
  year: number;
  body: string;
  term: string | null;
}
export interface ItemSpec {
  action: string;
  years: number;
  subject: string;
  citation: CitationSpec | null;
}
export interface ConferenceSpec {
  session: number | null;
  month: number;
  tentative: boolean;
  items: ItemSpec[];
  /** Consecutive groups of items, each with its agency and whether its line names the items. */
  groups: { size: number; agency: string; scoped: boolean }[];
}
export interface ProgrammeSpec {
  year: number;
  conferences: ConferenceSpec[];
}

const AGENCIES = [
  'Văn phòng Tỉnh ủy',
  'Ban Tổ chức Tỉnh ủy',
  'Ban Tuyên giáo và Dân vận Tỉnh ủy',
  'Ban cán sự đảng Ủy ban nhân dân tỉnh',
  'Ủy ban Kiểm tra Tỉnh ủy',
  'Đảng ủy Ủy ban nhân dân tỉnh',
];
const KINDS = [
  ['Nghị quyết', 'NQ'],
  ['Chỉ thị', 'CT'],
  ['Kết luận', 'KL'],
  ['Quy định', 'QĐ'],
] as const;
const BODIES = { TW: ['Bộ Chính trị', 'Ban Bí thư', 'Ban Chấp hành Trung ương'], TU: ['Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy'] };
const WORDS = 'tăng cường sự lãnh đạo của Đảng đối với công tác đào tạo nhân lực phát triển kinh tế xã hội bảo vệ môi trường nâng cao chất lượng đội ngũ cán bộ chuyển đổi số khoa học công nghệ văn hóa con người'.split(' ');

const citation: fc.Arbitrary<CitationSpec> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    number: fc.integer({ min: 1, max: 400 }),
    issuer: fc.constantFrom('TW' as const, 'TU' as const),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 2004, max: 2023 }),
    bodyIndex: fc.nat(),
    term: fc.option(fc.constantFrom('X', 'XI', 'XII', 'XIII'), { nil: null }),
  })
  .map(({ kind, bodyIndex, issuer, term, ...rest }) => ({
    ...rest,
    kind: kind[0],
    code: kind[1],
    issuer,
    body: BODIES[issuer][bodyIndex % BODIES[issuer].length]!,
    term: issuer === 'TW' ? term : null,
  }));

const item: fc.Arbitrary<ItemSpec> = fc.record({
  action: fc.constantFrom('Sơ kết', 'Tổng kết', 'Báo cáo', 'Rà soát', 'Thông qua'),
  years: fc.integer({ min: 1, max: 20 }),
  subject: fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 25 }).map((w) => w.join(' ')),
  citation: fc.option(citation, { nil: null }),
});

const conference: fc.Arbitrary<ConferenceSpec> = fc
  .record({
    session: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    month: fc.integer({ min: 1, max: 12 }),
    tentative: fc.boolean(),
    items: fc.array(item, { minLength: 1, maxLength: 7 }),
    cuts: fc.array(fc.record({ size: fc.integer({ min: 1, max: 3 }), agency: fc.constantFrom(...AGENCIES), scoped: fc.boolean() }), {
      minLength: 7,
      maxLength: 7,
    }),
  })
  .map(({ cuts, ...c }) => {
    // Split the items into consecutive groups covering all of them.
    const groups: ConferenceSpec['groups'] = [];
    let left = c.items.length;
    for (const cut of cuts) {
      if (left === 0) break;
      const size = Math.min(cut.size, left);
      groups.push({ ...cut, size });
      left -= size;
    }
    return { ...c, groups };
  });

export const programmeSpec: fc.Arbitrary<ProgrammeSpec> = fc.record({
  year: fc.integer({ min: 2020, max: 2030 }),
  conferences: fc.array(conference, { minLength: 1, maxLength: 6 }),
});

const pad = (n: number) => String(n).padStart(2, '0');

export function renderCitation(c: CitationSpec): string {
  const term = c.term ? ` khóa ${c.term}` : '';
  return `${c.kind} số ${pad(c.number)}-${c.code}/${c.issuer}, ngày ${pad(c.day)}/${c.month}/${c.year} của ${c.body}${term}`;
}

export function renderItem(i: ItemSpec): string {
  if (!i.citation) return `${i.action} ${i.subject}.`;
  return `${i.action} ${pad(i.years)} năm thực hiện ${renderCitation(i.citation)} về ${i.subject}.`;
}

function scopeText(numbers: number[]): string {
  const parts = numbers.map((n) => `(${n})`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

/** The programme as a text export of a Word draft would show it. */
export function renderProgramme(p: ProgrammeSpec): string {
  const lines = [
    'TỈNH ỦY HẬU GIANG',
    '*',
    'Số -CTr/TU',
    'Dự thảo',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    `Hậu Giang, ngày tháng năm ${p.year - 1}`,
    '',
    'CHƯƠNG TRÌNH',
    `Làm việc năm ${p.year} của Ban Chấp hành Đảng bộ tỉnh`,
    'khóa XIV nhiệm kỳ 2020 - 2025',
    '-----',
    `Căn cứ tình hình thực tế, Ban Chấp hành Đảng bộ tỉnh xây dựng Chương trình làm việc năm ${p.year} như sau:`,
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Nâng cao hiệu quả lãnh đạo, chỉ đạo của Tỉnh ủy.',
    'II. NỘI DUNG VÀ THỜI GIAN',
  ];
  p.conferences.forEach((c, ci) => {
    const session = c.session === null ? 'chuyên đề Ban Chấp hành Đảng bộ tỉnh' : `Ban Chấp hành Đảng bộ tỉnh lần thứ ${c.session}`;
    lines.push(`${ci + 1}. Hội nghị ${session} (${c.tentative ? 'dự kiến ' : ''}tháng ${c.month}/${p.year})`, '');
    let n = 0;
    for (const g of c.groups) {
      const numbers: number[] = [];
      for (let k = 0; k < g.size; k++) {
        n++;
        numbers.push(n);
        lines.push(`(${n}) ${renderItem(c.items[n - 1]!)}`);
      }
      lines.push(`Cơ quan chủ trì tham mưu: ${g.agency}${g.scoped ? ` mục ${scopeText(numbers)}` : ''}.`, '');
    }
  });
  lines.push('III. TỔ CHỨC THỰC HIỆN', '1. Các cơ quan, đơn vị chủ động tổ chức triển khai thực hiện.', 'Nơi nhận:', '- Các đồng chí Tỉnh ủy viên,', '- Lưu VPTU.', '', 'T/M TỈNH ỦY');
  return lines.join('\n');
}

/** What parsing the rendered text must give back. */
export function expectedStructure(p: ProgrammeSpec) {
  return {
    year: p.year,
    conferences: p.conferences.map((c, ci) => ({
      ordinal: ci + 1,
      session: c.session,
      thematic: c.session === null,
      month: c.month,
      tentative: c.tentative,
      items: c.items.map((item, ii) => ({
        number: ii + 1,
        text: renderItem(item),
        leadAgencies: [groupOf(c, ii).agency],
        citations: item.citation
          ? [{ id: `${pad(item.citation.number)}-${item.citation.code}/${item.citation.issuer}`, date: `${item.citation.year}-${pad(item.citation.month)}-${pad(item.citation.day)}`, issuedBy: item.citation.body, term: item.citation.term }]
          : [],
      })),
    })),
  };
}

function groupOf(c: ConferenceSpec, index: number) {
  let start = 0;
  for (const g of c.groups) {
    if (index < start + g.size) return g;
    start += g.size;
  }
  throw new Error('item outside every group');
}

/** The same fields read off a parsed model. */
export function actualStructure(model: {
  header: { year: number | null };
  conferences: {
    ordinal: number;
    session: number | null;
    thematic: boolean;
    time: { month: number | null; tentative: boolean } | null;
    items: { number: number; text: string; leadAgencies: string[]; citations: { id: string | null; date: string | null; issuedBy: string | null; term: string | null }[] }[];
  }[];
}) {
  return {
    year: model.header.year,
    conferences: model.conferences.map((c) => ({
      ordinal: c.ordinal,
      session: c.session,
      thematic: c.thematic,
      month: c.time?.month ?? null,
      tentative: c.time?.tentative ?? false,
      items: c.items.map((i) => ({
        number: i.number,
        text: i.text,
        leadAgencies: i.leadAgencies,
        citations: i.citations.map(({ id, date, issuedBy, term }) => ({ id, date, issuedBy, term })),
      })),
    })),
  };
}
