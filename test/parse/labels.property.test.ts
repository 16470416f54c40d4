import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutlineGrammar } from '../../src/grammar/schema.js';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { capsText, compileLabels, readLabel } from '../../src/recognise/labels.js';
import { foldKey } from '../../src/normalize/fold.js';
import * as previous from './labels-previous.js';

// readLabel reads the first matching style off the joined patterns' one match, tests characters in
// place instead of slicing, and shares its keys (issue 12): here it is held to the reader before.
const m = defaultMatchers();
const style = (pattern: string, value: 'arabic' | 'letter', rank: number) => ({ style: 'arabic' as const, pattern, value, rank });
const lists = {
  grammar: m.labels,
  // A pattern with a group besides n is read alone; an unanchored one leaves every style to be read alone.
  'extra group': compileLabels(<OutlineGrammar>{ styles: [style('^(?<n>\\d)(x)?[.]', 'arabic', 1), ...m.labels.map((s) => ({ style: s.style, pattern: s.re.source, value: s.value, rank: s.rank, caps: s.caps, capital: s.capital }))] }),
  // A decimal's value read from any text: empty parts, spaces, letters, long digit runs.
  'loose decimal': compileLabels(<OutlineGrammar>{ styles: [{ style: 'decimal', pattern: '^(?<n>[\\d. a\u00a0-]{0,14})#', value: 'decimal', rank: 1 }] }),
  unanchored: compileLabels(<OutlineGrammar>{ styles: [style('(?<n>[a-c])\\)', 'letter', 1), style('^(?<n>\\d)[.]', 'arabic', 2)] }),
};
const unit = fc.constantFrom('I', 'V', 'X', 'i', 'a', 'c', 'đ', 'Đ', 'A', 'P', '1', '2', '0', '.', ')', '(', '/', ':', '-', '–', '—', '+', '•', '▪', ' ', '  ', '\u00a0', '\t', 'x', 'Ệ', 'Í', 'Ì', 'ấ', 'Phần', 'PHẦN', 'Chương', 'Mục', 'MỤC', 'Điều', 'thứ', 'HAI', 'KẾT LUẬN', 'Nâng cao', 'và', 'hoặc', ',', '#', '1234567890', '000', '𝐀', '😀');
const line = fc.array(unit, { maxLength: 10 }).map((p) => p.join(''));

describe('readLabel', () => {
  for (const [name, styles] of Object.entries(lists)) {
    it(`reads the label the previous reader read (${name} styles), with a line's key or without`, () => {
      fc.assert(
        fc.property(line, fc.boolean(), (text, keyed) => {
          const key = keyed ? foldKey(text) : undefined;
          expect(readLabel(text, styles, m.notLabelStarts, key)).toEqual(previous.readLabel(text, styles, m.notLabelStarts, key));
        }),
        { numRuns: 20000 },
      );
    });
  }

  it('judges capitals from a place as on the slice from there', () => {
    fc.assert(
      fc.property(line, fc.nat(12), (text, from) => {
        expect(capsText(text, from)).toBe(previous.capsText(text.slice(from)));
      }),
      { numRuns: 5000 },
    );
  });
});
