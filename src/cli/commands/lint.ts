import { createHash } from 'node:crypto';
import { chmod, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { INPUT_HELP, INPUT_OPTIONS, LIMIT_HELP, LIMIT_OPTIONS, RULE_HELP, RULE_OPTION, ingestOptions, langOf, limitOptions, OUTPUT_HELP, OUTPUT_OPTION, parseCommandLine, ruleConfig } from '../args.js';
import { EXIT, UsageError, describeError, refuseInputAsOutput, warn, withOutput, writeOut, type Output } from '../io.js';
import { applyRuleConfig, archiveRules, documentCodes, rules, type ArchiveFacts, type RuleConfig, type Severity } from '../../check/index.js';
import { CONFIG_NAME, ConfigError, findConfig, mergeRules, readConfig } from '../../check/config.js';
import { plural } from '../../check/describe.js';
import type { Diagnostic, Programme } from '../../model/programme.js';
import type { LintedFile } from '../../emit/sarif.js';
import { FileReader } from '../reader.js';
import { InputError } from '../../errors.js';
import { isSystemError, systemReason } from '../../system-error.js';

const LEVELS: Severity[] = ['info', 'warning', 'error'];
const rank = (s: Severity) => LEVELS.indexOf(s);
const FORMATS = ['stylish', 'text', 'json', 'sarif', 'github'] as const;

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
  --format FORMAT               stylish (default; "text" is the same): the lines above
                                json: {"files": [{"file", "error", "diagnostics": [...]}]}
                                sarif: SARIF 2.1.0 for code scanning (GitHub, VS Code)
                                github: GitHub Actions annotations (::warning file=…::…)
  --pretty                      indent the JSON and SARIF (as for parse)
  -q, --quiet                   no count line after the findings
  --max-warnings N              exit 1 when more than N warnings are shown, even with no error
${OUTPUT_HELP}
${RULE_HELP}
  --config FILE                 read rule settings from FILE instead of looking for
                                ${CONFIG_NAME}
  --no-config                   read no config file
  --db FILE                     also check against an archive "vanban index" made: a review
                                whose count of years disagrees with the archive's date of the
                                document, a document due for its review that earlier programmes
                                reviewed and the draft leaves out, a lead agency spelled unlike
                                every earlier programme (the archive-* rules)
${INPUT_HELP}
${LIMIT_HELP}

Fixing (the findings shown that carry a repair: citation-spacing-repaired, "94 - KL/TW" →
"94-KL/TW"; --severity, --rule and the config file decide which are shown):
  --fix                         write the corrected file next to the input as FILE.fixed.EXT
                                (draft.docx → draft.fixed.docx), then report what is left in it
  --fix-in-place                correct the input itself (replaced whole, never half-written)
  Only the repaired text changes: a .txt or .md keeps every other byte (line ends, BOM); a .docx
  keeps every zip entry but word/document.xml, and in it every w:t element but those repaired.
  What was fixed, and any repair refused (a legacy encoding, text that cannot be mapped back to
  the file exactly), goes to stderr. .doc and .html files are not fixed.

Config file: {"rules": {"CODE": "off"|"info"|"warning"|"error"}} in ${CONFIG_NAME}, the
nearest one in the linted file's folder or a folder above it (the current folder for stdin).
Precedence, lowest first: a rule's own severity, the config file, --rule on the command line.

Rules (code, severity, what it finds):
${[...rules, ...archiveRules, ...documentCodes].map((r) => `  ${r.code.padEnd(26)} ${r.severity}\n${wrap(r.summary.en, 90, '      ')}`).join('\n')}

Example: vanban lint --rule unbalanced-quotes=off --rule item-unattributed=error draft.docx
         vanban lint --format sarif --max-warnings 0 drafts/*.docx > vanban.sarif

Exit status: 0 no error-level finding (and no more warnings than --max-warnings), 1 an
error-level finding, too many warnings, or a file that could not be read (its one-line error
goes to stderr; the other files are still linted), 2 usage error or a bad config file.
`;

function choice<T extends string>(option: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  const names = allowed.map((a) => `"${a}"`);
  throw new UsageError(`--${option} must be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, not "${raw}"`);
}

function count(option: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${option} must be a whole number of at least 0, not "${raw}"`);
  return Number(raw);
}

const byPosition = (a: Diagnostic, b: Diagnostic) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** "file:68:5 warning Kết luận 102-KL/TW …: … (anniversary-mismatch)". */
function line(file: string, d: Diagnostic, lang: 'vi' | 'en'): string {
  return `${where(file, d)} ${d.severity} ${lang === 'en' ? d.messageEn : d.message} (${d.code})`;
}

const where = (file: string, d: Diagnostic) => [file, d.line, d.line === null ? null : d.column].filter((x) => x !== null).join(':');

function tally(all: Diagnostic[], lang: 'vi' | 'en'): string {
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const errors = all.filter((d) => d.severity === 'error').length;
  // Information printed above is counted too, when there is some.
  const infos = all.filter((d) => d.severity === 'info').length;
  if (lang === 'en') return `${plural(warnings, 'warning')}, ${plural(errors, 'error')}${infos ? `, ${plural(infos, 'info finding')}` : ''}`;
  return `${warnings} cảnh báo, ${errors} lỗi${infos ? `, ${infos} thông tin` : ''}`;
}

interface LintSettings {
  least: Severity;
  /** Per file: the config file's settings under the command line's. */
  rulesFor: (file: string) => RuleConfig;
  fix: 'none' | 'beside' | 'in-place';
  lang: 'vi' | 'en';
  /** --db: the archive's facts for a draft of a year. */
  archive?: (year: number | null) => ArchiveFacts;
}

export const OPTIONS = {
  format: { type: 'string' },
  lang: { type: 'string' },
  severity: { type: 'string' },
  pretty: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-in-place': { type: 'boolean' },
  db: { type: 'string' },
  ...OUTPUT_OPTION,
  ...RULE_OPTION,
  ...INPUT_OPTIONS,
  ...LIMIT_OPTIONS,
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return writeOut(HELP).then(() => EXIT.ok);
  const format = choice('format', values.format, FORMATS, 'stylish');
  const lang = langOf(values.lang);
  const least = choice('severity', values.severity, LEVELS, 'info');
  const maxWarnings = count('max-warnings', values['max-warnings']);
  if (positionals.length === 0) throw new UsageError('lint: missing FILE');
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config contradict each other');
  const fix = values['fix-in-place'] ? 'in-place' : values.fix ? 'beside' : 'none';
  if (fix !== 'none' && positionals.includes('-')) throw new UsageError('--fix needs files to write: standard input cannot be fixed');
  if (fix !== 'none' && values.revision === 'original') throw new UsageError('--fix corrects the text with tracked changes accepted: not with --revision original');
  if (values.output !== undefined) refuseInputAsOutput(values.output, positionals);
  if (values.db !== undefined && positionals.includes('-')) throw new UsageError('--db reads each FILE twice: not standard input');
  const commandLine = await ruleConfig(values.rule);
  let rulesFor: LintSettings['rulesFor'];
  try {
    rulesFor = configsFor(positionals, values['no-config'] ? null : (values.config ?? 'search'), commandLine);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    warn(`vanban: ${error.message}`);
    return EXIT.usage;
  }

  const archive = values.db === undefined ? undefined : await archiveOf(values.db);
  const reader = new FileReader({ ...ingestOptions(values), ...limitOptions(values) });
  const linted = await lintAll(positionals, reader, { least, rulesFor, fix, lang, ...(archive ? { archive } : {}) }).finally(() => reader.close());
  linted.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const all = linted.flatMap((f) => f.diagnostics);
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const tooMany = maxWarnings !== null && warnings > maxWarnings;
  const failed = tooMany || linted.some((f) => f.error !== null) || all.some((d) => d.severity === 'error');
  const code = await withOutput(values.output, positionals, async (out) => {
    await report(out, linted, format, { lang, pretty: !!values.pretty, quiet: !!values.quiet });
    return failed ? EXIT.failed : EXIT.ok;
  });
  if (tooMany) warn(`vanban: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}`);
  return code;
}

/** The findings on stdout, in the format asked for. */
async function report(out: Output, linted: LintedFile[], format: (typeof FORMATS)[number], options: { lang: 'vi' | 'en'; pretty: boolean; quiet: boolean }): Promise<void> {
  const indent = options.pretty ? 2 : undefined;
  if (format === 'json') {
    await out.write(`${JSON.stringify({ files: linted }, null, indent)}\n`);
  } else if (format === 'sarif') {
    const { sarifLog } = await import('../../emit/sarif.js');
    const { vanbanVersion } = await import('../../batch/version.js');
    const log = sarifLog(linted, [...rules, ...archiveRules, ...documentCodes], { version: vanbanVersion(), lang: options.lang, cwd: process.cwd() });
    await out.write(`${JSON.stringify(log, null, indent)}\n`);
  } else if (format === 'github') {
    const { githubAnnotations } = await import('../../emit/github.js');
    const lines = githubAnnotations(linted, options.lang, process.cwd());
    if (lines.length) await out.write(`${lines.join('\n')}\n`);
  } else {
    const lines = linted.flatMap((f) => f.diagnostics.map((d) => line(f.file, d, options.lang)));
    const shown = options.quiet ? lines : [...lines, tally(linted.flatMap((f) => f.diagnostics), options.lang)];
    if (shown.length) await out.write(`${shown.join('\n')}\n`);
  }
}

/**
 * Each file's rule settings: those of `config` (a file named on the command line), of the nearest
 * vanban.config.json ('search') or none (null), overridden by --rule. Every config file is read
 * before any input, so a mistake in one stops the run before anything is linted or written.
 */
function configsFor(files: string[], config: string | 'search' | null, commandLine: RuleConfig | undefined): LintSettings['rulesFor'] {
  if (config === null) return () => ({ ...commandLine });
  if (config !== 'search') {
    const rules = mergeRules(readConfig(config), commandLine);
    return () => rules;
  }
  const folders = new Map<string, string | null>();
  const read = new Map<string, RuleConfig>();
  const byFile = new Map<string, RuleConfig>();
  for (const file of files) {
    const found = findConfig(file === '-' ? process.cwd() : dirname(file), folders);
    if (found !== null && !read.has(found)) read.set(found, readConfig(found));
    byFile.set(file, mergeRules(found === null ? undefined : read.get(found), commandLine));
  }
  return (file) => byFile.get(file) ?? { ...commandLine };
}

/** Each file's findings at `least` severity or above; a file that cannot be read is reported and the rest go on. */
async function lintAll(files: string[], reader: FileReader, settings: LintSettings): Promise<LintedFile[]> {
  const linted: LintedFile[] = [];
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    try {
      const programme = await withArchive(await reader.model(file), file, reader, settings);
      let shown = findings(programme, settings.rulesFor(file), settings.least);
      let reported = name;
      if (settings.fix !== 'none') {
        const written = await fixFile(programme, file, shown, settings);
        if (written !== null) {
          // What is left to do, with positions in the corrected file.
          shown = findings(await withArchive(await reader.model(written), written, reader, settings), settings.rulesFor(file), settings.least);
          reported = written;
        }
      }
      linted.push({ file: reported, error: null, diagnostics: shown });
    } catch (error) {
      const message = describeError(error, name);
      warn(`vanban: ${message}`);
      linted.push({ file: name, error: message, diagnostics: [] });
    }
  }
  return linted;
}

