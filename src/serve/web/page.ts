// The page of `vanban serve`: a document's outline beside its text, its findings, two drafts
// compared, downloads. Plain DOM, no framework: it talks to this server's /v1/ routes only.
import { WORDS, describe, groupOf, summary, type Style } from '../../diff/describe.js';
import { csvHead, csvRows } from '../../emit/csv.js';
import type { Change, DiffResult } from '../../model/diff.js';
import type { Diagnostic, OutlineNode, Programme } from '../../model/programme.js';
import type { AgencyLoad, Anniversary, Citing, Hit } from '../../archive/answers.js';
import { MESSAGES, type Lang } from './messages.js';

const LANG_KEY = 'vanban.lang';
let lang: Lang = readLang();
const t = () => MESSAGES[lang];

function readLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function $(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

// ---------------------------------------------------------------------------------------------
// Talking to the server

/** An RFC 9457 answer of the server, or a network failure, as one line for the reader. */
class Refusal extends Error {}

async function post(path: string, files: Record<string, File>): Promise<Response> {
  const body = new FormData();
  for (const [field, file] of Object.entries(files)) body.append(field, file, file.name);
  return send(path, { method: 'POST', body });
}

async function get(path: string): Promise<Response> {
  return send(path, { method: 'GET' });
}

/** A request in the page's language; a refusal becomes the problem's title and detail. */
async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { 'accept-language': lang } });
  } catch {
    throw new Refusal(t().network);
  }
  if (response.ok) return response;
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string };
    const title = problem.title ?? t().problem;
    // A detail that begins with its title ("Yêu cầu không hợp lệ: …") is shown once.
    throw new Refusal(problem.detail?.startsWith(title) ? problem.detail : `${title}: ${problem.detail ?? ''}`);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`${t().problem}: HTTP ${response.status}`);
  }
}

