import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsSentence, endsWithMark } from '../../src/assemble/blocks.js';
import { endsOnNumberWord } from '../../src/assemble/outline.js';

// The definitions the backward reads replaced.
const sentence = (t: string) => /[.;:!?…]["”»)\]]*$/u.test(t);
const final = (t: string) => /[.!?]["”»)\]]*$/u.test(t);
const clause = (t: string) => /[.;,]["”»)\]]*$/u.test(t);
const numberWord = (t: string) => /(?:^|\s)(?:số|Số|SỐ):?$/u.test(t);

describe('line ends', () => {
  it('reads sentence ends through closing quotes and brackets', () => {
    expect(endsSentence('… trong tình hình mới”.')).toBe(true);
    expect(endsSentence('… “về tăng cường sự lãnh đạo của Đảng.”)')).toBe(true);
    expect(endsSentence('Ban cán sự đảng Ủy ban nhân dân')).toBe(false);
    expect(endsOnNumberWord('thực hiện Quyết định số')).toBe(true);
    expect(endsOnNumberWord('SỐ:')).toBe(true);
    expect(endsOnNumberWord('hồ sơ')).toBe(false);
  });

  it('agree with the patterns they replaced on any text', () => {
    const unit = fc.constantFrom('a', 'ệ', ' ', '\u00a0', '.', ';', ':', '!', '?', '…', ',', '"', '”', '»', ')', ']', '“', 'số', 'Số', 'SỐ', 'sô', '𝐀', '\n');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 10 }), (t) => {
        expect([endsSentence(t), endsWithMark(t, '.!?'), endsWithMark(t, '.;,'), endsOnNumberWord(t)]).toEqual([sentence(t), final(t), clause(t), numberWord(t)]);
      }),
      { numRuns: 30000 },
    );
  });
});
