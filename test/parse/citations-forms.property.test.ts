import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { encodeTcvn3, encodeVni } from '../../src/normalize/legacy-encode.js';

// Citations in every form of issue 11, generated inside varied sentences: the model gives back
// the id, number, date, issuer and term the text wrote.
interface Expected {
  kind: string;
  id: string | null;
  number: string | null;
  date: string | null;
  issuedBy: string | null;
  term: string | null;
  form: string;
}
interface Case {
  text: string;
  expected: Expected[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: number, m: number, y: number) => `${y}-${pad(m)}-${pad(d)}`;

const PARTY = [['Nghị quyết', 'NQ'], ['Chỉ thị', 'CT'], ['Kết luận', 'KL'], ['Quy định', 'QĐ']] as const;
const STATE = [['Nghị định', 'NĐ', 'CP', 'Chính phủ'], ['Quyết định', 'QĐ', 'TTg', 'Thủ tướng Chính phủ'], ['Thông tư', 'TT', 'BTC', 'Bộ Tài chính']] as const;
const CENTRAL = ['Bộ Chính trị', 'Ban Bí thư', 'Ban Chấp hành Trung ương'];
const LOCAL = ['Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy'];
const LAWS = ['Tổ chức chính quyền địa phương', 'Ngân sách nhà nước', 'Đất đai', 'Ban hành văn bản quy phạm pháp luật', 'Thi đua, khen thưởng'];
const PREFIX = ['Thực hiện ', 'Căn cứ ', 'Tiếp tục triển khai ', 'Sơ kết 5 năm thực hiện ', 'Các cấp ủy quán triệt '];
const SUFFIX = [' về tăng cường công tác cán bộ.', ';', ', đạt nhiều kết quả quan trọng.', '.', ' trên địa bàn tỉnh.'];

const date = fc.record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 2005, max: 2024 }) });
const writtenDate = fc.tuple(date, fc.constantFrom('slash', 'words', 'comma')).map(([x, how]) => ({
  ...x,
  text: how === 'words' ? ` ngày ${pad(x.d)} tháng ${x.m} năm ${x.y}` : `${how === 'comma' ? ',' : ''} ngày ${pad(x.d)}/${x.m}/${x.y}`,
}));
const term = fc.option(fc.constantFrom('X', 'XI', 'XII', 'XIII'), { nil: null });

const party: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom(...PARTY),
    n: fc.integer({ min: 1, max: 400 }),
    sep: fc.constantFrom('-', ' - ', ' '),
    date: fc.option(writtenDate, { nil: null }),
    body: fc.constantFrom(...CENTRAL),
    term,
  })
  .map(({ kind, n, sep, date: d, body, term: t }) => ({
    text: `${kind[0]} số ${pad(n)}${sep}${kind[1]}/TW${d?.text ?? ''} của ${body}${t ? ` khóa ${t}` : ''}`,
    expected: [{ kind: kind[0], id: `${pad(n)}-${kind[1]}/TW`, number: pad(n), date: d ? iso(d.d, d.m, d.y) : null, issuedBy: body, term: t, form: 'numbered' }],
  }));

const glued: fc.Arbitrary<Case> = fc.record({ kind: fc.constantFrom(...PARTY), n: fc.integer({ min: 1, max: 400 }), date, body: fc.constantFrom(...CENTRAL) }).map(({ kind, n, date: d, body }) => ({
  text: `${kind[0]} số ${pad(n)}-${kind[1]}/TWngày ${pad(d.d)} tháng ${d.m} năm ${d.y} của ${body}`,
  expected: [{ kind: kind[0], id: `${pad(n)}-${kind[1]}/TW`, number: pad(n), date: iso(d.d, d.m, d.y), issuedBy: body, term: null, form: 'numbered' }],
}));

const state: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...STATE), n: fc.integer({ min: 1, max: 400 }), date: writtenDate, hyphen: fc.constantFrom('-', ''), upper: fc.boolean() })
  .map(({ kind, n, date: d, hyphen, upper }) => {
    const issuer = upper ? kind[2].toUpperCase() : kind[2];
    return {
      text: `${kind[0]} số ${pad(n)}/${d.y}/${kind[1]}${hyphen}${issuer}${d.text} của ${kind[3]}`,
      expected: [{ kind: kind[0], id: `${pad(n)}/${d.y}/${kind[1]}-${kind[2]}`, number: `${pad(n)}/${d.y}`, date: iso(d.d, d.m, d.y), issuedBy: kind[3], term: null, form: 'numbered' }],
    };
  });

const numberOnly: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...PARTY), n: fc.integer({ min: 1, max: 400 }), so: fc.boolean(), date: fc.option(writtenDate, { nil: null }), body: fc.constantFrom(...CENTRAL, ...LOCAL) })
  .map(({ kind, n, so, date: d, body }) => ({
    text: `${kind[0]}${so ? ' số' : ''} ${n}${d?.text ?? ''} của ${body}`,
    expected: [{ kind: kind[0], id: null, number: String(n), date: d ? iso(d.d, d.m, d.y) : null, issuedBy: body, term: null, form: 'number-only' }],
  }));

const law: fc.Arbitrary<Case> = fc.record({ title: fc.constantFrom(...LAWS), date }).map(({ title, date: d }) => ({
  text: `Luật ${title} ngày ${d.d} tháng ${d.m} năm ${d.y}`,
  expected: [{ kind: 'Luật', id: null, number: null, date: iso(d.d, d.m, d.y), issuedBy: null, term: null, form: 'named' }],
}));

