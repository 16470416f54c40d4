import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writerFor } from '../../src/emit/writer.js';
import { jsonBytes } from '../../src/emit/json-bytes.js';
import { parse } from '../../src/index.js';
import { seedBytes } from '../helpers.js';
import { programme } from '../../scripts/bench/documents.mjs';

// Each chunk is a view of a buffer written again for the next: copied as it comes.
const chunksOf = (chunks: Iterable<Uint8Array>) => Array.from(chunks, (c) => Buffer.from(c));
const bytesOf = (value: unknown, indent = 0) => Buffer.concat(chunksOf(jsonBytes(value, indent)));
/** Compared as bytes (toEqual on megabytes of Buffer is slow); shown as text when they differ. */
function expectSameBytes(got: Buffer, want: Buffer): void {
  if (!got.equals(want)) expect(got.toString('utf8')).toBe(want.toString('utf8'));
  expect(got.equals(want)).toBe(true);
}
const expectStringify = (value: unknown, indent: number) => expectSameBytes(bytesOf(value, indent), Buffer.from(JSON.stringify(value, null, indent)));

// Values shaped to reach every branch: deep and wide (opened) and small (stringified whole)
// containers, strings that need escaping (quotes, controls, lone surrogates), keys that do too.
// Characters of every UTF-8 length: ASCII, two bytes (Latin-1, đ, ơ, U+07FF), three (ạ, ầ, ệ, U+0800,
// U+FFFF), four (a surrogate pair), and lone surrogates.
const letter = fc.constantFrom('a', '"', '\\', '\n', '\u0001', 'é', 'ÿ', 'đ', 'ơ', '\u07ff', 'ạ', 'ầ', 'ệ', '\u0800', '\uffff', '😀', '\ud800', '\udc00');
const awkwardString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: letter, maxLength: 40 }), fc.constantFrom('Hội nghị'));
const awkwardKey = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('"k"', 'a\nb', '\ud83d', '10', '__proto__x'));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(awkwardString, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('tree'), { maxLength: 90 }),
    fc.dictionary(awkwardKey, tie('tree'), { maxKeys: 8 }),
  ),
}));

describe('JSON written as bytes is JSON.stringify, as UTF-8, byte for byte', () => {
  it('any JSON value, any indent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (value, indent) => {
        expectStringify(value, indent);
      }),
      { numRuns: 500 },
    );
  });

  it('deep, wide and awkward values, any indent', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom(0, 1, 2, 12), (value, indent) => {
        expectStringify(value, indent);
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
      expectStringify(value, indent);
      expectStringify(holes, indent);
    }
  });

  it('numbers at the edges of the digit-by-digit path, and strings either side of the native length', () => {
    const numbers = [0, -0, 1, 9, 10, 99, 100, 999_999_999, 1e9, 1e9 + 1, 2 ** 31 - 1, 2 ** 31, -1, -(2 ** 31), 0.5, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, Number.NaN, -Infinity];
    const strings = [14, 15, 16, 17, 64, 200].flatMap((n) => ['a', 'ạ', 'đ', '😀'].flatMap((c) => [c.repeat(n), `${c.repeat(n - 1)}"`, `\\${c.repeat(n)}`, `${c.repeat(n)}\n`, `${c.repeat(n)}\ud800`, `\udc00${c.repeat(n)}`]));
    for (const indent of [0, 2]) {
      expectStringify(numbers, indent);
      expectStringify(strings, indent);
      expectStringify({ numbers, strings, nested: numbers.map((n, i) => ({ n, s: strings[i] })) }, indent);
    }
  });

  it('an enumerable property on Object.prototype, which for-in would add, is left out as JSON.stringify leaves it', () => {
    const value = { a: 1, b: { c: [{ d: 'x' }], e: null }, list: Array.from({ length: 300 }, (_, i) => ({ i })) };
    const proto = Object.prototype as Record<string, unknown>;
    proto.inherited = 'not own';
    try {
      for (const indent of [0, 2]) expectStringify(value, indent);
    } finally {
      delete proto.inherited;
    }
  });

  it('a circular structure is refused, as JSON.stringify refuses it', () => {
    const a: Record<string, unknown>[] = Array.from({ length: 100 }, (_, i) => ({ i }));
    a[50]!.loop = a;
    expect(() => bytesOf(a)).toThrow(/circular/);
  });

  it('the json writer gives the same bytes whole or in chunks, for real models', () => {
    const page = readFileSync(new URL('../../fixtures/corpus/found/207-btc-qd2438-2022-ctrhd-cai-cach-thue-2030-ocr.txt', import.meta.url));
    const json = writerFor('json')!;
    for (const model of [parse(seedBytes()), parse(page)]) {
      for (const pretty of [false, true]) {
        expectSameBytes(Buffer.concat(chunksOf(json.bytes(model, { pretty }))), Buffer.from(json.write(model, { pretty })));
      }
    }
  });

  it('a large model in chunks of at most a megabyte, two buffers used in turns: the same bytes as JSON.stringify', () => {
    // 400 conferences: about 4 MB of JSON, one outline node holding them all.
    const model = parse(programme(400).text);
    const views = [...jsonBytes(model)];
    expect(views.length).toBeGreaterThan(3);
    expect(new Set(views.map((v) => v.buffer)).size).toBe(2);
    // A chunk's buffer is filled again only for the chunk after the next.
    for (let i = 1; i < views.length; i++) expect(views[i]!.buffer).not.toBe(views[i - 1]!.buffer);
    expect(Math.max(...views.map((v) => v.length))).toBeLessThanOrEqual(1 << 20);
    expectStringify(model, 0);
    expectStringify(model, 2);
  });

  it('a string longer than the buffer, and members that do not fit where the buffer is full', () => {
    const long = 'Hội nghị "lần thứ" 16\n'.repeat(60_000);
    const values = [long, { a: [long, 1, long] }, Array.from({ length: 3000 }, (_, i) => ({ i, text: long.slice(0, 1000 + i) }))];
    for (const value of values) for (const indent of [0, 2]) expectStringify(value, indent);
  });
});
