import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { citationPatterns } from '../../src/recognise/citations.js';
import { spacingPattern } from '../../src/normalize/text.js';
import { StartPatterns } from '../../src/recognise/starts.js';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { scopePattern } from '../../src/resolve/attributions.js';
import { selfPattern } from '../../src/resolve/self.js';

// recheck decides, per pattern, whether some input makes the backtracking matcher super-linear.
// Its limits are counts, never clocks: with its default time limits a check on a loaded machine
// ran out of time and reported 'unknown' (a flaky failure), or explored less. Without them the
// same pattern gets the same search (its seed is fixed) whatever the load.
const COUNTED = { timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null } as const;
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function regexLiterals(file: string): { source: string; flags: string; where: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { source: string; flags: string; where: string }[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(sf);
      const end = text.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      found.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${file.slice(SRC.length)}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function verdict(source: string, flags: string): string {
  // A sticky pattern is tried at one position, never scanned: checked anchored, as it runs.
  const anchored = flags.includes('y') ? `^(?:${source})` : source;
  const result = checkSync(anchored, flags.replace(/[gy]/g, ''), COUNTED);
  return result.status === 'vulnerable' ? `vulnerable (${result.complexity.type})` : result.status;
}

// Every pattern's search is bounded by counts; its time is not, on a machine shared with the rest
// of the suite (23 s alone on 2 cores): a generous limit, so that load alone never fails it.
const LOADED_MACHINE_MS = 600_000;

describe('no regular expression can backtrack catastrophically', () => {
  it('in the engine source', { timeout: LOADED_MACHINE_MS }, () => {
    const literals = sourceFiles(SRC).flatMap(regexLiterals);
    expect(literals.length).toBeGreaterThan(30);
    const bad = literals.map((r) => ({ ...r, verdict: verdict(r.source, r.flags) })).filter((r) => r.verdict !== 'safe');
    expect(bad.map((r) => `${r.where} /${r.source}/ ${r.verdict}`)).toEqual([]);
  });

  it('in the grammar and what is compiled from it', { timeout: LOADED_MACHINE_MS }, () => {
    const m = defaultMatchers();
    const patterns: RegExp[] = [
      ...m.sections,
      ...m.conferenceNumbering,
      ...m.itemNumbering,
      m.numberedParagraph,
      m.bullet,
      m.ruleLine,
      m.placeDate,
      ...Object.values(m.headerDate),
      ...Object.values(m.dateLine),
      ...m.labels.map((l) => l.re),
      ...m.namedReferences.map((r) => r.re),
      ...citationPatterns(m),
      scopePattern(m),
      selfPattern(m)!,
      spacingPattern,
      StartPatterns.of(m.labels.map((l) => l.re))!.pattern,
      StartPatterns.of([m.ruleLine, ...m.sections, ...m.conferenceNumbering, ...m.itemNumbering])!.pattern,
    ];
    const bad = patterns.map((re) => ({ re, verdict: verdict(re.source, re.flags) })).filter((r) => r.verdict !== 'safe');
    expect(bad.map((r) => `/${r.re.source}/ ${r.verdict}`)).toEqual([]);
  });
});