const plenum: fc.Arbitrary<Case> = fc
  .record({ p: fc.integer({ min: 1, max: 15 }), term: fc.constantFrom('X', 'XI', 'XII', 'XIII'), paren: fc.boolean() })
  .map(({ p, term: t, paren }) => ({
    text: `Nghị quyết Trung ương ${p} ${paren ? `(khóa ${t})` : `khóa ${t}`}`,
    expected: [{ kind: 'Nghị quyết', id: null, number: null, date: null, issuedBy: 'Ban Chấp hành Trung ương', term: t, form: 'named' }],
  }));

const list: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...PARTY), first: fc.integer({ min: 1, max: 300 }), date, body: fc.constantFrom(...CENTRAL), term })
  .map(({ kind, first, date: d, body, term: t }) => {
    const ns = [first, first + 1, first + 2].map(pad);
    const one = (n: string, form: string) => ({ kind: kind[0], id: `${n}-${kind[1]}/TW`, number: n, date: iso(d.d, d.m, d.y), issuedBy: body, term: t, form });
    return {
      text: `các ${kind[0]} số ${ns[0]}-${kind[1]}/TW, ${ns[1]}-${kind[1]}/TW và ${ns[2]}-${kind[1]}/TW ngày ${d.d}/${d.m}/${d.y} của ${body}${t ? ` khóa ${t}` : ''}`,
      expected: [one(ns[0]!, 'numbered'), one(ns[1]!, 'list'), one(ns[2]!, 'list')],
    };
  });

const before: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...PARTY), n: fc.integer({ min: 1, max: 400 }), date, body: fc.constantFrom(...LOCAL), verb: fc.constantFrom('ban hành', 'đã ban hành', 'vừa ban hành') })
  .map(({ kind, n, date: d, body, verb }) => ({
    text: `Ngày ${d.d}/${d.m}/${d.y}, ${body} ${verb} ${kind[0]} số ${pad(n)}-${kind[1]}/TU`,
    expected: [{ kind: kind[0], id: `${pad(n)}-${kind[1]}/TU`, number: pad(n), date: iso(d.d, d.m, d.y), issuedBy: body, term: null, form: 'numbered' }],
  }));

// The kind's marks scrambled as OCR and careless typing leave them: dropped, or one tone swapped.
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const scrambled: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...PARTY), n: fc.integer({ min: 1, max: 400 }), date, body: fc.constantFrom(...CENTRAL), how: fc.nat({ max: 5 }) })
  .map(({ kind, n, date: d, body, how }) => {
    const nfd = kind[0].normalize('NFD');
    const written = how === 5 ? nfd.replace(/\p{M}/gu, '') : nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/u, TONES[how]!);
    return {
      text: `${written.normalize('NFC')} số ${pad(n)}-${kind[1]}/TW ngày ${pad(d.d)}/${d.m}/${d.y} của ${body}`,
      expected: [{ kind: kind[0], id: `${pad(n)}-${kind[1]}/TW`, number: pad(n), date: iso(d.d, d.m, d.y), issuedBy: body, term: null, form: 'numbered' }],
    };
  });

// Real places after a body ("UBND tỉnh Hậu Giang", "Đảng bộ tỉnh Cà Mau").
const PROVINCES = ['Hậu Giang', 'Thanh Hóa', 'Nghệ An', 'Quảng Ninh', 'Bình Định', 'Cà Mau'];

// A number with a letter suffix, as a State office numbers a document issued late in a series
// ("Nghị quyết số 30c/NQ-CP", "Quyết định số 12a/QĐ-UBND"); Party committees do it too ("12a-KL/TU").
const LETTERED = [
  { kind: 'Nghị quyết', type: 'NQ', code: 'CP', written: 'Chính phủ', name: 'Chính phủ' },
  { kind: 'Quyết định', type: 'QĐ', code: 'UBND', written: 'UBND tỉnh', name: 'Ủy ban nhân dân tỉnh' },
  { kind: 'Quyết định', type: 'QĐ', code: 'TTg', written: 'Thủ tướng Chính phủ', name: 'Thủ tướng Chính phủ' },
  { kind: 'Kế hoạch', type: 'KH', code: 'UBND', written: 'Ủy ban nhân dân tỉnh', name: 'Ủy ban nhân dân tỉnh' },
  { kind: 'Nghị quyết', type: 'NQ', code: 'HĐND', written: 'HĐND tỉnh', name: 'Hội đồng nhân dân tỉnh' },
] as const;
const letterSuffix: fc.Arbitrary<Case> = fc
  .record({
    party: fc.boolean(),
    state: fc.constantFrom(...LETTERED),
    partyKind: fc.constantFrom(['Kết luận', 'KL'] as const, ['Thông báo', 'TB'] as const, ['Quyết định', 'QĐ'] as const),
    n: fc.integer({ min: 1, max: 400 }),
    letter: fc.constantFrom('a', 'b', 'c'),
    date: fc.option(writtenDate, { nil: null }),
    issued: fc.boolean(),
  })
  .map(({ party: isParty, state: s, partyKind, n, letter, date: d, issued }) => {
    const number = `${n}${letter}`;
    const [kind, id, written, name] = isParty
      ? [partyKind[0], `${number}-${partyKind[1]}/TU`, 'Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy']
      : [s.kind, `${number}/${s.type}-${s.code}`, s.written, s.name];
    return {
      text: `${kind} số ${id}${d?.text ?? ''}${issued ? ` của ${written}` : ''}`,
      expected: [{ kind, id, number, date: d ? iso(d.d, d.m, d.y) : null, issuedBy: issued ? name : null, term: null, form: 'numbered' }],
    };
  });

