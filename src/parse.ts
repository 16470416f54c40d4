import { createHash } from 'node:crypto';
import { assembleBody } from './assemble/body.js';
import { assembleFooter, type Footer } from './assemble/footer.js';
import { assembleHeader, closingDate } from './assemble/header.js';
import { buildOutline } from './assemble/outline.js';
import { detectGenre } from './genre/detect.js';
import { outlineOf } from './genre/roles.js';
import { findSchedule } from './genre/schedule.js';
import { findTasks } from './genre/tasks.js';
import { applyRuleConfig, runChecks, type RuleConfig } from './check/index.js';
import { TextMap } from './check/locate.js';
import { foldKey } from './normalize/fold.js';
import { InputError } from './errors.js';
import { decodeText } from './ingest/text.js';
import type { Format, IngestMessage } from './ingest/types.js';
import { SCHEMA_VERSION, validateProgramme, type Citation, type Conference, type Diagnostic, type Item, type Programme } from './model/programme.js';
import { charCount, normalizeDocument, normalizeText } from './normalize/text.js';
import type { LegacyText } from './normalize/legacy-text.js';
import { defaultMatchers, type Matchers } from './recognise/compile.js';
import { recogniseLines, type Line } from './recognise/lines.js';
import { findCitations } from './recognise/citations.js';
import { Joined } from './recognise/joined.js';
import { resolveAttributions } from './resolve/attributions.js';
import { resolveMentions } from './resolve/mentions.js';
import { citesItself, findSelfMentions } from './resolve/self.js';

export interface ParseOptions {
  /** The file name recorded in `source.file`. */
  file?: string | null;
  format?: Format;
  /** How the text was stored; detected when bytes are given. */
  encoding?: string;
  /** sha256 of the original bytes; computed from the input when absent. */
  sha256?: string;
  matchers?: Matchers;
  /** What the reader noticed (mammoth's warnings, tracked changes shown, ...); kept as diagnostics. */
  messages?: readonly IngestMessage[];
  /** Per rule or finding code: 'off' (the rule does not run) or the severity to report with. */
  rules?: RuleConfig;
}

/**
 * Text (or the bytes of a .txt) to the validated programme model. Synchronous and pure:
 * normalize → recognise → assemble → resolve → check.
 */
export function parse(input: string | Uint8Array, options: ParseOptions = {}): Programme {
  let raw: string;
  let decodedMessages: IngestMessage[] = [];
  let encoding = options.encoding;
  let sha256 = options.sha256;
  if (typeof input === 'string') {
    raw = input;
    encoding ??= 'utf-8';
    sha256 ??= sha256Of(input);
  } else {
    const decoded = decodeText(input);
    raw = decoded.text;
    decodedMessages = decoded.messages;
    encoding ??= decoded.encoding;
    sha256 ??= createHash('sha256').update(input).digest('hex');
  }
  const m = options.matchers ?? defaultMatchers();
  refuseTooManyLines(raw);
  const { text, legacy } = normalizeDocument(raw);
  // Folded once: the recogniser slices its lines' keys from it, and the checks search it.
  const key = foldKey(text);
  const lines = recogniseLines(text, m, key);
  const zone = assembleHeader(lines, m);
  const { segments, footers } = layout(lines, zone.bodyStart, m);
  const bodyLines = linesOf(lines, segments);
  const body = assembleBody(bodyLines, m);
  const attributions = resolveAttributions(body.attributionLines, m);
  const closing = zone.header.date ? null : closingDate(bodyLines, m);
  const header = closing ? { ...zone.header, date: closing.date, at: { ...zone.header.at, date: closing.at } } : zone.header;
  const units = buildOutline(lines, segments, m);
  const genre = detectGenre(header, units, m);
  const projects = new Set(genre?.projects ?? []);
  // Task tables are tasks in any genre; prose tasks only where the genre has them.
  const found = findTasks(units, m, projects.has('tasks'));
  const residue = residueOf(lines, zone.chrome);
  // Every text field is read for citations, the title first ("KẾ HOẠCH thực hiện Nghị quyết số 57-NQ/TW …");
  // short mentions then point to the citation they repeat, in the list and in the items alike.
  // The document's own number in its text is a mention of itself, not a citation.
  const all = [...(zone.titleParts.length > 0 ? findCitations(new Joined(zone.titleParts), m) : []), ...body.citations];
  const itself = new Set(all.filter((c) => citesItself(c, header)));
  const read = itself.size === 0 ? all : all.filter((c) => !itself.has(c));
  const citations = resolveMentions(read);
  const resolvedOf = new Map<Citation, Citation>();
  for (let i = 0; i < read.length; i++) resolvedOf.set(read[i]!, citations[i]!);
  const conferences = body.conferences.map((c) => conferenceOf(c, itself, resolvedOf));
  const selfMentions = [...findSelfMentions(lines, m), ...[...itself].map(({ raw, kind, span, line }) => ({ raw, kind, span, line }))].sort(
    (a, b) => a.span.start - b.span.start,
  );
  const programme: Programme = {
    schemaVersion: SCHEMA_VERSION,
    genre: genre?.genre ?? 'unknown',
    source: { file: options.file ?? null, format: options.format ?? 'txt', encoding, sha256 },
    header,
    preamble: body.preamble,
    sections: body.sections,
    conferences,
    attributions,
    recipients: footers.flatMap((f) => f.recipients),
    signature: footers.find((f) => f.signature)?.signature ?? null,
    citations,
    selfMentions,
    outline: outlineOf(units, genre, (u) => found.taskUnits.has(u), m.grammar.outline.appendix.role),
    tasks: found.tasks,
    schedule: projects.has('schedule') ? findSchedule(units, header, m, text.slice(0, 3000)) : [],
    residue,
    homes: { header: zone.lines, footer: footers.flatMap((f) => f.lines) },
    diagnostics: [],
  };
  // What the reader noticed about the whole file (tracked changes, a charset) stands at 1:1.
  const ingest: Diagnostic[] = [...(options.messages ?? []), ...decodedMessages].map((msg) => ({
    code: `ingest-${msg.severity}`,
    severity: msg.severity,
    message: msg.messageVi,
    messageEn: msg.message,
    line: msg.line ?? 1,
    column: msg.column ?? 1,
  }));
  // runChecks applies the rule settings to its own findings; these come from the reader and the document.
  programme.diagnostics = [
    ...applyRuleConfig([...ingest, ...legacyFindings(legacy), ...documentFindings(programme, zone.found)], options.rules),
    ...runChecks(programme, { text, map: new TextMap(text, key), matchers: m, genre, headerFound: zone.found, ...(options.rules ? { config: options.rules } : {}) }),
  ];
  return validateProgramme(programme);
}

