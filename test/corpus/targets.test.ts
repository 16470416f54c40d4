import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import * as lib from '../../src/index.js';
import { defaultSets, measureSet, type MeasuredSet } from '../../scripts/corpus/run.mjs';

const root = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
const sets = new Map<string, MeasuredSet>();
for (const set of defaultSets(root)) {
  sets.set(set.name, await measureSet(lib as unknown as Record<string, unknown>, set, { onError: () => {}, once: () => {} }));
}

describe('npm run corpus targets, on the real documents in fixtures/corpus', () => {
  it('the development half (shared/corpus) meets every target', () => {
    const dev = sets.get('dev')!;
    expect(dev.errors).toEqual([]);
    expect(dev.totals.documents).toBe(10);
    expect(dev.totals.targets).toEqual({
      genre: expect.objectContaining({ pass: true }),
      header: expect.objectContaining({ pass: true }),
      units: expect.objectContaining({ pass: true }),
      lost: expect.objectContaining({ pass: true }),
    });
  });

  it('the documents found since: header ≥ 90%, units ≥ 95% at the right depth, no line lost', () => {
    const found = sets.get('found')!;
    expect(found.errors).toEqual([]);
    expect(found.totals.targets.header.pass).toBe(true);
    expect(found.totals.targets.units.pass).toBe(true);
    expect(found.totals.linesLost).toBe(0);
    expect(found.totals.linesTwice).toBe(0);
  });

  it('a document whose genre is missed says so: never a wrong genre passed off as a reading', async () => {
    for (const set of sets.values()) {
      for (const doc of set.docs.filter((d) => !d.genre.ok)) {
        expect({ file: doc.file, genre: doc.genre.got }).toEqual({ file: doc.file, genre: 'unknown' });
        const model = await lib.parseFile(doc.path);
        expect(model.diagnostics.map((d) => d.code)).toContain('genre-unknown');
      }
    }
  });
});