// A Party symbol whose hyphen is doubled ("26--NQ/TW") or slashed ("646/QĐ/QUTW"), the type code
// sometimes in capitals ("47/CTR/TU"): the id is the canonical "<nn>-<Type>/<ISSUER>" (numbers
// padded to two digits, codes as document-types.json and issuers.json spell them).
type PartyType = readonly [string, string];
const T = {
  NQ: ['Nghị quyết', 'NQ'], CT: ['Chỉ thị', 'CT'], KL: ['Kết luận', 'KL'], QĐi: ['Quy định', 'QĐ'], QĐ: ['Quyết định', 'QĐ'],
  HD: ['Hướng dẫn', 'HD'], CTr: ['Chương trình', 'CTr'], KH: ['Kế hoạch', 'KH'], BC: ['Báo cáo', 'BC'],
} satisfies Record<string, PartyType>;
// Issuer code, the bodies that sign with it, and the kinds they issue.
const PARTY_ISSUERS: readonly (readonly [string, readonly string[], readonly PartyType[]])[] = [
  ['TW', CENTRAL, [T.NQ, T.CT, T.KL, T.QĐi, T.HD]],
  ['QUTW', ['Quân ủy Trung ương'], [T.NQ, T.QĐ, T.CT]],
  ['BTCTW', ['Ban Tổ chức Trung ương'], [T.HD, T.QĐ]],
  ['VPTW', ['Văn phòng Trung ương Đảng'], [T.HD, T.BC]],
  ['TU', LOCAL, [T.NQ, T.CT, T.KL, T.QĐ, T.HD, T.CTr, T.KH, T.BC]],
  ['HU', ['Huyện ủy', 'Ban Thường vụ Huyện ủy'], [T.NQ, T.CTr, T.KH, T.BC]],
];
const hyphen: fc.Arbitrary<Case> = fc
  .record({
    issuer: fc.constantFrom(...PARTY_ISSUERS).chain(([code, bodies, kinds]) => fc.tuple(fc.constant(code), fc.constantFrom(...bodies), fc.constantFrom(...kinds))),
    n: fc.integer({ min: 1, max: 700 }),
    padded: fc.boolean(),
    sep: fc.constantFrom('--', ' -- ', '/'),
    upper: fc.boolean(),
    date: fc.option(writtenDate, { nil: null }),
  })
  .map(({ issuer: [code, body, kind], n, padded, sep, upper, date: d }) => {
    const number = padded ? pad(n) : String(n);
    return {
      text: `${kind[0]} số ${number}${sep}${upper ? kind[1].toUpperCase() : kind[1]}/${code}${d?.text ?? ''} của ${body}`,
      expected: [{ kind: kind[0], id: `${pad(n)}-${kind[1]}/${code}`, number, date: d ? iso(d.d, d.m, d.y) : null, issuedBy: body, term: null, form: 'numbered' }],
    };
  });

