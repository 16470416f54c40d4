import { describe, expect, it } from 'vitest';
import { MAX_LINES, parse } from '../../src/parse.js';
import { seedText } from '../helpers.js';
import { workPerChar as work } from '../work.js';


// Hostile shapes a linear parser must take in its stride, one line or many.
const shapes: Record<string, (n: number) => string> = {
  'repeated "Kết luận số " on one line': (n) => 'Kết luận số '.repeat(n),
  'repeated "(1) " on one line': (n) => `1. Hội nghị\n${'(1) '.repeat(n)}`,
  'citations with unclosed quotes on one line': (n) => 'Kết luận số 94-KL/TW của Ban Bí thư về “tiếp tục '.repeat(n),
  'one citation whose subject never closes': (n) => `Kết luận số 94-KL/TW về “${'rất dài '.repeat(n)}`,
  'an attribution naming every item': (n) =>
    `1. Hội nghị\n${Array.from({ length: n }, (_, i) => `(${i + 1}) Báo cáo.`).join('\n')}\nCơ quan chủ trì tham mưu: Văn phòng mục ${Array.from({ length: n }, (_, i) => `(${i + 1})`).join(', ')}.`,
  'unscoped attributions after items with one number': (n) => `1. Hội nghị\n${'(1) Sơ kết.\nCơ quan chủ trì tham mưu: Văn phòng.\n'.repeat(n)}`,
  'many conferences': (n) => Array.from({ length: n }, (_, i) => `${i + 1}. Hội nghị lần thứ ${i + 1} (tháng 3/2024)\n(1) Sơ kết.`).join('\n'),
  'a hard-wrapped paragraph without a full stop': (n) => 'một dòng văn bản không có dấu chấm\n'.repeat(n),
  'runs of dots and commas': (n) => `- ${'.,'.repeat(n)}\nNơi nhận:\n- ${'.,;'.repeat(n)}`,
  'a finding per citation on one long line': (n) => 'Chỉ thị số 38 -CT/TW, '.repeat(n),
  'the seed repeated': (n) => Array(Math.max(1, Math.round(n / 100))).fill(seedText()).join('\n'),
};

describe('work grows linearly with the input', () => {
  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => {
      const small = work(make, 1_000);
      const large = work(make, 10_000);
      expect(small).toBeGreaterThan(0);
      // 10× the input may cost at most 11× the work (and a little slack for fixed costs), per
      // character: "(10000)" is longer than "(1000)", so 10× the units is more than 10× the text.
      expect(large / small).toBeLessThanOrEqual(1.1);
    });
  }
});

describe('the line limit', () => {
  // LF, CR-LF and a lone CR each end one line, as normalization reads them.
  it.each([
    ['LF', MAX_LINES, true, 'a\n'],
    ['LF', MAX_LINES - 1, false, 'a\n'],
    ['lone CR', MAX_LINES, true, 'a\r'],
    ['CR-LF', MAX_LINES - 1, false, 'a\r\n'],
    ['CR-LF', MAX_LINES, true, 'a\r\n'],
  ] as const)('%s × %i breaks: refused %s', (_name, n, refused, unit) => {
    const read = () => parse(unit.repeat(n));
    if (refused) expect(read).toThrow(/too many lines/);
    else expect(read).not.toThrow();
  });

  it('counts CR-LF and lone CR in one text', () => {
    expect(() => parse('a\r\n'.repeat(MAX_LINES / 2) + 'b\r'.repeat(MAX_LINES / 2))).toThrow(/too many lines/);
    expect(() => parse('a\r\n'.repeat(MAX_LINES / 2) + 'b\r'.repeat(MAX_LINES / 2 - 1))).not.toThrow();
  });
});
