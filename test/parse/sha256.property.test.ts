import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Of } from '../../src/parse.js';

// sha256Of encodes the text in pieces (issue 12); the definition it replaced hashed the string whole.
const before = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Of hashes the UTF-8 bytes as hashing the string did', () => {
  // Pieces are 65,536 UTF-16 units: long texts, with surrogate pairs and lone halves around the cuts.
  const unit = fc.constantFrom('a', 'ạ', 'Đ', '😀', '\ud83d', '\ude00', '\n', ' ', '“', '\u0000');
  it('on any text, pairs and lone surrogates at a piece boundary included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65_516, max: 65_536 }), fc.string({ unit, maxLength: 20 }), fc.integer({ min: 1, max: 3 }), (fill, mid, times) => {
        // The cuts at 65,536 and its multiples fall inside `mid` or near it.
        const text = ('x'.repeat(fill) + mid).repeat(times);
        expect(sha256Of(text)).toBe(before(text));
      }),
      { numRuns: 150 },
    );
  });

  it('on the empty text and a short one', () => {
    expect(sha256Of('')).toBe(before(''));
    expect(sha256Of('Nghị quyết 😀')).toBe(before('Nghị quyết 😀'));
  });
});
