import { z } from 'zod';
import { conformsTo, Unsupported } from './conforms.js';

/** Version 1 of the programme model: the public fields are fixed by shared/MODEL.md. */
export const SCHEMA_VERSION = 1 as const;

const Span = z.object({ start: z.int().nonnegative(), end: z.int().nonnegative() });

export const Citation = z.object({
  raw: z.string().describe('the exact matched text'),
  kind: z.string().describe('full Vietnamese type name: "Nghị quyết", "Chỉ thị", "Kết luận", ...'),
  number: z.string().nullable().describe('"94"; state documents have "30/2020"'),
  symbol: z.string().nullable().describe('"KL/TW", "NĐ-CP"; spacing typos repaired'),
  id: z.string().nullable().describe('canonical "94-KL/TW", "30/2020/NĐ-CP"; null for a named reference'),
  date: z.string().nullable().describe('ISO date when the text gives one'),
  issuedBy: z.string().nullable().describe('"Ban Bí thư", "Bộ Chính trị", ...'),
  term: z.string().nullable().describe('"XI" from "khóa XI"'),
  title: z.string().nullable().describe('the quoted or "về ..." subject'),
  span: Span.describe('offsets into the normalized text (`vanban text FILE`)'),
  line: z.int().positive().describe('1-based line in the normalized text'),
  repaired: z.boolean().describe('the symbol had a spacing typo that was repaired'),
  dateText: z.string().nullable().describe('the date as written, "31/2/2019"; date is null when it does not exist'),
  form: z
    .enum(['numbered', 'number-only', 'named', 'list'])
    .describe('how it was recognised: kind + number and symbol; kind + number without a symbol; by name (law, charter, plenum resolution); or a further number of a list sharing one kind'),
  year: z.int().nullable().describe('the year a named reference gives without a full date ("Hiến pháp năm 2013"), else the year of its date'),
  refersTo: z
    .int()
    .nonnegative()
    .nullable()
    .describe('for a short mention ("Nghị quyết số 57", or "Nghị quyết số 57-NQ/TW" again without date or issuer, after the full "Nghị quyết số 57-NQ/TW, ngày … của …"): the index in `citations` of the full citation it repeats'),
});
export type Citation = z.infer<typeof Citation>;

export const SelfMention = z.object({
  raw: z.string().describe('"Nghị quyết này", "Chương trình hành động số 27"'),
  kind: z.string().describe('the kind it names; the document itself when it is `header.docType`'),
  span: Span,
  line: z.int().positive(),
});
export type SelfMention = z.infer<typeof SelfMention>;

export const Item = z.object({
  number: z.int().describe('"(4)" -> 4'),
  text: z.string().describe("the item's full text without its number"),
  leadAgencies: z.array(z.string()),
  citations: z.array(Citation),
  action: z.string().nullable().describe('the leading action word: "Sơ kết", "Tổng kết", "Báo cáo", ...'),
  line: z.int().positive(),
});
export type Item = z.infer<typeof Item>;

export const ConferenceTime = z.object({
  raw: z.string(),
  month: z.int().min(1).max(12).nullable(),
  quarter: z.int().min(1).max(4).nullable(),
  year: z.int().nullable(),
  tentative: z.boolean(),
});

export const Conference = z.object({
  ordinal: z.int(),
  title: z.string().describe('heading text without its number'),
  session: z.int().nullable().describe('"lần thứ 17" -> 17'),
  thematic: z.boolean(),
  time: ConferenceTime.nullable(),
  items: z.array(Item),
  section: z.string().nullable().describe('label of the section it sits in'),
  line: z.int().positive(),
});
export type Conference = z.infer<typeof Conference>;

export const Section = z.object({
  label: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
  line: z.int().positive(),
});

export const Attribution = z.object({
  agencies: z.array(z.string()),
  items: z.array(z.int()).describe('the item numbers it assigns'),
  scoped: z.boolean().describe('true when the line names its items ("mục (3) và (4)")'),
  conference: z.int().describe('ordinal of its conference'),
  line: z.int().positive(),
});

/** A place in the normalized text: 1-based line and column (in characters). */
export const Point = z.object({ line: z.int().positive(), column: z.int().positive() });
export const NodeSpan = z.object({ start: Point, end: Point });

export const LABEL_STYLES = ['roman', 'arabic', 'decimal', 'letter', 'paren', 'bullet', 'article', 'part'] as const;

export interface OutlineNode {
  kind: 'heading' | 'item' | 'paragraph' | 'table' | 'row' | 'cell';
  label: string | null;
  labelStyle: (typeof LABEL_STYLES)[number] | null;
  value: number[] | null;
  heading: string | null;
  text: string | null;
  role: string | null;
  children: OutlineNode[];
  span: z.infer<typeof NodeSpan>;
}

const nodeFields = {
  kind: z.enum(['heading', 'item', 'paragraph', 'table', 'row', 'cell']),
  label: z.string().nullable().describe('as printed: "II.", "2.", "2.1.", "a)", "(3)", "-", "Điều 2."'),
  labelStyle: z.enum(LABEL_STYLES).nullable(),
  value: z.array(z.int()).nullable().describe('"II." -> [2], "2.1." -> [2, 1], "b)" -> [2], "-" -> null'),
  heading: z.string().nullable().describe("a heading's text without its label"),
  text: z.string().nullable().describe("an item's, paragraph's or cell's text without its label, wrapped lines joined"),
  role: z.string().nullable().describe('the genre\'s name for it: "section", "conference", "task", "day", ...'),
};

export const OutlineNode: z.ZodType<OutlineNode> = z.lazy(() => z.object({ ...nodeFields, children: z.array(OutlineNode), span: NodeSpan }));

