import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openZip } from '../../src/ingest/zip-guard.js';
import { SEED_PATH, seedText, variants } from '../helpers.js';
import { validSarif } from '../emit/sarif-shape.js';

// The built CLI, as `npx vanban lint` runs it (npm test builds first).
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const seed = fileURLToPath(SEED_PATH);
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'vanban-lint-ci-'));
const vanban = (args: string[], cwd = process.cwd()) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
const write = (path: string, content: string | Uint8Array) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};
/** A folder of its own with a copy of the seed (and no config file above it but what a test puts there). */
const folder = (name: string) => {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const codes = (stdout: string) => stdout.trim().split('\n').slice(0, -1).map((l) => /\(([a-z-]+)\)$/.exec(l)?.[1] + ' ' + l.split(' ')[1]);

describe('vanban lint --format', () => {
  it('stylish is the default and text its alias', () => {
    const plain = vanban(['lint', seed]);
    expect(vanban(['lint', '--format', 'stylish', seed]).stdout).toBe(plain.stdout);
    expect(vanban(['lint', '--format', 'text', seed]).stdout).toBe(plain.stdout);
  });

  it('sarif: a SARIF 2.1.0 log with the package version, paths relative to the current folder, exit status as usual', () => {
    const dir = folder('sarif');
    const draft = write(join(dir, 'drafts', 'dự thảo.txt'), seedText().replace('ngày 28/3/2014', 'ngày 31/2/2014'));
    const r = vanban(['lint', '--format', 'sarif', draft], dir);
    expect(r.status).toBe(1); // the invalid date is an error
    const log = validSarif(JSON.parse(r.stdout));
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(log.runs[0]!.tool.driver.version).toBe(pkg.version);
    const results = log.runs[0]!.results;
    expect(new Set(results.map((x) => x.locations![0]!.physicalLocation.artifactLocation.uri))).toEqual(new Set(['drafts/d%E1%BB%B1%20th%E1%BA%A3o.txt']));
    expect(results.map((x) => [x.ruleId, x.level, x.locations![0]!.physicalLocation.region!.startLine])).toEqual([
      ['invalid-date', 'error', 29],
      ['unbalanced-quotes', 'note', 55],
      ['citation-spacing-repaired', 'note', 55],
      ['term-date-mismatch', 'warning', 60],
      ['anniversary-mismatch', 'warning', 68],
    ]);
    expect(vanban(['lint', '--format', 'sarif', '--pretty', seed]).stdout).toContain('\n  "version": "2.1.0"');
  });

  it('github: one annotation per finding, the path relative to the current folder', () => {
    const r = vanban(['lint', '--format', 'github', '--lang', 'en', relative(tmp, seed)], tmp);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(
      `::warning file=${relative(tmp, seed).replace(/:/g, '%3A').replace(/,/g, '%2C')},line=68,col=5,title=anniversary-mismatch::Kết luận 102-KL/TW of 22/9/2014: 'Sơ kết 05 năm' is a 5-year review, but 2024 is year 10`,
    );
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::notice', '::notice', '::warning', '::warning']);
  });
});

describe('vanban lint --max-warnings', () => {
  it('exits 1 when more warnings than N are shown, even with no error, and says so on stderr', () => {
    expect(vanban(['lint', '--max-warnings', '2', seed]).status).toBe(0);
    const over = vanban(['lint', '--max-warnings', '1', seed]);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('vanban: 2 warnings, more than --max-warnings 1\n');
    // Warnings turned off do not count.
    expect(vanban(['lint', '--max-warnings', '0', '--rule', 'term-date-mismatch=off', '--rule', 'anniversary-mismatch=info', seed]).status).toBe(0);
    for (const bad of ['-1', 'many', '1.5']) expect(vanban(['lint', '--max-warnings', bad, seed]).status).toBe(2);
  });
});

describe('vanban.config.json', () => {
  const config = (dir: string, rules: unknown) => write(join(dir, 'vanban.config.json'), JSON.stringify(rules));

  it('is found upward from each file, turns rules off or changes their severity; --rule wins; --no-config ignores it', () => {
    const dir = folder('config-up');
    config(dir, { rules: { 'term-date-mismatch': 'off', 'anniversary-mismatch': 'error' } });
    const draft = join(dir, 'nam', '2024', 'du-thao.txt');
    write(draft, readFileSync(seed));
    const r = vanban(['lint', '--severity', 'warning', draft]);
    expect(r.stdout.trim().split('\n')).toEqual([`${draft}:68:5 error Kết luận 102-KL/TW ngày 22/9/2014: 'Sơ kết 05 năm' nhưng năm 2024 là năm thứ 10 (anniversary-mismatch)`, '0 cảnh báo, 1 lỗi']);
    expect(r.status).toBe(1);
    const overridden = vanban(['lint', '--severity', 'warning', '--rule', 'anniversary-mismatch=warning', draft]);
    expect(overridden.status).toBe(0);
    expect(codes(overridden.stdout)).toEqual(['anniversary-mismatch warning']);
    const ignored = vanban(['lint', '--severity', 'warning', '--no-config', draft]);
    expect(codes(ignored.stdout)).toEqual(['term-date-mismatch warning', 'anniversary-mismatch warning']);
    // The nearest file counts: one in the subfolder replaces the one above.
    config(join(dir, 'nam'), { rules: { 'unbalanced-quotes': 'off' } });
    expect(codes(vanban(['lint', draft]).stdout)).toEqual(['citation-spacing-repaired info', 'term-date-mismatch warning', 'anniversary-mismatch warning']);
  });

  it('--config FILE applies one file to every input', () => {
    const dir = folder('config-explicit');
    const file = config(join(dir, 'elsewhere'), { $schema: 'x', rules: { 'citation-spacing-repaired': 'off', 'unbalanced-quotes': 'warning' } });
    const r = vanban(['lint', '--config', file, seed]);
    expect(codes(r.stdout)).toEqual(['unbalanced-quotes warning', 'term-date-mismatch warning', 'anniversary-mismatch warning']);
    expect(vanban(['lint', '--config', file, '--no-config', seed]).status).toBe(2);
  });

  it('a bad config file is one line naming it, exit 2, and nothing is linted', () => {
    const cases: [string, string, string][] = [
      ['unknown-code', '{"rules": {"quote-balance": "off"}}', 'rules.quote-balance: unknown rule "quote-balance" (vanban lint --help lists them)'],
      ['bad-level', '{"rules": {"unbalanced-quotes": "warn"}}', 'rules.unbalanced-quotes: level must be off, info, warning or error, not "warn"'],
      ['not-json', '{"rules": {', 'not valid JSON'],
      ['unknown-key', '{"rule": {}}', 'unknown setting "rule" (only "rules")'],
      ['not-object', '[]', 'must be a JSON object {"rules": {...}}'],
    ];
    for (const [name, content, reason] of cases) {
      const dir = folder(`bad-${name}`);
      const file = write(join(dir, 'vanban.config.json'), content);
      const draft = write(join(dir, 'a.txt'), seedText());
      const r = vanban(['lint', draft]);
      expect(r.status, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n'), name).toEqual([expect.stringContaining(`vanban: ${file}: ${reason}`), '']);
      expect(vanban(['lint', '--no-config', draft]).status).toBe(0);
    }
    expect(vanban(['lint', '--config', join(tmp, 'none.json'), seed]).stderr).toBe(`vanban: ${join(tmp, 'none.json')}: no such file\n`);
  });
});

describe('vanban lint --fix', () => {
  const draftText = seedText().replace('Kết luận số 94-KL/TW', 'Kết luận số 94 - KL/TW');

  it('writes FILE.fixed.EXT beside the input, says what it fixed, and reports what is left in it', () => {
    const dir = folder('fix-txt');
    const draft = write(join(dir, 'du-thao.txt'), Buffer.from(draftText.replace(/\n/g, '\r\n'), 'utf8'));
    const before = readFileSync(draft);
    const r = vanban(['lint', '--fix', draft]);
    const fixed = join(dir, 'du-thao.fixed.txt');
    expect(readFileSync(draft).equals(before)).toBe(true);
    expect(readFileSync(fixed, 'utf8')).toBe(draftText.replace(/\n/g, '\r\n').replace('94 - KL/TW', '94-KL/TW').replace('11- CT/TW', '11-CT/TW'));
    expect(r.stderr.split('\n')).toEqual([
      `${draft}:29:43 đã sửa: '94 - KL/TW' → '94-KL/TW' (citation-spacing-repaired)`,
      `${draft}:55:123 đã sửa: '11- CT/TW' → '11-CT/TW' (citation-spacing-repaired)`,
      `vanban: ${fixed}: đã ghi 2 chỗ sửa`,
      '',
    ]);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${fixed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:55:89 info`));
    expect(r.stdout).not.toContain('citation-spacing-repaired');
    expect(r.status).toBe(0);
  });

  it('--fix-in-place corrects the input itself and keeps its permissions; a second run has nothing to fix', () => {
    const dir = folder('fix-in-place');
    const draft = write(join(dir, 'du-thao.md'), `# Chương trình\n\n${draftText}`);
    const mode = statSync(draft).mode;
    const r = vanban(['lint', '--fix-in-place', '--lang', 'en', draft]);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(`vanban: ${draft}: 2 fixes written`);
    expect(readFileSync(draft, 'utf8')).toBe(`# Chương trình\n\n${draftText.replace('94 - KL/TW', '94-KL/TW').replace('11- CT/TW', '11-CT/TW')}`);
    expect(statSync(draft).mode).toBe(mode);
    expect(existsSync(join(dir, 'du-thao.fixed.md'))).toBe(false);
    const again = vanban(['lint', '--fix-in-place', draft]);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
  });

  it('fixes a .docx into a copy whose other entries are byte-identical', () => {
    const dir = folder('fix-docx');
    const draft = join(dir, 'plain.docx');
    copyFileSync(fixture('docx/plain.docx'), draft);
    const r = vanban(['lint', '--fix', '--format', 'json', draft]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { file: string; diagnostics: { code: string }[] }[] };
    expect(out.files.map((f) => f.file)).toEqual([join(dir, 'plain.fixed.docx')]);
    const a = openZip(readFileSync(draft));
    const b = openZip(readFileSync(join(dir, 'plain.fixed.docx')));
    for (const e of a.entries) {
      const same = Buffer.from(a.read(e.name)!).equals(Buffer.from(b.read(e.name)!));
      expect(same, e.name).toBe(e.name !== 'word/document.xml');
    }
    expect(out.files[0]!.diagnostics.map((d) => d.code)).not.toContain('citation-spacing-repaired');
    // Only the findings shown are fixed: with the information hidden, nothing is written.
    const hidden = folder('fix-docx-hidden');
    copyFileSync(fixture('docx/plain.docx'), join(hidden, 'plain.docx'));
    expect(vanban(['lint', '--fix', '--severity', 'warning', join(hidden, 'plain.docx')]).stderr).toBe('');
    expect(existsSync(join(hidden, 'plain.fixed.docx'))).toBe(false);
  });

  it('refuses, and says why, a legacy encoding, legacy fonts and the formats it cannot write; the findings are still reported', () => {
    const dir = folder('fix-refused');
    const legacy = write(join(dir, 'cu.txt'), variants['Windows-1258'](draftText));
    const r = vanban(['lint', '--fix', '--lang', 'en', legacy]);
    expect(r.stderr).toBe(`vanban: ${legacy}: not fixed: stored in windows-1258: only UTF-8 files are fixed, rather than re-encoded and corrupted\n`);
    expect(r.stdout).toContain(`${legacy}:55:123 info`);
    expect(existsSync(join(dir, 'cu.fixed.txt'))).toBe(false);
    expect(r.status).toBe(0);
    const tcvn3 = join(dir, 'tcvn3.docx');
    copyFileSync(fixture('docx/tcvn3.docx'), tcvn3);
    expect(vanban(['lint', '--fix', '--lang', 'en', tcvn3]).stderr).toBe(`vanban: ${tcvn3}: not fixed: has text in legacy fonts (mixed:unicode+tcvn3): it is not fixed rather than corrupted\n`);
    const doc = join(dir, 'seed.doc');
    copyFileSync(fixture('docx/seed.doc'), doc);
    expect(vanban(['lint', '--fix', '--lang', 'en', doc]).stderr).toBe(`vanban: ${doc}: not fixed: a .doc file cannot be fixed (only .txt, .md and .docx)\n`);
    expect(vanban(['lint', '--fix', doc]).stderr).toBe(`vanban: ${doc}: không sửa: không sửa được tệp .doc (chỉ .txt, .md và .docx)\n`);
  });

  it('a corrected file that cannot be written is one line naming it, exit 1, and the input is untouched', () => {
    const dir = folder('fix-unwritable');
    const draft = write(join(dir, 'a.txt'), draftText);
    mkdirSync(join(dir, 'a.fixed.txt'));
    const r = vanban(['lint', '--fix', draft]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^vanban: cannot write ${join(dir, 'a.fixed.txt')}: `));
    expect(readFileSync(draft, 'utf8')).toBe(draftText);
    expect(readdirSync(dir).sort()).toEqual(['a.fixed.txt', 'a.txt']);
  });

  it('usage: standard input and --revision original cannot be fixed (exit 2)', () => {
    expect(vanban(['lint', '--fix', '-']).status).toBe(2);
    expect(vanban(['lint', '--fix', '--revision', 'original', seed]).status).toBe(2);
  });

  it('exits 1 when an error is left after fixing, 0 when what was fixed was all', () => {
    const dir = folder('fix-exit');
    const broken = write(join(dir, 'a.txt'), draftText.replace('ngày 28/3/2014', 'ngày 31/2/2014'));
    expect(vanban(['lint', '--fix', broken]).status).toBe(1);
    // With every other finding off, the repairs were the only findings.
    const only = ['--rule', 'unbalanced-quotes=off', '--rule', 'term-date-mismatch=off', '--rule', 'anniversary-mismatch=off', '--rule', 'citation-spacing-repaired=error'];
    const clean = write(join(dir, 'b.txt'), draftText);
    expect(vanban(['lint', ...only, clean]).status).toBe(1);
    const r = vanban(['lint', '--fix', ...only, clean]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('0 cảnh báo, 0 lỗi\n');
  });
});

it('vanban lint --help explains the formats, --max-warnings, the config file and its precedence, and --fix', () => {
  const help = vanban(['lint', '--help']).stdout;
  for (const text of ['sarif: SARIF 2.1.0', 'github: GitHub Actions', '--max-warnings N', '--config FILE', '--no-config', '--fix ', '--fix-in-place', 'FILE.fixed.EXT']) {
    expect(help).toContain(text);
  }
  expect(help).toContain('Precedence, lowest first: a rule\'s own severity, the config file, --rule on the command line.');
});
