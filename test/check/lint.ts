import { parse, type Programme } from '../../src/index.js';
import { seedText } from '../helpers.js';

export const seed = seedText();

/** The seed with one edit: `from` must occur exactly once, so a test never lints an unedited seed. */
export function edited(from: string, to: string): Programme {
  const times = seed.split(from).length - 1;
  if (times !== 1) throw new Error(`"${from}" occurs ${times} times in the seed`);
  return parse(seed.replace(from, () => to));
}

/** The findings of one rule, reduced to what the tests assert. */
export function found(p: Programme, code: string): { severity: string; line: number | null; column: number | null }[] {
  return p.diagnostics.filter((d) => d.code === code).map((d) => ({ severity: d.severity, line: d.line, column: d.column }));
}

export function messages(p: Programme, code: string): [string, string][] {
  return p.diagnostics.filter((d) => d.code === code).map((d) => [d.message, d.messageEn]);
}

/** 1-based column of `needle` in a line of the (already trimmed) seed line. */
export function columnOf(line: string, needle: string): number {
  const at = line.indexOf(needle);
  if (at === -1) throw new Error(`"${needle}" not in "${line}"`);
  return [...line.slice(0, at)].length + 1;
}
