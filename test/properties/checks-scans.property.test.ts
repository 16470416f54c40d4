import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termNamed } from '../../src/check/rules/term-date-mismatch.js';
import { defaultMatchers } from '../../src/recognise/compile.js';
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

describe('termNamed reads as the first central term of the name', () => {
  const m = defaultMatchers();
  const terms = m.grammar.terms.central;
  // The definition it replaced.
  const before = (name: string) => terms.find((t) => t.term === name);
  it('on every term name and others', () => {
    fc.assert(
      fc.property(fc.constantFrom(...terms.map((t) => t.term), 'I', 'XX', 'XIVV', '', 'xiv'), (name) => {
        expect(termNamed(name, m)).toBe(before(name));
      }),
      { numRuns: 300 },
    );
  });
});
