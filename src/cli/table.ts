import { COMMANDS } from './commands.js';
import { EXIT_MEANINGS } from './io.js';

/**
 * The README's table of commands × options × exit statuses, made from the option tables the
 * commands parse their arguments with, so the two cannot disagree (test/cli/table.test.ts).
 */
export async function commandTable(): Promise<string> {
  const names = Object.keys(COMMANDS);
  // option → command → its short flag ('' when none): a cell shows the short flag, or ✓.
  const options = new Map<string, Map<string, string>>();
  for (const name of names) {
    const { OPTIONS } = await COMMANDS[name]!.load();
    for (const [option, config] of Object.entries({ help: { short: 'h' }, ...OPTIONS })) {
      if (!options.has(option)) options.set(option, new Map());
      options.get(option)!.set(name, config.short ?? '');
    }
  }
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const cell = (short: string | undefined) => (short === undefined ? '' : short ? `\`-${short}\`` : '✓');
  return [
    row(['option', ...names.map((n) => `\`${n}\``)]),
    row(['---', ...names.map(() => ':---:')]),
    ...[...options].map(([option, on]) => row([`\`--${option}\``, ...names.map((n) => cell(on.get(n)))])),
    row(['**exit 1**', ...names.map((n) => COMMANDS[n]!.failed)]),
    '',
    row(['exit status', 'meaning (every command)']),
    row(['---', '---']),
    ...Object.entries(EXIT_MEANINGS).map(([code, meaning]) => row([code, meaning])),
  ].join('\n');
}
