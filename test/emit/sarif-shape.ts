import { expect } from 'vitest';
import { z } from 'zod';

// The essential shape of a SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
// written from the standard's JSON schema: the required properties and their types, and the
// properties vanban writes, strictly, so a misspelt one fails.
const Text = z.strictObject({ text: z.string().min(1) });
const Level = z.enum(['none', 'note', 'warning', 'error']);
const Region = z
  .strictObject({ startLine: z.int().min(1), startColumn: z.int().min(1), endLine: z.int().min(1), endColumn: z.int().min(1) })
  .refine((r) => r.endLine > r.startLine || (r.endLine === r.startLine && r.endColumn >= r.startColumn), 'a region ends after it starts');
const Location = z.strictObject({
  physicalLocation: z.strictObject({
    // A relative URI reference: no scheme, forward slashes, percent-encoded.
    artifactLocation: z.strictObject({ uri: z.string().regex(/^(?![a-z][a-z0-9+.-]*:)[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/i) }),
    region: Region.optional(),
  }),
});
const ReportingDescriptor = z.strictObject({
  id: z.string().min(1),
  shortDescription: Text,
  fullDescription: Text,
  defaultConfiguration: z.strictObject({ level: Level }),
});
const Result = z.strictObject({ ruleId: z.string(), ruleIndex: z.int().min(-1).optional(), level: Level, message: Text, locations: z.array(Location).optional() });
const SarifLog = z.strictObject({
  $schema: z.url(),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.strictObject({
        tool: z.strictObject({
          driver: z.strictObject({ name: z.string().min(1), version: z.string().min(1), informationUri: z.url(), rules: z.array(ReportingDescriptor) }),
        }),
        invocations: z.array(
          z.strictObject({
            executionSuccessful: z.boolean(),
            toolExecutionNotifications: z.array(z.strictObject({ level: Level, message: Text, locations: z.array(Location).optional() })),
          }),
        ),
        columnKind: z.enum(['utf16CodeUnits', 'unicodeCodePoints']),
        results: z.array(Result),
      }),
    )
    .length(1),
});

export function validSarif(value: unknown): z.infer<typeof SarifLog> {
  const log = SarifLog.parse(value);
  const driver = log.runs[0]!.tool.driver;
  // A result's ruleIndex names the rule with its ruleId.
  for (const r of log.runs[0]!.results) if (r.ruleIndex !== undefined) expect(driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  return log;
}

