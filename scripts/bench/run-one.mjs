// Parses one file in a fresh process and reports its outcome, wall time and peak memory as JSON,
// so the benchmark can measure hostile inputs without risking its own process.
import { parseFile } from '../../dist/index.js';

const file = process.argv[2];
const start = performance.now();
let outcome;
try {
  const model = await parseFile(file);
  outcome = `ok (${model.conferences.length} conferences, ${model.citations.length} citations)`;
} catch (error) {
  outcome = `error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, outcome }));
