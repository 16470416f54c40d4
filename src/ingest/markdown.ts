import type { List, ListItem, Nodes, Parents, PhrasingContent, Root, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isLayoutTable, tableLines, type TableRow } from './tables.js';
import type { Ingested } from './types.js';

/**
 * A Markdown draft to one line per block, the way a reader sees the rendered page: emphasis and
 * links reduced to their text, ordered-list items with the number they display (list start +
 * index, so "3. Hội nghị…" keeps its 3), bullets with their marker, GFM pipe tables one line per
 * row by the convention of tables.ts (the "|---|" delimiter row is syntax, not text).
 *
 * YAML front matter at the very top is kept line for line, fences included: every line
 * of the source stays in the text, and a later stage tells metadata from the document.
 *
 * Markdown reads some lines of a Party document as syntax: "-----" under the title makes it a
 * setext heading and "*" alone is an empty bullet. Such marks are put back from the source, since
 * they are part of the document ("-----" is the rule under the trích yếu, "*" the header star).
 */
export function ingestMarkdown(text: string): Ingested {
  const source = text.replace(/^\ufeff/, '');
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(source) as Root;
  const lines: string[] = [];
  for (const node of tree.children) block(node, source, lines, '');
  return { text: lines.join('\n'), format: 'md', encoding: 'utf-8', messages: [] };
}

/** Appends the lines of one block; `label` is prepended to its first line (list numbers). */
function block(node: Nodes, source: string, out: string[], label: string): void {
  switch (node.type) {
    case 'heading': {
      out.push(label + inline(node.children));
      const underline = setextUnderline(node, source);
      if (underline) out.push(underline);
      return;
    }
    case 'paragraph':
      out.push(...withLabel(label, inline(node.children).split('\n')));
      return;
    case 'yaml':
      out.push(...withLabel(label, sourceOf(node, source).split('\n')));
      return;
    case 'list':
      list(node, source, out, label);
      return;
    case 'listItem':
      listItem(node, source, out, label);
      return;
    case 'code':
      out.push(...withLabel(label, node.value.split('\n')));
      return;
    case 'html':
      out.push(...withLabel(label, stripTags(node.value).split('\n')));
      return;
    case 'thematicBreak':
      out.push(label + sourceOf(node, source).trim());
      return;
    case 'blockquote':
    case 'root':
      children(node, source, out, label);
      return;
    case 'table':
      out.push(...withLabel(label, table(node)));
      return;
    default:
      if ('children' in node) children(node as Parents, source, out, label);
      else if ('value' in node && typeof node.value === 'string') out.push(label + node.value);
  }
}

function children(node: Parents, source: string, out: string[], label: string): void {
  let first = true;
  for (const c of node.children) {
    block(c as Nodes, source, out, first ? label : '');
    first = false;
  }
}

function list(node: List, source: string, out: string[], label: string): void {
  node.children.forEach((item, k) => {
    const marker = node.ordered ? `${(node.start ?? 1) + k}${orderedDelimiter(item, source)} ` : `${bulletMarker(item, source)} `;
    // A list nested as the first thing of an item keeps the outer label before its own.
    listItem(item, source, out, (k === 0 ? label : '') + marker);
  });
}

function listItem(item: ListItem, source: string, out: string[], label: string): void {
  if (item.children.length === 0) {
    out.push(label.trimEnd());
    return;
  }
  children(item, source, out, label);
}

/** "." or ")" as written after the first number of the item. */
function orderedDelimiter(item: ListItem, source: string): string {
  return /^\s*\d+([.)])/.exec(sourceOf(item, source))?.[1] ?? '.';
}

function bulletMarker(item: ListItem, source: string): string {
  return /^\s*([-*+])/.exec(sourceOf(item, source))?.[1] ?? '-';
}

function inline(nodes: PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      case 'html':
        out += /^<br\s*\/?>$/i.test(node.value) ? '\n' : stripTags(node.value);
        break;
      case 'footnoteReference':
        out += `[^${node.label ?? node.identifier}]`;
        break;
      default:
        if ('children' in node) out += inline(node.children as PhrasingContent[]);
        else if ('value' in node && typeof node.value === 'string') out += node.value;
    }
  }
  return out;
}

/** A GFM table: the header row and the body rows, each cell its text (a <br> in a cell breaks it). */
function table(node: Table): string[] {
  const rows: TableRow[] = node.children.map((row) => row.children.map((cell) => inline(cell.children).split('\n')));
  return tableLines(rows, isLayoutTable(rows));
}

function setextUnderline(node: Nodes, source: string): string | null {
  const lines = sourceOf(node, source).split('\n');
  const last = lines[lines.length - 1]!;
  return lines.length > 1 && /^ {0,3}(=+|-+)\s*$/.test(last) ? last.trim() : null;
}

function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

function withLabel(label: string, lines: string[]): string[] {
  return lines.map((line, k) => (k === 0 ? label + line : line));
}

/** Text of inline HTML, tags dropped (a loop, not a regex: "<<<<…" must stay linear). */
function stripTags(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = html.indexOf('<', at);
    if (open === -1) return out + html.slice(at);
    const close = html.indexOf('>', open + 1);
    if (close === -1) return out + html.slice(at);
    out += html.slice(at, open);
    at = close + 1;
  }
}