// An administrative symbol without a hyphen: a department's capitals ("Công văn số 197/STTTT",
// "126/SKHĐT"); "văn bản" takes the kind Công văn.
const DEPARTMENTS = [
  ['STTTT', 'Sở Thông tin và Truyền thông', 'Sở TT&TT'],
  ['SKHĐT', 'Sở Kế hoạch và Đầu tư', 'Sở KH&ĐT'],
  ['SGDĐT', 'Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 'Sở TN&MT'],
  ['SNV', 'Sở Nội vụ', 'Sở Nội vụ'],
  ['STC', 'Sở Tài chính', 'Sở Tài chính'],
  ['SYT', 'Sở Y tế', 'Sở Y tế'],
  ['SXD', 'Sở Xây dựng', 'Sở Xây dựng'],
  ['UBND', 'Ủy ban nhân dân tỉnh', 'UBND tỉnh'],
] as const;
const adminNoHyphen: fc.Arbitrary<Case> = fc
  .record({
    dept: fc.constantFrom(...DEPARTMENTS),
    kind: fc.constantFrom('Công văn', 'văn bản'),
    n: fc.integer({ min: 1, max: 3000 }),
    date: fc.option(writtenDate, { nil: null }),
    issuer: fc.constantFrom('name', 'alias', 'none'),
  })
  .map(({ dept, kind, n, date: d, issuer }) => ({
    text: `${kind} số ${n}/${dept[0]}${d?.text ?? ''}${issuer === 'none' ? '' : ` của ${issuer === 'name' ? dept[1] : dept[2]}`}`,
    expected: [{ kind: 'Công văn', id: `${n}/${dept[0]}`, number: String(n), date: d ? iso(d.d, d.m, d.y) : null, issuedBy: issuer === 'none' ? null : dept[1], term: null, form: 'numbered' }],
  }));

// A qualifier between the kind and the number ("Chương trình hành động số …", "Báo cáo thẩm tra số …"),
// or the generic "văn bản số …", whose kind is the one its type code names (Công văn when none).
interface Qualified {
  written: string;
  kind: string;
  symbols: readonly string[];
  party: boolean;
  issuers: readonly (readonly [string, string])[];
}
const QUALIFIED: readonly Qualified[] = [
  { written: 'Chương trình hành động', kind: 'Chương trình', symbols: ['CTr/TU', 'CTHĐ/TU'], party: true, issuers: [['Tỉnh ủy', 'Tỉnh ủy'], ['Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy']] },
  { written: 'Chương trình hành động', kind: 'Chương trình', symbols: ['CTr-UBND'], party: false, issuers: [['UBND tỉnh', 'Ủy ban nhân dân tỉnh']] },
  { written: 'Báo cáo thẩm tra', kind: 'Báo cáo', symbols: ['BC-HĐND'], party: false, issuers: [] },
  { written: 'Báo cáo giám sát', kind: 'Báo cáo', symbols: ['BC-HĐND'], party: false, issuers: [['HĐND tỉnh', 'Hội đồng nhân dân tỉnh']] },
  { written: 'Báo cáo tổng kết', kind: 'Báo cáo', symbols: ['BC/TU'], party: true, issuers: [['Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy']] },
  { written: 'Báo cáo sơ kết', kind: 'Báo cáo', symbols: ['BC/HU'], party: true, issuers: [['Huyện ủy', 'Huyện ủy']] },
  { written: 'Báo cáo giải trình', kind: 'Báo cáo', symbols: ['BC-UBND'], party: false, issuers: [['UBND tỉnh', 'Ủy ban nhân dân tỉnh']] },
  { written: 'Kế hoạch phối hợp', kind: 'Kế hoạch', symbols: ['KH-SNV'], party: false, issuers: [['Sở Nội vụ', 'Sở Nội vụ']] },
  { written: 'văn bản', kind: 'Công văn', symbols: ['UBND-NC', 'UBND-VX', 'UBND-KT'], party: false, issuers: [['UBND tỉnh', 'Ủy ban nhân dân tỉnh']] },
  { written: 'văn bản', kind: 'Công văn', symbols: ['BNV-TCBC'], party: false, issuers: [['Bộ Nội vụ', 'Bộ Nội vụ']] },
  { written: 'văn bản', kind: 'Hướng dẫn', symbols: ['HD/BTGTW'], party: true, issuers: [['Ban Tuyên giáo Trung ương', 'Ban Tuyên giáo Trung ương']] },
  { written: 'văn bản', kind: 'Kế hoạch', symbols: ['KH/TU'], party: true, issuers: [['Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy']] },
];
const qualifier: fc.Arbitrary<Case> = fc
  .constantFrom(...QUALIFIED)
  .chain((q) =>
    fc.record({
      q: fc.constant(q),
      symbol: fc.constantFrom(...q.symbols),
      n: fc.integer({ min: 1, max: q.party ? 400 : 5000 }),
      date: fc.option(writtenDate, { nil: null }),
      issuer: q.issuers.length === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...q.issuers), { nil: null }),
    }),
  )
  .map(({ q, symbol, n, date: d, issuer }) => {
    const [number, id] = q.party ? [pad(n), `${pad(n)}-${symbol}`] : [String(n), `${n}/${symbol}`];
    return {
      text: `${q.written} số ${id}${d?.text ?? ''}${issuer ? ` của ${issuer[0]}` : ''}`,
      expected: [{ kind: q.kind, id, number, date: d ? iso(d.d, d.m, d.y) : null, issuedBy: issuer?.[1] ?? null, term: null, form: 'numbered' }],
    };
  });

// A plenum phrase instead of "của <body>": "Nghị quyết số 24-NQ/TW ngày 3/6/2013 Hội nghị lần thứ
// bảy Ban Chấp hành Trung ương khóa XI", "…, Hội nghị lần thứ 7 của Ban Chấp hành Trung ương Đảng
// (khóa X)", "… của Hội nghị Trung ương 7 khóa XI".
const PLENUM_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai', 'mười ba', 'mười bốn', 'mười lăm'];
const plenumPhrase: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom(['Nghị quyết', 'NQ'] as const, ['Kết luận', 'KL'] as const),
    n: fc.integer({ min: 1, max: 70 }),
    date: fc.option(writtenDate, { nil: null }),
    comma: fc.boolean(),
    of: fc.boolean(),
    p: fc.integer({ min: 1, max: 15 }),
    how: fc.constantFrom('words', 'digits', 'central'),
    body: fc.constantFrom('Ban Chấp hành Trung ương', 'Ban Chấp hành Trung ương Đảng'),
    ofBody: fc.boolean(),
    term: fc.constantFrom('X', 'XI', 'XII', 'XIII'),
    paren: fc.boolean(),
  })
  .map(({ kind, n, date: d, comma, of, p, how, body, ofBody, term: t, paren }) => {
    const plenumText =
      how === 'central' ? `Hội nghị Trung ương ${p}` : `Hội nghị lần thứ ${how === 'words' ? PLENUM_WORDS[p - 1]! : p}${ofBody ? ' của' : ''} ${body}`;
    return {
      text: `${kind[0]} số ${pad(n)}-${kind[1]}/TW${d?.text ?? ''}${comma ? ',' : ''} ${of ? 'của ' : ''}${plenumText} ${paren ? `(khóa ${t})` : `khóa ${t}`}`,
      expected: [{ kind: kind[0], id: `${pad(n)}-${kind[1]}/TW`, number: pad(n), date: d ? iso(d.d, d.m, d.y) : null, issuedBy: 'Ban Chấp hành Trung ương', term: t, form: 'numbered' }],
    };
  });

