import { INPUT_HELP, INPUT_OPTIONS, LIMIT_HELP, LIMIT_OPTIONS, ingestOptions, limitOptions, oneFile, parseCommandLine } from '../args.js';
import { EXIT, writeOut } from '../io.js';
import { FileReader } from '../reader.js';

const HELP = `Usage: vanban text [options] FILE

Prints the normalized text of FILE (NFC, one line per paragraph, spaces folded): the text that
citation spans and diagnostic line numbers refer to.

Options:
${INPUT_HELP}
${LIMIT_HELP}
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { ...INPUT_OPTIONS, ...LIMIT_OPTIONS });
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const file = oneFile(positionals, 'text');
  const reader = new FileReader({ ...ingestOptions(values), ...limitOptions(values) });
  const text = await reader.text(file).finally(() => reader.close());
  await writeOut(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT.ok;
}
