import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writerFor } from '../../src/emit/writer.js';
import { jsonChunks } from '../../src/emit/json-chunks.js';
import { parse } from '../../src/index.js';
import { seedBytes } from '../helpers.js';
import { programme } from '../../scripts/bench/documents.mjs';

const joined = (value: unknown, indent: number) => [...jsonChunks(value, indent)].join('');

// Values shaped to reach every branch: deep and wide (opened) and small (stringified whole)
// containers, strings that need escaping (quotes, controls, lone surrogates), keys that do too.
const awkwardString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\n', '\ud800', 'a\udc00b', '😀', 'Hội nghị'));
const awkwardKey = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('"k"', 'a\nb', '\ud83d', '10', '__proto__x'));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(awkwardString, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('tree'), { maxLength: 90 }),
    fc.dictionary(awkwardKey, tie('tree'), { maxKeys: 8 }),
  ),
}));

describe('JSON written in pieces is JSON.stringify byte for byte', () => {
  it('any JSON value, any indent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (value, indent) => {
        expect(joined(value, indent)).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 500 },
    );
  });

  it('deep, wide and awkward values, any indent', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom(0, 1, 2, 12), (value, indent) => {
        expect(joined(value, indent)).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 300 },
    );
  });

  it('what JSON.stringify leaves out, writes as null or hands to toJSON', () => {
    const deep = { list: Array.from({ length: 100 }, (_, i) => ({ i, gone: undefined, f: () => i, at: new Date(Date.UTC(2024, 0, 1 + i)) })) };
    const value = { a: undefined, b: [undefined, 1, () => 0, Symbol('s'), Number.NaN, -0, Infinity], c: { d: undefined }, e: 'x\ny', deep, [Symbol('k')]: 1 };
    // eslint-disable-next-line no-sparse-arrays
    const holes = [1, , 3];
    for (const indent of [0, 2]) {
      expect(joined(value, indent)).toBe(JSON.stringify(value, null, indent));
      expect(joined(holes, indent)).toBe(JSON.stringify(holes, null, indent));
    }
  });

  it('a circular structure is refused, as JSON.stringify refuses it', () => {
    const a: Record<string, unknown>[] = Array.from({ length: 100 }, (_, i) => ({ i }));
    a[50]!.loop = a;
    expect(() => joined(a, 0)).toThrow(/circular/);
  });

  it('the json writer gives the same text whole or in pieces, for real models', () => {
    const page = readFileSync(new URL('../../fixtures/corpus/found/207-btc-qd2438-2022-ctrhd-cai-cach-thue-2030-ocr.txt', import.meta.url));
    const json = writerFor('json')!;
    for (const model of [parse(seedBytes()), parse(page)]) {
      for (const pretty of [false, true]) {
        const chunks = [...json.chunks(model, { pretty })];
        expect(chunks.length).toBeGreaterThan(1);
        expect(chunks.join('')).toBe(json.write(model, { pretty }));
      }
    }
  });

  it('no piece of a large model is much larger than a piece: one outline node does not come whole', () => {
    // 400 conferences: one outline node holds them all (about 1.3 MB of JSON).
    const model = parse(programme(400).text);
    const pieces = [...jsonChunks(model)];
    expect(pieces.join('')).toBe(JSON.stringify(model));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(32 * 1024);
    expect(JSON.stringify(model.outline).length).toBeGreaterThan(500_000);
  });
});
