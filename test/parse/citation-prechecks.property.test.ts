import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterSeparator, citationPatterns, closesParenthesis, mayJoinBodyAt, mayJoinList, tailWordAhead, upperAt } from '../../src/recognise/citations.js';
import { defaultMatchers } from '../../src/recognise/compile.js';

// The recogniser tests by character code where a sticky pattern would fail at once (issue 12).
// A test may say "maybe" where the pattern fails, never "no" where it matches; the separator's
// end is exactly the pattern's.
const m = defaultMatchers();
const patterns = citationPatterns(m);
const listJoin = patterns.find((re) => re.source.includes('\\svà)'))!;
const bodyJoin = patterns.find((re) => re.source.startsWith('(?:,|'))!;
const SEPARATOR = /\s?,?\s?/uy;
const dates = patterns.filter((re) => re.source.includes('(?:ngày)') && re.sticky);
const term = patterns.find((re) => re.source.includes('(?:khóa)'))!;

const text = fc.array(fc.constantFrom(' ', '\u00a0', '\t', ',', ';', 'và', 'v', 'à', 'số', '12', 'x', ')', '(', 'Bộ'), { maxLength: 10 }).map((p) => p.join(''));

function sticky(re: RegExp, key: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(key);
}

describe('the citation recogniser\'s tests by code', () => {
  it('find the patterns\' list and body joins wherever the patterns match', () => {
    expect(listJoin).toBeDefined();
    expect(bodyJoin).toBeDefined();
    fc.assert(
      fc.property(text, (key) => {
        for (let at = 0; at <= key.length; at++) {
          if (sticky(listJoin, key, at)) expect(mayJoinList(key, at)).toBe(true);
          if (sticky(bodyJoin, key, at)) expect(mayJoinBodyAt(key, at, m)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('find a date\'s or a term\'s word ahead wherever their patterns match', () => {
    expect(dates).toHaveLength(2);
    const gap = fc.array(fc.constantFrom(' ', ',', '(', '\u00a0'), { maxLength: 9 }).map((p) => p.join(''));
    const written = fc.oneof(
      fc.tuple(gap, fc.constantFrom('ngày 12/3/2014', 'ngày12 - 3 - 2014', 'ngày 1 tháng 2 năm 2020', 'ngay 1/2/2020')).map(([g, d]) => g + d),
      fc.tuple(gap, fc.constantFrom('khóa xi)', 'khóa 12', 'khoá x', 'khóa\u00a0x')).map(([g, t]) => g + t),
    );
    const pieces = fc.array(fc.constantFrom(' ', '  ', ',', '(', ')', 'ngày', 'ngay', '12', '/', '3', '2014', ' tháng ', ' năm ', 'khóa', 'xi', 'x'), { maxLength: 12 }).map((p) => p.join(''));
    const tail = fc.tuple(pieces, fc.oneof(written, pieces)).map(([p, w]) => p + w);
    fc.assert(
      fc.property(tail, (key) => {
        for (let at = 0; at <= key.length; at++) {
          if (dates.some((re) => sticky(re, key, at))) expect(tailWordAhead(key, at, m, 'date')).toBe(true);
          if (sticky(term, key, at)) expect(tailWordAhead(key, at, m, 'term')).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('end a separator where /\\s?,?\\s?/ ends', () => {
    fc.assert(
      fc.property(text, (key) => {
        for (let at = 0; at <= key.length; at++) expect(afterSeparator(key, at)).toBe(at + sticky(SEPARATOR, key, at)![0].length);
      }),
      { numRuns: 1000 },
    );
  });

  it('read a closing parenthesis after trailing spaces as trimEnd does', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(closesParenthesis(t)).toBe(t.trimEnd().endsWith(')'));
      }),
      { numRuns: 1000 },
    );
  });

  it('read a capital as /\\p{Lu}/u reads one character', () => {
    const chars = fc.string({ unit: fc.constantFrom('A', 'Z', 'a', '@', '[', 'Đ', 'đ', 'Ệ', 'ệ', '\u{1d400}', ' ', '1', 'Σ', 'ς'), maxLength: 6 });
    fc.assert(
      fc.property(chars, fc.nat(7), (t, i) => {
        expect(upperAt(t, i)).toBe(/\p{Lu}/u.test(t[i] ?? ''));
      }),
      { numRuns: 2000 },
    );
  });
});