function showProblem(id: string, error: unknown): void {
  const box = $(id);
  box.textContent = error instanceof Refusal ? error.message : `${t().problem}: ${String(error)}`;
  box.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// The document: its text, outline and findings

interface Loaded {
  file: File;
  json: string;
  model: Programme;
  lines: string[];
  /** The outline download's text, in each language: the file is not sent again for it. */
  outline: Record<Lang, string>;
}

/** The answer of POST /v1/document: all the page shows of a file, from one upload of it. */
interface DocumentAnswer {
  model: Programme;
  text: string;
  outline: Record<Lang, string>;
}

let loaded: Loaded | null = null;
/** One element per line of the normalized text, made once per document. */
let lineElements: HTMLElement[] = [];
let highlighted: [number, number] | null = null;
/** The line whose text a finding's columns were marked in, to put back. */
let markedLine: number | null = null;

/** Counts the files opened: the answer for one replaced by another meanwhile is dropped. */
let opening = 0;

async function openDocument(file: File): Promise<void> {
  const turn = ++opening;
  $('problem-document').hidden = true;
  $('status-document').textContent = t().reading(file.name);
  let next: Loaded;
  try {
    // One upload: a 20 MB .docx on a slow link is sent once, not once per thing shown.
    const answer = (await (await post('/v1/document', { file })).json()) as DocumentAnswer;
    const lines = answer.text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    next = { file, json: `${JSON.stringify(answer.model)}\n`, model: answer.model, lines, outline: answer.outline };
  } catch (error) {
    if (turn !== opening) return;
    // The document shown before stays, and says so.
    $('status-document').textContent = loaded ? t().read(loaded.file.name, loaded.lines.length) : '';
    showProblem('problem-document', error);
    return;
  }
  if (turn !== opening) return;
  loaded = next;
  $('drop-document').classList.remove('empty');
  $('panes').hidden = false;
  $('downloads').hidden = false;
  renderLines(loaded.lines);
  renderDocument();
}

function renderDocument(): void {
  if (!loaded) return;
  $('status-document').textContent = t().read(loaded.file.name, loaded.lines.length);
  $('document-name').textContent = loaded.file.name;
  $('genre').textContent = `${t().genre}: ${loaded.model.genre}`;
  renderTree(outlineOf(loaded.model));
  renderFindings(loaded.model.diagnostics);
}

function renderLines(lines: string[]): void {
  const box = $('lines');
  box.textContent = '';
  highlighted = null;
  markedLine = null;
  const fragment = document.createDocumentFragment();
  lineElements = lines.map((text, i) => {
    const line = element('div', 'ln', text);
    line.dataset.n = String(i + 1);
    fragment.append(line);
    return line;
  });
  box.append(fragment);
  box.scrollTop = 0;
}

/** Marks lines `from`..`to` (1-based) and brings them into view; with columns, marks that run of the first line. */
function highlight(from: number, to: number, columns?: [number, number]): void {
  unmarkColumns();
  if (highlighted) for (let n = highlighted[0]; n <= highlighted[1]; n++) lineElements[n - 1]?.classList.remove('hl');
  const last = Math.min(Math.max(from, to), lineElements.length);
  highlighted = [from, last];
  for (let n = from; n <= last; n++) lineElements[n - 1]?.classList.add('hl');
  const first = lineElements[from - 1];
  if (!first) return;
  if (columns) markColumns(from, columns);
  reveal(first, lineElements[last - 1] ?? first);
}

/** Scrolls the text so lines `first`..`last` show: centred when they fit, else from the top with some lines above. */
function reveal(first: HTMLElement, last: HTMLElement): void {
  const box = $('lines');
  const view = box.getBoundingClientRect();
  const top = first.getBoundingClientRect().top;
  const height = last.getBoundingClientRect().bottom - top;
  const offset = height < view.height - 40 ? (view.height - height) / 2 : 40;
  box.scrollTop += top - view.top - offset;
}

function markColumns(n: number, [start, end]: [number, number]): void {
  const line = lineElements[n - 1]!;
  const chars = [...(loaded?.lines[n - 1] ?? '')];
  const from = Math.min(start - 1, chars.length);
  const to = Math.max(from + 1, Math.min(end - 1, chars.length));
  line.textContent = chars.slice(0, from).join('');
  line.append(element('mark', '', chars.slice(from, to).join('')), chars.slice(to).join(''));
  markedLine = n;
}

function unmarkColumns(): void {
  if (markedLine === null) return;
  lineElements[markedLine - 1]!.textContent = loaded?.lines[markedLine - 1] ?? '';
  markedLine = null;
}

// ---- The outline

interface TreeNode {
  label: string;
  badge: string | null;
  detail: string | null;
  from: number | null;
  to: number | null;
  children: TreeNode[];
  /** The header, tasks, citations and footer, shown as groups. */
  group?: boolean;
  /** Not opened on its own: a group (the body is what is read) or a table row (its label shows its cells). */
  closed?: boolean;
}

const leaf = (label: string, line: number | null, detail: string | null = null, badge: string | null = null): TreeNode => ({ label, badge, detail, from: line, to: line, children: [] });

function range(lines: number[]): [number | null, number | null] {
  return lines.length ? [Math.min(...lines), Math.max(...lines)] : [null, null];
}

/** The page's tree: the header's fields, the body's outline (items with their lead agencies, tasks with theirs), the citations, the footer. */
function outlineOf(model: Programme): TreeNode[] {
  const m = t();
  const header = model.header as Record<string, unknown> & Programme['header'];
  const fields = Object.entries(model.header.at)
    .sort(([, a], [, b]) => a.line - b.line || a.column - b.column)
    .map(([field, at]) => {
      const value = header[field];
      const shown = typeof value === 'string' ? value : value && typeof value === 'object' && 'raw' in value ? String((value as { raw: string }).raw) : '';
      const name = m.headerFields[field] ?? field;
      // "Số: Số 27-CTr/TU" says the name twice.
      return leaf(shown.toLowerCase().startsWith(name.toLowerCase()) ? shown : `${name}: ${shown}`, at.line);
    });
  const [hFrom, hTo] = range(model.homes.header);
  const nodes: TreeNode[] = [{ label: m.header, badge: null, detail: model.header.docType, from: hFrom, to: hTo, children: fields, group: true, closed: true }];

  const items = new Map(model.conferences.flatMap((c) => c.items.map((i) => [i.line, i] as const)));
  const tasks = new Map(model.tasks.map((task) => [task.span.start.line, task] as const));
  const body = (node: OutlineNode): TreeNode => {
    // A table row reads as its cells, as the diff names it.
    const own = node.kind === 'row' ? node.children.map((c) => c.text ?? '').join(' | ') : node.kind === 'table' ? m.table : (node.heading ?? node.text);
    const words = [node.label, own].filter((w) => w).join(' ');
    const item = node.role === 'item' ? items.get(node.span.start.line) : undefined;
    // A task is told on the outermost node of its line (a row, not each of its cells).
    const task = tasks.get(node.span.start.line);
    tasks.delete(node.span.start.line);
    let detail: string | null = null;
    if (item) detail = item.leadAgencies.length ? `${m.lead}: ${item.leadAgencies.join('; ')}` : m.noLead;
    else if (task) detail = taskDetail(task);
    const children = node.children.map(body);
    return {
      label: words || `[${node.kind}]`,
      badge: node.role ? (m.roles[node.role] ?? node.role) : null,
      detail,
      from: node.span.start.line,
      // A heading's lines run to the end of what it heads.
      to: Math.max(node.span.end.line, ...children.map((c) => c.to ?? 0)),
      children,
      closed: node.kind === 'row',
    };
  };
  nodes.push(...model.outline.map(body));

  if (model.tasks.length) {
    const [tFrom, tTo] = range(model.tasks.flatMap((task) => [task.span.start.line, task.span.end.line]));
    const children = model.tasks.map((task) => ({ ...leaf(task.text, task.span.start.line, taskDetail(task), m.roles.task ?? null), to: task.span.end.line }));
    nodes.push({ label: `${m.tasks} (${model.tasks.length})`, badge: null, detail: null, from: tFrom, to: tTo, children, group: true, closed: true });
  }

  if (model.citations.length) {
    const [cFrom, cTo] = range(model.citations.map((c) => c.line));
    const children = model.citations.map((c) => leaf(c.id ?? c.raw, c.line, c.id ? c.raw : null, c.kind));
    nodes.push({ label: `${m.citations} (${model.citations.length})`, badge: null, detail: null, from: cFrom, to: cTo, children, group: true, closed: true });
  }
  const [fFrom, fTo] = range(model.homes.footer);
  if (fFrom !== null) {
    const children = model.recipients.map((r) => leaf(r, null));
    nodes.push({ label: m.footer, badge: null, detail: model.signature?.name ?? null, from: fFrom, to: fTo, children, group: true, closed: true });
  }
  return nodes;
}

/** Who leads a task, who takes part, by when. */
function taskDetail(task: Programme['tasks'][number]): string {
  const m = t();
  return [
    task.lead.length ? `${m.lead}: ${task.lead.join('; ')}` : m.noLead,
    task.partners.length ? `${m.partners}: ${task.partners.join('; ')}` : '',
    task.deadline ? `${m.deadline}: ${task.deadline.raw}` : '',
  ]
    .filter((d) => d)
    .join(' · ');
}

const treeNodes = new WeakMap<HTMLElement, TreeNode>();
/** Below this many visible rows the tree opens another level on its own. */
const OPEN_ROWS = 150;

function renderTree(nodes: TreeNode[]): void {
  const tree = $('tree');
  tree.textContent = '';
  for (const node of nodes) tree.append(treeItem(node, 1));
  // Open level after level while the tree stays short: a small document shows whole.
  let visible = nodes.length;
  for (let level = 1; level <= 3; level++) {
    const opening = [...tree.querySelectorAll<HTMLElement>(`[role=treeitem][aria-level="${level}"][aria-expanded=false]`)].filter((li) => !treeNodes.get(li)?.closed);
    const more = opening.reduce((n, li) => n + (treeNodes.get(li)?.children.length ?? 0), 0);
    if (visible + more > OPEN_ROWS) break;
    for (const li of opening) expand(li);
    visible += more;
  }
  const first = tree.querySelector<HTMLElement>('[role=treeitem]');
  if (first) first.tabIndex = 0;
}


function treeItem(node: TreeNode, level: number): HTMLLIElement {
  const li = element('li');
  li.setAttribute('role', 'treeitem');
  li.setAttribute('aria-level', String(level));
  li.setAttribute('aria-selected', 'false');
  li.tabIndex = -1;
  if (node.group) li.classList.add('group');
  if (node.children.length) li.setAttribute('aria-expanded', 'false');
  const row = element('div', 'row');
  row.append(element('span', 'twisty'));
  if (node.badge) row.append(element('span', 'badge', node.badge));
  row.append(element('span', 'label', node.label));
  if (node.from !== null) row.append(element('span', 'where', t().lines(node.from, node.to ?? node.from)));
  li.append(row);
  if (node.detail) li.append(element('div', 'detail', node.detail));
  treeNodes.set(li, node);
  return li;
}

function expand(li: HTMLElement): void {
  const node = treeNodes.get(li);
  if (!node?.children.length || li.getAttribute('aria-expanded') === 'true') return;
  const group = element('ul');
  group.setAttribute('role', 'group');
  const level = Number(li.getAttribute('aria-level')) + 1;
  for (const child of node.children) group.append(treeItem(child, level));
  li.append(group);
  li.setAttribute('aria-expanded', 'true');
}

function collapse(li: HTMLElement): void {
  if (li.getAttribute('aria-expanded') !== 'true') return;
  li.querySelector(':scope > ul')?.remove();
  li.setAttribute('aria-expanded', 'false');
}

function focusItem(li: HTMLElement | undefined): void {
  if (!li) return;
  for (const other of $('tree').querySelectorAll<HTMLElement>('[role=treeitem][tabindex="0"]')) other.tabIndex = -1;
  li.tabIndex = 0;
  li.focus();
}

function select(li: HTMLElement): void {
  for (const other of $('tree').querySelectorAll('[aria-selected=true]')) other.setAttribute('aria-selected', 'false');
  li.setAttribute('aria-selected', 'true');
  const node = treeNodes.get(li);
  if (node?.from != null) highlight(node.from, node.to ?? node.from);
}

function onTreeClick(event: MouseEvent): void {
  const li = (event.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
  if (!li) return;
  if ((event.target as HTMLElement).classList.contains('twisty')) {
    if (li.getAttribute('aria-expanded') === 'true') collapse(li);
    else expand(li);
  }
  focusItem(li);
  select(li);
}

function onTreeKey(event: KeyboardEvent): void {
  const items = [...$('tree').querySelectorAll<HTMLElement>('[role=treeitem]')];
  const li = (event.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
  if (!li) return;
  const at = items.indexOf(li);
  switch (event.key) {
    case 'ArrowDown':
      focusItem(items[at + 1]);
      break;
    case 'ArrowUp':
      focusItem(items[at - 1]);
      break;
    case 'Home':
      focusItem(items[0]);
      break;
    case 'End':
      focusItem(items.at(-1));
      break;
    case 'ArrowRight':
      if (li.getAttribute('aria-expanded') === 'false') expand(li);
      else if (li.getAttribute('aria-expanded') === 'true') focusItem(li.querySelector<HTMLElement>(':scope > ul > [role=treeitem]') ?? undefined);
      break;
    case 'ArrowLeft':
      if (li.getAttribute('aria-expanded') === 'true') collapse(li);
      else focusItem(li.parentElement?.closest<HTMLElement>('[role=treeitem]') ?? undefined);
      break;
    case 'Enter':
    case ' ':
      select(li);
      break;
    default:
      return;
  }
  event.preventDefault();
}

// ---- The findings

const SEVERITIES = ['error', 'warning', 'info'] as const;

function renderFindings(diagnostics: Diagnostic[]): void {
  const m = t();
  for (const line of $('lines').querySelectorAll('.f-error, .f-warning, .f-info')) line.classList.remove('f-error', 'f-warning', 'f-info');
  const sorted = [...diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const list = $('findings');
  list.textContent = '';
  $('findings-count').textContent = String(sorted.length);
  const count = (s: Diagnostic['severity']) => sorted.filter((d) => d.severity === s).length;
  $('findings-summary').textContent = sorted.length ? m.counts(count('error'), count('warning'), count('info')) : m.noFindings;
  const titles = new Map<number, string[]>();
  for (const d of sorted) {
    const li = element('li', `finding sev-${d.severity}`);
    const button = element('button');
    button.type = 'button';
    const head = element('span', 'head');
    head.append(element('span', 'sev', m.severity[d.severity]), element('code', 'rule', d.code));
    if (d.line !== null) head.append(element('span', 'where', `${m.line} ${d.line}${d.column !== null ? `:${d.column}` : ''}`));
    button.append(head, element('span', 'message', lang === 'en' ? d.messageEn : d.message));
    if (d.line === null) button.disabled = true;
    else {
      const line = d.line;
      const columns: [number, number] | undefined = d.column !== null && (d.endLine ?? line) === line && d.endColumn ? [d.column, d.endColumn] : undefined;
      button.addEventListener('click', () => highlight(line, d.endLine ?? line, columns));
      titles.set(line, [...(titles.get(line) ?? []), d.code]);
      // The worst finding of a line gives its mark.
      const el = lineElements[line - 1];
      const worse = SEVERITIES.slice(0, SEVERITIES.indexOf(d.severity)).some((s) => el?.classList.contains(`f-${s}`));
      if (el && !worse) {
        el.classList.remove('f-error', 'f-warning', 'f-info');
        el.classList.add(`f-${d.severity}`);
      }
    }
    li.append(button);
    list.append(li);
  }
  for (const [line, codes] of titles) lineElements[line - 1]?.setAttribute('title', codes.join(', '));
}

// ---- Downloads

function save(name: string, blob: Blob): void {
  const link = element('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the blob once the download starts; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

const baseName = (name: string) => name.replace(/\.[^.]+$/, '') || 'vanban';

function download(kind: 'json' | 'csv' | 'outline'): void {
  if (!loaded) return;
  const base = baseName(loaded.file.name);
  if (kind === 'json') return save(`${base}.json`, new Blob([loaded.json], { type: 'application/json' }));
  // The same rows as `vanban parse --format csv`: a BOM for Excel, formula characters escaped.
  if (kind === 'csv') return save(`${base}.csv`, new Blob([csvHead() + csvRows(loaded.model.source.file ?? '', loaded.model)], { type: 'text/csv;charset=utf-8' }));
  save(`${base}.outline.txt`, new Blob([loaded.outline[lang]], { type: 'text/plain;charset=utf-8' }));
}

// ---------------------------------------------------------------------------------------------
// Two drafts compared

const drafts: { old: File | null; new: File | null } = { old: null, new: null };
let compared: DiffResult | null = null;

let comparing = 0;

async function pickDraft(side: 'old' | 'new', file: File): Promise<void> {
  drafts[side] = file;
  $(`name-${side}`).textContent = file.name;
  if (!drafts.old || !drafts.new) return;
  const turn = ++comparing;
  $('problem-diff').hidden = true;
  $('status-diff').textContent = t().comparing;
  try {
    const result = (await (await post('/v1/diff', { old: drafts.old, new: drafts.new })).json()) as DiffResult;
    if (turn !== comparing) return;
    compared = result;
  } catch (error) {
    if (turn !== comparing) return;
    compared = null;
    $('status-diff').textContent = '';
    $('changes').textContent = '';
    showProblem('problem-diff', error);
    return;
  }
  renderDiff();
}

// Private-use characters stand for the marks a renderer puts around words, so the text is never
// parsed as HTML: the pieces become text nodes inside <ins>, <del> and <strong>.
const OPEN = { added: '\uE000', removed: '\uE002', strong: '\uE004' };
const CLOSE = '\uE001\uE003\uE005';
const STYLE: Style = {
  text: (s) => s.replace(/[\uE000-\uE005]/g, ''),
  added: (s) => `${OPEN.added}${s}\uE001`,
  removed: (s) => `${OPEN.removed}${s}\uE003`,
  strong: (s) => `${OPEN.strong}${s}\uE005`,
};
const TAGS: Record<string, 'ins' | 'del' | 'strong'> = { [OPEN.added]: 'ins', [OPEN.removed]: 'del', [OPEN.strong]: 'strong' };

function styled(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const stack: (DocumentFragment | HTMLElement)[] = [fragment];
  let run = '';
  const flush = () => {
    if (run) stack.at(-1)!.append(run);
    run = '';
  };
  for (const ch of text) {
    const tag = TAGS[ch];
    if (tag) {
      flush();
      const opened = element(tag);
      stack.at(-1)!.append(opened);
      stack.push(opened);
    } else if (CLOSE.includes(ch)) {
      flush();
      if (stack.length > 1) stack.pop();
    } else run += ch;
  }
  flush();
  return fragment;
}

/** Where a change sits in one draft, by line. */
function lineOf(side: Change['old']): number | null {
  return side.item?.line ?? side.unit?.line ?? side.task?.line ?? side.entry?.line ?? side.conference?.line ?? null;
}

/** The changes grouped as `vanban diff` prints them: by conference, else by part of the document. */
function renderDiff(): void {
  const box = $('changes');
  box.textContent = '';
  if (!compared) return;
  const m = t();
  $('status-diff').textContent = `${drafts.old?.name} → ${drafts.new?.name}`;
  box.append(element('p', 'summary', summary(compared.changes, lang)));
  let key: string | null = null;
  let list: HTMLUListElement | null = null;
  for (const change of compared.changes) {
    const group = groupOf(change, lang);
    if (group.key !== key || !list) {
      key = group.key;
      const section = element('section', 'group');
      const heading = group.conference ? `${group.conference.ordinal}. ${group.conference.title}${group.gone ? ` (${WORDS[lang].oldSide})` : ''}` : group.title;
      list = element('ul');
      section.append(element('h3', '', heading), list);
      box.append(section);
    }
    const d = describe(change, STYLE, 120, lang);
    const li = element('li', `change type-${change.type}`);
    const line = element('div', 'line');
    const words = element('span', 'words');
    words.append(styled(d.line));
    line.append(element('span', 'mark', d.mark), words);
    const where = [lineOf(change.old) ? `${m.oldSide} ${m.line} ${lineOf(change.old)}` : '', lineOf(change.new) ? `${m.newSide} ${m.line} ${lineOf(change.new)}` : ''].filter((w) => w);
    if (where.length) line.append(element('span', 'where', where.join(' · ')));
    li.append(line);
    if (d.details.length) {
      const details = element('ul', 'details');
      for (const detail of d.details) {
        const item = element('li');
        item.append(styled(detail));
        details.append(item);
      }
      li.append(details);
    }
    list.append(li);
  }
}

// ---------------------------------------------------------------------------------------------
// The archive (`vanban serve --db`): its four questions as forms, the answers as tables

type Question = 'anniversaries' | 'cites' | 'agencies' | 'search';
type Asked =
  | { question: 'anniversaries'; answer: { year: number; anniversaries: Anniversary[] } }
  | { question: 'cites'; answer: { id: string; cites: Citing[] } }
  | { question: 'agencies'; answer: { year: number; agencies: AgencyLoad[] } }
  | { question: 'search'; answer: { query: string; hits: Hit[] } };

/** The last answer shown, drawn again when the language changes. */
let asked: Asked | null = null;
let asking = 0;

async function ask(form: HTMLFormElement): Promise<void> {
  const question = form.dataset.question as Question;
  const input = form.querySelector('input')!;
  const turn = ++asking;
  $('problem-archive').hidden = true;
  $('status-archive').classList.remove('said');
  $('status-archive').textContent = t().asking;
  try {
    const response = await get(`/v1/${question}?${new URLSearchParams({ [input.name]: input.value.trim() }).toString()}`);
    const answer = await response.json();
    if (turn !== asking) return;
    asked = { question, answer } as Asked;
  } catch (error) {
    if (turn !== asking) return;
    asked = null;
    $('status-archive').textContent = '';
    $('answer').textContent = '';
    showProblem('problem-archive', error);
    return;
  }
  renderAnswer();
}

function renderAnswer(): void {
  const box = $('answer');
  box.textContent = '';
  box.dataset.question = asked?.question ?? '';
  if (!asked) return;
  const [summary, ...content] =
    asked.question === 'anniversaries'
      ? renderAnniversaries(asked.answer.anniversaries, asked.answer.year)
      : asked.question === 'cites'
        ? renderCites(asked.answer.cites, asked.answer.id)
        : asked.question === 'agencies'
          ? renderAgencies(asked.answer.agencies, asked.answer.year)
          : renderHits(asked.answer.hits, asked.answer.query);
  // Said once more for screen readers; on screen the answer's own first line says it.
  $('status-archive').textContent = summary!;
  $('status-archive').classList.add('said');
  box.append(element('p', 'summary', summary), ...content);
}

/** The last segment of an indexed path: the full path is in the cell's title. */
function documentCell(path: string, number: string | null): HTMLElement {
  const name = path.split(/[\\/]/).pop() ?? path;
  const cell = element('span', 'doc', number ? `${name} (${number})` : name);
  cell.title = path;
  return cell;
}

function table(className: string, columns: string[], rows: (string | Node)[][]): HTMLTableElement {
  const made = element('table', className);
  const head = element('tr');
  for (const column of columns) {
    const th = element('th', '', column);
    th.scope = 'col';
    head.append(th);
  }
  made.append(element('thead'), element('tbody'));
  made.tHead!.append(head);
  for (const row of rows) {
    const tr = element('tr');
    for (const cell of row) {
      const td = element('td');
      td.append(cell);
      tr.append(td);
    }
    made.tBodies[0]!.append(tr);
  }
  return made;
}

const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);
const leads = (lead: string[]) => (lead.length ? lead.join('; ') : t().noLead);

function renderAnniversaries(list: Anniversary[], year: number): [string, ...HTMLElement[]] {
  const m = t();
  if (list.length === 0) return [m.noneDue(year)];
  return [
    m.dueCount(list.length, year),
    ...list.map((a) => {
      const block = element('article', 'due');
      block.dataset.id = a.id;
      const heading = element('h3', '', `${a.kind} ${a.id}`);
      const when = [dmy(a.date) ?? String(a.issuedYear), a.issuedBy].filter((w) => w).join(', ');
      heading.append(element('span', 'meta', ` (${when}): ${a.action} ${a.years} ${m.yearsWord} · ${m.citedTimes(a.citations)}`));
      block.append(heading);
      if (a.title) block.append(element('p', 'cited-title', a.title));
      block.append(
        a.reviews.length
          ? table(
              'reviews',
              [m.year, m.programme, m.item, m.leadAgency, m.said],
              a.reviews.map((r) => [String(r.year ?? '?'), documentCell(r.document, r.number), `${m.where(r.conference, r.item, null)} · ${m.line} ${r.line}`, leads(r.lead), r.said]),
            )
          : element('p', 'no-review', m.noReview),
      );
      const draft = element('div', 'draft');
      const copy = element('button', 'copy', m.copy);
      copy.type = 'button';
      copy.setAttribute('aria-label', m.copyLabel(a.id));
      const line = element('span', 'draft-line', a.draft);
      copy.addEventListener('click', () => void copyLine(line, copy));
      draft.append(element('span', 'label', `${m.draft}:`), line, copy);
      block.append(draft);
      return block;
    }),
  ];
}

/** The draft line to the clipboard; where the browser refuses, the line is selected for Ctrl+C. */
async function copyLine(line: HTMLElement, button: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(line.textContent ?? '');
    button.textContent = t().copied;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(line);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  }
}

function renderCites(list: Citing[], id: string): [string, ...HTMLElement[]] {
  const m = t();
  if (list.length === 0) return [m.noCites(id)];
  const years = new Map<number | null, Citing[]>();
  for (const c of list) years.set(c.year, [...(years.get(c.year) ?? []), c]);
  const sections = [...years].map(([year, places]) => {
    const section = element('section', 'year');
    section.append(
      element('h3', '', year === null ? m.unknownYear : String(year)),
      table(
        'cites',
        [m.document, m.item, m.leadAgency, m.said],
        places.map((c) => [documentCell(c.document, c.number), `${m.where(c.conference, c.item, c.task)} · ${m.line} ${c.line}`, c.lead.length ? c.lead.join('; ') : '', c.text ?? c.raw]),
      ),
    );
    return section;
  });
  return [m.citesCount(new Set(list.map((c) => c.document)).size, list.length, id), ...sections];
}

function renderAgencies(list: AgencyLoad[], year: number): [string, ...HTMLElement[]] {
  const m = t();
  if (list.length === 0) return [m.noAgencies(year)];
  const quarters = [1, 2, 3, 4, null] as const;
  // As `vanban agencies` prints it: items, or items+tasks; "-" for none.
  const cell = (items: number, tasks: number) => (items + tasks === 0 ? '-' : tasks === 0 ? String(items) : `${items}+${tasks}`);
  const names = [...new Set(list.map((a) => a.agency))];
  const rows = names.map((name) => {
    const mine = list.filter((a) => a.agency === name);
    const sum = (q: (typeof quarters)[number] | 'all', k: 'items' | 'tasks') => mine.filter((a) => q === 'all' || a.quarter === q).reduce((n, a) => n + a[k], 0);
    return [name, ...quarters.map((q) => cell(sum(q, 'items'), sum(q, 'tasks'))), cell(sum('all', 'items'), sum('all', 'tasks'))];
  });
  return [m.agenciesNote(year), table('agencies', [m.leadAgency, ...m.quarters], rows)];
}

/** A word as the index compares it: no diacritics, đ as d, lower case. */
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();

/** The text with the words of the query marked, diacritics aside. */
function marked(text: string, query: string): DocumentFragment {
  const terms = new Set(fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w));
  const fragment = document.createDocumentFragment();
  for (const piece of text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
    if (piece && terms.has(fold(piece))) fragment.append(element('mark', '', piece));
    else if (piece) fragment.append(piece);
  }
  return fragment;
}

function renderHits(list: Hit[], query: string): [string, ...HTMLElement[]] {
  const m = t();
  if (list.length === 0) return [m.noHits(query)];
  const hits = element('ol', 'hits');
  for (const h of list) {
    const li = element('li', 'hit');
    const head = element('div', 'head');
    head.append(
      documentCell(h.document, h.number),
      element('span', 'where', `${m.line} ${h.span.start.line}`),
      element('span', 'where', m.where(h.conference, h.item, h.task)),
      element('span', 'where', String(h.year ?? '?')),
      element('span', 'score', `${m.score} ${h.score}`),
    );
    const text = element('p', 'text');
    text.append(marked(h.text, query));
    li.append(head, text);
    hits.append(li);
  }
  return [m.hitsCount(list.length, query), hits];
}

/** Whether the server has an archive (--db): then, and only then, its tab shows. */
async function offerArchive(): Promise<void> {
  try {
    const health = (await (await get('/healthz')).json()) as { archive?: boolean };
    $('tab-archive').hidden = health.archive !== true;
  } catch {
    // No answer: the tab stays hidden, the document tabs work without it.
  }
}

// ---------------------------------------------------------------------------------------------
// The page's own words, tabs, file pickers

function applyLang(): void {
  const m = t() as unknown as Record<string, unknown>;
  document.documentElement.lang = lang;
  document.title = String(m.title);
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = String(m[el.dataset.text!] ?? '');
  for (const el of document.querySelectorAll<HTMLElement>('[data-label]')) el.setAttribute('aria-label', String(m[el.dataset.label!] ?? ''));
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-placeholder]')) el.placeholder = String(m[el.dataset.placeholder!] ?? '');
  renderDocument();
  if (compared) renderDiff();
  if (asked) renderAnswer();
}

const TABS = ['document', 'diff', 'archive'] as const;
type Tab = (typeof TABS)[number];

function showTab(which: Tab): void {
  for (const name of TABS) {
    const tab = $(`tab-${name}`);
    tab.setAttribute('aria-selected', String(name === which));
    tab.tabIndex = name === which ? 0 : -1;
    $(`view-${name}`).hidden = name !== which;
  }
  $('downloads').hidden = which !== 'document' || !loaded;
}

/** A drop zone and its file input: a file dropped or picked goes to `take`. */
function dropZone(zone: HTMLElement, input: HTMLInputElement, take: (file: File) => void): void {
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) take(file);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) take(file);
  });
}

