import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npx vanban` runs package.json's bin: the bundled build, not dist/cli/main.js.
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { vanban: string } };
const bin = join(root, pkg.bin.vanban);
const modules = join(root, 'dist/cli/main.js');
const seed = join(root, 'fixtures/seed/programme-2024-hau-giang-draft.txt');
const run = (cli: string, args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('the installed bin', () => {
  it('is the bundle, executable, and prints what the module build prints', () => {
    expect(pkg.bin.vanban).toBe('dist/bundle/vanban.js');
    // npm does not mark the project's own bin executable; `npx vanban` needs it.
    expect(statSync(bin).mode & 0o111).toBe(0o111);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    for (const args of [['parse', seed], ['lint', seed], ['outline', join(root, 'fixtures/docx/auto-numbered.docx')], ['schema']]) {
      const a = run(bin, args);
      const b = run(modules, args);
      expect(a.status).toBe(b.status);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout.length).toBeGreaterThan(100);
    }
  });

  it('suggests a mistyped command by natural\'s edit distance, as the module build does', () => {
    for (const typo of ['ouline', 'pars', 'lnt']) expect(run(bin, [typo]).stderr).toBe(run(modules, [typo]).stderr);
    expect(run(bin, ['ouline']).stderr).toContain('did you mean "outline"?');
  });

  it('finds its grammar, its version and its batch worker', () => {
    expect(run(bin, ['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const out = mkdtempSync(join(tmpdir(), 'vanban-bin-'));
    const r = run(bin, ['batch', seed, join(root, 'fixtures/docx/plain.docx'), '--out', out, '--concurrency', '2']);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['manifest.ndjson', 'plain.docx.json', 'programme-2024-hau-giang-draft.txt.json']);
  });
});
