import { parseCommandLine } from '../args.js';
import { EXIT, writeOut } from '../io.js';
import { programmeJsonSchema } from '../../emit/schema.js';

const HELP = `Usage: vanban schema [--diff]

Prints the JSON Schema (draft 2020-12) of the programme model, generated from its zod definition.

Options:
  --diff    the schema of "vanban diff --format json" instead
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, { diff: { type: 'boolean' } });
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  // Imported only when asked for, so "vanban schema" does not load the diff model.
  const schema = values.diff ? (await import('../../model/diff.js')).diffJsonSchema() : programmeJsonSchema();
  await writeOut(`${JSON.stringify(schema, null, 2)}\n`);
  return EXIT.ok;
}