// Text is hashed as UTF-8 in pieces of this many UTF-16 units, encoded into one reused buffer.
const HASH_PIECE = 1 << 16;
let hashBuffer: Uint8Array | null = null;
const utf8 = new TextEncoder();

/**
 * The sha256 of the text's UTF-8 bytes. Hashing the string itself made a UTF-8 copy of the whole
 * input first, in fresh memory, which cost more than the hash; pieces encoded into one small
 * buffer do not. A piece never ends between the halves of a surrogate pair: alone, each half
 * would be encoded as U+FFFD.
 */
export function sha256Of(text: string): string {
  const hash = createHash('sha256');
  hashBuffer ??= new Uint8Array(HASH_PIECE * 3);
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + HASH_PIECE);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    const { written } = utf8.encodeInto(text.slice(from, to), hashBuffer);
    hash.update(hashBuffer.subarray(0, written));
    from = to;
  }
  return hash.digest('hex');
}

/**
 * The most lines a document may have. A 10 MB programme of 6,500 conferences has about 130,000;
 * beyond this the model alone outgrows the memory a worker is given (5 million one-word lines took
 * 3 GB), so such input is refused up front with one line rather than read for minutes.
 */
export const MAX_LINES = 200_000;

function refuseTooManyLines(raw: string): void {
  // LF, CR-LF and a lone CR each end a line, as normalization reads them; indexOf jumps from one
  // break to the next in native code instead of a script loop over every character.
  const lines = 1 + breaksOf(raw, '\n') + (raw.includes('\r') ? breaksOf(raw, '\r') - breaksOf(raw, '\r\n') : 0);
  if (lines > MAX_LINES) throw new InputError(`too many lines (over ${MAX_LINES.toLocaleString('en')}): not a document vanban can read`);
}

/** How many times `mark` occurs, counted up to one past MAX_LINES. */
function breaksOf(raw: string, mark: string): number {
  let n = 0;
  for (let i = raw.indexOf(mark); i !== -1 && n <= MAX_LINES; i = raw.indexOf(mark, i + mark.length)) n++;
  return n;
}

/**
 * A conference of the model, its items' citations resolved. Fields are written out in the schema's
 * order, not spread: spread copies came in more than one shape (map), and the validator's
 * functions for conferences, items and citations deoptimized on them in the first parse.
 */
export function conferenceOf(c: Conference, itself: ReadonlySet<Citation>, resolvedOf: ReadonlyMap<Citation, Citation>): Conference {
  const items: Item[] = [];
  for (const item of c.items) items.push(itemOf(item, itself, resolvedOf));
  return { ordinal: c.ordinal, title: c.title, session: c.session, thematic: c.thematic, time: c.time, items, section: c.section, line: c.line };
}

function itemOf(item: Item, itself: ReadonlySet<Citation>, resolvedOf: ReadonlyMap<Citation, Citation>): Item {
  const citations = resolvedIn(item.citations, itself, resolvedOf);
  return { number: item.number, text: item.text, leadAgencies: item.leadAgencies, citations, action: item.action, line: item.line };
}

