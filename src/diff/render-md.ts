import type { DiffResult } from '../model/diff.js';
import { WORDS, describe, groupOf, summary, type Lang, type Style } from './describe.js';

const escape = (s: string) => s.replace(/([\\`*_~[\]<>|#])/g, '\\$1');

const style: Style = {
  text: escape,
  added: (s) => `<ins>${s}</ins>`,
  removed: (s) => `~~${s}~~`,
  strong: (s) => `**${s}**`,
};

/** The changes as Markdown, for a review comment or a ticket: one section per conference. */
export function renderMarkdown(diff: DiffResult, title?: string, lang: Lang = 'vi'): string {
  const heading = title ?? (lang === 'en' ? 'Changes between the two drafts' : 'Những thay đổi giữa hai bản dự thảo');
  const out = [`# ${escape(heading)}`, '', escape(summary(diff.changes, lang))];
  let group: string | null = null;
  for (const change of diff.changes) {
    const g = groupOf(change, lang);
    if (g.key !== group) {
      const heading = g.conference ? `${g.conference.ordinal}. ${escape(g.conference.title)}${g.gone ? ` (${WORDS[lang].oldSide})` : ''}` : g.title;
      out.push('', `## ${heading}`, '');
      group = g.key;
    }
    const d = describe(change, style, Number.POSITIVE_INFINITY, lang);
    out.push(`- ${d.line}`);
    for (const detail of d.details) out.push(`  - ${detail}`);
  }
  return `${out.join('\n')}\n`;
}
