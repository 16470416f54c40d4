import { INPUT_HELP, INPUT_OPTIONS, LIMIT_HELP, LIMIT_OPTIONS, RULE_HELP, RULE_OPTION, ingestOptions, limitOptions, oneFile, parseCommandLine, ruleConfig } from '../args.js';
import { EXIT, UsageError, writeOut } from '../io.js';
import { FileReader } from '../reader.js';
import { writerFor } from '../../emit/writer.js';

const HELP = `Usage: vanban outline [options] FILE

Prints a readable outline. A conference programme: header, sections, conferences with their
items, lead agencies and cited documents, recipients and signature. Any other document: header and
genre, the outline tree (labels, headings and texts, roles), tasks with who leads, who takes part
and by when, schedule entries with date, time, chair and place, the count of unclassified text,
and the diagnostics.

Options:
  --lang vi|en                  language of the outline's own words and the diagnostics (default vi)
${RULE_HELP}
${INPUT_HELP}
${LIMIT_HELP}
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { lang: { type: 'string' }, ...RULE_OPTION, ...INPUT_OPTIONS, ...LIMIT_OPTIONS });
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const lang = values.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang must be "vi" or "en", not "${lang}"`);
  const rules = await ruleConfig(values.rule);
  const file = oneFile(positionals, 'outline');
  const reader = new FileReader({ ...ingestOptions(values), ...limitOptions(values), ...(rules ? { rules } : {}) });
  const model = await reader.model(file).finally(() => reader.close());
  await writeOut(writerFor('outline')!.write(model, { width: process.stdout.columns || 100, lang }));
  return EXIT.ok;
}
