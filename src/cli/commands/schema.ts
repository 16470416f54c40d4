import { OUTPUT_HELP, OUTPUT_OPTION, parseCommandLine } from '../args.js';
import { EXIT, UsageError, withOutput, writeOut } from '../io.js';
import { programmeJsonSchema } from '../../emit/schema.js';

const HELP = `Usage: vanban schema [options]

Prints the JSON Schema (draft 2020-12) of the programme model, generated from its zod definition.

Options:
  --diff                        the schema of "vanban diff --format json" instead
${OUTPUT_HELP}

Exit status: 0 printed, 1 the output could not be written, 2 usage error.
`;

export const OPTIONS = { diff: { type: 'boolean' }, ...OUTPUT_OPTION } as const;


export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  if (positionals.length) throw new UsageError(`schema: takes no FILE, got "${positionals[0]}"`);
  // Imported only when asked for, so "vanban schema" does not load the diff model.
  const schema = values.diff ? (await import('../../model/diff.js')).diffJsonSchema() : programmeJsonSchema();
  return withOutput(values.output, [], (out) => out.write(`${JSON.stringify(schema, null, 2)}\n`).then(() => EXIT.ok));
}
