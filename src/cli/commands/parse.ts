import { INPUT_HELP, INPUT_OPTIONS, LIMIT_HELP, LIMIT_OPTIONS, RULE_HELP, RULE_OPTION, ingestOptions, limitOptions, oneFile, parseCommandLine, ruleConfig } from '../args.js';
import { EXIT, UsageError, writeChunks, writeOut } from '../io.js';
import { FileReader } from '../reader.js';
import { WRITERS, WRITER_NAMES, writerFor } from '../../emit/writer.js';

const HELP = `Usage: vanban parse [options] FILE

Prints the programme model (see "vanban schema") as one JSON object on stdout.

Options:
  --pretty                      indent the JSON
  --format NAME                 ${WRITER_NAMES.join(', ')} (default json):
${WRITERS.map((w) => `                                  ${w.name.padEnd(8)} ${w.summary}`).join('\n')}
${RULE_HELP}
${INPUT_HELP}
${LIMIT_HELP}
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { pretty: { type: 'boolean' }, format: { type: 'string' }, ...RULE_OPTION, ...INPUT_OPTIONS, ...LIMIT_OPTIONS });
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const writer = writerFor(values.format ?? 'json');
  if (!writer) throw new UsageError(`--format must be ${WRITER_NAMES.join(', ')}, not "${values.format}"`);
  const rules = await ruleConfig(values.rule);
  const file = oneFile(positionals, 'parse');
  const reader = new FileReader({ ...ingestOptions(values), ...limitOptions(values), ...(rules ? { rules } : {}) });
  const model = await reader.model(file).finally(() => reader.close());
  await writeChunks(writer.chunks(model, { pretty: values.pretty ?? false, width: process.stdout.columns || 100 }));
  return EXIT.ok;
}
