import { defaultGrammar } from '../grammar/load.js';
import type { OutlineNode, Programme } from '../model/programme.js';

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

/**
 * A readable outline of the model, for a person at a terminal: conferences and their items for a
 * conference programme, the generic tree with tasks and schedule entries for any other document.
 */
export function outline(p: Programme, width = 100): string {
  return isConferenceProgramme(p) ? conferenceOutline(p, width) : genericOutline(p, width);
}

function isConferenceProgramme(p: Programme): boolean {
  return p.genre === 'conference-programme' || (p.genre === 'unknown' && p.conferences.length > 0);
}

/** The header lines every outline opens with: type and title, issuer, number, place and date, year and term. */
function headerLines(p: Programme): string[] {
  const out: string[] = [];
  const h = p.header;
  out.push([h.docType, h.title].filter(Boolean).join(' — ') || '(không rõ loại văn bản)');
  const meta = [
    h.issuer,
    h.number?.raw,
    h.draft ? (h.draftLabel ?? 'Dự thảo') : null,
    [h.place, h.date?.raw].filter(Boolean).join(', ') || null,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join(' · '));
  const scope = [
    h.year !== null ? `năm ${h.year}` : null,
    h.term ? `khóa ${h.term}` : null,
    h.period ? `nhiệm kỳ ${h.period.from}–${h.period.to}` : null,
  ].filter(Boolean);
  if (scope.length) out.push(scope.join(' · '));
  return out;
}

function conferenceOutline(p: Programme, width: number): string {
  const out = headerLines(p);
  out.push('');
  const conferencesIn = (label: string | null) => p.conferences.filter((c) => c.section === label);
  const printConferences = (label: string | null) => {
    for (const c of conferencesIn(label)) {
      out.push(`  ${c.ordinal}. ${c.title}`);
      for (const item of c.items) {
        const ids = item.citations.map((x) => x.id).filter(Boolean);
        const tail = [ids.length ? `[${ids.join(', ')}]` : '', item.leadAgencies.length ? `— ${item.leadAgencies.join('; ')}` : '— (chưa có cơ quan chủ trì)']
          .filter(Boolean)
          .join(' ');
        out.push(`     (${item.number}) ${clip(item.text, Math.max(30, width - 8 - tail.length))} ${tail}`);
      }
    }
  };
  if (p.preamble.length) out.push(`(${p.preamble.length} đoạn mở đầu)`);
  printConferences(null);
  for (const s of p.sections) {
    out.push(`${s.label}. ${s.title}${s.paragraphs.length ? ` (${s.paragraphs.length} đoạn)` : ''}`);
    printConferences(s.label);
  }
  out.push('');
  if (p.recipients.length) out.push(`Nơi nhận (${p.recipients.length}): ${p.recipients.join('; ')}`);
  if (p.signature) out.push(`Ký: ${[p.signature.authority, p.signature.body, p.signature.position, p.signature.name].filter(Boolean).join(' ')}`);
  const items = p.conferences.reduce((n, c) => n + c.items.length, 0);
  const errors = p.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = p.diagnostics.filter((d) => d.severity === 'warning').length;
  out.push(`${p.conferences.length} hội nghị, ${items} nội dung, ${p.citations.length} trích dẫn, ${warnings} cảnh báo, ${errors} lỗi`);
  for (const d of p.diagnostics.filter((x) => x.severity !== 'info')) {
    out.push(`  dòng ${d.line ?? '?'}: ${d.message} (${d.code})`);
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

function genreName(genre: string): string {
  if (genre === 'unknown') return 'không rõ (unknown)';
  let name: string | undefined;
  try {
    name = defaultGrammar().genres.find((g) => g.genre === genre)?.name.vi;
  } catch {
    name = undefined;
  }
  return name ? `${name} (${genre})` : genre;
}

const countOf = (nodes: readonly OutlineNode[]): number => nodes.reduce((n, x) => n + 1 + countOf(x.children), 0);

/** Any genre: the outline tree (labels, headings and texts clipped to the width, roles), tasks, schedule, footer, counts. */
function genericOutline(p: Programme, width: number): string {
  const out = headerLines(p);
  out.push(`Thể loại: ${genreName(p.genre)}`, '');
  const tree = (nodes: readonly OutlineNode[], depth: number) => {
    for (const node of nodes) {
      const indent = '  '.repeat(depth);
      const role = node.role ? ` ‹${node.role}›` : '';
      if (node.kind === 'table') {
        out.push(`${indent}[bảng, ${node.children.length} dòng]${role}`);
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
    out.push('', `Nhiệm vụ (${p.tasks.length}):`);
    p.tasks.forEach((t, i) => {
      out.push(`  ${i + 1}. ${clip(t.text, Math.max(20, width - 6))}`);
      const who = [
        t.lead.length ? `chủ trì: ${t.lead.join('; ')}` : '(chưa có cơ quan chủ trì)',
        t.partners.length ? `phối hợp: ${t.partners.join('; ')}` : null,
        t.deadline ? `thời hạn: ${t.deadline.raw}` : null,
      ].filter(Boolean);
      out.push(...wrap(who.join(' · '), width, '     '));
    });
  }
  if (p.schedule.length) {
    out.push('', `Lịch (${p.schedule.length}):`);
    for (const e of p.schedule) {
      const when = [e.date ?? '(không rõ ngày)', e.time].filter(Boolean).join(' ');
      out.push(`  ${when} ${clip(e.text, Math.max(20, width - when.length - 3))}`);
      const more = [e.chair ? `chủ trì: ${e.chair}` : null, e.place ? `địa điểm: ${e.place}` : null, e.preparer ? `chuẩn bị: ${e.preparer}` : null].filter(Boolean);
      if (more.length) out.push(...wrap(more.join(' · '), width, '     '));
    }
  }
  out.push('');
  if (p.recipients.length) out.push(`Nơi nhận (${p.recipients.length}): ${p.recipients.join('; ')}`);
  if (p.signature) out.push(`Ký: ${[p.signature.authority, p.signature.body, p.signature.position, p.signature.name].filter(Boolean).join(' ')}`);
  const errors = p.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = p.diagnostics.filter((d) => d.severity === 'warning').length;
  out.push(
    `${countOf(p.outline)} mục đề cương, ${p.tasks.length} nhiệm vụ, ${p.schedule.length} mục lịch, ${p.residue.length} đoạn chưa phân loại, ${p.citations.length} trích dẫn, ${warnings} cảnh báo, ${errors} lỗi`,
  );
  for (const d of p.diagnostics.filter((x) => x.severity !== 'info')) {
    out.push(`  dòng ${d.line ?? '?'}: ${d.message} (${d.code})`);
  }
  return out.join('\n');
}
