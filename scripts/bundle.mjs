// Builds dist/bundle/ (the CLI) and dist/lib/ (the library, ESM and CommonJS) from
// rolldown.config.mjs through rolldown's API, which (unlike its CLI) does not print a table of
// chunks into every `npm install`; then writes the licences of the packages bundled in and the
// grammar files it has checked, and makes the command line's V8 code cache.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import configs from '../rolldown.config.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

// Chunk names carry content hashes: without a clean folder every build leaves the last one's
// chunks behind, and the package ships them all (695 files, 22 MB after a few hundred builds).
for (const dir of ['dist/bundle', 'dist/lib', 'dist/web']) rmSync(join(root, dir), { recursive: true, force: true });
const bundled = new Set();
for (const config of configs) {
  const { output } = await build({ ...config, logLevel: 'warn' });
  for (const chunk of output) for (const id of chunk.moduleIds ?? []) bundled.add(id);
}
// The page's HTML, stylesheet and icon go beside its script, as they are.
for (const file of ['index.html', 'page.css', 'favicon.svg']) copyFileSync(join(root, 'src/serve/web', file), join(root, 'dist/web', file));
// The command line's chunks are CommonJS (see rolldown.config.mjs) in a package of ES modules.
writeFileSync(join(root, 'dist/bundle/package.json'), '{ "type": "commonjs" }\n');
// npm marks a dependency's bin executable when it links it, but not the project's own: without
// this, `npx vanban` in a fresh clone answers "Permission denied".
chmodSync(join(root, 'dist/bundle/vanban.js'), 0o755);
// SQLite for the archive commands (sql.js, bundled): its WebAssembly beside the chunk that loads it.
copyFileSync(join(root, 'node_modules/sql.js/dist/sql-wasm.wasm'), join(root, 'dist/bundle/sql-wasm.wasm'));
writeFileSync(join(root, 'dist/THIRD-PARTY-LICENSES.txt'), licences(bundled));
// The shipped grammar files, checked against their schemas here (the build fails on a bad one):
// zod's reading of each with its sha256, read at run time instead of checking a file with those
// bytes again (src/grammar/load.ts).
const { checkGrammarFiles } = await import('../dist/grammar/load.js');
writeFileSync(join(root, 'dist/grammar-checked.json'), JSON.stringify(checkGrammarFiles()));
writeCodeCache();

/**
 * dist/bundle/<chunk>.cache: V8's compiled code of every function the common commands run, read
 * back by src/cli/code-cache.ts so that a cold start compiles nothing of vanban's. Each run adds to
 * the caches the one before made. They are made by this node without flags (NODE_OPTIONS left
 * out): V8 refuses a cache under another version or other flags, and the chunk is compiled.
 */
function writeCodeCache() {
  const seed = join(root, 'fixtures/seed/programme-2024-hau-giang-draft.txt');
  const docx = join(root, 'fixtures/docx/auto-numbered.docx');
  const out = mkdtempSync(join(tmpdir(), 'vanban-code-cache-'));
  const runs = [['--help'], ['text', seed], ['outline', seed], ['lint', seed], ['parse', docx], ['parse', seed], ['batch', seed, '--out', join(out, 'json'), '--csv', join(out, 'items.csv'), '-q']];
  const { NODE_OPTIONS, ...env } = process.env;
  try {
    for (const args of runs) {
      const r = spawnSync(process.execPath, [join(root, 'dist/bundle/vanban.js'), ...args], { env: { ...env, VANBAN_WRITE_CODE_CACHE: '1' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`vanban ${args.join(' ')} (making the code cache) exited ${r.status}: ${r.stderr}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The licence of every package with a module in the bundles, as their MIT/ISC terms ask. */
function licences(ids) {
  const packages = new Map();
  for (const id of ids) {
    const folder = packageFolder(id);
    if (folder) packages.set(folder, null);
  }
  const sections = [...packages.keys()]
    .map((folder) => {
      const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      const file = readdirSync(folder).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      const text = file ? readFileSync(join(folder, file), 'utf8').trim() : `License: ${pkg.license ?? 'see the package'}`;
      return { name: `${pkg.name}@${pkg.version}`, text };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const head = 'vanban bundles code of the following packages into dist/bundle/ and dist/lib/. Their licences:\n';
  return `${head}\n${sections.map((s) => `${'='.repeat(72)}\n${s.name}\n${'-'.repeat(72)}\n${s.text}\n`).join('\n')}`;
}

/** The folder of the innermost node_modules package holding a module, or null for vanban's own. */
function packageFolder(id) {
  const at = id.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return null;
  const rest = id.slice(at + '/node_modules/'.length).split(sep);
  const folder = id.slice(0, at + '/node_modules/'.length) + (rest[0].startsWith('@') ? `${rest[0]}${sep}${rest[1]}` : rest[0]);
  return existsSync(join(folder, 'package.json')) ? folder : dirname(folder);
}
