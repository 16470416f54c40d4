import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anniversaryMismatch } from '../../src/check/rules/anniversary-mismatch.js';
import { unbalancedQuote } from '../../src/check/rules/unbalanced-quotes.js';
import { typeCode } from '../../src/check/rules/unknown-type-code.js';
import { TextMap } from '../../src/check/locate.js';
import type { CheckContext } from '../../src/check/rule.js';
import { finding } from '../../src/check/rule.js';
import { citationEn, citationVi, citationYear } from '../../src/check/describe.js';
import { reviewIn, reviewPhrase } from '../../src/check/rules/anniversary-mismatch.js';
import type { Citation, Programme } from '../../src/model/programme.js';
import { foldKey, foldPhrase } from '../../src/normalize/fold.js';
import { squash, trimTrailing } from '../../src/normalize/text.js';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { closesQuote, opensQuote, STRAIGHT_QUOTE } from '../../src/recognise/quotes.js';
import { isSquashed, splitAgencies, withoutFinalStop } from '../../src/resolve/attributions.js';
import { resolveMentions } from '../../src/resolve/mentions.js';

// The check, resolve and model stages were rewritten for speed (issue 12). Each rewrite that could
// read differently is compared here with the definition it replaced, on generated input.

const runs = { numRuns: 300 };
const textOf = (alphabet: string[], maxLength = 60) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));

describe('unbalancedQuote reads as the stack it replaced', () => {
  function before(text: string): number | null {
    if (!/[“”«»"]/.test(text)) return null;
    const open: number[] = [];
    let straight: number | null = null;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === STRAIGHT_QUOTE) straight = straight === null ? i : null;
      else if (opensQuote(code)) open.push(i);
      else if (closesQuote(code) && open.pop() === undefined) return i;
    }
    const first = [open[0], straight ?? undefined].filter((i): i is number => i !== undefined);
    return first.length === 0 ? null : Math.min(...first);
  }

  it('on any mix of quotes and words', () => {
    fc.assert(
      fc.property(textOf(['“', '”', '«', '»', '"', 'a', ' ', 'Nghị quyết', '\u{1d400}']), (text) => {
        expect(unbalancedQuote(text)).toBe(before(text));
      }),
      runs,
    );
  });
});

describe('typeCode reads as split did', () => {
  const before = (symbol: string | null) => {
    if (symbol === null) return null;
    const code = symbol.includes('/') ? symbol.split('/')[0] : symbol.includes('-') ? symbol.split('-')[0] : null;
    return code || null;
  };

  it('on any symbol', () => {
    fc.assert(
      fc.property(fc.option(textOf(['KL', 'NĐ', '/', '-', 'TW', 'CP', ' ', '2020'], 8)), (symbol) => {
        expect(typeCode({ symbol })).toBe(before(symbol));
      }),
      runs,
    );
  });
});

describe('attribution lines read as the regular expressions did', () => {
  const spaces = [' ', '  ', '\t', '\u00a0', '\u3000', '\n', '\ufeff', '\u200b', '\u0085', '\u001f'];
  const line = textOf([...spaces, '.', ',', ';', ':', 'Ban', 'Tổ chức', 'văn phòng', 'Ủy', 'Đ', '(3)', 'và']);
  const splitBefore = (text: string) =>
    text
      .split(/;|,(?=\s*\p{Lu})/u)
      .map((a) => trimTrailing(squash(a), '.,;:'))
      .filter((a) => a !== '');

  it('isSquashed says whether squash leaves the text as it is', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(isSquashed(text)).toBe(squash(text) === text);
      }),
      runs,
    );
  });

  it('withoutFinalStop cuts what /\\.\\s*$/u cut', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(withoutFinalStop(text)).toBe(text.replace(/\.\s*$/u, ''));
      }),
      runs,
    );
  });

  it('splitAgencies gives the agencies the split gave', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(splitAgencies(text)).toEqual(splitBefore(text));
      }),
      runs,
    );
  });
});

