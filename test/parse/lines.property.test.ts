import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { recogniseLines } from '../../src/recognise/lines.js';
import * as previous from '../normalize/previous.js';

// Section, conference and item numbers are read off the joined patterns' one match (issue 12):
// here the lines are held to the classifier before issue 12's rewrites (test/normalize/previous.ts).
const m = defaultMatchers();
const unit = fc.constantFrom('I', 'V', 'X', 'II', 'i', 'a', 'Đ', 'A', '1', '12', '0', '.', ')', '(', '(3)', '/', ':', '-', '–', ' ', '\u00a0', 'x', 'Phần', 'Phần thứ hai', 'thứ', 'Hội nghị', 'HỘI NGHỊ', 'Hội nghị lần thứ', 'lần', 'KẾT LUẬN', 'NỘI DUNG', 'Nâng cao', 'và', 'Nơi nhận', '**', '_', '\n');
const text = fc.array(unit, { maxLength: 16 }).map((p) => p.join(''));

describe('recogniseLines', () => {
  it('classifies lines as the previous classifier did', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(recogniseLines(t, m)).toEqual(previous.recogniseLines(t, m));
      }),
      { numRuns: 10000 },
    );
  });
});
