import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsAny, probeOf } from '../../src/resolve/self.js';

// Whole-text scans of the checks and the self mentions, rewritten for speed (issue 12), held here to
// the definitions they replaced, on generated input.

const textOf = (alphabet: string[], maxLength = 40) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));

describe('holdsAny reads as includes of any self word', () => {
  // The definition it replaced.
  const before = (key: string, words: readonly string[]) => words.some((w) => key.includes(w));
  const alphabet = ['n', 'à', 'y', 'này', 'ngày', 'ày', ' ', 'x', '\ud83d', '\ude00', 'nn', 'a'];
  const words = fc.array(textOf(alphabet, 3), { maxLength: 3 });
  it('on keys and words made of the same few letters', () => {
    fc.assert(
      fc.property(textOf(alphabet), words, (key, ws) => {
        expect(holdsAny(key, ws.map(probeOf))).toBe(before(key, ws));
      }),
      { numRuns: 20000 },
    );
  });
});
