import { plural } from '../check/describe.js';
import { defaultGrammar } from '../grammar/load.js';
import type { OutlineNode, Programme } from '../model/programme.js';

export type Lang = 'vi' | 'en';


/** Every word the outline prints itself, in both languages; the document's own text stays as written. */
const WORDS = {
  vi: {
    unknownType: '(không rõ loại văn bản)',
    draft: 'Dự thảo',
    year: 'năm',
    term: 'khóa',
    period: 'nhiệm kỳ',
    noLead: '(chưa có cơ quan chủ trì)',
    preamble: (n: number) => `(${n} đoạn mở đầu)`,
    paragraphs: (n: number) => `(${n} đoạn)`,
    recipients: 'Nơi nhận',
    signed: 'Ký',
    line: 'dòng',
    genre: 'Thể loại',
    unknownGenre: 'không rõ (unknown)',
    table: (n: number) => `[bảng, ${n} dòng]`,
    tasks: 'Nhiệm vụ',
    lead: 'chủ trì',
    partners: 'phối hợp',
    deadline: 'thời hạn',
    schedule: 'Lịch',
    noDate: '(không rõ ngày)',
    chair: 'chủ trì',
    place: 'địa điểm',
    preparer: 'chuẩn bị',
    conferenceCounts: (conferences: number, items: number, citations: number, warnings: number, errors: number) =>
      `${conferences} hội nghị, ${items} nội dung, ${citations} trích dẫn, ${warnings} cảnh báo, ${errors} lỗi`,
    genericCounts: (nodes: number, tasks: number, entries: number, residue: number, citations: number, warnings: number, errors: number) =>
      `${nodes} mục đề cương, ${tasks} nhiệm vụ, ${entries} mục lịch, ${residue} đoạn chưa phân loại, ${citations} trích dẫn, ${warnings} cảnh báo, ${errors} lỗi`,
  },
  en: {
    unknownType: '(document type not found)',
    draft: 'Draft',
    year: 'year',
    term: 'term',
    period: 'term of office',
    noLead: '(no lead agency)',
    preamble: (count: number) => `(${plural(count, 'opening paragraph')})`,
    paragraphs: (count: number) => `(${plural(count, 'paragraph')})`,
    recipients: 'Recipients',
    signed: 'Signed',
    line: 'line',
    genre: 'Genre',
    unknownGenre: 'unknown',
    table: (count: number) => `[table, ${plural(count, 'row')}]`,
    tasks: 'Tasks',
    lead: 'lead',
    partners: 'with',
    deadline: 'by',
    schedule: 'Schedule',
    noDate: '(no date)',
    chair: 'chair',
    place: 'place',
    preparer: 'prepared by',
    conferenceCounts: (conferences: number, items: number, citations: number, warnings: number, errors: number) =>
      [plural(conferences, 'conference'), plural(items, 'item'), plural(citations, 'citation'), plural(warnings, 'warning'), plural(errors, 'error')].join(', '),
    genericCounts: (nodes: number, tasks: number, entries: number, residue: number, citations: number, warnings: number, errors: number) =>
      [plural(nodes, 'outline node'), plural(tasks, 'task'), plural(entries, 'schedule entry', 'schedule entries'), plural(residue, 'unclassified passage'), plural(citations, 'citation'), plural(warnings, 'warning'), plural(errors, 'error')].join(', '),
  },
} satisfies Record<Lang, unknown>;
type Words = (typeof WORDS)['vi'];

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

/**
 * A readable outline of the model, for a person at a terminal: conferences and their items for a
 * conference programme, the generic tree with tasks and schedule entries for any other document.
 */
export function outline(p: Programme, width = 100, lang: Lang = 'vi'): string {
  const w: Words = WORDS[lang];
  return isConferenceProgramme(p) ? conferenceOutline(p, width, w, lang) : genericOutline(p, width, w, lang);
}

function isConferenceProgramme(p: Programme): boolean {
  return p.genre === 'conference-programme' || (p.genre === 'unknown' && p.conferences.length > 0);
}

/** The header lines every outline opens with: type and title, issuer, number, place and date, year and term. */
function headerLines(p: Programme, w: Words): string[] {
  const out: string[] = [];
  const h = p.header;
  out.push([h.docType, h.title].filter(Boolean).join(' — ') || w.unknownType);
  const meta = [
    h.issuer,
    h.number?.raw,
    h.draft ? (h.draftLabel ?? w.draft) : null,
    [h.place, h.date?.raw].filter(Boolean).join(', ') || null,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join(' · '));
  const scope = [
    h.year !== null ? `${w.year} ${h.year}` : null,
    h.term ? `${w.term} ${h.term}` : null,
    h.period ? `${w.period} ${h.period.from}–${h.period.to}` : null,
  ].filter(Boolean);
  if (scope.length) out.push(scope.join(' · '));
  return out;
}