// Resolutions named by their congress, national or of a Party organisation. The grammar reads the
// issuer ("Đại hội đại biểu toàn quốc", "Đại hội Đảng bộ <level>") and no term: the congress
// number is not a khóa.
const CONGRESS = ['IX', 'X', 'XI', 'XII', 'XIII', 'XIV'];
const national: fc.Arbitrary<Case> = fc
  .record({ c: fc.integer({ min: 0, max: CONGRESS.length - 1 }), how: fc.nat({ max: 4 }) })
  .map(({ c, how }) => {
    const r = CONGRESS[c]!;
    const written = [
      `Đại hội đại biểu toàn quốc lần thứ ${r} của Đảng`,
      `Đại hội Đảng toàn quốc lần thứ ${r}`,
      `Đại hội ${r} của Đảng`,
      `Đại hội lần thứ ${r} của Đảng`,
      `Đại hội đại biểu toàn quốc lần thứ ${c + 9} của Đảng`,
    ][how]!;
    return {
      text: `Nghị quyết ${written}`,
      expected: [{ kind: 'Nghị quyết', id: null, number: null, date: null, issuedBy: 'Đại hội đại biểu toàn quốc', term: null, form: 'named' }],
    };
  });
const LEVELS = [
  ['tỉnh', PROVINCES],
  ['thành phố', ['Hà Nội', 'Cần Thơ', 'Hải Phòng']],
  ['huyện', ['Châu Thành', 'Long Mỹ', 'Triệu Sơn']],
] as const;
const LOCAL_CONGRESS = [['XIV', 14], ['XV', 15], ['XVI', 16], ['XX', 20], ['XXI', 21]] as const;
const localCongress = (order: 'number first' | 'body first'): fc.Arbitrary<Case> =>
  fc
    .record({
      level: fc.constantFrom(...LEVELS).chain(([level, places]) => fc.tuple(fc.constant(level), fc.option(fc.constantFrom(...places), { nil: null }))),
      congress: fc.constantFrom(...LOCAL_CONGRESS),
      digits: fc.boolean(),
      delegates: fc.boolean(),
      of: fc.boolean(),
      tenure: fc.boolean(),
    })
    .map(({ level: [level, place], congress: n, digits, delegates, of, tenure }) => {
      const congress = digits ? n[1] : n[0];
      const organisation = `Đảng bộ ${level}${place ? ` ${place}` : ''}`;
      const meeting = `Đại hội${delegates ? ' đại biểu' : ''}`;
      const written = order === 'number first' ? `${meeting} lần thứ ${congress} ${of ? 'của ' : ''}${organisation}` : `${meeting} ${organisation} lần thứ ${congress}`;
      return {
        text: `Nghị quyết ${written}${tenure ? ', nhiệm kỳ 2020 - 2025' : ''}`,
        expected: [{ kind: 'Nghị quyết', id: null, number: null, date: null, issuedBy: `Đại hội Đảng bộ ${level}`, term: null, form: 'named' }],
      };
    });
const congress = fc.oneof(national, localCongress('number first'));

