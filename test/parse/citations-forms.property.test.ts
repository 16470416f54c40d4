import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

// Citations in every form of issue 11, generated inside varied sentences: the model gives back
// the id, number, date, issuer and term the text wrote.
interface Expected {
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
    expected: [{ id: `${pad(n)}-${kind[1]}/TW`, number: pad(n), date: d ? iso(d.d, d.m, d.y) : null, issuedBy: body, term: t, form: 'numbered' }],
  }));

const glued: fc.Arbitrary<Case> = fc.record({ kind: fc.constantFrom(...PARTY), n: fc.integer({ min: 1, max: 400 }), date, body: fc.constantFrom(...CENTRAL) }).map(({ kind, n, date: d, body }) => ({
  text: `${kind[0]} số ${pad(n)}-${kind[1]}/TWngày ${pad(d.d)} tháng ${d.m} năm ${d.y} của ${body}`,
  expected: [{ id: `${pad(n)}-${kind[1]}/TW`, number: pad(n), date: iso(d.d, d.m, d.y), issuedBy: body, term: null, form: 'numbered' }],
}));

const state: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...STATE), n: fc.integer({ min: 1, max: 400 }), date: writtenDate, hyphen: fc.constantFrom('-', ''), upper: fc.boolean() })
  .map(({ kind, n, date: d, hyphen, upper }) => {
    const issuer = upper ? kind[2].toUpperCase() : kind[2];
    return {
      text: `${kind[0]} số ${pad(n)}/${d.y}/${kind[1]}${hyphen}${issuer}${d.text} của ${kind[3]}`,
      expected: [{ id: `${pad(n)}/${d.y}/${kind[1]}-${kind[2]}`, number: `${pad(n)}/${d.y}`, date: iso(d.d, d.m, d.y), issuedBy: kind[3], term: null, form: 'numbered' }],
    };
  });

const numberOnly: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...PARTY), n: fc.integer({ min: 1, max: 400 }), so: fc.boolean(), date: fc.option(writtenDate, { nil: null }), body: fc.constantFrom(...CENTRAL, ...LOCAL) })
  .map(({ kind, n, so, date: d, body }) => ({
    text: `${kind[0]}${so ? ' số' : ''} ${n}${d?.text ?? ''} của ${body}`,
    expected: [{ id: null, number: String(n), date: d ? iso(d.d, d.m, d.y) : null, issuedBy: body, term: null, form: 'number-only' }],
  }));

const law: fc.Arbitrary<Case> = fc.record({ title: fc.constantFrom(...LAWS), date }).map(({ title, date: d }) => ({
  text: `Luật ${title} ngày ${d.d} tháng ${d.m} năm ${d.y}`,
  expected: [{ id: null, number: null, date: iso(d.d, d.m, d.y), issuedBy: null, term: null, form: 'named' }],
}));

const plenum: fc.Arbitrary<Case> = fc
  .record({ p: fc.integer({ min: 1, max: 15 }), term: fc.constantFrom('X', 'XI', 'XII', 'XIII'), paren: fc.boolean() })
  .map(({ p, term: t, paren }) => ({
    text: `Nghị quyết Trung ương ${p} ${paren ? `(khóa ${t})` : `khóa ${t}`}`,
    expected: [{ id: null, number: null, date: null, issuedBy: 'Ban Chấp hành Trung ương', term: t, form: 'named' }],
  }));

const list: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...PARTY), first: fc.integer({ min: 1, max: 300 }), date, body: fc.constantFrom(...CENTRAL), term })
  .map(({ kind, first, date: d, body, term: t }) => {
    const ns = [first, first + 1, first + 2].map(pad);
    const one = (n: string, form: string) => ({ id: `${n}-${kind[1]}/TW`, number: n, date: iso(d.d, d.m, d.y), issuedBy: body, term: t, form });
    return {
      text: `các ${kind[0]} số ${ns[0]}-${kind[1]}/TW, ${ns[1]}-${kind[1]}/TW và ${ns[2]}-${kind[1]}/TW ngày ${d.d}/${d.m}/${d.y} của ${body}${t ? ` khóa ${t}` : ''}`,
      expected: [one(ns[0]!, 'numbered'), one(ns[1]!, 'list'), one(ns[2]!, 'list')],
    };
  });

const before: fc.Arbitrary<Case> = fc
  .record({ kind: fc.constantFrom(...PARTY), n: fc.integer({ min: 1, max: 400 }), date, body: fc.constantFrom(...LOCAL), verb: fc.constantFrom('ban hành', 'đã ban hành', 'vừa ban hành') })
  .map(({ kind, n, date: d, body, verb }) => ({
    text: `Ngày ${d.d}/${d.m}/${d.y}, ${body} ${verb} ${kind[0]} số ${pad(n)}-${kind[1]}/TU`,
    expected: [{ id: `${pad(n)}-${kind[1]}/TU`, number: pad(n), date: iso(d.d, d.m, d.y), issuedBy: body, term: null, form: 'numbered' }],
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
      expected: [{ id: `${pad(n)}-${kind[1]}/TW`, number: pad(n), date: iso(d.d, d.m, d.y), issuedBy: body, term: null, form: 'numbered' }],
    };
  });

describe('citations in every form, inside varied sentences', () => {
  const forms = { party, glued, state, numberOnly, law, plenum, list, scrambled };
  for (const [name, arb] of Object.entries(forms)) {
    it(name, () => {
      fc.assert(
        fc.property(arb, fc.constantFrom(...PREFIX), fc.constantFrom(...SUFFIX), (c, prefix, suffix) => {
          const got = parse(`${prefix}${c.text}${suffix}`).citations.map((x) => ({
            id: x.id,
            number: x.number,
            date: x.date,
            issuedBy: x.issuedBy,
            term: x.term,
            form: x.form,
          }));
          expect(got).toEqual(c.expected);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('issuer and date written before', () => {
    fc.assert(
      fc.property(before, fc.constantFrom(...SUFFIX), (c, suffix) => {
        const got = parse(`${c.text}${suffix}`).citations.map((x) => ({ id: x.id, number: x.number, date: x.date, issuedBy: x.issuedBy, term: x.term, form: x.form }));
        expect(got).toEqual(c.expected);
      }),
      { numRuns: 150 },
    );
  });
});
