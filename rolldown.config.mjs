// The command-line entry bundled into one file (zod and vanban's ~100 ES modules), so start-up
// does not resolve and compile each module separately: vanban parse's cold start is the
// benchmark's "cold" figure. Heavy libraries stay external and load only when a command needs
// them. The library (dist/index.js) is plain tsc output.
export default {
  input: { vanban: 'dist/cli/main.js', worker: 'dist/batch/worker.js' },
  platform: 'node',
  external: [/^node:/, 'mammoth', 'word-extractor', 'iconv-lite', 'unified', 'remark-parse', 'p-limit', /^natural(\/|$)/],
  output: { dir: 'dist/bundle', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
};
