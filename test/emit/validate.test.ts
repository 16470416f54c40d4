import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
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
