import type { Diagnostic, Programme } from '../model/programme.js';
import type { CheckContext, Rule } from './rule.js';
import { anniversaryMismatch } from './rules/anniversary-mismatch.js';
import { attributionMissingItem } from './rules/attribution-missing-item.js';
import { citationSpacingRepaired } from './rules/citation-spacing-repaired.js';
import { conferenceMonthOrder } from './rules/conference-month-order.js';
import { conferenceNumbering } from './rules/conference-numbering.js';
import { conferenceOutsideYear } from './rules/conference-outside-year.js';
import { draftFilled } from './rules/draft-filled.js';
import { finalBlank } from './rules/final-blank.js';
import { invalidDate } from './rules/invalid-date.js';
import { itemAttributedTwice } from './rules/item-attributed-twice.js';
import { itemNumbering } from './rules/item-numbering.js';
import { itemUnattributed } from './rules/item-unattributed.js';
import { sectionNumbering } from './rules/section-numbering.js';
import { termDateMismatch } from './rules/term-date-mismatch.js';
import { unbalancedQuotes } from './rules/unbalanced-quotes.js';
import { unknownTypeCode } from './rules/unknown-type-code.js';

export type { CheckContext, Rule, Severity } from './rule.js';

/** Every lint rule, in the order `vanban lint --help` lists them. */
export const rules: Rule[] = [
  anniversaryMismatch,
  termDateMismatch,
  attributionMissingItem,
  itemUnattributed,
  itemAttributedTwice,
  conferenceNumbering,
  itemNumbering,
  sectionNumbering,
  conferenceMonthOrder,
  conferenceOutsideYear,
  draftFilled,
  finalBlank,
  unknownTypeCode,
  invalidDate,
  citationSpacingRepaired,
  unbalancedQuotes,
];

/** Whether a rule runs on this document: its genre's rules, the header's rules only when there is one, and the user's choice. */
function applies(rule: Rule, context: CheckContext): boolean {
  const checks = context.matchers.grammar.checks;
  if (context.config?.[rule.code] === 'off') return false;
  if (context.headerFound === false && checks.needsHeader.includes(rule.code)) return false;
  if (context.genre === undefined) return true;
  if (context.genre === null) return checks.anyGenre.includes(rule.code);
  return context.genre.rules === 'all' || context.genre.rules.includes(rule.code);
}

export function runChecks(programme: Programme, context: CheckContext): Diagnostic[] {
  const found = rules
    .filter((rule) => applies(rule, context))
    .flatMap((rule) => rule.check(programme, context))
    .map((d) => {
      const severity = context.config?.[d.code];
      return severity && severity !== 'off' ? { ...d, severity } : d;
    });
  return found.sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code),
  );
}
