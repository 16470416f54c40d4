import type { Diagnostic, Programme } from '../model/programme.js';
import type { Matchers } from '../recognise/compile.js';
import type { Position } from './locate.js';

export interface CheckContext {
  /** The normalized text that citation spans index into and line numbers count in. */
  text: string;
  matchers: Matchers;
}

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
