// Parses one file in a fresh process and reports its outcome, wall time and peak memory as JSON,
// so the benchmark can measure hostile inputs without risking its own process.
import { readFileSync } from 'node:fs';
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
process.stdout.write(JSON.stringify({ ms, maxRssMB: peakMB(), outcome }));

/**
 * This process's own peak resident memory. getrusage's maxRSS is not: on Linux a child forked from
 * the benchmark keeps the benchmark's high-water mark across exec (a 60 MB .doc made in the
 * benchmark's memory read as 250–385 MB here). VmHWM belongs to the memory map exec made.
 */
function peakMB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: no /proc.
  }
  return process.resourceUsage().maxRSS / 1024;
}
