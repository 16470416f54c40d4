import { INPUT_HELP, INPUT_OPTIONS, ingestOptions, oneFile, parseCommandLine } from '../args.js';
import { EXIT, writeOut } from '../io.js';
import { parseFile } from '../../parse-file.js';
import { outline } from '../../emit/outline.js';

const HELP = `Usage: vanban outline [options] FILE

Prints a readable outline: header, sections, conferences with their items, lead agencies and
cited documents, recipients and signature.

Options:
${INPUT_HELP}
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, INPUT_OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const file = oneFile(positionals, 'outline');
  const programme = await parseFile(file, ingestOptions(values));
  await writeOut(`${outline(programme, process.stdout.columns || 100)}\n`);
  return EXIT.ok;
}
