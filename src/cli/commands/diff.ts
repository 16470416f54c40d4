import { INPUT_HELP, LANG_HELP, LIMIT_HELP, OUTPUT_HELP, OUTPUT_OPTION, READ_OPTIONS, ingestOptions, langOf, limitOptions, parseCommandLine } from '../args.js';
import { EXIT, UsageError, WriteError, describeError, warn, withOutput, writeOut } from '../io.js';
import { formatOf } from '../../ingest/file.js';
import { diffProgrammes } from '../../diff/changes.js';
import { renderMarkdown } from '../../diff/render-md.js';
import { renderText } from '../../diff/render-text.js';
import { DiffResult } from '../../model/diff.js';
import type { Programme } from '../../model/programme.js';
import { FileReader, type ReadOptions } from '../reader.js';

const HELP = `Usage: vanban diff [options] OLD NEW
       vanban diff [options] --tracked FILE.docx

Compares two drafts on the model, not line by line, the whole document: the header (draft mark,
number, date, title); the preamble and the sections' paragraphs; conferences and their items
(added, removed, moved to another conference, renumbered or reworded; lead agencies; times); the
outline of other genres, tasks (lead, partners, deadline) and schedule entries (day, time, chair,
place); recipients; the signature; citations wherever they stand. Formatting (encoding, Unicode
form, tone placement, line wraps) is never a change. OLD and NEW may be of different formats.
Large drafts are compared in near-linear time: a reworded element is looked for among those that
share its words and near its own place; one found neither way is reported removed and added.

Options:
  --format text|json|md         text (default): grouped by conference, coloured on a terminal
                                (NO_COLOR turns colour off); json: {"changes": [...]} as
                                described by "vanban schema --diff"; md: Markdown for a review
  --tracked                     compare a .docx before and after its tracked changes
  --pretty                      indent the JSON
  -q, --quiet                   print nothing: the exit status says whether the drafts differ
${OUTPUT_HELP}
${LANG_HELP}
${INPUT_HELP}
${LIMIT_HELP}

Exit status, as every vanban command: 0 the drafts say the same; 1 they differ, or a draft could
not be read (one line on stderr says which); 2 a usage error.
`;

const FORMATS = ['text', 'json', 'md'] as const;

export const OPTIONS = {
  format: { type: 'string' },
  tracked: { type: 'boolean' },
  pretty: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  ...OUTPUT_OPTION,
  ...READ_OPTIONS,
} as const;


export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const format = (values.format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or md, not "${values.format}"`);
  const lang = langOf(values.lang);
  if (values.tracked && values.revision !== undefined) throw new UsageError('diff --tracked reads both revisions; --revision does not go with it');
  const options = { ...ingestOptions(values), ...limitOptions(values) };
  const [oldName, newName, read] = inputs(positionals, values.tracked ?? false, lang);
  if (values.quiet && values.output !== undefined) throw new UsageError('--quiet prints nothing; --output has nothing to write');
  let diff: DiffResult;
  try {
    const [old, neu] = await read(options);
    diff = DiffResult.parse(diffProgrammes(old, neu));
  } catch (error) {
    // One meaning for 1 across vanban: the result needs a look (changes, findings, an unreadable file).
    warn(`vanban: ${describeError(error)}`);
    return EXIT.failed;
  }
  const status = diff.changes.length ? EXIT.failed : EXIT.ok;
  if (values.quiet) return status;
  const title = `${oldName} → ${newName}`;
  const rendered =
    format === 'json'
      ? `${JSON.stringify(diff, null, values.pretty ? 2 : undefined)}\n`
      : format === 'md'
        ? renderMarkdown(diff, `${lang === 'en' ? 'Changes' : 'Thay đổi'}: ${title}`, lang)
        : renderText(diff, { color: values.output === undefined && useColor(), title, lang });
  try {
    await withOutput(values.output, positionals, (out) => out.write(rendered).then(() => EXIT.ok));
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    warn(`vanban: ${error.message}`);
    return EXIT.failed;
  }
  return status;
}

type Read = (options: ReadOptions) => Promise<[Programme, Programme]>;

/** Each draft through its own reader: --tracked reads one .docx with two revisions. */
async function both(options: ReadOptions, a: [string, ReadOptions], b: [string, ReadOptions]): Promise<[Programme, Programme]> {
  const reader = (extra: ReadOptions) => new FileReader({ ...options, ...extra });
  const [first, second] = [reader(a[1]), reader(b[1])];
  try {
    return [await first.model(a[0]), await second.model(b[0])];
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
}

function inputs(positionals: string[], tracked: boolean, lang: 'vi' | 'en'): [string, string, Read] {
  if (tracked) {
    if (positionals.length !== 1) throw new UsageError(`diff --tracked: expected one .docx FILE, got ${positionals.length}`);
    const file = positionals[0]!;
    if (file === '-' || formatOf(file) !== 'docx') throw new UsageError('diff --tracked: FILE must be a .docx file (tracked changes are a Word feature)');
    return [
      lang === 'en' ? `${file} (original)` : `${file} (bản gốc)`,
      lang === 'en' ? `${file} (changes accepted)` : `${file} (đã chấp nhận thay đổi)`,
      (options) => both(options, [file, { revision: 'original' }], [file, { revision: 'accepted' }]),
    ];
  }
  if (positionals.length !== 2) throw new UsageError(`diff: expected OLD and NEW, got ${positionals.length} file${positionals.length === 1 ? '' : 's'}`);
  const [oldFile, newFile] = positionals as [string, string];
  if (oldFile === '-' && newFile === '-') throw new UsageError('diff: only one of OLD and NEW can be "-"');
  const name = (f: string) => (f === '-' ? '<stdin>' : f);
  return [name(oldFile), name(newFile), (options) => both(options, [oldFile, {}], [newFile, {}])];
}

function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
