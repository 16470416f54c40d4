import type { Diagnostic } from '../model/programme.js';
import { relative, sep } from 'node:path';
import type { LintedFile } from './sarif.js';

/**
 * GitHub Actions workflow commands, one per finding, which the runner shows as annotations on the
 * pull request: `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=CODE::message`.
 */
export function githubAnnotations(files: readonly LintedFile[], lang: 'vi' | 'en', cwd: string): string[] {
  return files.flatMap((f) => {
    const file = f.file === '<stdin>' ? null : relative(cwd, f.file).split(sep).join('/');
    if (f.error !== null) return [command('error', { file, title: 'vanban' }, f.error)];
    return f.diagnostics.map((d) => command(levelOf(d), { file, ...where(d), title: d.code }, lang === 'en' ? d.messageEn : d.message));
  });
}

const levelOf = (d: Diagnostic) => (d.severity === 'info' ? 'notice' : d.severity);

function where(d: Diagnostic): Record<string, number | null> {
  if (d.line === null) return {};
  return { line: d.line, col: d.column, endLine: d.endLine ?? null, endColumn: d.endColumn ?? null };
}

function command(level: string, properties: Record<string, string | number | null>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** The runner's escaping of a command's message: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value is escaped as data, and its , and : too (they separate properties). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