describe('TextMap searches without its flat copy as they did with it', () => {
  // Long texts too, so that a needle beyond the first 4096 characters is looked for in the whole text.
  const piece = fc.constantFrom('a', 'b', ' ', '\n', 'ab', 'a b', 'a\nb', 'Hội nghị', '\n\n');
  const text = fc.tuple(fc.array(piece, { maxLength: 40 }), fc.nat(1200), fc.array(piece, { maxLength: 20 })).map(([head, times, tail]) => head.join('') + 'x y\nz '.repeat(times) + tail.join(''));
  const needle = textOf(['a', 'b', ' ', 'x y', 'y z', 'z', '\n', 'Hội'], 6);

  it('flatIndexOf, find and flatSlice', () => {
    fc.assert(
      fc.property(text, needle, fc.integer({ min: -2, max: 2500 }), fc.oneof(fc.constant(Infinity), fc.nat(5000)), fc.integer({ min: 1, max: 300 }), (t, n, from, within, line) => {
        const map = new TextMap(t);
        const flat = t.replace(/\n/g, ' ');
        const at = flat.indexOf(n, from);
        const found = map.flatIndexOf(n, from, within);
        // -1 may stand for an index beyond `within`; any index given is the flat text's.
        if (found === -1) expect(at === -1 || at - Math.max(from, 0) > within).toBe(true);
        else expect(found).toBe(at);
        expect(map.flatIndexOf(n, from)).toBe(at);
        const start = map.lineStart(line);
        const old = flat.indexOf(n, start);
        expect(map.find(n, line, within)).toBe(old === -1 || old - start > within ? null : old);
        expect(map.flatSlice(from, from + within)).toBe(flat.slice(from, from + within));
        expect(map.flat).toBe(flat);
      }),
      { numRuns: 200 },
    );
  });
});

describe('resolveMentions points where the key strings pointed', () => {
  function before(citations: Citation[]): Citation[] {
    const byNumber = (c: Citation) => (c.number === null ? null : `${c.kind}\u0000${c.number}`);
    const byId = (c: Citation) => (c.id === null ? null : `id\u0000${c.id}`);
    const full = (c: Citation) => c.id !== null && (c.dateText !== null || c.issuedBy !== null);
    const keysOf = (c: Citation) => [byNumber(c), byId(c)].filter((k): k is string => k !== null);
    const firstFull = new Map<string, number>();
    citations.forEach((c, i) => {
      if (full(c)) for (const k of keysOf(c)) if (!firstFull.has(k)) firstFull.set(k, i);
    });
    const lastFull = new Map<string, number>();
    return citations.map((c, i) => {
      if (full(c)) {
        for (const k of keysOf(c)) lastFull.set(k, i);
        return { ...c, refersTo: null };
      }
      const k = byId(c) ?? byNumber(c);
      if (k === null) return { ...c, refersTo: null };
      return { ...c, refersTo: lastFull.get(k) ?? firstFull.get(k) ?? null };
    });
  }
  // Kinds are the grammar's names. The old keys ran kind and number together, so a kind "id" with
  // number 57 was the same key as id 57; no kind is "id", and the indexes now keep them apart.
  const citation = fc.record({
    kind: fc.constantFrom('Nghị quyết', 'Kết luận', 'Chỉ thị'),
    number: fc.option(fc.constantFrom('57', '94', '11')),
    id: fc.option(fc.constantFrom('57-NQ/TW', '94-KL/TW', '57')),
    dateText: fc.option(fc.constant('22/12/2024')),
    issuedBy: fc.option(fc.constant('Bộ Chính trị')),
  });

  it('on lists of full and short citations', () => {
    fc.assert(
      fc.property(fc.array(citation, { maxLength: 12 }), (parts) => {
        const citations = parts.map((p) => ({ ...p, raw: '', symbol: null, date: null, term: null, title: null, span: { start: 0, end: 0 }, line: 1, repaired: false, form: 'numbered', year: null, refersTo: null }) as Citation);
        expect(resolveMentions(citations)).toEqual(before(citations));
      }),
      runs,
    );
  });
});

