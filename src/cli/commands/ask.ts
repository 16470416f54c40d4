import { ArchiveDb } from '../../archive/db.js';
import { agencies, anniversaries, canonicalId, cites, search } from '../../archive/questions.js';
import { FORMATS, agenciesOut, anniversariesOut, citesOut, searchOut, type Format } from '../../archive/render.js';
import { defaultGrammar } from '../../grammar/load.js';
import { LANG_HELP, LANG_OPTION, OUTPUT_HELP, OUTPUT_OPTION, langOf, parseCommandLine, type Lang } from '../args.js';
import type { CommandModule } from '../commands.js';
import { EXIT, UsageError, withOutput, writeOut } from '../io.js';

/** The questions `vanban index` makes an archive able to answer. */
export type Question = 'anniversaries' | 'cites' | 'agencies' | 'search';

const COMMON = {
  db: { type: 'string' },
  format: { type: 'string' },
  ...OUTPUT_OPTION,
  ...LANG_OPTION,
} as const;

const COMMON_HELP = `  --db FILE                     the archive database "vanban index" made (required)
  --format text|json|csv|md     text (default), JSON, CSV (UTF-8 with BOM, cells opening with
                                = + - @ get a leading ') or a Markdown table
${OUTPUT_HELP}
${LANG_HELP}

Exit status: 0 answered (an empty answer too), 1 the database could not be read or the output
written, 2 usage error.`;

interface Spec {
  usage: string;
  about: string;
  options: NonNullable<CommandModule['OPTIONS']>;
  extraHelp?: string;
  example: string;
  answer(archive: ArchiveDb, positionals: string[], values: Record<string, unknown>, format: Format, lang: Lang): string;
}

const SPECS: Record<Question, Spec> = {
  anniversaries: {
    usage: 'vanban anniversaries YEAR --db FILE [options]',
    about: `Every document cited anywhere in the archive whose issue date makes YEAR its 5th, 10th, 15th,
20th, 25th or 30th year (grammars/checks.json: "sơ kết" for 5 years, "tổng kết" for 10 and more),
with the reviews of it the archive's items already made (programme, year, conference and item,
what they said — "Sơ kết 05 năm thực hiện" — and the lead agency), and a draft item line for
YEAR's programme in the phrasing of the latest of them. A document's issue date is the one most
of its citations give.`,
    options: {},
    example: 'vanban anniversaries 2026 --db archive.db --format md -o anniversaries.md',
    answer: (archive, positionals, _values, format, lang) => {
      const year = yearOf(positionals[0], 'anniversaries: YEAR');
      return anniversariesOut(anniversaries(archive, year, defaultGrammar().checks), year, format, lang);
    },
  },
  cites: {
    usage: 'vanban cites ID --db FILE [options]',
    about: `The documents, items and tasks that cite the document ID ("57-NQ/TW", "30/2020/NĐ-CP"; case
and spaces around - and / do not matter), by year, with their lead agencies. Short mentions
("Nghị quyết số 57" after the full citation) count for the document they repeat.`,
    options: {},
    example: 'vanban cites 57-NQ/TW --db archive.db',
    answer: (archive, positionals, _values, format, lang) => citesOut(cites(archive, positionals[0]!), canonicalId(positionals[0]!), format, lang),
  },
  agencies: {
    usage: 'vanban agencies --year YEAR --db FILE [options]',
    about: `How many conference items and tasks each lead agency has in YEAR, per quarter: an item by its
conference's month or quarter, a task by its deadline (the document's year when it has none).`,
    options: { year: { type: 'string' } },
    extraHelp: '  --year YEAR                   the year (required)',
    example: 'vanban agencies --year 2024 --db archive.db --format csv -o agencies.csv',
    answer: (archive, _positionals, values, format, lang) => {
      const year = yearOf(values.year as string | undefined, 'agencies: --year');
      return agenciesOut(agencies(archive, year), year, format, lang);
    },
  },
  search: {
    usage: 'vanban search QUERY --db FILE [options]',
    about: `Full-text search over the archive's conference items and tasks: every word of QUERY, with or
without diacritics ("chuyen doi so" finds "chuyển đổi số"; đ reads d), best first (BM25), with
the document and the span (line:column) of each.`,
    options: { limit: { type: 'string' } },
    extraHelp: '  --limit N                     at most N results (default 20)',
    example: 'vanban search "chuyen doi so" --db archive.db --limit 5',
    answer: (archive, positionals, values, format, lang) => {
      const raw = values.limit as string | undefined;
      const limit = raw === undefined ? 20 : Number(raw);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of at least 1, not "${raw}"`);
      return searchOut(search(archive, positionals[0]!, limit), positionals[0]!, format, lang);
    },
  },
};

function yearOf(raw: string | undefined, what: string): number {
  if (raw === undefined) throw new UsageError(`${what} is missing`);
  if (!/^\d{4}$/.test(raw.trim())) throw new UsageError(`${what} must be a year such as 2026, not "${raw}"`);
  return Number(raw);
}

/** One of the four questions as a command. */
export function question(name: Question): CommandModule {
  const spec = SPECS[name];
  const OPTIONS = { ...COMMON, ...spec.options };
  const takes = name === 'cites' || name === 'anniversaries' || name === 'search' ? 1 : 0;
  const HELP = `Usage: ${spec.usage}

${spec.about}

Options:
${spec.extraHelp ? `${spec.extraHelp}\n` : ''}${COMMON_HELP}

Example: ${spec.example}
`;
  return {
    OPTIONS,
    async run(argv: string[]): Promise<number> {
      const { values, positionals } = parseCommandLine(argv, OPTIONS);
      if (values.help) return writeOut(HELP).then(() => EXIT.ok);
      const format = values.format === undefined ? 'text' : (FORMATS as readonly string[]).includes(values.format) ? (values.format as Format) : null;
      if (format === null) throw new UsageError(`--format must be "text", "json", "csv" or "md", not "${values.format}"`);
      const lang = langOf(values.lang);
      if (positionals.length !== takes) {
        throw new UsageError(positionals.length < takes ? `${name}: missing ${spec.usage.split(' ')[2]}` : `${name}: unexpected argument "${positionals[takes]}"`);
      }
      if (name === 'search' && !positionals[0]!.trim()) throw new UsageError('search: QUERY is empty');
      if (!values.db) throw new UsageError(`${name}: missing --db FILE (the archive "vanban index" made)`);
      const archive = await ArchiveDb.open(values.db);
      try {
        const text = spec.answer(archive, positionals, values, format, lang);
        return await withOutput(values.output, [values.db], (out) => out.write(text).then(() => EXIT.ok));
      } finally {
        archive.close();
      }
    },
  };
}
