import type { Diagnostic, Programme } from '../model/programme.js';
import type { Matchers } from '../recognise/compile.js';

export interface CheckContext {
  text: string;
  matchers: Matchers;
}

/** One lint rule: a stable code, and a function from the model to its findings. */
export interface Rule {
  code: string;
  check(programme: Programme, context: CheckContext): Diagnostic[];
}

export const rules: Rule[] = [];

export function runChecks(programme: Programme, context: CheckContext): Diagnostic[] {
  const found = rules.flatMap((rule) => rule.check(programme, context));
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
