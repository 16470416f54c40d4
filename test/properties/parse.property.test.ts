import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { Programme } from '../../src/model/programme.js';
import { seedText } from '../helpers.js';

// Pieces of real programme text, so random inputs exercise the grammar, not only the fallbacks.
const seedLines = seedText().split('\n');
const fragment = fc.oneof(
  fc.constantFrom(...seedLines),
  fc.constantFrom('(1) ', '(20000) ', 'Kết luận số ', '94-KL/TW', ', ngày 31/2/2019', ' của Ban Bí thư', ' khóa XI', '“', '”', 'mục (1) đến (9999)', 'Cơ quan chủ trì tham mưu: ', '1. Hội nghị ', 'I. ', 'Nơi nhận:', 'T/M TỈNH ỦY', '\n', '\n\n', ' ', '-----', '(tháng 13/2024)', 'quý V', 'lần thứ 0'),
  fc.string({ maxLength: 20 }),
);
const programmeLike = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

const runs = { numRuns: 200 };

describe('parse never throws and always returns a valid model', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        expect(Programme.safeParse(parse(s)).success).toBe(true);
      }),
      runs,
    );
  });

  it('on programme-like text made of real fragments', () => {
    fc.assert(
      fc.property(programmeLike, (s) => {
        const model = parse(s);
        expect(Programme.safeParse(JSON.parse(JSON.stringify(model))).success).toBe(true);
      }),
      runs,
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(Programme.safeParse(parse(bytes)).success).toBe(true);
      }),
      runs,
    );
  });
});
