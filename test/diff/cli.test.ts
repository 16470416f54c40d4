import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DiffResult } from '../../src/model/diff.js';
import { SEED_PATH, seedText, variants } from '../helpers.js';
import { seedEdits } from './seed-edits.js';

// The built CLI (npm test builds first; otherwise run `npx tsc -p tsconfig.build.json`).
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const seed = fileURLToPath(SEED_PATH);
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/docx/${name}`, import.meta.url));
const vanban = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const tmp = mkdtempSync(join(tmpdir(), 'vanban-diff-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe('vanban diff', () => {
  it('exits 0 for drafts that differ only in formatting, a .txt against a .docx too', () => {
    const crlf = file('crlf.txt', variants['BOM + CRLF'](seedText()));
    for (const other of [crlf, fixture('plain.docx')]) {
      const r = vanban(['diff', seed, other]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Không có thay đổi');
    }
    expect(JSON.parse(vanban(['diff', '--format', 'json', seed, crlf]).stdout)).toEqual({ changes: [] });
  });

  it('exits 1 and prints the changes as validated JSON', () => {
    const revised = file('removed.txt', seedEdits['remove an item (renumbering the rest)']());
    const r = vanban(['diff', '--format', 'json', seed, revised]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const { changes } = DiffResult.parse(JSON.parse(r.stdout));
    expect(changes.map((c) => [c.type, c.old.conference?.ordinal, c.old.item?.number])).toEqual([['removed', 2, 3]]);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(vanban(['diff', '--format', 'json', '--pretty', seed, revised]).stdout.split('\n').length).toBeGreaterThan(10);
  });

  it('prints text by default (no colour off a terminal) and Markdown on request', () => {
    const revised = file('agency.txt', seedEdits['change an agency']());
    const text = vanban(['diff', seed, revised]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('  ~ Đổi cơ quan chủ trì mục (2): Ban Dân vận Tỉnh ủy → Ban Tổ chức Tỉnh ủy');
    expect(text.stdout).not.toMatch(/\x1b\[/);
    const md = vanban(['diff', '--format', 'md', seed, revised]);
    expect(md.status).toBe(1);
    expect(md.stdout).toMatch(/^# Thay đổi: /);
    expect(md.stdout).toContain('- **Đổi cơ quan chủ trì mục (2)**: Ban Dân vận Tỉnh ủy → Ban Tổ chức Tỉnh ủy');
  });

  // util-linux script(1) gives the CLI a terminal.
  const canFakeTerminal = process.platform === 'linux' && existsSync('/usr/bin/script');
  it.skipIf(!canFakeTerminal)('colours on a terminal unless NO_COLOR is set', () => {
    const revised = file('reword.txt', seedEdits.reword());
    const onTerminal = (env: NodeJS.ProcessEnv) =>
      spawnSync('/usr/bin/script', ['-qec', `"${process.execPath}" "${CLI}" diff "${seed}" "${revised}"`, '/dev/null'], { encoding: 'utf8', env });
    const { NO_COLOR: _, ...withoutNoColor } = process.env;
    const coloured = onTerminal(withoutNoColor);
    expect(coloured.status).toBe(1);
    expect(coloured.stdout).toContain('\x1b[32m{+và quản lý tài sản+}\x1b[0m');
    const plain = onTerminal({ ...withoutNoColor, NO_COLOR: '1' });
    expect(plain.stdout).toContain('{+và quản lý tài sản+}');
    expect(plain.stdout).not.toContain('\x1b[');
  });

  it('reads one side from standard input', () => {
    const r = vanban(['diff', seed, '-'], seedEdits.reword());
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('{+và quản lý tài sản+}');
  });

  it('--tracked compares a .docx before and after its tracked changes', () => {
    const r = vanban(['diff', '--tracked', '--format', 'json', fixture('tracked-changes.docx')]);
    expect(r.status).toBe(1);
    expect(DiffResult.parse(JSON.parse(r.stdout)).changes.map((c) => c.type)).toEqual(['renumbered', 'removed', 'added']);
    expect(vanban(['diff', '--tracked', fixture('plain.docx')]).status).toBe(0);
  });

  it('exits 1, as every command does, with one line on stderr when a file cannot be read', () => {
    for (const args of [
      [seed, join(tmp, 'missing.txt')],
      [file('empty.txt', ''), seed],
      [seed, fixture('../broken/truncated.docx')],
    ]) {
      const r = vanban(['diff', ...args]);
      expect(r.status).toBe(1);
      expect(r.status).toBe(vanban(['parse', ...args.filter((a) => a !== seed).slice(0, 1)]).status);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^vanban: .+: .+/);
    }
    expect(vanban(['diff', seed, join(tmp, 'missing.txt')]).stderr.trim()).toMatch(/missing\.txt: no such file$/);
  });

  it('exits 2 on usage mistakes', () => {
    expect(vanban(['diff']).status).toBe(2);
    expect(vanban(['diff', seed]).status).toBe(2);
    expect(vanban(['diff', seed, seed, seed]).status).toBe(2);
    expect(vanban(['diff', '--format', 'xml', seed, seed]).status).toBe(2);
    expect(vanban(['diff', '--tracked', seed]).status).toBe(2);
    expect(vanban(['diff', '-', '-']).status).toBe(2);
    expect(vanban(['diff', '--help']).stdout).toMatch(/Usage: vanban diff/);
  });

  it('schema --diff publishes the JSON Schema of the json format', () => {
    const r = vanban(['schema', '--diff']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['changes']);
    const types = schema.properties.changes.items.oneOf ?? schema.properties.changes.items.anyOf;
    expect(types.map((t: { properties: { type: { const: string } } }) => t.properties.type.const)).toEqual([
      'added', 'removed', 'moved', 'renumbered', 'edited', 'agency', 'time', 'header', 'citation', 'task', 'entry', 'signature',
    ]);
    expect(JSON.parse(vanban(['schema']).stdout).title).toMatch(/programme model/);
  });
});

