import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTable } from '../../src/cli/table.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const START = '<!-- cli-table: made by src/cli/table.ts; test/cli/table.test.ts checks it -->';
const END = '<!-- /cli-table -->';

describe("the README's table of commands, options and exit statuses", () => {
  it('is the one the option tables in the code make', async () => {
    const at = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(at, 'README.md lacks the table markers').toBeGreaterThan(0);
    const shown = readme.slice(at + START.length, end).trim();
    // On a mismatch, paste the expected table between the markers.
    expect(shown).toBe(await commandTable());
  });

  it('lists each shared option on every command that reads files', async () => {
    const table = await commandTable();
    const columns = table.split('\n')[0]!.split('|').slice(2, -1).map((cell) => cell.trim().replaceAll('`', ''));
    const reading = ['parse', 'outline', 'text', 'diff', 'lint', 'batch', 'index'];
    // They read an archive database, not documents: of the shared options, only --lang.
    const questions = ['anniversaries', 'cites', 'agencies', 'search'];
    for (const option of ['--max-size', '--revision', '--mammoth', '--no-mammoth', '--lang', '--timeout', '--max-memory']) {
      const row = table.split('\n').find((line) => line.includes(`\`${option}\``))!;
      // Every command that reads files from the command line; serve (files from requests) takes only the limits.
      const ticked = row.split('|').slice(2, -1).flatMap((cell, i) => (cell.trim() === '✓' ? [columns[i]] : []));
      expect(ticked.filter((c) => c !== 'serve' && !(option === '--lang' && questions.includes(c!))), option).toEqual(reading);
    }
    const output = table.split('\n').find((line) => line.startsWith('| `--output`'))!;
    // -o on parse, outline, text, schema, diff and lint, and on the four questions.
    expect(output.split('|').slice(2, -1).filter((cell) => cell.trim() === '`-o`')).toHaveLength(10);
  });
});
