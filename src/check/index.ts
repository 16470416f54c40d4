import type { Diagnostic, Programme } from '../model/programme.js';
import { textMap } from './locate.js';
import type { CheckContext, Rule, RuleConfig, Severity } from './rule.js';
import { anniversaryMismatch } from './rules/anniversary-mismatch.js';
import { archiveRules } from './rules/archive.js';
import { attributionMissingItem } from './rules/attribution-missing-item.js';
import { citationKindMarks } from './rules/citation-kind-marks.js';
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

export type { ArchiveFacts, CheckContext, Rule, RuleConfig, Severity } from './rule.js';
export { archiveRules } from './rules/archive.js';

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
  citationKindMarks,
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
  const shared: CheckContext = context.map ? context : { ...context, map: textMap(context.text) };
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    if (!applies(rule, shared)) continue;
    const own = rule.check(programme, shared);
    for (let i = 0; i < own.length; i++) found.push(own[i]!);
  }
  return applyRuleConfig(found, context.config).sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code),
  );
}

/**
 * Findings that come from the document as a whole rather than from a rule module: they can be
 * configured with `--rule` like the rules.
 */
export const documentCodes: { code: string; severity: Severity; summary: { vi: string; en: string } }[] = [
  { code: 'header-not-found', severity: 'warning', summary: { vi: 'Không tìm thấy phần đầu văn bản', en: 'No document header found (issuer, number, date, document type).' } },
  { code: 'genre-unknown', severity: 'warning', summary: { vi: 'Không nhận ra thể loại văn bản', en: 'The kind of document was not recognised: only the generic outline was read.' } },
  { code: 'unclassified-text', severity: 'info', summary: { vi: 'Văn bản nằm ngoài các phần của văn bản', en: 'Text outside the document\'s parts (site chrome, stray lines), kept as residue.' } },
  { code: 'legacy-text-converted', severity: 'info', summary: { vi: 'Văn bản mã TCVN3/VNI đã chuyển sang Unicode', en: 'Legacy TCVN3 or VNI text recognised from its letters and converted to Unicode.' } },
  { code: 'ingest-warning', severity: 'warning', summary: { vi: 'Điều trình đọc tệp nhận thấy', en: "What the file's reader noticed (mammoth's warnings, text it could not read)." } },
  { code: 'ingest-info', severity: 'info', summary: { vi: 'Điều trình đọc tệp ghi nhận', en: "What the file's reader noted (tracked changes shown, ...)." } },
];

/** Every code a `--rule CODE=…` may name. */
export function ruleCodes(): string[] {
  return [...rules.map((r) => r.code), ...archiveRules.map((r) => r.code), ...documentCodes.map((d) => d.code)];
}

export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;

/**
 * "CODE=off|info|warning|error" settings to a RuleConfig; a mistake throws an Error whose message
 * is one line naming the setting (the CLI makes it a usage error).
 */
export function parseRuleSettings(settings: readonly string[]): RuleConfig {
  const known = new Set(ruleCodes());
  const config: RuleConfig = {};
  for (const setting of settings) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(setting);
    if (!m) throw new Error(`--rule: "${setting}" is not CODE=off|info|warning|error`);
    const [, code, level] = m as unknown as [string, string, string];
    if (!known.has(code)) throw new Error(`--rule: unknown rule "${code}" (vanban lint --help lists them)`);
    if (!(RULE_LEVELS as readonly string[]).includes(level)) throw new Error(`--rule ${code}: level must be off, info, warning or error, not "${level}"`);
    config[code] = level as RuleConfig[string];
  }
  return config;
}

/**
 * The diagnostics with the user's settings applied: a code set 'off' is dropped, another level
 * replaces the finding's own. Idempotent, so it is safe after runChecks has honoured the config.
 */
export function applyRuleConfig(diagnostics: readonly Diagnostic[], config: RuleConfig | undefined): Diagnostic[] {
  if (!config || Object.keys(config).length === 0) return [...diagnostics];
  return diagnostics.flatMap((d) => {
    const level = config[d.code];
    if (level === undefined) return [d];
    if (level === 'off') return [];
    return [{ ...d, severity: level }];
  });
}
