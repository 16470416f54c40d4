import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writerFor } from '../../src/emit/writer.js';
import { jsonChunks } from '../../src/emit/json-chunks.js';
import { parse } from '../../src/index.js';
import { seedBytes } from '../helpers.js';

describe('JSON written in pieces is JSON.stringify byte for byte', () => {
  it('any JSON value, any indent and depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), fc.integer({ min: 0, max: 4 }), (value, indent, depth) => {
        expect([...jsonChunks(value, indent, depth)].join('')).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 500 },
    );
  });

  it('what JSON.stringify leaves out or writes as null (undefined fields, undefined in arrays)', () => {
    const value = { a: undefined, b: [undefined, 1, () => 0], c: { d: undefined }, e: 'x\ny' };
    for (const indent of [0, 2]) expect([...jsonChunks(value, indent)].join('')).toBe(JSON.stringify(value, null, indent));
  });

  it('the json writer gives the same text whole or in pieces, for real models', () => {
    const page = readFileSync(new URL('../../fixtures/corpus/found/207-btc-qd2438-2022-ctrhd-cai-cach-thue-2030-ocr.txt', import.meta.url));
    const json = writerFor('json')!;
    for (const model of [parse(seedBytes()), parse(page)]) {
      for (const pretty of [false, true]) {
        const chunks = [...json.chunks(model, { pretty })];
        expect(chunks.length).toBeGreaterThan(20);
        expect(chunks.join('')).toBe(json.write(model, { pretty }));
      }
    }
  });
});
