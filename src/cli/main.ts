#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { systemReason } from '../system-error.js';
import { COMMANDS } from './commands.js';
import { EXIT, EXIT_MEANINGS, UsageError, describeError, warn } from './io.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export const HELP = `vanban — Vietnamese Party-committee programmes (.txt, .md, .docx, .doc) to structured JSON

Usage: vanban <command> [options] FILE...

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 1)} ${c.summary}`)
  .join('\n')}

Run "vanban help <command>" or "vanban <command> --help" for a command's options.

Options:
  -h, --help     show this help
  -v, --version  print the version

FILE may be "-" to read standard input. Data goes to stdout (or to -o FILE); errors and
progress to stderr. Messages are in Vietnamese, or in English with --lang en or an English
locale (LC_ALL, LC_MESSAGES or LANG starting with "en").

Exit status, the same for every command:
${Object.entries(EXIT_MEANINGS)
  .map(([code, meaning]) => `  ${code}  ${meaning}`)
  .join('\n')}
`;

/** The command being run, for the hint under a usage error. */
let running: string | null = null;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // "vanban help parse" is "vanban parse --help".
  if (command === 'help' && rest[0] !== undefined) return main([rest[0], '--help']);
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[command];
  if (!entry) throw new UsageError(`unknown command "${command}"${await suggestion(command)}`);
  running = command;
  // Before the command's code loads, so that the two overlap (vanban batch starts its first worker).
  await entry.ahead?.(rest);
  return (await entry.load()).run(rest);
}

/** '; did you mean "parse"?' for a command one or two edits away from a real one. */
async function suggestion(typed: string): Promise<string> {
  const { LevenshteinDistance } = (await import('natural/lib/natural/distance/levenshtein_distance.js')).default;
  const near = Object.keys(COMMANDS)
    .map((name) => ({ name, distance: LevenshteinDistance(typed.toLowerCase(), name) }))
    .filter((c) => c.distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0];
  return near ? `; did you mean "${near.name}"?` : '';
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (vanban parse x | head) is the reader's choice, not a failure.
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  // A full disk or a closed file behind a redirection: the output is incomplete, and must say so.
  warn(`vanban: cannot write standard output: ${systemReason(error)}`);
  process.exit(EXIT.failed);
});

/**
 * Ends the process once what it wrote has gone out. Left to end by itself, Node first frees V8's
 * heap piece by piece: ~0.1 s after a 10 MB parse, whose model (~300 MB) is held to the end.
 */
async function exitAtOnce(code: number): Promise<never> {
  // A write's callback runs once the writes before it are done.
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (running !== null && COMMANDS[running]?.oneShot) return exitAtOnce(code);
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      warn(`vanban: ${error.message}`);
      warn(running ? `Try "vanban ${running} --help".` : 'Try "vanban --help".');
      process.exitCode = EXIT.usage;
    } else {
      warn(`vanban: ${describeError(error)}`);
      process.exitCode = EXIT.failed;
    }
  },
);