function start(): void {
  applyLang();
  dropZone($('drop-document'), $('file-document') as HTMLInputElement, (file) => void openDocument(file));
  dropZone($('drop-old'), $('file-old') as HTMLInputElement, (file) => void pickDraft('old', file));
  dropZone($('drop-new'), $('file-new') as HTMLInputElement, (file) => void pickDraft('new', file));
  for (const name of TABS) $(`tab-${name}`).addEventListener('click', () => showTab(name));
  $('tab-document').parentElement!.addEventListener('keydown', (event) => {
    // The arrow keys move along the tabs shown, round; Home and End to the first and last.
    const shown = TABS.filter((name) => !$(`tab-${name}`).hidden);
    const at = shown.findIndex((name) => $(`tab-${name}`).getAttribute('aria-selected') === 'true');
    const moves: Record<string, number> = { ArrowLeft: at - 1 + shown.length, ArrowRight: at + 1, Home: 0, End: shown.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = shown[moves[event.key]! % shown.length]!;
    showTab(next);
    $(`tab-${next}`).focus();
  });
  for (const form of document.querySelectorAll<HTMLFormElement>('form.question')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void ask(form);
    });
  }
  void offerArchive();
  $('lang').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // A browser that keeps nothing still switches for this visit.
    }
    applyLang();
  });
  $('tree').addEventListener('click', onTreeClick);
  $('tree').addEventListener('keydown', onTreeKey);
  $('download-json').addEventListener('click', () => download('json'));
  $('download-csv').addEventListener('click', () => download('csv'));
  $('download-outline').addEventListener('click', () => download('outline'));
}

start();
