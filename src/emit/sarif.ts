import { relative, sep } from 'node:path';
import type { Diagnostic } from '../model/programme.js';

/** One linted file as `vanban lint` reports it. */
export interface LintedFile {
  file: string;
  /** The one-line error when the file could not be read, else null. */
  error: string | null;
  diagnostics: Diagnostic[];
}

/** A rule as the SARIF driver lists it. */
export interface RuleDescription {
  code: string;
  severity: Diagnostic['severity'];
  summary: { vi: string; en: string };
}

export interface SarifOptions {
  version: string;
  lang: 'vi' | 'en';
  /** Artifact URIs are relative to this folder (the current directory). */
  cwd: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/vanban';

/** SARIF's three levels: an info finding is a "note". */
export function sarifLevel(severity: Diagnostic['severity']): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

/**
 * A SARIF 2.1.0 log of one run, for code-scanning viewers (GitHub code scanning, VS Code's SARIF
 * viewer): the driver with every rule, one result per finding, and a file that could not be read
 * as a tool execution notification. Columns count characters (code points), as vanban's do.
 */
export function sarifLog(files: readonly LintedFile[], rules: readonly RuleDescription[], options: SarifOptions) {
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const unreadable = files.filter((f) => f.error !== null);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'vanban',
            version: options.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.code,
              shortDescription: { text: r.summary[options.lang] },
              fullDescription: { text: options.lang === 'en' ? `${r.summary.en} (${r.summary.vi})` : `${r.summary.vi} (${r.summary.en})` },
              defaultConfiguration: { level: sarifLevel(r.severity) },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((f) => ({
              level: 'error' as const,
              message: { text: f.error! },
              ...location(f.file, null, options.cwd),
            })),
          },
        ],
        columnKind: 'unicodeCodePoints' as const,
        results: files.flatMap((f) =>
          f.diagnostics.map((d) => ({
            ruleId: d.code,
            ...(index.has(d.code) ? { ruleIndex: index.get(d.code)! } : {}),
            level: sarifLevel(d.severity),
            message: { text: options.lang === 'en' ? d.messageEn : d.message },
            ...location(f.file, d, options.cwd),
          })),
        ),
      },
    ],
  };
}

/** `locations` for a finding in `file`; none for standard input, which has no URI. */
function location(file: string, d: Diagnostic | null, cwd: string) {
  if (file === '<stdin>') return {};
  return { locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(file, cwd) }, ...region(d) } }] };
}

/**
 * Where the finding is: 1-based lines and columns; the end is the finding's own when it covers a
 * run of text, else the region is the point where it starts (endColumn = startColumn).
 */
function region(d: Diagnostic | null) {
  if (d?.line == null) return {};
  const startColumn = d.column ?? 1;
  const endLine = d.endLine ?? d.line;
  const endColumn = d.endColumn ?? startColumn;
  return { region: { startLine: d.line, startColumn, endLine, endColumn } };
}

/** A relative URI reference: the path from `cwd`, with forward slashes and each segment percent-encoded. */
export function fileUri(file: string, cwd: string): string {
  return relative(cwd, file).split(sep).map(encodeURIComponent).join('/');
}
