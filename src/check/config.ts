import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { RULE_LEVELS, ruleCodes, type RuleConfig } from './index.js';

/** The file `vanban lint` looks for, from each linted file's folder up to the root. */
export const CONFIG_NAME = 'vanban.config.json';

/** A config file that cannot be read or says something vanban does not know: one line naming the file. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const Level = z.enum(RULE_LEVELS, {
  error: (issue) => `level must be off, info, warning or error, not ${JSON.stringify(issue.input)}`,
});

const ConfigFile = z
  .strictObject(
    {
      $schema: z.string().optional(),
      rules: z.record(z.string(), Level).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (only "rules")` : 'must be a JSON object {"rules": {...}}') },
  )
  .superRefine((config, context) => {
    const known = new Set(ruleCodes());
    for (const code of Object.keys(config.rules ?? {})) {
      if (!known.has(code)) context.addIssue({ code: 'custom', path: ['rules', code], message: `unknown rule "${code}" (vanban lint --help lists them)` });
    }
  });

/** A config file's rules, validated; a mistake is a ConfigError naming the file and the first problem. */
export function readConfig(file: string): RuleConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ConfigError(file, `not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    throw new ConfigError(file, `${where}${issue.message}`);
  }
  return { ...parsed.data.rules };
}

/**
 * The nearest vanban.config.json in `folder` or a folder above it, up to the file-system root,
 * or null. Only the nearest counts: settings are not merged down the tree.
 */
export function findConfig(folder: string, cache = new Map<string, string | null>()): string | null {
  const seen: string[] = [];
  let found: string | null = null;
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    const cached = cache.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(dir);
    const candidate = join(dir, CONFIG_NAME);
    if (isFile(candidate)) {
      found = candidate;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  for (const dir of seen) cache.set(dir, found);
  return found;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Precedence: a rule's own severity, then the config file, then `--rule` on the command line. */
export function mergeRules(fromFile: RuleConfig | undefined, fromCommandLine: RuleConfig | undefined): RuleConfig {
  return { ...fromFile, ...fromCommandLine };
}