export const Deadline = z.object({
  raw: z.string(),
  date: z.string().nullable().describe('ISO date when the deadline names a day'),
  quarter: z.int().min(1).max(4).nullable(),
  year: z.int().nullable(),
});

export const Task = z.object({
  text: z.string(),
  lead: z.array(z.string()).describe('"chủ trì"'),
  partners: z.array(z.string()).describe('"phối hợp"'),
  deadline: Deadline.nullable(),
  span: NodeSpan,
});
export type Task = z.infer<typeof Task>;

export const Entry = z.object({
  date: z.string().nullable().describe('YYYY-MM-DD of its day heading'),
  time: z.string().nullable().describe('"7 giờ 30", "14h00", "Sáng"'),
  text: z.string(),
  chair: z.string().nullable().describe('"Đ/c …" who chairs or attends'),
  place: z.string().nullable(),
  preparer: z.string().nullable().describe('"(… chuẩn bị)"'),
  span: NodeSpan,
});
export type Entry = z.infer<typeof Entry>;

export const Residue = z.object({ text: z.string(), span: NodeSpan });

export const Diagnostic = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messageEn: z.string().describe('the message in English'),
  line: z.int().positive().nullable(),
  column: z.int().positive().nullable(),
  endLine: z.int().positive().optional().describe('where a finding that covers a run of text ends (1-based, with endColumn)'),
  endColumn: z.int().positive().optional().describe('the column just after the run of text, as in eslint and SARIF'),
  fix: z
    .object({ span: Span, text: z.string() })
    .optional()
    .describe('a repair: replace `span` of the normalized text with `text` (vanban lint --fix)'),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const Programme = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  genre: z.string().describe('"conference-programme", "action-programme", "plan", "schedule", ..., "unknown"'),
  source: z.object({
    file: z.string().nullable(),
    format: z.enum(['txt', 'md', 'docx', 'doc', 'html']),
    encoding: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  header: z.object({
    partyHeading: z.string().nullable(),
    superior: z.string().nullable().describe('the body above the issuer ("ĐẢNG BỘ TỈNH ...")'),
    issuer: z.string().nullable(),
    number: z
      .object({
        raw: z.string(),
        number: z.int().nullable(),
        typeCode: z.string().nullable(),
        issuerCode: z.string().nullable(),
        id: z.string().nullable().describe('canonical "27-CTr/TU", "130/KH-UBND"; null while the number is blank'),
      })
      .nullable(),
    draft: z.boolean(),
    draftLabel: z.string().nullable().describe('"Dự thảo", "Dự thảo lần 2"'),
    place: z.string().nullable(),
    date: z
      .object({
        raw: z.string(),
        year: z.int().nullable(),
        month: z.int().min(1).max(12).nullable(),
        day: z.int().min(1).max(31).nullable(),
      })
      .nullable(),
    docType: z.string().nullable(),
    title: z.string().nullable(),
    year: z.int().nullable(),
    term: z.string().nullable(),
    period: z.object({ from: z.int(), to: z.int() }).nullable(),
    at: z
      .partialRecord(z.enum(['partyHeading', 'superior', 'issuer', 'number', 'draftLabel', 'place', 'date', 'docType', 'title']), Point)
      .describe('where each header field was read: 1-based line and column in the normalized text'),
  }),
  preamble: z.array(z.string()).describe('body paragraphs before the first section'),
  sections: z.array(Section),
  conferences: z.array(Conference),
  attributions: z.array(Attribution),
  recipients: z.array(z.string()),
  signature: z
    .object({
      authority: z.string(),
      body: z.string(),
      position: z.string().nullable(),
      name: z.string().nullable(),
    })
    .nullable(),
  citations: z.array(Citation),
  selfMentions: z
    .array(SelfMention)
    .describe('where the document names itself ("Quyết định này", its own number): they point to `header.number` and are not citations'),
  outline: z.array(OutlineNode).describe('the body between header and footer (and any appendix) as a tree'),
  tasks: z.array(Task).describe('tasks that name who does them or by when'),
  schedule: z.array(Entry).describe('dated entries of a schedule'),
  residue: z.array(Residue).describe('text no other field holds; each has an unclassified-text diagnostic'),
  homes: z
    .object({ header: z.array(z.int().positive()), footer: z.array(z.int().positive()) })
    .describe('the lines the header and the recipients/signature were read from'),
  diagnostics: z.array(Diagnostic),
});
export type Programme = z.infer<typeof Programme>;

// The same checks, the outline one node at a time: zod tracks cycles for every value a recursive
// schema meets, which made the outline cost twice the rest of the model.
const OutlineNodeAlone = z.object({ ...nodeFields, children: z.array(z.unknown()), span: NodeSpan });
const ProgrammeWithoutOutline = Programme.extend({ outline: z.array(z.unknown()) });

/**
 * `Programme.parse`, without its copy when the model conforms (conforms.ts); otherwise zod judges,
 * and throws the same ZodError as ever.
 */
export function validateProgramme(p: Programme): Programme {
  if (programmeConforms(p)) return p;
  const rest = ProgrammeWithoutOutline.parse(p);
  const stack: unknown[][] = [p.outline];
  for (let nodes = stack.pop(); nodes; nodes = stack.pop()) {
    for (const node of nodes) stack.push(OutlineNodeAlone.parse(node).children);
  }
  return { ...rest, outline: p.outline };
}

let programmeCheck: ((value: unknown) => boolean) | null | undefined;

function programmeConforms(p: Programme): boolean {
  if (programmeCheck === undefined) {
    try {
      programmeCheck = conformsTo(Programme);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      programmeCheck = null;
    }
  }
  return programmeCheck !== null && programmeCheck(p);
}
export type Header = Programme['header'];