// State bodies, by name, abbreviation and officer, as issuers of State documents: the model reports
// bodies.json's canonical name ("UBND tỉnh" → "Ủy ban nhân dân tỉnh", "UBTVQH" → "Ủy ban Thường vụ
// Quốc hội", "Thủ tướng" → "Thủ tướng Chính phủ").
interface StateBody {
  written: readonly string[];
  name: string;
  code: string;
  kinds: readonly (readonly [string, string])[];
  /** Legal documents carry the year in the number ("12/2021/QĐ-UBND"). */
  legal: 'always' | 'never' | 'either';
  /** The National Assembly's term, in the code ("UBTVQH15") and after the body ("khóa XV"). */
  assembly?: boolean;
  /** A people's council's term ("HĐND tỉnh khóa X"). */
  council?: boolean;
}
const STATE_BODIES: readonly StateBody[] = [
  { written: ['UBND tỉnh', 'Ủy ban nhân dân tỉnh', ...PROVINCES.map((p) => `UBND tỉnh ${p}`)], name: 'Ủy ban nhân dân tỉnh', code: 'UBND', kinds: [['Quyết định', 'QĐ'], ['Kế hoạch', 'KH'], ['Chỉ thị', 'CT']], legal: 'either' },
  { written: ['Chủ tịch UBND tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh'], name: 'Chủ tịch Ủy ban nhân dân tỉnh', code: 'UBND', kinds: [['Quyết định', 'QĐ']], legal: 'never' },
  { written: ['HĐND tỉnh', 'Hội đồng nhân dân tỉnh'], name: 'Hội đồng nhân dân tỉnh', code: 'HĐND', kinds: [['Nghị quyết', 'NQ']], legal: 'either', council: true },
  { written: ['Thủ tướng Chính phủ', 'Thủ tướng'], name: 'Thủ tướng Chính phủ', code: 'TTg', kinds: [['Quyết định', 'QĐ'], ['Chỉ thị', 'CT']], legal: 'either' },
  { written: ['Bộ Kế hoạch và Đầu tư', 'Bộ KH&ĐT'], name: 'Bộ Kế hoạch và Đầu tư', code: 'BKHĐT', kinds: [['Thông tư', 'TT']], legal: 'always' },
  { written: ['Bộ Kế hoạch và Đầu tư', 'Bộ KH&ĐT'], name: 'Bộ Kế hoạch và Đầu tư', code: 'BKHĐT', kinds: [['Quyết định', 'QĐ']], legal: 'never' },
  { written: ['Bộ trưởng Bộ Kế hoạch và Đầu tư'], name: 'Bộ trưởng Bộ Kế hoạch và Đầu tư', code: 'BKHĐT', kinds: [['Thông tư', 'TT']], legal: 'always' },
  { written: ['Bộ Nội vụ'], name: 'Bộ Nội vụ', code: 'BNV', kinds: [['Thông tư', 'TT']], legal: 'always' },
  { written: ['Sở Nội vụ'], name: 'Sở Nội vụ', code: 'SNV', kinds: [['Kế hoạch', 'KH'], ['Hướng dẫn', 'HD']], legal: 'never' },
  { written: ['Sở Kế hoạch và Đầu tư', 'Sở KH&ĐT'], name: 'Sở Kế hoạch và Đầu tư', code: 'SKHĐT', kinds: [['Kế hoạch', 'KH'], ['Báo cáo', 'BC']], legal: 'never' },
  { written: ['Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'], name: 'Sở Giáo dục và Đào tạo', code: 'SGDĐT', kinds: [['Hướng dẫn', 'HD'], ['Kế hoạch', 'KH']], legal: 'never' },
  { written: ['UBTVQH', 'Ủy ban Thường vụ Quốc hội'], name: 'Ủy ban Thường vụ Quốc hội', code: 'UBTVQH', kinds: [['Nghị quyết', 'NQ']], legal: 'never', assembly: true },
];
const ASSEMBLY = [['XIII', 13], ['XIV', 14], ['XV', 15]] as const;
const stateBodies: fc.Arbitrary<Case> = fc
  .constantFrom(...STATE_BODIES)
  .chain((b) =>
    fc.record({
      b: fc.constant(b),
      written: fc.constantFrom(...b.written),
      kind: fc.constantFrom(...b.kinds),
      legal: b.legal === 'either' ? fc.boolean() : fc.constant(b.legal === 'always'),
      n: fc.integer({ min: 1, max: 3000 }),
      date: writtenDate,
      assembly: fc.constantFrom(...ASSEMBLY),
      council: fc.option(fc.constantFrom('IX', 'X'), { nil: null }),
      termWritten: fc.boolean(),
    }),
  )
  .map(({ b, written, kind, legal, n, date: d, assembly, council, termWritten }) => {
    const code = b.assembly ? `${b.code}${assembly[1]}` : b.code;
    const number = legal ? `${n}/${d.y}` : String(n);
    const id = `${number}/${kind[1]}-${code}`;
    // "HĐND tỉnh Hậu Giang khóa X" loses its term (see the failing property below): a council's
    // term is written here after the body without a place.
    const t = b.assembly ? (termWritten ? assembly[0] : null) : b.council ? council : null;
    return {
      text: `${kind[0]} số ${id}${d.text} của ${written}${t ? ` khóa ${t}` : ''}`,
      expected: [{ kind: kind[0], id, number, date: iso(d.d, d.m, d.y), issuedBy: b.name, term: t, form: 'numbered' }],
    };
  });

// Numbers sharing one kind, each after "số" ("Tờ trình số 322/TTr-CP …, số 324/TTr-CP … và số
// 343/TTr-CP … của Chính phủ"): what follows the last belongs to all; dates each their own, or the
// last one's when none before has one.
const SHARED = [
  { kind: 'Tờ trình', type: 'TTr', code: 'CP', party: false, legal: false, bodies: [['Chính phủ', 'Chính phủ']] },
  { kind: 'Tờ trình', type: 'TTr', code: 'UBND', party: false, legal: false, bodies: [['UBND tỉnh', 'Ủy ban nhân dân tỉnh']] },
  { kind: 'Nghị định', type: 'NĐ', code: 'CP', party: false, legal: true, bodies: [['Chính phủ', 'Chính phủ']] },
  { kind: 'Quyết định', type: 'QĐ', code: 'TTg', party: false, legal: false, bodies: [['Thủ tướng Chính phủ', 'Thủ tướng Chính phủ']] },
  { kind: 'Nghị quyết', type: 'NQ', code: 'TW', party: true, legal: false, bodies: CENTRAL.map((b) => [b, b]) },
  { kind: 'Chỉ thị', type: 'CT', code: 'TU', party: true, legal: false, bodies: [['Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy']] },
] as const;
const sharedList: fc.Arbitrary<Case> = fc
  .constantFrom(...SHARED)
  .chain((k) =>
    fc.record({
      k: fc.constant(k),
      body: fc.constantFrom(...(k.bodies as readonly (readonly [string, string])[])),
      first: fc.integer({ min: 1, max: k.party ? 300 : 2000 }),
      step: fc.integer({ min: 1, max: 30 }),
      count: fc.integer({ min: 2, max: 3 }),
      dates: fc.array(date, { minLength: 3, maxLength: 3 }),
      own: fc.boolean(),
      term: k.party && k.code === 'TW' ? term : fc.constant(null),
    }),
  )
  .map(({ k, body, first, step, count, dates, own, term: t }) => {
    // Documents submitted or issued together: one year, days apart or not.
    const items = Array.from({ length: count }, (_, i) => {
      const d = { ...dates[i]!, y: dates[0]!.y };
      const n = first + i * step;
      const number = k.party ? pad(n) : k.legal ? `${n}/${d.y}` : String(n);
      return { number, id: k.party ? `${number}-${k.type}/${k.code}` : `${number}/${k.type}-${k.code}`, d };
    });
    const last = items[count - 1]!.d;
    const dated = (i: number) => own || i === count - 1;
    const parts = items.map((x, i) => `${i === 0 ? `${k.kind} số` : i === count - 1 ? ' và số' : ', số'} ${x.id}${dated(i) ? ` ngày ${x.d.d}/${x.d.m}/${x.d.y}` : ''}`);
    return {
      text: `${parts.join('')} của ${body[0]}${t ? ` khóa ${t}` : ''}`,
      expected: items.map((x, i) => {
        const d = dated(i) ? x.d : last;
        return { kind: k.kind, id: x.id, number: x.number, date: iso(d.d, d.m, d.y), issuedBy: body[1], term: t, form: i === 0 ? 'numbered' : 'list' };
      }),
    };
  });

