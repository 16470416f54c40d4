import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parse } from '../../src/index.js';
import { z } from 'zod';
import { conformsTo, Unsupported } from '../../src/model/conforms.js';
import { Programme, validateProgramme } from '../../src/model/programme.js';
import { seedBytes } from '../helpers.js';

describe('validateProgramme checks what Programme.parse checks', () => {
  const page = readFileSync(new URL('../../fixtures/corpus/dev/019-ubtvqh-nq07-2026-dieu-chinh-chuong-trinh-lap-phap-github.txt', import.meta.url));
  const models = [parse(seedBytes()), parse(page)];

  it('gives the same model for real documents', () => {
    for (const model of models) expect(validateProgramme(model)).toEqual(Programme.parse(model));
  });

  it('refuses a broken node however deep it sits, as the recursive schema does', () => {
    const model = structuredClone(models[1]!);
    const deepest = (nodes: typeof model.outline): (typeof model.outline)[number] => {
      const last = nodes[nodes.length - 1]!;
      return last.children.length > 0 ? deepest(last.children) : last;
    };
    const node = deepest(model.outline);
    expect(node).not.toBe(model.outline[model.outline.length - 1]);
    (node as { span: unknown }).span = { start: { line: 0, column: 1 }, end: { line: 1, column: 1 } };
    expect(() => Programme.parse(model)).toThrow();
    expect(() => validateProgramme(model)).toThrow(/too_small|>=?\s*1|positive/i);
  });
});

describe('conformsTo judges as zod does, without the copy', () => {
  const page = readFileSync(new URL('../../fixtures/corpus/dev/019-ubtvqh-nq07-2026-dieu-chinh-chuong-trinh-lap-phap-github.txt', import.meta.url));
  const models = [parse(seedBytes()), parse(page)];
  const check = conformsTo(Programme);

  /** Every [container, key] of a model, depth first. */
  function places(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
    if (Array.isArray(value)) value.forEach((x, i) => (out.push([value, i]), places(x, out)));
    else if (value !== null && typeof value === 'object') for (const [k, x] of Object.entries(value)) (out.push([value as Record<string, unknown>, k]), places(x, out));
    return out;
  }
  const replacements = [null, undefined, -1, 0, 1, 2.5, 13, 32, NaN, Infinity, '', 'x', 'ABC', 'đ-1', true, [], {}, '0'.repeat(64), 'a'.repeat(64)];

  it('accepts the real models', () => {
    for (const model of models) expect(check(model)).toBe(true);
  });

  it('agrees with Programme.safeParse on any one value replaced anywhere in a real model', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...replacements), fc.nat(1), (pick, replacement, which) => {
        const model = structuredClone(models[which]!);
        const all = places(model);
        const [container, key] = all[pick % all.length]!;
        (container as Record<string | number, unknown>)[key] = replacement;
        expect(check(model)).toBe(Programme.safeParse(model).success);
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it('agrees with Programme.safeParse when an object anywhere has its keys reordered or one removed', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom('reverse', 'last', 'remove'), fc.nat(1), (pick, which, edit, model) => {
        const copy = structuredClone(models[model]!);
        const objects = places(copy)
          .map(([container, key]) => (container as Record<string | number, unknown>)[key])
          .filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length > 0);
        const o = objects[pick % objects.length]!;
        const keys = Object.keys(o);
        const key = keys[which % keys.length]!;
        const entries = Object.entries(o);
        for (const k of keys) delete o[k];
        if (edit === 'reverse') for (const [k, x] of entries.reverse()) o[k] = x;
        else for (const [k, x] of entries) if (k !== key) o[k] = x;
        if (edit === 'last') o[key] = entries.find(([k]) => k === key)![1];
        expect(check(copy)).toBe(Programme.safeParse(copy).success);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('refuses a key the schema does not name on any object, first, among or after its own keys', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(1), (pick, where, model) => {
        const copy = structuredClone(models[model]!);
        const objects = places(copy)
          .map(([container, key]) => (container as Record<string | number, unknown>)[key])
          .filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x));
        const o = objects[pick % objects.length]!;
        const entries = Object.entries(o);
        const at = where % (entries.length + 1);
        for (const [k] of entries) delete o[k];
        entries.splice(at, 0, ['extra', 1]);
        for (const [k, x] of entries) o[k] = x;
        expect(check(copy)).toBe(false);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('says Unsupported where generated code is refused, so that zod judges', () => {
    // validateProgramme reads Unsupported as zod's turn; a fresh schema, as each is compiled once.
    vi.stubGlobal('Function', function refused() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    try {
      expect(() => conformsTo(z.object({ a: z.string() }))).toThrow(Unsupported);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(conformsTo(z.object({ a: z.string() }))({ a: 'x' })).toBe(true);
  });

  it('refuses a key the schema does not name, which zod would strip', () => {
    const model = structuredClone(models[0]!);
    (model.conferences[0]!.items[0] as Record<string, unknown>).extra = 1;
    expect(check(model)).toBe(false);
    expect(validateProgramme(model).conferences[0]!.items[0]).not.toHaveProperty('extra');
  });
});
