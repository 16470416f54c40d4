import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_PATH, seedText } from '../helpers.js';

// The built CLI, as `npx vanban lint` runs it (npm test builds first).
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const seed = fileURLToPath(SEED_PATH);
const vanban = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'vanban-lint-'));
const file = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe('vanban lint', () => {
  it('prints file:line:column severity message (code), sorted, and a count in Vietnamese', () => {
    const r = vanban(['lint', seed]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      `${seed}:55:89 info Hội nghị 3, mục (2): dấu ngoặc kép “ mở mà không có dấu đóng (unbalanced-quotes)`,
      `${seed}:55:123 info Chỉ thị 11-CT/TW: số hiệu viết '11- CT/TW', đã đọc là 11-CT/TW (citation-spacing-repaired)`,
      `${seed}:60:31 warning Nghị quyết 33-NQ/TW ngày 09/6/2014: ghi 'Ban Chấp hành Trung ương khóa X' nhưng khóa X là 2006–2011, ngày ban hành thuộc khóa XI (term-date-mismatch)`,
      `${seed}:68:5 warning Kết luận 102-KL/TW ngày 22/9/2014: 'Sơ kết 05 năm' nhưng năm 2024 là năm thứ 10 (anniversary-mismatch)`,
      '2 cảnh báo, 0 lỗi, 2 thông tin',
      '',
    ]);
  });

  it('speaks English with --lang en and hides information with --severity warning', () => {
    const r = vanban(['lint', '--lang', 'en', '--severity', 'warning', seed]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${seed}:60:31 warning Nghị quyết 33-NQ/TW of 09/6/2014: says 'Ban Chấp hành Trung ương khóa X', but khóa X ran 2006–2011 and the date falls in khóa XI (term-date-mismatch)`,
      `${seed}:68:5 warning Kết luận 102-KL/TW of 22/9/2014: 'Sơ kết 05 năm' is a 5-year review, but 2024 is year 10 (anniversary-mismatch)`,
      '2 warnings, 0 errors',
    ]);
  });

  it('prints {"files": [...]} with --format json, files sorted by name', () => {
    const broken = file('b-invalid-date.txt', seedText().replace('ngày 28/3/2014', 'ngày 31/2/2014'));
    const r = vanban(['lint', '--format', 'json', '--severity', 'warning', broken, seed]);
    const out = JSON.parse(r.stdout) as { files: { file: string; error: string | null; diagnostics: { code: string; severity: string; line: number; column: number }[] }[] };
    expect(out.files.map((f) => f.file)).toEqual([seed, broken].sort());
    const linted = out.files.find((f) => f.file === broken)!;
    expect(linted.error).toBeNull();
    expect(linted.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['invalid-date', 'error', 29, 58],
      ['term-date-mismatch', 'warning', 60, 31],
      ['anniversary-mismatch', 'warning', 68, 5],
    ]);
    expect(Object.keys(linted.diagnostics[0]!)).toEqual(['code', 'severity', 'message', 'messageEn', 'line', 'column']);
    // An error-level finding fails the run.
    expect(r.status).toBe(1);
  });

  it('takes --pretty and --quiet as parse and batch do: compact JSON unless --pretty, no count line with --quiet', () => {
    const compact = vanban(['lint', '--format', 'json', seed]).stdout;
    const pretty = vanban(['lint', '--format', 'json', '--pretty', seed]).stdout;
    expect(compact.trim().split('\n')).toHaveLength(1);
    expect(pretty).toBe(`${JSON.stringify(JSON.parse(compact), null, 2)}\n`);
    const quiet = vanban(['lint', '-q', '--severity', 'warning', seed]);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout.trim().split('\n').map((l) => l.replace(/ .*$/, ''))).toEqual([`${seed}:60:31`, `${seed}:68:5`]);
    expect(vanban(['lint', '--quiet', '--severity', 'error', seed]).stdout).toBe('');
  });

  it('reports an unreadable file on stderr, still lints the others, and exits 1', () => {
    const missing = join(tmp, 'missing.txt');
    const r = vanban(['lint', '--severity', 'warning', missing, seed]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`vanban: ${missing}: no such file`]);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 cảnh báo, 0 lỗi');
  });

  it('treats usage mistakes as exit 2 and lists the rules in --help', () => {
    expect(vanban(['lint']).status).toBe(2);
    expect(vanban(['lint', '--lang', 'fr', seed]).status).toBe(2);
    expect(vanban(['lint', '--severity', 'loud', seed]).status).toBe(2);
    expect(vanban(['lint', '--format', 'xml', seed]).status).toBe(2);
    const help = vanban(['lint', '--help']);
    expect(help.status).toBe(0);
    for (const code of ['anniversary-mismatch', 'term-date-mismatch', 'item-unattributed', 'unbalanced-quotes']) {
      expect(help.stdout).toContain(code);
    }
  });
});
