import { INPUT_HELP, INPUT_OPTIONS, ingestOptions, oneFile, parseCommandLine } from '../args.js';
import { EXIT, writeOut } from '../io.js';
import { parseFile } from '../../parse-file.js';

const HELP = `Usage: vanban parse [options] FILE

Prints the programme model (see "vanban schema") as one JSON object on stdout.

Options:
  --pretty                      indent the JSON
${INPUT_HELP}
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { pretty: { type: 'boolean' }, ...INPUT_OPTIONS });
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const file = oneFile(positionals, 'parse');
  const programme = await parseFile(file, ingestOptions(values));
  await writeOut(`${JSON.stringify(programme, null, values.pretty ? 2 : undefined)}\n`);
  return EXIT.ok;
}
