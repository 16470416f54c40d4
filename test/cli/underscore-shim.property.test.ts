import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The bundles replace underscore with the two functions natural's Levenshtein distance calls
// (scripts/underscore-for-levenshtein.cjs): they must do what underscore's do.
const require = createRequire(import.meta.url);
const shim = require('../../scripts/underscore-for-levenshtein.cjs') as { extend: (...o: object[]) => object; min: <T>(list: T[], f: (v: T) => number) => T | number };
const _ = require('underscore') as typeof shim;

const cost = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(Infinity, -Infinity, Number.NaN));
const options = fc.dictionary(fc.constantFrom('insertion_cost', 'deletion_cost', 'damerau', 'search', 'x'), fc.oneof(fc.boolean(), cost, fc.constant(undefined)));

describe('the underscore the bundles carry', () => {
  it('extends as underscore does', () => {
    fc.assert(
      fc.property(options, options, options, (a, b, c) => {
        expect(shim.extend({}, a, b, c)).toEqual(_.extend({}, a, b, c));
        expect(shim.extend({ ...a }, b)).toEqual(_.extend({ ...a }, b));
      }),
    );
  });

  it('finds the same minimum element (the first of equals, Infinity for none)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cost })), (cells) => {
        expect(shim.min(cells, (p) => p.cost)).toBe(_.min(cells, (p) => p.cost));
      }),
    );
  });
});
