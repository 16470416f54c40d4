import { parseCommandLine } from '../args.js';
import { EXIT, writeOut } from '../io.js';
import { programmeJsonSchema } from '../../emit/schema.js';

const HELP = `Usage: vanban schema

Prints the JSON Schema (draft 2020-12) of the programme model, generated from its zod definition.
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {});
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  await writeOut(`${JSON.stringify(programmeJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