// What vanban misreads today (issue 11, for the lead to fix): kept generated, expected to fail.
// "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV": the body before the congress number.
const congressBodyFirst = localCongress('body first');
// "HĐND tỉnh Hậu Giang khóa X": the term after a place name is lost.
const councilPlaceTerm: fc.Arbitrary<Case> = fc
  .record({ n: fc.integer({ min: 1, max: 300 }), date: writtenDate, place: fc.constantFrom(...PROVINCES), t: fc.constantFrom('IX', 'X') })
  .map(({ n, date: d, place, t }) => ({
    text: `Nghị quyết số ${n}/NQ-HĐND${d.text} của HĐND tỉnh ${place} khóa ${t}`,
    expected: [{ kind: 'Nghị quyết', id: `${n}/NQ-HĐND`, number: String(n), date: iso(d.d, d.m, d.y), issuedBy: 'Hội đồng nhân dân tỉnh', term: t, form: 'numbered' }],
  }));
// "Hội nghị Trung ương lần thứ bảy khóa XI": neither the issuer nor the term is read.
const plenumCentralOrdinal: fc.Arbitrary<Case> = fc
  .record({ n: fc.integer({ min: 1, max: 70 }), date: writtenDate, p: fc.integer({ min: 1, max: 15 }), words: fc.boolean(), t: fc.constantFrom('X', 'XI', 'XII', 'XIII') })
  .map(({ n, date: d, p, words, t }) => ({
    text: `Nghị quyết số ${pad(n)}-NQ/TW${d.text} Hội nghị Trung ương lần thứ ${words ? PLENUM_WORDS[p - 1]! : p} khóa ${t}`,
    expected: [{ kind: 'Nghị quyết', id: `${pad(n)}-NQ/TW`, number: pad(n), date: iso(d.d, d.m, d.y), issuedBy: 'Ban Chấp hành Trung ương', term: t, form: 'numbered' }],
  }));
// "26 – NQ/TW": an en dash (Word's autocorrect of " - ") for the hyphen reads as a bare number.
const enDash: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...PARTY), n: fc.integer({ min: 1, max: 400 }), spaced: fc.boolean(), date: writtenDate, body: fc.constantFrom(...CENTRAL) })
  .map(({ kind, n, spaced, date: d, body }) => ({
    text: `${kind[0]} số ${pad(n)}${spaced ? ' – ' : '–'}${kind[1]}/TW${d.text} của ${body}`,
    expected: [{ kind: kind[0], id: `${pad(n)}-${kind[1]}/TW`, number: pad(n), date: iso(d.d, d.m, d.y), issuedBy: body, term: null, form: 'numbered' }],
  }));

const pick = (x: ReturnType<typeof parse>['citations'][number]): Expected => ({
  kind: x.kind,
  id: x.id,
  number: x.number,
  date: x.date,
  issuedBy: x.issuedBy,
  term: x.term,
  form: x.form,
});

const inSentence = (arb: fc.Arbitrary<Case>, numRuns: number) => () => {
  fc.assert(
    fc.property(arb, fc.constantFrom(...PREFIX), fc.constantFrom(...SUFFIX), (c, prefix, suffix) => {
      expect(parse(`${prefix}${c.text}${suffix}`).citations.map(pick)).toEqual(c.expected);
    }),
    { numRuns },
  );
};

describe('citations in every form, inside varied sentences', () => {
  const forms = { party, glued, state, numberOnly, law, plenum, list, scrambled };
  for (const [name, arb] of Object.entries(forms)) it(name, inSentence(arb, 150));

  const more = { letterSuffix, hyphen, adminNoHyphen, qualifier, plenumPhrase, congress, stateBodies, sharedList };
  for (const [name, arb] of Object.entries(more)) it(name, inSentence(arb, 100));

  it('issuer and date written before', () => {
    fc.assert(
      fc.property(before, fc.constantFrom(...SUFFIX), (c, suffix) => {
        expect(parse(`${c.text}${suffix}`).citations.map(pick)).toEqual(c.expected);
      }),
      { numRuns: 150 },
    );
  });
});

