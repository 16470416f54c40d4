import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REASONS, fullyTranslated, partsOf, readerSaid, said } from '../../src/serve/reasons.js';

// The readers write their reasons in English, for the command line; the service answers them in
// Vietnamese too. Rather than a list of examples, the reasons are read out of the sources that
// write them, so a reason added there without Vietnamese words here fails this test.

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(folder, f));
}

/** The string literals of a piece of source, `${…}` in templates standing for a value ("X7"). */
function literals(code: string): string[] {
  return [...code.matchAll(/`((?:[^`\\]|\\.)*)`|'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] ?? m[2]!).replace(/\$\{[^}]*\}/g, 'X7'));
}

/** The text of a call's arguments from the "(" at `open`, strings skipped whole. */
function argumentsAt(code: string, open: number): string {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === "'" || ch === '`' || ch === '"') {
      for (i++; i < code.length && code[i] !== ch; i++) if (code[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return code.slice(open + 1, i);
  }
  return '';
}

/** Every reason the readers, the parser, the worker pool and --rule write, as a client may be answered it. */
function writtenReasons(): { file: string; reason: string }[] {
  const files = [...sources('src/ingest'), 'src/parse.ts', 'src/batch/pool.ts', 'src/check/index.ts'];
  const found: { file: string; reason: string }[] = [];
  for (const file of files) {
    const code = readFileSync(join(root, file), 'utf8');
    const add = (reason: string) => found.push({ file: relative(root, join(root, file)), reason });
    for (const call of code.matchAll(/\b(InputError|corrupt|malformed|WorkerCrash|Error)\(/g)) {
      const line = code.slice(code.lastIndexOf('\n', call.index) + 1, call.index);
      // The helpers that wrap a reason ("corrupt .doc (…)") are not reasons themselves.
      if (/const (corrupt|malformed) =/.test(line)) continue;
      for (const text of literals(argumentsAt(code, call.index + call[0].length - 1))) {
        if (call[1] === 'corrupt') add(`corrupt .doc (${text})`);
        else if (call[1] === 'malformed') add(`corrupt .docx (malformed XML in word/document.xml: ${text})`);
        else if (call[1] !== 'Error' || text.startsWith('--rule')) add(text);
      }
    }
    // The reasons a function returns rather than throws.
    for (const [name, end] of [['function describeOle2', '\n}'], ['private crashReason', '\n  }']] as const) {
      const at = code.indexOf(name);
      const body = at < 0 ? '' : code.slice(at, code.indexOf(end, at));
      for (const statement of body.matchAll(/return ([^;]+);/g)) for (const text of literals(statement[1]!)) add(text);
    }
  }
  return found;
}

describe('the reasons of a refusal, in Vietnamese', () => {
  it('every reason the sources write has Vietnamese words, its parts too', () => {
    const reasons = writtenReasons();
    // What the scan must at least see, from each kind of source.
    for (const known of ['corrupt .docx (truncated zip)', 'the file is empty', 'corrupt .doc (no piece table)', 'corrupt .docx (malformed XML in word/document.xml: no root element)', 'timed out after X7 s (--timeout)', 'a .doc file renamed .docx', '--rule: unknown rule "X7" (vanban lint --help lists them)']) {
      expect(reasons.map((r) => r.reason)).toContain(known);
    }
    expect(reasons.length).toBeGreaterThan(80);
    const untranslated = reasons.filter((r) => !fullyTranslated(r.reason)).map((r) => `${r.file}: ${r.reason}`);
    expect(untranslated).toEqual([]);
  });

  it('a reader reason keeps its English as written and its named parts in Vietnamese', () => {
    const reason = readerSaid('zip bomb: declared uncompressed size 1.5 GB exceeds the 200 MB limit', 'x.docx');
    expect(reason.en).toBe('x.docx: zip bomb: declared uncompressed size 1.5 GB exceeds the 200 MB limit');
    expect(reason.vi).toMatch(/^x\.docx: .*1\.5 GB.*200 MB/);
    // One the tables do not know stays in English, in both, rather than say less.
    expect(readerSaid('a reason written tomorrow')).toEqual({ vi: 'a reason written tomorrow', en: 'a reason written tomorrow' });
  });

  it("the service's own reasons: both languages from the same arguments, never the same words", () => {
    expect(Object.keys(REASONS).length).toBeGreaterThan(10);
    const sample = said('wholeNumber', 'width', 40, 1000, '5');
    expect(sample.en).toBe('width must be a whole number from 40 to 1000, not "5"');
    expect(sample.vi).toContain('"5"');
    expect(sample.vi).not.toBe(sample.en);
  });
});

describe('a shape of words and values', () => {
  it('gives the values in their places, none empty, and nothing for other words', () => {
    expect(partsOf('zip bomb: {} deflates {} to 1', 'zip bomb: word/document.xml deflates 500 to 1')).toEqual(['word/document.xml', '500']);
    expect(partsOf('{} closes {}', '</w:p> closes <w:r>')).toEqual(['</w:p>', '<w:r>']);
    expect(partsOf('missing {}', 'missing ')).toBeNull();
    expect(partsOf('missing {}', 'missing word/document.xml')).toEqual(['word/document.xml']);
    expect(partsOf('the file is empty', 'the file is empty')).toEqual([]);
    expect(partsOf('the file is empty', 'the file is empty!')).toBeNull();
    expect(partsOf('{} is too large ({}; the limit is {})', 'a.xml is too large (12 MB)')).toBeNull();
  });
});
