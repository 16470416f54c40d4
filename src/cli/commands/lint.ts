import { INPUT_HELP, INPUT_OPTIONS, LIMIT_HELP, LIMIT_OPTIONS, RULE_HELP, RULE_OPTION, ingestOptions, langOf, limitOptions, OUTPUT_HELP, OUTPUT_OPTION, parseCommandLine, ruleConfig } from '../args.js';
import { EXIT, UsageError, describeError, refuseInputAsOutput, warn, withOutput, writeOut } from '../io.js';
import { documentCodes, rules, type Severity } from '../../check/index.js';
import { plural } from '../../check/describe.js';
import type { Diagnostic } from '../../model/programme.js';
import { FileReader } from '../reader.js';

const LEVELS: Severity[] = ['info', 'warning', 'error'];
const rank = (s: Severity) => LEVELS.indexOf(s);

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let current = indent;
  for (const word of text.split(' ')) {
    if (current.length > indent.length && current.length + 1 + word.length > width) {
      lines.push(current);
      current = indent;
    }
    current += current.length > indent.length ? ` ${word}` : word;
  }
  return [...lines, current].join('\n');
}

const HELP = `Usage: vanban lint [options] FILE...

Checks drafts before they go out. Prints one line per finding, sorted by file and position,
  file:line:column severity message (code)
then a count ("2 cảnh báo, 0 lỗi"). Line and column are 1-based in the normalized text
("vanban text FILE"). Messages are in Vietnamese unless --lang en.

Options:
  --lang vi|en                  language of the messages (default vi; en when LC_ALL,
                                LC_MESSAGES or LANG starts with "en")
  --severity info|warning|error hide findings below this level (default info: show all)
  --format text|json            json prints {"files": [{"file", "error", "diagnostics": [...]}]}
  --pretty                      indent the JSON (as for parse)
  -q, --quiet                   no count line after the findings
${OUTPUT_HELP}
${RULE_HELP}
${INPUT_HELP}
${LIMIT_HELP}

Rules (code, severity, what it finds):
${[...rules, ...documentCodes].map((r) => `  ${r.code.padEnd(26)} ${r.severity}\n${wrap(r.summary.en, 90, '      ')}`).join('\n')}

Example: vanban lint --rule unbalanced-quotes=off --rule item-unattributed=error draft.docx

Exit status: 0 no error-level finding, 1 an error-level finding or a file that could not be
read (its one-line error goes to stderr; the other files are still linted), 2 usage error.
`;

interface Linted {
  file: string;
  error: string | null;
  diagnostics: Diagnostic[];
}

function choice<T extends string>(option: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  const names = allowed.map((a) => `"${a}"`);
  throw new UsageError(`--${option} must be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, not "${raw}"`);
}

const byPosition = (a: Diagnostic, b: Diagnostic) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** "file:68:5 warning Kết luận 102-KL/TW …: … (anniversary-mismatch)". */
function line(file: string, d: Diagnostic, lang: 'vi' | 'en'): string {
  const where = [file, d.line, d.line === null ? null : d.column].filter((x) => x !== null).join(':');
  return `${where} ${d.severity} ${lang === 'en' ? d.messageEn : d.message} (${d.code})`;
}

function count(all: Diagnostic[], lang: 'vi' | 'en'): string {
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const errors = all.filter((d) => d.severity === 'error').length;
  // Information printed above is counted too, when there is some.
  const infos = all.filter((d) => d.severity === 'info').length;
  if (lang === 'en') return `${plural(warnings, 'warning')}, ${plural(errors, 'error')}${infos ? `, ${plural(infos, 'info finding')}` : ''}`;
  return `${warnings} cảnh báo, ${errors} lỗi${infos ? `, ${infos} thông tin` : ''}`;
}

export const OPTIONS = {
  format: { type: 'string' },
  lang: { type: 'string' },
  severity: { type: 'string' },
  pretty: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  ...OUTPUT_OPTION,
  ...RULE_OPTION,
  ...INPUT_OPTIONS,
  ...LIMIT_OPTIONS,
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const format = choice('format', values.format, ['text', 'json'] as const, 'text');
  const lang = langOf(values.lang);
  const least = choice('severity', values.severity, LEVELS, 'info');
  if (positionals.length === 0) throw new UsageError('lint: missing FILE');
  if (values.output !== undefined) refuseInputAsOutput(values.output, positionals);
  const rules = await ruleConfig(values.rule);
  const reader = new FileReader({ ...ingestOptions(values), ...limitOptions(values), ...(rules ? { rules } : {}) });
  const linted = await lintAll(positionals, reader, least).finally(() => reader.close());
  linted.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));


  const all = linted.flatMap((f) => f.diagnostics);
  const failed = linted.some((f) => f.error !== null) || all.some((d) => d.severity === 'error');
  return withOutput(values.output, positionals, async (out) => {
    if (format === 'json') {
      await out.write(`${JSON.stringify({ files: linted }, null, values.pretty ? 2 : undefined)}\n`);
    } else {
      const lines = linted.flatMap((f) => f.diagnostics.map((d) => line(f.file, d, lang)));
      const shown = values.quiet ? lines : [...lines, count(all, lang)];
      if (shown.length) await out.write(`${shown.join('\n')}\n`);
    }
    return failed ? EXIT.failed : EXIT.ok;
  });
}

/** Each file's findings at `least` severity or above; a file that cannot be read is reported and the rest go on. */
async function lintAll(files: string[], reader: FileReader, least: Severity): Promise<Linted[]> {
  const linted: Linted[] = [];
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    try {
      const programme = await reader.model(file);
      const shown = programme.diagnostics.filter((d) => rank(d.severity) >= rank(least)).sort(byPosition);
      linted.push({ file: name, error: null, diagnostics: shown });
    } catch (error) {
      const message = describeError(error, name);
      warn(`vanban: ${message}`);
      linted.push({ file: name, error: message, diagnostics: [] });
    }
  }
  return linted;
}
