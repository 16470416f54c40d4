import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The bin runs its chunks with the V8 code cache the build made (src/cli/code-cache.ts). A cache
// that does not fit (another V8, other flags, other source, a damaged file) must be passed over:
// the command then prints exactly what it prints with a good one. NODE_DEBUG=vanban says, per
// chunk, "used", "rejected by V8", "made for other source text" or "none".
const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = join(root, 'fixtures/seed/programme-2024-hau-giang-draft.txt');
const docx = join(root, 'fixtures/docx/auto-numbered.docx');

/** A copy of the installed layout (dist/bundle beside grammars/ and package.json) whose caches a test may damage. */
function copyOfPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-code-cache-'));
  mkdirSync(join(dir, 'dist'));
  cpSync(join(root, 'dist/bundle'), join(dir, 'dist/bundle'), { recursive: true });
  cpSync(join(root, 'dist/grammar-checked.json'), join(dir, 'dist/grammar-checked.json'));
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'grammars'), join(dir, 'grammars'), 'dir');
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function vanban(dir: string, args: string[], nodeFlags: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, join(dir, 'dist/bundle/vanban.js'), ...args], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'vanban' } });
  const verdicts = [...r.stderr.matchAll(/code cache of (\S+): (.*)$/gm)].map((m) => [m[1]!.slice(m[1]!.lastIndexOf('/') + 1), m[2]!] as const);
  const otherErrors = r.stderr.split('\n').filter((l) => l !== '' && !/^VANBAN \d+: code cache of /.test(l));
  return { status: r.status, stdout: r.stdout, verdicts, otherErrors };
}

const verdictsOf = (run: ReturnType<typeof vanban>) => new Set(run.verdicts.map(([, v]) => v));

describe('the code cache of the command line', () => {
  let good: ReturnType<typeof vanban>;
  beforeAll(() => {
    good = vanban(root, ['parse', seed]);
  });

  it('is made at build time for every chunk a parse loads, and used', () => {
    expect(good.status).toBe(0);
    expect(good.otherErrors).toEqual([]);
    expect(good.verdicts.length).toBeGreaterThan(10);
    expect(good.verdicts.filter(([, v]) => v !== 'used')).toEqual([]);
    expect(JSON.parse(good.stdout).conferences).toHaveLength(5);
  });

  it('covers the other common commands too', () => {
    for (const args of [['outline', seed], ['lint', seed], ['text', seed], ['parse', docx]]) {
      const r = vanban(root, args);
      expect(r.verdicts.filter(([, v]) => v !== 'used'), args.join(' ')).toEqual([]);
    }
  });

  it('is refused by V8 under other V8 flags, and the command prints the same', () => {
    const r = vanban(root, ['parse', seed], ['--stack-size=900']);
    expect(verdictsOf(r)).toEqual(new Set(['rejected by V8']));
    expect(r.otherErrors).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(good.stdout);
  });

  it('is refused when made by another V8, damaged, cut short or made for other source text', () => {
    const dir = copyOfPackage();
    const bundle = join(dir, 'dist/bundle');
    // Chunks the parse loads, each with its cache damaged in its own way.
    const loaded = good.verdicts.map(([chunk]) => chunk).filter((chunk) => chunk !== 'cli.js');
    const [otherV8, damaged, short, edited] = loaded;
    const head = 'vanban-code-cache-2\n'.length + 32;
    // V8's data starts with a magic number and the hash of the V8 version that made it.
    const v8 = readFileSync(join(bundle, `${otherV8}.cache`));
    v8.writeUInt32LE(v8.readUInt32LE(head + 4) ^ 0x5a5a5a5a, head + 4);
    writeFileSync(join(bundle, `${otherV8}.cache`), v8);
    const bytes = readFileSync(join(bundle, `${damaged}.cache`));
    bytes.fill(0xff, head, head + 64);
    writeFileSync(join(bundle, `${damaged}.cache`), bytes);
    truncateSync(join(bundle, `${short}.cache`), 10);
    // One letter of a comment changed, the length kept: V8 itself compares only lengths.
    const source = readFileSync(join(bundle, edited!), 'utf8');
    expect(source).toMatch(/\/\/ dist\//);
    writeFileSync(join(bundle, edited!), source.replace('// dist/', '// DIST/'));

    const r = vanban(dir, ['parse', seed]);
    expect(r.otherErrors).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(good.stdout);
    expect(Object.fromEntries(r.verdicts.filter(([chunk]) => [otherV8, damaged, short, edited].includes(chunk)))).toEqual({
      [otherV8!]: 'rejected by V8',
      [damaged!]: 'rejected by V8',
      [short!]: 'not a code cache',
      [edited!]: 'made for other source text',
    });
    expect(r.verdicts.filter(([, v]) => v === 'used').length).toBe(good.verdicts.length - 4);
  });
});