describe('anniversary-mismatch finds what it found looking back through the whole text', () => {
  const m = defaultMatchers();
  function before(p: Programme, text: string) {
    const year = p.header.year!;
    const map = { key: foldKey(text.replace(/\n/g, ' ')), flat: text.replace(/\n/g, ' '), position: (at: number) => new TextMap(text).position(at) };
    const re = reviewPhrase(m);
    const actions = m.grammar.checks.anniversary.actions.map(foldPhrase);
    return p.citations.flatMap((c) => {
      const issued = citationYear(c);
      if (issued === null) return [];
      const from = Math.max(0, c.span.start - 200);
      if (!actions.some((a) => a !== '' && map.key.lastIndexOf(a, c.span.start - a.length) >= from)) return [];
      const match = re.exec(map.key.slice(from, c.span.start));
      if (!match) return [];
      const years = Number(match[2]);
      if (year - issued === years) return [];
      const at = from + match.index;
      const said = map.flat.slice(at, at + match[1]!.length);
      return [finding(anniversaryMismatch, map.position(at), `${citationVi(c)}: '${said}' ${year - issued}`, `${citationEn(c)} ${years}`)];
    });
  }
  const parts = ['Sơ kết 05 năm ', 'Tổng kết 10 năm thực hiện ', 'TỔNG KẾT 5 NĂM, việc ', 'sơ kết', ' ', '\n', '05 năm ', 'năm ', ', ', 'khoá X ', 'x'.repeat(150), 'Nghị quyết 5 '];

  it('at the same places, with the same words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 2000, max: 2030 })), { maxLength: 8 }), (pieces, cited) => {
        const text = pieces.join('');
        // Citations where a piece ends, where a review phrase may stand right before them.
        const ends = pieces.map((_, i) => pieces.slice(0, i + 1).join('').length);
        const citations = cited.map(([at, issued]) => {
          const start = ends.length === 0 ? 0 : ends[at % ends.length]!;
          return { raw: 'Nghị quyết', kind: 'Nghị quyết', number: '1', symbol: null, id: null, date: `${issued}-01-01`, issuedBy: null, term: null, title: null, span: { start, end: start }, line: 1, repaired: false, dateText: null, form: 'numbered', year: null, refersTo: null } as Citation;
        });
        const p = { header: { year: 2024 }, citations } as unknown as Programme;
        const then = before(p, text);
        // With a map that folds the text itself, and one given the text's key (keySlice).
        for (const map of [new TextMap(text), new TextMap(text, foldKey(text))]) {
          const context: CheckContext = { text, matchers: m, map };
          const now = anniversaryMismatch.check(p, context);
          // Positions and the words quoted agree; the messages around them are the rule's own.
          expect(now.map((d) => [d.line, d.column, /'([^']*)'/.exec(d.message)?.[1]])).toEqual(then.map((d) => [d.line, d.column, /'([^']*)'/.exec(d.message)?.[1]]));
        }
      }),
      runs,
    );
  });
});

describe('reviewIn finds what the unanchored pattern found on the window with its breaks made spaces', () => {
  const m = defaultMatchers();
  const re = reviewPhrase(m);
  const parts = ['sơ kết', 'tổng kết', 'sơ\nkết', 'sơ\nkết 5 năm ', 'tổng kết 10 năm,', 'sơ kết 05 năm ', 'tổng kết 10\nnăm ', ' ', '\n', ', ', ',\n', '05', '1000', 'năm', ' thực hiện', ' thực\nhiện', ' việc', 'x', 'ạ', 'sơ', 'tổng'];
  it('on windows of review words, numbers, links and line breaks', () => {
    fc.assert(
      fc.property(textOf(parts, 20), (window) => {
        const then = re.exec(window.replace(/\n/g, ' '));
        const now = reviewIn(window, m);
        // The same match at the same place; its text keeps the window's breaks.
        expect(now === null ? null : [now.index, now[0].length, now[1]!.replace(/\n/g, ' '), now[2]]).toEqual(then === null ? null : [then.index, then[0].length, then[1], then[2]]);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('TextMap key from the text’s own folded key', () => {
  it('is the key the map folds itself, line breaks read as spaces', () => {
    const unit = fc.constantFrom('khoá', 'thuỷ', 'Hoà', 'quý', 'o', 'ạ', 'Ý', ' ', '\n', 'İ', 'Σ', 'ς', 'a', '.', 'y');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (text) => {
        expect(new TextMap(text, foldKey(text)).key).toBe(new TextMap(text).key);
        const [from, to] = [text.length >> 2, text.length - 1];
        expect(new TextMap(text, foldKey(text)).keySlice(from, to)).toBe(new TextMap(text).key.slice(from, to));
      }),
      { numRuns: 20000 },
    );
  });
});
