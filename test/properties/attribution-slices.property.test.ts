import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalStopEnd, withoutFinalStop } from '../../src/resolve/attributions.js';

// resolveAttributions slices an attribution's content once, to where its final stop would be cut,
// instead of slicing it and cutting the slice; here the end is held to the cut it replaced.
describe('finalStopEnd', () => {
  it('ends the content where withoutFinalStop cut its slice, from any start', () => {
    const text = fc.array(fc.constantFrom('Văn phòng', ' ', '.', '. ', '\u00a0', '\t', 'ủy', ',', ';'), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.nat(40), (t, from) => {
        expect(t.slice(from, finalStopEnd(t, from))).toBe(withoutFinalStop(t.slice(from)));
      }),
      { numRuns: 5000 },
    );
  });
});
