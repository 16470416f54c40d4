import type { Programme } from '../model/programme.js';

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

/** A readable outline of the model, for a person at a terminal. */
export function outline(p: Programme, width = 100): string {
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