// Forms vanban does not read on purpose, kept as properties that must fail (it.fails). A local
// congress's resolution named with the body first ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần
// thứ XIV") occurs in the seed, whose labels count 24 citations without it, and issue 11 fixes
// those 24: reading this form would change them.
describe('forms still misread (issue 11)', () => {
  it.fails('congress resolution with the body before the number: "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV"', inSentence(congressBodyFirst, 20));
  it('a council term after a place: "của HĐND tỉnh Hậu Giang khóa X"', inSentence(councilPlaceTerm, 20));
  it('a plenum as "Hội nghị Trung ương lần thứ bảy khóa XI"', inSentence(plenumCentralOrdinal, 20));
  it('an en dash for the hyphen: "26 – NQ/TW"', inSentence(enDash, 20));
});

// Citations in the title: "CHƯƠNG TRÌNH HÀNH ĐỘNG / thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024
// của Bộ Chính trị / về …", with or without the header above it, the title in capitals or not.
const SUBJECTS = [
  'về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  'về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả',
  'về tăng cường công tác cán bộ',
];
const titled: fc.Arbitrary<{ text: string; line: number; expected: Expected[] }> = fc
  .record({
    cited: fc.oneof(party, state, plenumPhrase, stateBodies, qualifier, hyphen),
    verb: fc.constantFrom('thực hiện', 'Thực hiện', 'triển khai thực hiện', 'Tiếp tục thực hiện'),
    subject: fc.option(fc.constantFrom(...SUBJECTS), { nil: null }),
    subjectLine: fc.boolean(),
    header: fc.boolean(),
    upper: fc.boolean(),
  })
  .map(({ cited, verb, subject, subjectLine, header, upper }) => {
    // Capitals only where they keep the codes canonical once repaired (no "30c", no "NQ-HĐND" kin).
    const caps = upper && !/\p{Ll}/u.test(cited.expected.map((e) => e.id ?? '').join('').replace(/CTr|TTg|CTHĐ/gu, ''));
    const title = `${verb} ${cited.text}${subject && !subjectLine ? ` ${subject}` : ''}`;
    const head = header ? ['TỈNH ỦY HẬU GIANG', '*', 'Số 45-CTr/TU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hậu Giang, ngày 15 tháng 01 năm 2025', ''] : [];
    const lines = [
      ...head,
      'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      caps ? title.toUpperCase() : title,
      ...(subject && subjectLine ? [caps ? subject.toUpperCase() : subject] : []),
      '-----',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Nâng cao nhận thức của cán bộ, đảng viên về vị trí, vai trò của công tác này.',
    ];
    return { text: lines.join('\n'), line: head.length + 2, expected: cited.expected };
  });

describe('citations in the title', () => {
  it('are read from the line after "CHƯƠNG TRÌNH HÀNH ĐỘNG"', () => {
    fc.assert(
      fc.property(titled, (c) => {
        const got = parse(c.text).citations;
        expect(got.map(pick)).toEqual(c.expected);
        expect(got.map((x) => x.line)).toEqual(c.expected.map(() => c.line));
      }),
      { numRuns: 100 },
    );
  });
});

// Legacy text: any sentence above, typed in a TCVN3 (.VnTime) or VNI font, given as the cp1252
// bytes a legacy editor saves or as the string a reader that knew no better decoded, gives back the
// same citations.
const anySentence = fc.oneof(
  party, glued, state, numberOnly, law, plenum, list, scrambled,
  letterSuffix, hyphen, adminNoHyphen, qualifier, plenumPhrase, congress, stateBodies, sharedList,
);
const encoders = { tcvn3: encodeTcvn3, vni: encodeVni };
// As bytes, the encoding is guessed from common words (src/ingest/text.ts): a one-sentence file
// without any ("Căn cứ Nghị quyết Trung ương 4 khóa XII;") is read as Windows-1258 (see the failing
// property below), so bytes get a prefix that has one ("thực hiện", "các", "triển").
const asBytes = fc.tuple(fc.constant(true), fc.constantFrom(...PREFIX.filter((p) => p !== 'Căn cứ ')));
const asString = fc.tuple(fc.constant(false), fc.constantFrom(...PREFIX));
const legacyCitations = (sentence: fc.Arbitrary<Case>, input: fc.Arbitrary<[boolean, string]>, suffixes: readonly string[], numRuns: number) => () => {
  fc.assert(
    fc.property(sentence, input, fc.constantFrom(...suffixes), fc.constantFrom('tcvn3', 'vni') as fc.Arbitrary<keyof typeof encoders>, (c, [bytes, prefix], suffix, enc) => {
      const legacy = encoders[enc](`${prefix}${c.text}${suffix}`);
      expect(parse(bytes ? iconv.encode(legacy, 'windows1252') : legacy).citations.map(pick)).toEqual(c.expected);
    }),
    { numRuns },
  );
};

describe('citations in legacy text', () => {
  it('TCVN3 or VNI, as bytes or as a string', legacyCitations(anySentence, fc.oneof(asBytes, asString), SUFFIX, 200));
  it(
    'a one-sentence legacy file without a common word, as bytes: "Căn cứ Nghị quyết Trung ương 4 khóa XII;"',
    legacyCitations(plenum, fc.constant([true, 'Căn cứ '] as [boolean, string]), [';', '.'], 20),
  );
});