function conferenceOutline(p: Programme, width: number, w: Words, lang: Lang): string {
  const out = headerLines(p, w);
  out.push('');
  const conferencesIn = (label: string | null) => p.conferences.filter((c) => c.section === label);
  const printConferences = (label: string | null) => {
    for (const c of conferencesIn(label)) {
      out.push(`  ${c.ordinal}. ${c.title}`);
      for (const item of c.items) {
        const ids = item.citations.map((x) => x.id).filter(Boolean);
        const tail = [ids.length ? `[${ids.join(', ')}]` : '', item.leadAgencies.length ? `— ${item.leadAgencies.join('; ')}` : `— ${w.noLead}`]
          .filter(Boolean)
          .join(' ');
        out.push(`     (${item.number}) ${clip(item.text, Math.max(30, width - 8 - tail.length))} ${tail}`);
      }
    }
  };
  if (p.preamble.length) out.push(w.preamble(p.preamble.length));
  printConferences(null);
  for (const s of p.sections) {
    out.push(`${s.label}. ${s.title}${s.paragraphs.length ? ` ${w.paragraphs(s.paragraphs.length)}` : ''}`);
    printConferences(s.label);
  }
  out.push('');
  if (p.recipients.length) out.push(`${w.recipients} (${p.recipients.length}): ${p.recipients.join('; ')}`);
  if (p.signature) out.push(`${w.signed}: ${[p.signature.authority, p.signature.body, p.signature.position, p.signature.name].filter(Boolean).join(' ')}`);
  const items = p.conferences.reduce((n, c) => n + c.items.length, 0);
  const errors = p.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = p.diagnostics.filter((d) => d.severity === 'warning').length;
  out.push(w.conferenceCounts(p.conferences.length, items, p.citations.length, warnings, errors));
  for (const d of p.diagnostics.filter((x) => x.severity !== 'info')) {
    out.push(`  ${w.line} ${d.line ?? '?'}: ${lang === 'en' ? d.messageEn : d.message} (${d.code})`);
  }
  return out.join('\n');
}

/** Words in lines of at most `width` characters (a longer word gets a line of its own), each after `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && indent.length + current.length + 1 + word.length > width) {
      lines.push(indent + current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(indent + current);
  return lines;
}

function genreName(genre: string, w: Words, lang: Lang): string {
  if (genre === 'unknown') return w.unknownGenre;
  let name: string | undefined;
  try {
    name = defaultGrammar().genres.find((g) => g.genre === genre)?.name[lang];
  } catch {
    name = undefined;
  }
  return name && name !== genre ? `${name} (${genre})` : genre;
}

const countOf = (nodes: readonly OutlineNode[]): number => nodes.reduce((n, x) => n + 1 + countOf(x.children), 0);

/** Any genre: the outline tree (labels, headings and texts clipped to the width, roles), tasks, schedule, footer, counts. */
function genericOutline(p: Programme, width: number, w: Words, lang: Lang): string {
  const out = headerLines(p, w);
  out.push(`${w.genre}: ${genreName(p.genre, w, lang)}`, '');
  const tree = (nodes: readonly OutlineNode[], depth: number) => {
    for (const node of nodes) {
      const indent = '  '.repeat(depth);
      const role = node.role ? ` ‹${node.role}›` : '';
      if (node.kind === 'table') {
        out.push(`${indent}${w.table(node.children.length)}${role}`);
        tree(node.children, depth + 1);
        continue;
      }
      const own =
        node.kind === 'row' && node.children.length
          ? node.children.map((c) => c.text ?? c.heading ?? '').join(' | ')
          : (node.heading ?? node.text ?? '');
      const label = node.label ? `${node.label} ` : node.kind === 'row' ? '| ' : '';
      const room = Math.max(20, width - indent.length - label.length - role.length);
      out.push(`${indent}${label}${clip(own, room)}${role}`);
      if (node.kind !== 'row') tree(node.children, depth + 1);
    }
  };
  tree(p.outline, 0);
  if (p.tasks.length) {
    out.push('', `${w.tasks} (${p.tasks.length}):`);
    p.tasks.forEach((t, i) => {
      out.push(`  ${i + 1}. ${clip(t.text, Math.max(20, width - 6))}`);
      const who = [
        t.lead.length ? `${w.lead}: ${t.lead.join('; ')}` : w.noLead,
        t.partners.length ? `${w.partners}: ${t.partners.join('; ')}` : null,
        t.deadline ? `${w.deadline}: ${t.deadline.raw}` : null,
      ].filter(Boolean);
      out.push(...wrap(who.join(' · '), width, '     '));
    });
  }
  if (p.schedule.length) {
    out.push('', `${w.schedule} (${p.schedule.length}):`);
    for (const e of p.schedule) {
      const when = [e.date ?? w.noDate, e.time].filter(Boolean).join(' ');
      out.push(`  ${when} ${clip(e.text, Math.max(20, width - when.length - 3))}`);
      const more = [e.chair ? `${w.chair}: ${e.chair}` : null, e.place ? `${w.place}: ${e.place}` : null, e.preparer ? `${w.preparer}: ${e.preparer}` : null].filter(Boolean);
      if (more.length) out.push(...wrap(more.join(' · '), width, '     '));
    }
  }
  out.push('');
  if (p.recipients.length) out.push(`${w.recipients} (${p.recipients.length}): ${p.recipients.join('; ')}`);
  if (p.signature) out.push(`${w.signed}: ${[p.signature.authority, p.signature.body, p.signature.position, p.signature.name].filter(Boolean).join(' ')}`);
  const errors = p.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = p.diagnostics.filter((d) => d.severity === 'warning').length;
  out.push(w.genericCounts(countOf(p.outline), p.tasks.length, p.schedule.length, p.residue.length, p.citations.length, warnings, errors));
  for (const d of p.diagnostics.filter((x) => x.severity !== 'info')) {
    out.push(`  ${w.line} ${d.line ?? '?'}: ${lang === 'en' ? d.messageEn : d.message} (${d.code})`);
  }
  return out.join('\n');
}
