import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { systemReason } from '../../system-error.js';
import { LANG_HELP, LIMIT_HELP, INPUT_HELP, OUTPUT_HELP, OUTPUT_OPTION, READ_OPTIONS, RULE_HELP, RULE_OPTION, filesOf, ingestOptions, langOf, limitOptions, parseCommandLine, ruleConfig } from '../args.js';
import { EXIT, UsageError, WriteError, refuseInputAsOutput, withOutput, writeOut, type Output } from '../io.js';
import { FileReader, eachFile } from '../reader.js';
import { WRITERS, WRITER_NAMES, writerFor, type Writer, type WriteOptions } from '../../emit/writer.js';

const HELP = `Usage: vanban parse [options] FILE...

Prints the programme model (see "vanban schema") as one JSON object on stdout; for several FILEs
one JSON object per line (NDJSON), or with --out DIR one file each. A FILE that cannot be read
gets its one-line error on stderr; the others are still parsed, and the exit status is 1.

Options:
  --pretty                      indent the JSON (one FILE, or --out DIR)
  --format NAME                 ${WRITER_NAMES.join(', ')} (default json; ndjson for several FILEs):
${WRITERS.map((w) => `                                  ${w.name.padEnd(8)} ${w.summary}`).join('\n')}
${OUTPUT_HELP}
  --out DIR                     write each FILE's output to DIR/<its name><.json, .ndjson, .csv
                                or .txt>, each whole or not at all
${RULE_HELP}
${INPUT_HELP}
${LIMIT_HELP}
${LANG_HELP}

Exit status: 0 every FILE parsed, 1 a FILE could not be read or an output not written, 2 usage error.
`;

export const OPTIONS = {
  pretty: { type: 'boolean' },
  format: { type: 'string' },
  ...OUTPUT_OPTION,
  out: { type: 'string' },
  ...RULE_OPTION,
  ...READ_OPTIONS,
} as const;


export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const files = filesOf(positionals, 'parse');
  const several = files.length > 1;
  const named = writerFor(values.format ?? 'json');
  if (!named) throw new UsageError(`--format must be ${WRITER_NAMES.join(', ')}, not "${values.format}"`);
  if (values.out !== undefined && values.output !== undefined) throw new UsageError('--out DIR (a file each) and --output FILE (one file) exclude each other');
  const lang = langOf(values.lang);
  const rules = await ruleConfig(values.rule);
  const reader = new FileReader({ ...ingestOptions(values), ...limitOptions(values), ...(rules ? { rules } : {}) });
  const options: WriteOptions = { pretty: values.pretty ?? false, width: process.stdout.columns || 100, lang };
  try {
    if (values.out !== undefined) return await eachToFolder(files, values.out, named, options, reader);
    // Several models in one stream: one JSON per line, so another program can read them one by one.
    const writer = several && named.name === 'json' ? writerFor('ndjson')! : named;
    if (several && values.pretty && writer.name === 'ndjson') {
      throw new UsageError('--pretty: several FILEs are printed one JSON per line (NDJSON); use --out DIR for indented files');
    }
    return await withOutput(values.output, files, (out) => (several ? stream(files, writer, options, reader, out) : one(files[0]!, writer, options, reader, out)));
  } finally {
    await reader.close();
  }
}

/** One FILE: the writer's own output, in pieces (a large model's JSON is never held whole). */
async function one(file: string, writer: Writer, options: WriteOptions, reader: FileReader, out: Output): Promise<number> {
  return eachFile([file], async () => out.bytes(writer.bytes(await reader.model(file), options)));
}

/** Several FILEs as one output: the writer's head, a part per model read (in pieces), its tail. */
async function stream(files: string[], writer: Writer, options: WriteOptions, reader: FileReader, out: Output): Promise<number> {
  await out.write(writer.head(options));
  let index = 0;
  const code = await eachFile(files, async (file) => out.bytes(writer.oneBytes(await reader.model(file), index++, options)));
  await out.write(writer.tail(options));
  return code;
}

/** --out DIR: DIR/<name of FILE><extension>, each written whole; names that clash get "~2", "~3". */
async function eachToFolder(files: string[], dir: string, writer: Writer, options: WriteOptions, reader: FileReader): Promise<number> {
  const taken = new Map<string, number>();
  const targets = files.map((file) => {
    const name = `${file === '-' ? 'stdin' : basename(file)}${writer.extension}`;
    const n = (taken.get(name) ?? 0) + 1;
    taken.set(name, n);
    return join(dir, n === 1 ? name : `${name.slice(0, -writer.extension.length)}~${n}${writer.extension}`);
  });
  for (const target of targets) refuseInputAsOutput(target, files);
  // As batch does: the folder is made when missing.
  await mkdir(dir, { recursive: true }).catch((error: unknown) => Promise.reject(new WriteError(`cannot write ${dir}: ${systemReason(error)}`)));
  return eachFile(files, async (file, i) => {
    const model = await reader.model(file);
    await withOutput(targets[i]!, [], (out) => out.bytes(writer.bytes(model, options)).then(() => EXIT.ok));
  });
}
