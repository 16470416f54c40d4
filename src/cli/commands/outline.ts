import { INPUT_HELP, LANG_HELP, LIMIT_HELP, OUTPUT_HELP, OUTPUT_OPTION, READ_OPTIONS, RULE_HELP, RULE_OPTION, filesOf, ingestOptions, langOf, limitOptions, parseCommandLine, ruleConfig } from '../args.js';
import { EXIT, withOutput, writeOut } from '../io.js';
import { FileReader, eachFile, fileHeading } from '../reader.js';
import { writerFor } from '../../emit/writer.js';

const HELP = `Usage: vanban outline [options] FILE...

Prints a readable outline. A conference programme: header, sections, conferences with their
items, lead agencies and cited documents, recipients and signature. Any other document: header and
genre, the outline tree (labels, headings and texts, roles), tasks with who leads, who takes part
and by when, schedule entries with date, time, chair and place, the count of unclassified text,
and the diagnostics. Several FILEs are printed one after another, each under a line
"==> FILE <=="; one that cannot be read gets its one-line error on stderr and the rest go on.

Options:
${LANG_HELP}
${OUTPUT_HELP}
${RULE_HELP}
${INPUT_HELP}
${LIMIT_HELP}

Exit status: 0 every FILE read, 1 a FILE could not be read or the output not written, 2 usage error.
`;

export const OPTIONS = { ...OUTPUT_OPTION, ...RULE_OPTION, ...READ_OPTIONS } as const;


export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const lang = langOf(values.lang);
  const rules = await ruleConfig(values.rule);
  const files = filesOf(positionals, 'outline');
  const reader = new FileReader({ ...ingestOptions(values), ...limitOptions(values), ...(rules ? { rules } : {}) });
  const writer = writerFor('outline')!;
  const width = process.stdout.columns || 100;
  let shown = 0;
  try {
    return await withOutput(values.output, files, (out) =>
      eachFile(files, async (file) => {
        const text = writer.write(await reader.model(file), { width, lang });
        await out.write(files.length > 1 ? fileHeading(file, shown++ === 0) + text : text);
      }),
    );
  } finally {
    await reader.close();
  }
}
