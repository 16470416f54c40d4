import { INPUT_HELP, LIMIT_HELP, OUTPUT_HELP, OUTPUT_OPTION, READ_OPTIONS, filesOf, ingestOptions, langOf, limitOptions, parseCommandLine } from '../args.js';
import { EXIT, withOutput, writeOut } from '../io.js';
import { FileReader, eachFile, fileHeading } from '../reader.js';

const HELP = `Usage: vanban text [options] FILE...

Prints the normalized text of FILE (NFC, one line per paragraph, spaces folded): the text that
citation spans and diagnostic line numbers refer to. Several FILEs are printed one after another,
each under a line "==> FILE <=="; one that cannot be read gets its one-line error on stderr and
the rest go on.

Options:
${OUTPUT_HELP}
${INPUT_HELP}
${LIMIT_HELP}
  --lang vi|en                  accepted as on every command that reads files (the text is
                                the document's own)

Exit status: 0 every FILE read, 1 a FILE could not be read or the output not written, 2 usage error.
`;

export const OPTIONS = { ...OUTPUT_OPTION, ...READ_OPTIONS } as const;


export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  langOf(values.lang);
  const files = filesOf(positionals, 'text');
  const reader = new FileReader({ ...ingestOptions(values), ...limitOptions(values) });
  let shown = 0;
  try {
    return await withOutput(values.output, files, (out) =>
      eachFile(files, async (file) => {
        const text = await reader.text(file);
        const body = text.endsWith('\n') ? text : `${text}\n`;
        await out.write(files.length > 1 ? fileHeading(file, shown++ === 0) + body : body);
      }),
    );
  } finally {
    await reader.close();
  }
}
