import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { actualStructure, expectedStructure, programmeSpec, renderProgramme } from '../generators.js';
import { comparable, hardWrap, newTones, oldTones } from '../helpers.js';

const runs = { numRuns: 120 };

describe('programmes generated from arbitrary structures parse back to the same structure', () => {
  it('as rendered', () => {
    fc.assert(
      fc.property(programmeSpec, (spec) => {
        expect(actualStructure(parse(renderProgramme(spec)))).toEqual(expectedStructure(spec));
      }),
      runs,
    );
  });
});

// Formatting that must never change the model: each takes the rendered text and a random seed.
const noise: Record<string, fc.Arbitrary<(text: string) => string | Buffer>> = {
  'runs of spaces, tabs and NBSP between words': fc.array(fc.constantFrom('  ', '\t', '\u00a0', ' \u00a0 '), { minLength: 1, maxLength: 8 }).map(
    (spaces) => (text: string) => {
      let i = 0;
      return text.replace(/ /g, () => spaces[i++ % spaces.length]!);
    },
  ),
  CRLF: fc.constant((text: string) => text.replace(/\n/g, '\r\n')),
  NFD: fc.constant((text: string) => text.normalize('NFD')),
  'new tone placement': fc.constant(newTones),
  'hard wrapping at any width ≥ 40': fc.integer({ min: 40, max: 120 }).map((width) => (text: string) => hardWrap(text, width)),
};

describe('the model is unchanged by formatting', () => {
  for (const [name, arbitrary] of Object.entries(noise)) {
    it(name, () => {
      fc.assert(
        fc.property(programmeSpec, arbitrary, (spec, apply) => {
          const text = renderProgramme(spec);
          const reference = comparable(parse(text));
          const noisy = comparable(parse(apply(text)));
          expect(name === 'new tone placement' ? oldTones(noisy) : noisy).toEqual(reference);
        }),
        runs,
      );
    });
  }
});
