import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTitle } from '../../src/recognise/citations.js';
import { trimTrailing } from '../../src/normalize/text.js';

/** The definition the counting loop replaced: quotes counted and tested with patterns. */
function definition(raw: string): string | null {
  let t = trimTrailing(raw.trim(), '.,;:');
  t = t.replace(/^(về\s+)?[“«"]\s*/iu, (_m, ve: string | undefined) => ve ?? '');
  const opens = (t.match(/[“«]/gu) ?? []).length;
  const closes = (t.match(/[”»]/gu) ?? []).length;
  if (closes > opens && /[”»"]$/u.test(t)) t = t.slice(0, -1).trimEnd();
  else if (opens === closes && /^[^“«]*"$/u.test(t) && (t.match(/"/g) ?? []).length % 2 === 1) t = t.slice(0, -1);
  t = trimTrailing(t, '.,;:');
  return t === '' ? null : t;
}

describe('cleanTitle', () => {
  it('drops the opening quote, an unpartnered closing one and end punctuation', () => {
    expect(cleanTitle('về “tăng cường sự lãnh đạo của Đảng”.')).toBe('về tăng cường sự lãnh đạo của Đảng');
    expect(cleanTitle('“về đẩy mạnh học tập”')).toBe('về đẩy mạnh học tập');
    expect(cleanTitle('về "nông nghiệp, nông dân"')).toBe('về nông nghiệp, nông dân');
    expect(cleanTitle(' ; ')).toBeNull();
  });

  it('agrees with its definition on any text of quotes, words and punctuation', () => {
    const unit = fc.constantFrom('về ', 'Về  ', 'VỀ\t', 'vỀ\u00a0', 'v', '“', '”', '«', '»', '"', ' ', '.', ',', ';', ':', 'a', 'ệ', 'Đ', '\n');
    fc.assert(fc.property(fc.string({ unit, maxLength: 24 }), (s) => cleanTitle(s) === definition(s)), { numRuns: 20000 });
  });
});