/** The archive's facts for each draft year, read from the database once. */
async function archiveOf(db: string): Promise<(year: number | null) => ArchiveFacts> {
  const [{ ArchiveDb }, { archiveFacts }, { defaultGrammar }] = await Promise.all([import('../../archive/db.js'), import('../../archive/facts.js'), import('../../grammar/load.js')]);
  const archive = await ArchiveDb.open(db);
  const checks = defaultGrammar().checks;
  const byYear = new Map<number | null, ArchiveFacts>();
  return (year) => {
    let facts = byYear.get(year);
    if (!facts) byYear.set(year, (facts = archiveFacts(archive, year, checks)));
    return facts;
  };
}

/** The model with the archive rules' findings added (--db). */
async function withArchive(programme: Programme, file: string, reader: FileReader, settings: LintSettings): Promise<Programme> {
  if (!settings.archive) return programme;
  const { defaultMatchers } = await import('../../recognise/compile.js');
  const text = await reader.text(file);
  const context = { text, matchers: defaultMatchers(), archive: settings.archive(programme.header.year) };
  const found = archiveRules.flatMap((rule) => rule.check(programme, context));
  return { ...programme, diagnostics: [...programme.diagnostics, ...found] };
}

function findings(programme: Programme, rules: RuleConfig, least: Severity): Diagnostic[] {
  return applyRuleConfig(programme.diagnostics, rules)
    .filter((d) => rank(d.severity) >= rank(least))
    .sort(byPosition);
}

