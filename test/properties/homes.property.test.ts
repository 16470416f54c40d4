import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountLines, normalizedText, parse } from '../../src/index.js';
import { GENRES, anyText, docSpec, renderDocument } from '../genre-generators.js';

// The whole-document rule (shared/MODEL.md): every non-blank line of the normalized text belongs
// to exactly one of a header field, an outline node, recipients/signature, or the residue.
function homes(text: string) {
  return accountLines(parse(text), normalizedText(text));
}
const none = { lost: [], twice: [] };

describe('every non-blank line has exactly one home', () => {
  it('on any text: words, labels, bullets, "|" cells, blank lines, footers, appendices, headers, unicode', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(homes(text)).toEqual(none);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(homes(text)).toEqual(none);
      }),
      { numRuns: 100 },
    );
  });

  it('on generated documents of every genre', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GENRES).chain(docSpec), (spec) => {
        expect(homes(renderDocument(spec))).toEqual(none);
      }),
      { numRuns: 100 },
    );
  });

  const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.txt') ? [path] : [];
    });
  const files = [...walk(join(root, 'corpus')), ...walk(join(root, 'seed'))];

  it('finds the real documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    it(`on ${file.slice(root.length)}`, () => {
      const bytes = readFileSync(file);
      expect(accountLines(parse(bytes), normalizedText(bytes))).toEqual(none);
    });
  }
});
