import type { DiffResult } from '../model/diff.js';
import { WORDS, describe, groupOf, summary, type Lang, type Style } from './describe.js';

export interface TextOptions {
  /** ANSI colours (the CLI turns them on for a terminal unless NO_COLOR is set). */
  color?: boolean;
  /** Longest item text quoted to say which item is meant. */
  width?: number;
  /** A first line naming what is compared. */
  title?: string;
  /** The diff's own words: Vietnamese (default) or English; the drafts' text stays as written. */
  lang?: Lang;
}

const ansi = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;

/** The changes for a person at a terminal, in Vietnamese (or English), grouped by conference. */
export function renderText(diff: DiffResult, options: TextOptions = {}): string {
  const color = options.color ?? false;
  const lang = options.lang ?? 'vi';
  // The brackets stay with colour too: they survive copy and paste and colour-blind readers.
  const style: Style = {
    text: (s) => s,
    added: color ? (s) => ansi('32')(`{+${s}+}`) : (s) => `{+${s}+}`,
    removed: color ? (s) => ansi('31')(`[-${s}-]`) : (s) => `[-${s}-]`,
    strong: color ? ansi('1') : (s) => s,
  };
  const marks: Record<string, (s: string) => string> = color
    ? { '+': ansi('32'), '−': ansi('31'), '~': ansi('33'), '→': ansi('36'), '#': ansi('36') }
    : {};
  const out: string[] = options.title ? [color ? ansi('2')(options.title) : options.title, ''] : [];
  let group: string | null = null;
  for (const change of diff.changes) {
    const g = groupOf(change, lang);
    if (g.key !== group) {
      if (group !== null) out.push('');
      const heading = g.conference ? `${g.conference.ordinal}. ${g.conference.title}${g.gone ? ` (${WORDS[lang].oldSide})` : ''}` : g.title;
      out.push(color ? ansi('1;4')(heading) : heading);
      group = g.key;
    }
    const d = describe(change, style, options.width, lang);
    out.push(`  ${(marks[d.mark] ?? ((s: string) => s))(d.mark)} ${d.line}`);
    for (const detail of d.details) out.push(`      ${detail}`);
  }
  if (diff.changes.length) out.push('');
  out.push(summary(diff.changes, lang));
  return `${out.join('\n')}\n`;
}
