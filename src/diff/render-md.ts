import type { DiffResult } from '../model/diff.js';
import { describe, groupOf, summary, type Style } from './describe.js';

const escape = (s: string) => s.replace(/([\\`*_~[\]<>|#])/g, '\\$1');

const style: Style = {
  text: escape,
  added: (s) => `<ins>${s}</ins>`,
  removed: (s) => `~~${s}~~`,
  strong: (s) => `**${s}**`,
};

/** The changes as Markdown, for a review comment or a ticket: one section per conference. */
export function renderMarkdown(diff: DiffResult, title = 'Những thay đổi giữa hai bản dự thảo'): string {
  const out = [`# ${escape(title)}`, '', escape(summary(diff.changes))];
  let group: string | null = null;
  for (const change of diff.changes) {
    const g = groupOf(change);
    if (g.key !== group) {
      const heading = g.conference ? `${g.conference.ordinal}. ${escape(g.conference.title)}${g.gone ? ' (bản cũ)' : ''}` : g.title;
      out.push('', `## ${heading}`, '');
      group = g.key;
    }
    const d = describe(change, style, Number.POSITIVE_INFINITY);
    out.push(`- ${d.line}`);
    for (const detail of d.details) out.push(`  - ${detail}`);
  }
  return `${out.join('\n')}\n`;
}
