import type { OutlineNode, Programme } from './programme.js';

/**
 * The whole-document rule, checked: every non-blank line of the normalized text belongs to exactly
 * one of the header, an outline node (a heading, item, paragraph or table holds its own lines), the
 * recipients/signature, or the residue. Returns the lines with no home and those with two.
 */
export function accountLines(p: Pick<Programme, 'homes' | 'outline' | 'residue'>, text: string): { lost: number[]; twice: number[] } {
  const lines = text.split('\n');
  const count = new Array<number>(lines.length + 1).fill(0);
  const add = (line: number) => {
    if (line >= 1 && line <= lines.length) count[line]!++;
  };
  const range = (from: number, to: number) => {
    for (let l = from; l <= to; l++) if (lines[l - 1] !== '') add(l);
  };
  for (const l of p.homes.header) add(l);
  for (const l of p.homes.footer) add(l);
  for (const r of p.residue) range(r.span.start.line, r.span.end.line);
  const visit = (nodes: readonly OutlineNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'row' || n.kind === 'cell') continue;
      range(n.span.start.line, n.span.end.line);
      if (n.kind !== 'table') visit(n.children);
    }
  };
  visit(p.outline);
  const lost: number[] = [];
  const twice: number[] = [];
  lines.forEach((t, k) => {
    if (t === '') return;
    if (count[k + 1] === 0) lost.push(k + 1);
    else if (count[k + 1]! > 1) twice.push(k + 1);
  });
  return { lost, twice };
}
