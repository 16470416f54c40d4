import { z } from 'zod';

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
});
export type Citation = z.infer<typeof Citation>;

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

export const Diagnostic = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messageEn: z.string().describe('the message in English'),
  line: z.int().positive().nullable(),
  column: z.int().positive().nullable(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const Programme = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    file: z.string().nullable(),
    format: z.enum(['txt', 'md', 'docx', 'doc']),
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
  diagnostics: z.array(Diagnostic),
});
export type Programme = z.infer<typeof Programme>;
