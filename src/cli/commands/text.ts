import { INPUT_HELP, INPUT_OPTIONS, ingestOptions, oneFile, parseCommandLine } from '../args.js';
import { EXIT, writeOut } from '../io.js';
import { InputError } from '../../errors.js';
import { ingestFile } from '../../ingest/file.js';
import { normalizeText } from '../../normalize/text.js';

const HELP = `Usage: vanban text [options] FILE

Prints the normalized text of FILE (NFC, one line per paragraph, spaces folded): the text that
citation spans and diagnostic line numbers refer to.

Options:
${INPUT_HELP}
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, INPUT_OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const file = oneFile(positionals, 'text');
  try {
    const ingested = await ingestFile(file, ingestOptions(values));
    const text = normalizeText(ingested.text);
    await writeOut(text.endsWith('\n') ? text : `${text}\n`);
  } catch (error) {
    if (error instanceof InputError) throw error.withFile(file === '-' ? '<stdin>' : file);
    throw error;
  }
  return EXIT.ok;
}
