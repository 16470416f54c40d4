// What the package ships, built from tsc's output (dist/**/*.js, which is not shipped):
//
//   dist/bundle/  the command line (bin) and its batch worker, CommonJS chunks, zod included: start-up
//                 does not resolve and compile ~100 modules separately, and the chunks are run
//                 with V8's code cache (src/cli/code-cache.ts; the benchmark's "cold" figure).
//   dist/web/     the page of `vanban serve` (src/serve/web/): its script bundled from the TypeScript
//                 sources for the browser (with the diff's words and the CSV rows it shares with
//                 the command line), its HTML and stylesheet copied by scripts/bundle.mjs.
//   dist/lib/     the library, as ESM (index.js) and CommonJS (index.cjs, for `require('vanban')`).
//                 zod stays external there: the library exports zod schemas, and a caller's zod
//                 must be the one that made them.
//
// Installed dependencies (package.json "dependencies") stay external: mammoth, cfb (the OLE2
// container of .doc files) and iconv-lite, the readers of Word files and old encodings, and zod (bundled into the CLI only). Everything else vanban runs is
// bundled in and is a devDependency: the unified/remark/hast stack (ESM-only, ~70 small packages),
// p-limit, picomatch, sql.js (SQLite in WebAssembly, for the archive commands; scripts/bundle.mjs
// copies its .wasm beside the bundle), and the one submodule of natural the CLI uses (natural itself pulls in
// database drivers — mongoose, pg, redis — and 34 MB of WordNet). Their licences are collected
// into dist/THIRD-PARTY-LICENSES.txt by scripts/bundle.mjs.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
/** A package and its subpaths ("zod", "zod/v4"). */
const named = (name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|$)`);
const zod = named('zod');
const external = [/^node:/, ...Object.keys(dependencies).map(named)];

/**
 * CommonJS has no import.meta: rolldown would leave `{}`, and `new URL('../../grammars/',
 * import.meta.url)` would throw. In vanban's own modules it becomes the URL of the chunk file,
 * which sits at the same depth as the ESM one, so relative paths still reach grammars/.
 */
const fileUrlInCommonJs = {
  name: 'vanban-import-meta-url-in-cjs',
  transform(code, id) {
    if (id.includes('/node_modules/') || !code.includes('import.meta.url')) return null;
    return { code: code.replaceAll('import.meta.url', "require('node:url').pathToFileURL(__filename).href"), map: null };
  },
};

/**
 * sql.js is Emscripten's CommonJS: it reads `__dirname` to find its .wasm, which an ESM bundle has
 * not. vanban hands it the .wasm's bytes (src/archive/sqlite.ts), so the folder it names is never used.
 */
const sqlJsWithoutDirname = {
  name: 'vanban-sql-js-dirname',
  transform(code, id) {
    if (!/sql\.js[\\/]dist[\\/]sql-wasm\.js$/.test(id)) return null;
    return { code: code.replaceAll('__dirname+"/"', '"./"'), map: null };
  },
};

/**
 * `vanban serve` runs fastify (bundled, a devDependency) without route schemas and with compilers
 * of its own, so fastify's ajv-based schema compilers are dead code: a stub takes their place.
 */
const noSchemaCompiler = fileURLToPath(new URL('./scripts/no-schema-compiler.cjs', import.meta.url));

/**
 * natural's levenshtein_distance.js requires all of underscore (80 kB, built at every start) for
 * `_.extend` and `_.min`: the bundles get those two alone.
 */
const underscore = { underscore: fileURLToPath(new URL('./scripts/underscore-for-levenshtein.cjs', import.meta.url)) };

export default [
  {
    input: { page: 'src/serve/web/page.ts' },
    platform: 'browser',
    // The sources import each other as ".js", as Node.js wants of tsc's output.
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    output: { dir: 'dist/web', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  },
  {
    // CommonJS, so that src/cli/code-cache.ts can run each chunk through vm.Script with its V8 code
    // cache (dist/bundle/package.json, written by scripts/bundle.mjs, makes these .js CommonJS);
    // `import('mammoth')` becomes a require, since vm.Script has no import() without a node flag.
    input: { cli: 'dist/cli/main.js', 'batch-worker': 'dist/batch/worker.js' },
    platform: 'node',
    external: external.filter((e) => String(e) !== String(zod)),
    plugins: [fileUrlInCommonJs, sqlJsWithoutDirname],
    resolve: { alias: { '@fastify/ajv-compiler': noSchemaCompiler, '@fastify/fast-json-stringify-compiler': noSchemaCompiler, ...underscore } },
    output: { dir: 'dist/bundle', format: 'cjs', dynamicImportInCjs: false, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  },
  {
    // The files node runs: the bin (vanban.js) and the batch worker (worker.js), each loading its
    // bundle above with the code cache.
    input: { vanban: 'dist/cli/bin.js', worker: 'dist/cli/worker-bin.js' },
    platform: 'node',
    external,
    plugins: [fileUrlInCommonJs],
    output: { dir: 'dist/bundle', format: 'cjs', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  },
  {
    input: { index: 'dist/index.js' },
    platform: 'node',
    external,
    resolve: { alias: underscore },
    output: { dir: 'dist/lib', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  },
  {
    input: { index: 'dist/index.js' },
    platform: 'node',
    external,
    resolve: { alias: underscore },
    plugins: [fileUrlInCommonJs],
    output: { dir: 'dist/lib', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
  },
];
