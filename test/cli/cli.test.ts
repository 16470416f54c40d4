import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Programme } from '../../src/model/programme.js';
import { SEED_PATH } from '../helpers.js';

// The built CLI, exactly as `npx vanban` runs it (npm test builds first).
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const seed = fileURLToPath(SEED_PATH);
const vanban = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const tmp = mkdtempSync(join(tmpdir(), 'vanban-cli-'));

describe('vanban parse', () => {
  it('prints only the validated model on stdout', () => {
    const r = vanban(['parse', seed]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const model = Programme.parse(JSON.parse(r.stdout));
    expect(model.conferences).toHaveLength(5);
    expect(model.source.file).toBe(seed);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(vanban(['parse', '--pretty', seed]).stdout.split('\n').length).toBeGreaterThan(100);
  });

  it('reads standard input with "-"', () => {
    const r = vanban(['parse', '-'], readFileSync(seed));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source.file).toBeNull();
  });

  const bad: [string, () => string, RegExp][] = [
    ['a missing file', () => join(tmp, 'missing.txt'), /missing\.txt: no such file$/],
    ['a folder', () => tmp, /: is a directory, not a file$/],
    ['an empty file', () => file('empty.txt', ''), /empty\.txt: the file is empty$/],
    ['binary junk', () => file('junk.txt', Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256))), /junk\.txt: not a text file \(binary data\)$/],
  ];
  for (const [name, make, message] of bad) {
    it(`refuses ${name} with one line on stderr and exit 1`, () => {
      const r = vanban(['parse', make()]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(/^vanban: /);
      expect(r.stderr.trim()).toMatch(message);
    });
  }

  it('refuses a file above --max-size', () => {
    const r = vanban(['parse', '--max-size', '1KB', seed]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/too large: 10\.4 KB exceeds the 1 KB limit/);
  });

  it('says a limit under 1 KB in bytes, and takes 0 as no limit', () => {
    expect(vanban(['parse', '--max-size', '10', seed]).stderr).toContain('too large: 10.4 KB exceeds the 10 bytes limit (--max-size)');
    const r = vanban(['parse', '--max-size', '0', seed]);
    expect(r.status).toBe(0);
    expect(Programme.parse(JSON.parse(r.stdout)).conferences).toHaveLength(5);
  });

  it('treats usage mistakes as exit 2', () => {
    expect(vanban([]).status).toBe(2);
    expect(vanban(['frobnicate']).status).toBe(2);
    expect(vanban(['parse']).status).toBe(2);
    expect(vanban(['parse', '--nope', seed]).status).toBe(2);
    expect(vanban(['parse', '-', '-']).status).toBe(2);
    expect(vanban(['parse', '--revision', 'both', seed]).status).toBe(2);
  });
});

describe('vanban text, outline, schema, --help, --version', () => {
  it('text prints the normalized text that spans point into', () => {
    const r = vanban(['text', seed]);
    expect(r.status).toBe(0);
    const model = JSON.parse(vanban(['parse', seed]).stdout) as Programme;
    for (const c of model.citations) expect(r.stdout.slice(c.span.start, c.span.end)).toBe(c.raw);
    expect(r.stdout.split('\n')[3]).toBe('Số -CTr/TU');
  });

  it('outline shows conferences, items, agencies and citation ids', () => {
    const r = vanban(['outline', seed]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('3. Hội nghị chuyên đề Ban Chấp hành Đảng bộ tỉnh (dự kiến tháng 8/2024)');
    expect(r.stdout).toMatch(/\(2\) Sơ kết 05 năm thực hiện Kết luận số 102-KL\/TW.* \[102-KL\/TW\] — Ban Dân vận Tỉnh ủy/);
    expect(r.stdout).toContain('5 hội nghị, 26 nội dung, 24 trích dẫn, 2 cảnh báo, 0 lỗi');
    expect(r.stdout).toMatch(/dòng 68: .*\(anniversary-mismatch\)/);
  });

  it('schema prints a JSON Schema that describes the model', () => {
    const schema = JSON.parse(vanban(['schema']).stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'source', 'header', 'conferences', 'citations']));
    expect(schema.properties.conferences.items.properties.items.items.required).toEqual(
      expect.arrayContaining(['number', 'text', 'leadAgencies', 'citations']),
    );
  });

  it('--help explains and --version prints the version', () => {
    const help = vanban(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: vanban <command>/);
    expect(vanban(['parse', '--help']).stdout).toMatch(/--revision accepted\|original/);
    expect(vanban(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('help as users expect it', () => {
  it('"vanban help CMD" prints that command\'s help, exit 0', () => {
    const r = vanban(['help', 'lint']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(vanban(['lint', '--help']).stdout);
    expect(r.stdout).toMatch(/^Usage: vanban lint/);
  });

  it('a mistyped command gets "did you mean", an unknown one only the hint', () => {
    expect([vanban(['pars', seed]).status, vanban(['pars', seed]).stderr]).toEqual([2, 'vanban: unknown command "pars"; did you mean "parse"?\nTry "vanban --help".\n']);
    expect(vanban(['ouline']).stderr).toContain('did you mean "outline"?');
    expect(vanban(['translate']).stderr).toBe('vanban: unknown command "translate"\nTry "vanban --help".\n');
  });

  it('a usage error inside a command points to that command\'s help', () => {
    const r = vanban(['diff', '--bogus', seed, seed]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('Try "vanban diff --help".');
  });
});

describe('outline in both languages', () => {
  it('--lang en says its own words in English and keeps the document as written', () => {
    const vi = vanban(['outline', seed]);
    const en = vanban(['outline', '--lang', 'en', seed]);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('5 conferences, 26 items, 24 citations, 2 warnings, 0 errors');
    expect(en.stdout).toContain("  line 68: Kết luận 102-KL/TW of 22/9/2014: 'Sơ kết 05 năm' is a 5-year review, but 2024 is year 10 (anniversary-mismatch)");
    expect(en.stdout).toContain('Recipients (6): ');
    // The document's own lines are the same in both.
    const own = (out: string) => out.split('\n').filter((l) => /^\s+\(\d+\)/.test(l));
    expect(own(en.stdout)).toEqual(own(vi.stdout));
    expect(own(vi.stdout)).toHaveLength(26);
    expect(en.stdout).not.toMatch(/hội nghị, |cảnh báo|Nơi nhận|dòng \d/);
  });

  it('an unknown language is a usage error', () => {
    const r = vanban(['outline', '--lang', 'fr', seed]);
    expect([r.status, r.stderr]).toEqual([2, 'vanban: --lang must be "vi" or "en", not "fr"\nTry "vanban outline --help".\n']);
  });
});
