import type { ParseArgsConfig } from 'node:util';

export interface CommandModule {
  run(argv: string[]): Promise<number>;
  /** The command's options as parseArgs reads them (-h/--help is added to every command). */
  OPTIONS: NonNullable<ParseArgsConfig['options']>;
}

export interface Command {
  summary: string;
  /** What exit status 1 means for this command (0 is success and 2 a usage error for all). */
  failed: string;
  load: () => Promise<CommandModule>;
  /**
   * Its run() settles only when all its work is done and written (no server, worker or write left
   * running), so the process may end at once: see main.ts.
   */
  oneShot?: true;
  /** Work to start before the command's code loads, from its arguments (see main.ts). */
  ahead?: (argv: string[]) => Promise<void>;
}

// Each command is imported only when it runs, so `vanban text` never loads mammoth or zod's
// JSON Schema code.
export const COMMANDS: Record<string, Command> = {
  parse: { summary: 'print the programme model as JSON', failed: 'a FILE could not be read', load: () => import('./commands/parse.js'), oneShot: true },
  outline: { summary: 'print a readable outline of a programme', failed: 'a FILE could not be read', load: () => import('./commands/outline.js'), oneShot: true },
  text: {
    summary: 'print the normalized text that spans and line numbers refer to',
    failed: 'a FILE could not be read',
    load: () => import('./commands/text.js'),
    oneShot: true,
  },
  schema: { summary: 'print the JSON Schema of the model', failed: 'the output could not be written', load: () => import('./commands/schema.js') },
  diff: { summary: 'what changed between two drafts (exit 1 when they differ)', failed: 'the drafts differ, or one could not be read', load: () => import('./commands/diff.js'), oneShot: true },
  lint: {
    summary: 'check drafts: anniversaries, terms, numbering, lead agencies, citations',
    failed: 'an error-level finding, more warnings than --max-warnings, or a FILE could not be read',
    load: () => import('./commands/lint.js'),
  },
  batch: {
    summary: 'convert files, folders and globs to .json files with a manifest',
    failed: 'a file failed (130/143: stopped by Ctrl-C/SIGTERM)',
    load: () => import('./commands/batch.js'),
    ahead: (argv) => import('./commands/batch-ahead.js').then((m) => m.startWorkerAhead(argv)),
  },
  index: {
    summary: 'store an archive in an SQLite database (for anniversaries, cites, agencies, search)',
    failed: 'a file failed to convert, or the database could not be read or written',
    load: () => import('./commands/index.js'),
  },
  anniversaries: {
    summary: "the cited documents that come due for a review in YEAR, with a draft item line",
    failed: 'the database could not be read or the output written',
    load: () => import('./commands/ask.js').then((m) => m.question('anniversaries')),
  },
  cites: {
    summary: 'the documents and items that cite a document, by year, with lead agencies',
    failed: 'the database could not be read or the output written',
    load: () => import('./commands/ask.js').then((m) => m.question('cites')),
  },
  agencies: {
    summary: 'items and tasks per lead agency and quarter in a year',
    failed: 'the database could not be read or the output written',
    load: () => import('./commands/ask.js').then((m) => m.question('agencies')),
  },
  search: {
    summary: 'full-text search of items and tasks, diacritics-insensitive',
    failed: 'the database could not be read or the output written',
    load: () => import('./commands/ask.js').then((m) => m.question('search')),
  },
  serve: {
    summary: 'serve parse, lint, outline and diff over HTTP (localhost)',
    failed: 'it could not listen (the port is in use)',
    load: () => import('./commands/serve.js'),
  },
};
