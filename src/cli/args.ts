import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { RuleConfig } from '../check/rule.js';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;
type Config<O extends Options> = { args: string[]; options: typeof HELP_OPTION & O; allowPositionals: true; strict: true };
export type CommandLine<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>;

/** node:util parseArgs, with its errors turned into usage errors (exit 2). */
export function parseCommandLine<O extends Options>(argv: string[], options: O): CommandLine<O> {
  try {
    return parseArgs<Config<O>>({ args: argv, options: { ...HELP_OPTION, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/** `--max-size`: bytes; 0 for no limit, as for --timeout and --max-memory. */
export function parseSize(raw: string | undefined): number | undefined {
  const size = parseSizeAs(raw, '--max-size');
  return size === 0 ? Number.POSITIVE_INFINITY : size;
}

function parseSizeAs(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(raw.trim());
  if (!m) throw new UsageError(`${flag}: "${raw}" is not a size (e.g. 50MB, 800KB)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * unit);
}

/** `--timeout SECONDS` and `--max-memory SIZE`: how long and how much memory reading one file may take. */
export const LIMIT_OPTIONS = {
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
} as const;

/** Seconds (fractions allowed) to milliseconds; 0 for no limit. */
/** A whole number of at least 1, or undefined when the option is absent; else a usage error naming the flag. */
export function positiveInteger(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: "${raw}" is not a positive whole number`);
  return n;
}

export function parseTimeout(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const seconds = /^\d+(?:\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(seconds)) throw new UsageError(`--timeout: "${raw}" is not a number of seconds`);
  return Math.round(seconds * 1000);
}

/** A heap limit in MB: "400" (MB), "512MB", "1GB"; 0 for V8's own limit. */
export function parseMemory(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const mb = /^\d+$/.test(raw.trim()) ? Number(raw) : Math.floor((parseSizeAs(raw, '--max-memory') ?? 0) / 1024 ** 2);
  if (mb !== 0 && mb < 16) throw new UsageError(`--max-memory: "${raw}" is too little for a worker (at least 16MB, or 0 for no limit)`);
  return mb;
}

/** The FILE arguments of a command that reads several: at least one, and stdin ("-") at most once. */
export function filesOf(positionals: string[], command: string): string[] {
  if (positionals.length === 0) throw new UsageError(`${command}: missing FILE`);
  if (positionals.filter((f) => f === '-').length > 1) throw new UsageError(`${command}: "-" (standard input) can be read only once`);
  return positionals;
}

export const INPUT_OPTIONS = {
  revision: { type: 'string' },
  'max-size': { type: 'string' },
  mammoth: { type: 'boolean' },
  'no-mammoth': { type: 'boolean' },
} as const;

/** The ingest options every command that reads files shares. */
export function ingestOptions(values: { revision?: string; 'max-size'?: string; mammoth?: boolean; 'no-mammoth'?: boolean }) {
  return { revision: revisionOf(values.revision), maxSize: parseSize(values['max-size']), mammothCheck: mammothOf(values) };
}

export function mammothOf(values: { mammoth?: boolean; 'no-mammoth'?: boolean }): 'auto' | 'always' | 'never' {
  if (values.mammoth && values['no-mammoth']) throw new UsageError('--mammoth and --no-mammoth contradict each other');
  return values.mammoth ? 'always' : values['no-mammoth'] ? 'never' : 'auto';
}

export function revisionOf(raw: string | undefined): 'accepted' | 'original' {
  if (raw === undefined || raw === 'accepted' || raw === 'original') return raw ?? 'accepted';
  throw new UsageError(`--revision must be "accepted" or "original", not "${raw}"`);
}

export const INPUT_HELP = `  --revision accepted|original  for .docx/.doc with tracked changes: the text with the changes
                                accepted (default) or as it was before them
  --max-size SIZE               refuse inputs larger than SIZE (default 100MB; 0: no limit)
  --mammoth, --no-mammoth       for .docx: always / never have mammoth read the file as a
                                second opinion that reports what vanban's reader missed; by
                                default it does when the reader meets elements it does not know`;

/** `--lang vi|en`: the language of findings, outlines, diffs and summaries. */
export const LANG_OPTION = { lang: { type: 'string' } } as const;

export const LANG_HELP = `  --lang vi|en                  language of the findings and of vanban's own words (default
                                vi; en when LC_ALL, LC_MESSAGES or LANG starts with "en")`;

export type Lang = 'vi' | 'en';

/**
 * The language asked for: --lang wins; else the locale (LC_ALL, then LC_MESSAGES, then LANG, the
 * first that is set, as POSIX reads them) when it is English; else Vietnamese.
 */
export function langOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) {
    if (flag === 'vi' || flag === 'en') return flag;
    throw new UsageError(`--lang must be "vi" or "en", not "${flag}"`);
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^en/i.test(locale) ? 'en' : 'vi';
}

/** What every command that reads files takes: how to read them, how long, and in which language to speak. */
export const READ_OPTIONS = { ...INPUT_OPTIONS, ...LIMIT_OPTIONS, ...LANG_OPTION } as const;

/** `-o/--output FILE`: where the output goes instead of stdout, written whole or not at all. */
export const OUTPUT_OPTION = { output: { type: 'string', short: 'o' } } as const;

export const OUTPUT_HELP = `  -o, --output FILE             write to FILE instead of standard output: whole or not at all
                                (a temporary file renamed at the end); FILE may not be an input`;

/** The reading limits of a one-shot command: none unless asked for. */
export function limitOptions(values: { timeout?: string; 'max-memory'?: string }): { timeoutMs: number; memoryMb?: number } {
  const memoryMb = parseMemory(values['max-memory']);
  return { timeoutMs: parseTimeout(values.timeout, 0), ...(memoryMb !== undefined ? { memoryMb } : {}) };
}

export const LIMIT_HELP = `  --timeout SECONDS             give up on a file that takes longer to read (default: none)
  --max-memory SIZE             give up on a file that needs more memory (default: none; 400MB
                                with --timeout). Either reads in a worker thread`;

/** `--rule CODE=off|info|warning|error`, repeatable: lint rules turned off or given another severity. */
export const RULE_OPTION = { rule: { type: 'string', multiple: true } } as const;

export const RULE_HELP = `  --rule CODE=LEVEL             turn a rule off or change its severity (LEVEL: off, info,
                                warning, error); repeatable. "vanban lint --help" lists the codes`;

/** The --rule settings, or undefined when none; an unknown code or level is a usage error. */
export async function ruleConfig(settings: string[] | undefined): Promise<RuleConfig | undefined> {
  if (!settings?.length) return undefined;
  const { parseRuleSettings } = await import('../check/index.js');
  try {
    return parseRuleSettings(settings);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
