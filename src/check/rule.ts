import type { Diagnostic, Programme } from '../model/programme.js';
import type { Genre } from '../grammar/schema.js';
import type { Matchers } from '../recognise/compile.js';
import type { Position } from './locate.js';

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
}

export type RuleConfig = Record<string, 'off' | Severity>;

export type Severity = Diagnostic['severity'];

/** One lint rule: a stable code, one severity, what it looks for, and its findings. */
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