/** An item's citations as resolved, those of the document itself left out: one loop and one list, as this runs for every item. */
function resolvedIn(cited: readonly Citation[], itself: ReadonlySet<Citation>, resolvedOf: ReadonlyMap<Citation, Citation>): Citation[] {
  const out: Citation[] = [];
  for (const x of cited) if (!itself.has(x)) out.push(resolvedOf.get(x) ?? x);
  return out;
}

/** The lines of the segments in order; a loop, as flatMap over 100,000 lines costs more than reading them. */
function linesOf(lines: readonly Line[], segments: readonly [number, number][]): Line[] {
  // Most documents are one segment: one native copy.
  if (segments.length === 1) return lines.slice(segments[0]![0], segments[0]![1]);
  const out: Line[] = [];
  for (const [from, to] of segments) for (let i = from; i < to; i++) out.push(lines[i]!);
  return out;
}

/** The body segments between footers: the text after a signature (an appendix, a second document) is body again. */
function layout(lines: readonly Line[], bodyStart: number, m: Matchers): { segments: [number, number][]; footers: Footer[] } {
  const segments: [number, number][] = [];
  const footers: Footer[] = [];
  let i = bodyStart;
  while (i < lines.length) {
    let f = i;
    while (f < lines.length && lines[f]!.kind !== 'recipients' && lines[f]!.kind !== 'signature') f++;
    segments.push([i, f]);
    if (f === lines.length) break;
    const footer = assembleFooter(lines, f, m);
    footers.push(footer);
    i = Math.max(footer.end, f + 1);
  }
  return { segments, footers };
}

/** Runs of chrome lines (site menus, front matter) as residue, each run one entry. */
function residueOf(lines: readonly Line[], chrome: readonly number[]): Programme['residue'] {
  const runs: Programme['residue'] = [];
  let run: Line[] = [];
  const close = () => {
    if (run.length === 0) return;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    runs.push({
      text: run.map((l) => l.text).join('\n'),
      span: { start: { line: first.line, column: 1 }, end: { line: last.line, column: charCount(last.text) + 1 } },
    });
    run = [];
  };
  for (const i of chrome) {
    const line = lines[i]!;
    const prev = run[run.length - 1];
    if (prev && lines.slice(prev.line, line.line - 1).some((l) => l.text !== '')) close();
    run.push(line);
  }
  close();
  return runs;
}

/** Legacy text read from its letters: said once, at its first line, so a reader can check it. */
function legacyFindings(legacy: LegacyText): Diagnostic[] {
  const first = legacy.lines[0];
  if (first === undefined) return [];
  const names = ['tcvn3', 'vni'].filter((e) => legacy.encodings.has(e)).map((e) => e.toUpperCase()).join(', ');
  const count = legacy.lines.length;
  return [
    {
      code: 'legacy-text-converted',
      severity: 'info',
      message: `Văn bản mã ${names} (không phải Unicode) trên ${count} dòng, đã chuyển sang Unicode theo mặt chữ`,
      messageEn: `${names} text (not Unicode) on ${count} line${count === 1 ? '' : 's'}, converted to Unicode from its letters`,
      line: first,
      column: 1,
    },
  ];
}

function documentFindings(p: Programme, headerFound: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!headerFound) {
    out.push({
      code: 'header-not-found',
      severity: 'warning',
      message: 'Không tìm thấy phần đầu văn bản (cơ quan ban hành, số, ngày tháng, tên loại)',
      messageEn: 'No document header found (issuer, number, date, document type)',
      line: null,
      column: null,
    });
  }
  if (p.genre === 'unknown') {
    out.push({
      code: 'genre-unknown',
      severity: 'warning',
      message: `Không nhận ra thể loại văn bản${p.header.docType ? ` “${p.header.docType}”` : ''}: chỉ đọc được cây đề mục chung`,
      messageEn: `Unknown kind of document${p.header.docType ? ` "${p.header.docType}"` : ''}: only the generic outline was read`,
      line: null,
      column: null,
    });
  }
  for (const r of p.residue) {
    const clip = r.text.length > 60 ? `${r.text.slice(0, 59)}…` : r.text;
    out.push({
      code: 'unclassified-text',
      severity: 'info',
      message: `Văn bản nằm ngoài các phần của văn bản (có thể là phần trang web): “${clip.replace(/\n/g, ' / ')}”`,
      messageEn: `Text outside the document's parts (site chrome?): "${clip.replace(/\n/g, ' / ')}"`,
      line: r.span.start.line,
      column: 1,
    });
  }
  return out;
}

/** The normalized text that spans and line numbers refer to. */
export function normalizedText(input: string | Uint8Array): string {
  return normalizeText(typeof input === 'string' ? input : decodeText(input).text);
}