/** FILE.fixed.EXT beside FILE ("du-thao.docx" → "du-thao.fixed.docx"). */
export function fixedName(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.fixed${ext}`);
}

/**
 * Applies the repairs of the shown findings and writes the corrected file; says on stderr what
 * was fixed and what was not. Returns the path written, or null when nothing was.
 */
async function fixFile(programme: Programme, file: string, shown: Diagnostic[], settings: LintSettings): Promise<string | null> {
  const { fixBytes, isFixable, textSource, FixRefusal, FIXABLE_FORMATS } = await import('../../check/fix.js');
  const wanted = shown.filter(isFixable);
  if (wanted.length === 0) return null;
  const { readBounded } = await import('../../ingest/file.js');
  const bytes = await readBounded(file, Number.POSITIVE_INFINITY);
  const format = programme.source.format as (typeof FIXABLE_FORMATS)[number];
  try {
    if (createHash('sha256').update(bytes).digest('hex') !== programme.source.sha256) throw new FixRefusal('changed while it was being linted', 'đã thay đổi trong khi đang kiểm tra');
    if (!FIXABLE_FORMATS.includes(format)) throw new FixRefusal(`a .${format} file cannot be fixed (only .txt, .md and .docx)`, `không sửa được tệp .${format} (chỉ .txt, .md và .docx)`);
    const { ingestBytes } = await import('../../ingest/file.js');
    const read = (b: Uint8Array) => ingestBytes(b, format, { revision: 'accepted', mammothCheck: 'never' });
    const result = await fixBytes(bytes, wanted, {
      read: async (b) => (await read(b)).text,
      source: async (b) => {
        if (format === 'docx') {
          const encoding = (await read(b)).encoding;
          // Legacy-font runs are converted on reading: writing Unicode back would change their font's text.
          if (encoding !== 'unicode') throw new FixRefusal(`has text in legacy fonts (${encoding}): it is not fixed rather than corrupted`, `có chữ phông cũ (${encoding}): không sửa để khỏi làm hỏng tệp`);
          return (await import('../../check/fix-docx.js')).docxSource(b);
        }
        return textSource(b, (await read(b)).encoding);
      },
    });
    const say = (d: Diagnostic, what: string) => warn(`${where(file, d)} ${what} (${d.code})`);
    for (const { finding, reason, reasonVi } of result.refused) say(finding, settings.lang === 'en' ? `not fixed: ${reason}` : `không sửa: ${reasonVi}`);
    if (result.fixed.length === 0) return null;
    const target = settings.fix === 'in-place' ? file : fixedName(file);
    const { writeAtomic } = await import('../../batch/atomic.js');
    const mode = (await stat(file)).mode & 0o7777;
    await writeAtomic(target, result.bytes).catch((error: unknown) => {
      throw isSystemError(error) ? new InputError(`cannot write ${target}: ${systemReason(error)}`) : error;
    });
    if (settings.fix === 'in-place') await chmod(target, mode);
    for (const { finding, written } of result.fixed) say(finding, `${settings.lang === 'en' ? 'fixed' : 'đã sửa'}: '${written}' → '${finding.fix.text}'`);
    warn(`vanban: ${target}: ${settings.lang === 'en' ? `${plural(result.fixed.length, 'fix', 'fixes')} written` : `đã ghi ${result.fixed.length} chỗ sửa`}`);
    return target;
  } catch (error) {
    if (!(error instanceof FixRefusal)) throw error;
    warn(`vanban: ${file}: ${settings.lang === 'en' ? `not fixed: ${error.message}` : `không sửa: ${error.vi}`}`);
    return null;
  }
}
