import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentCodes, rules } from '../../src/check/index.js';
import { escapeData, escapeProperty, githubAnnotations } from '../../src/emit/github.js';
import { sarifLog, type LintedFile } from '../../src/emit/sarif.js';
import { parse } from '../../src/parse.js';
import { seedText } from '../helpers.js';
import { validSarif } from './sarif-shape.js';

const all = [...rules, ...documentCodes];
const cwd = '/home/drafter/work';
const seedLint = (): LintedFile => ({ file: join(cwd, 'du thảo', 'ctr 2024.txt'), error: null, diagnostics: parse(seedText()).diagnostics });

describe('SARIF', () => {
  const log = validSarif(sarifLog([seedLint(), { file: join(cwd, 'missing.docx'), error: 'missing.docx: no such file', diagnostics: [] }], all, { version: '0.1.0', lang: 'vi', cwd }));
  const run = log.runs[0]!;

  it('lists every rule with its default level (info is a note)', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(all.map((r) => r.code));
    const level = (id: string) => run.tool.driver.rules.find((r) => r.id === id)!.defaultConfiguration.level;
    expect([level('citation-spacing-repaired'), level('anniversary-mismatch'), level('invalid-date')]).toEqual(['note', 'warning', 'error']);
    expect(run.tool.driver.version).toBe('0.1.0');
  });

  it('puts each finding at its file, relative and percent-encoded, and its 1-based region', () => {
    const spacing = run.results.find((r) => r.ruleId === 'citation-spacing-repaired')!;
    expect(spacing.level).toBe('note');
    expect(spacing.message.text).toBe("Chỉ thị 11-CT/TW: số hiệu viết '11- CT/TW', đã đọc là 11-CT/TW");
    expect(spacing.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'du%20th%E1%BA%A3o/ctr%202024.txt' },
      region: { startLine: 55, startColumn: 123, endLine: 55, endColumn: 132 },
    });
    // A finding without an extent is the point where it starts.
    const anniversary = run.results.find((r) => r.ruleId === 'anniversary-mismatch')!;
    expect(anniversary.locations![0]!.physicalLocation.region).toEqual({ startLine: 68, startColumn: 5, endLine: 68, endColumn: 5 });
    expect(run.columnKind).toBe('unicodeCodePoints');
  });

  it('reports a file that could not be read as a failed invocation', () => {
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications.map((n) => [n.level, n.message.text])).toEqual([['error', 'missing.docx: no such file']]);
  });

  it('the check itself fails on a broken log', () => {
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(() => validSarif(broken)).toThrow();
    const misspelt = JSON.parse(JSON.stringify(log));
    misspelt.runs[0].tool.driver.rules[0].shortDescription = { txt: 'x' };
    expect(() => validSarif(misspelt)).toThrow();
  });
});

describe('GitHub Actions annotations', () => {
  it('one workflow command per finding, with notice for info and the region', () => {
    const lines = githubAnnotations([seedLint()], 'en', cwd);
    expect(lines).toContain(
      "::notice file=du thảo/ctr 2024.txt,line=55,col=123,endLine=55,endColumn=132,title=citation-spacing-repaired::Chỉ thị 11-CT/TW: written '11- CT/TW', read as 11-CT/TW",
    );
    expect(lines.find((l) => l.includes('anniversary-mismatch'))).toMatch(/^::warning file=du thảo\/ctr 2024\.txt,line=68,col=5,title=anniversary-mismatch::Kết luận 102-KL\/TW/);
  });

  it('escapes %, CR and LF in messages, and , and : too in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
    const [line] = githubAnnotations(
      [{ file: join(cwd, 'a,b:c.txt'), error: null, diagnostics: [{ code: 'x', severity: 'error', message: 'm', messageEn: '1%\n2', line: 1, column: 1 }] }],
      'en',
      cwd,
    );
    expect(line).toBe('::error file=a%2Cb%3Ac.txt,line=1,col=1,title=x::1%25%0A2');
  });
});
