import type { Diagnostic, Programme } from '../model/programme.js';
import type { Genre } from '../grammar/schema.js';
import type { Matchers } from '../recognise/compile.js';
import type { Position, TextMap } from './locate.js';

export interface CheckContext {
  /** The normalized text that citation spans index into and line numbers count in. */
  text: string;
  matchers: Matchers;
  /** The document's genre: only its rules run (null: the rules any document can break). */
  genre?: Genre | null;
  /** False when no header was found: the rules that read it stay quiet. */
  headerFound?: boolean;
  /** Per rule: 'off', or the severity it reports with instead of its own. */
  config?: RuleConfig;
  /** The map of `text`, made once by runChecks for all its rules; a rule run alone makes its own (locate.ts mapOf). */
  map?: TextMap;
  /** What an archive database knows (`vanban lint --db`): only the archive rules read it. */
  archive?: ArchiveFacts;
}

/** What the archive rules learn from `vanban index`'s database (src/archive/facts.ts). */
export interface ArchiveFacts {
  /** Every cited document by canonical id: the date and year most of its citations give. */
  cited: Map<string, { kind: string; date: string | null; year: number }>;
  /** The documents due for a review in the draft's year that the archive's programmes reviewed before. */
  due: { id: string; kind: string; date: string | null; years: number; action: string; last: { year: number | null; said: string; document: string } }[];
  /** Lead agencies as earlier programmes wrote them, with how often. */
  agencies: Map<string, number>;
}

export type RuleConfig = Record<string, 'off' | Severity>;

export type Severity = Diagnostic['severity'];

/**
 * One lint rule: a stable code, one severity, what it looks for, and its findings. A rule runs
 * once per parse, much of it before its code is optimized: it walks the model's lists by index,
 * as for-of made an iterator result per element there (≈ 30,000 citations in 10 MB).
 */
export interface Rule {
  code: string;
  severity: Severity;
  summary: { vi: string; en: string };
  check(programme: Programme, context: CheckContext): Diagnostic[];
}

/** A finding of `rule` at `at`, with its message in both languages. */
export function finding(rule: Pick<Rule, 'code' | 'severity'>, at: Position | null, vi: string, en: string): Diagnostic {
  return { code: rule.code, severity: rule.severity, message: vi, messageEn: en, line: at?.line ?? null, column: at?.column ?? null };
}
