import { z } from 'zod';
import { ConferenceTime } from './programme.js';

/** What `vanban diff --format json` prints: the changes between two drafts, in document order. */

export const ConferenceRef = z.object({
  ordinal: z.int(),
  session: z.int().nullable(),
  title: z.string(),
  line: z.int().positive(),
});
export type ConferenceRef = z.infer<typeof ConferenceRef>;

export const ItemRef = z.object({
  number: z.int(),
  text: z.string(),
  line: z.int().positive(),
});
export type ItemRef = z.infer<typeof ItemRef>;

/** A unit of the outline tree of a document that is not a conference programme. */
export const UnitRef = z.object({
  label: z.string().nullable().describe('as printed: "II.", "2.", "a)", "-", "Điều 2."'),
  path: z.string().describe('the labels from the top of the tree down to it, "II. › 2. › a)"'),
  text: z.string().describe("the unit's heading or text (a table row: its cells joined by \" | \")"),
  line: z.int().positive(),
});
export type UnitRef = z.infer<typeof UnitRef>;

export const TaskRef = z.object({
  number: z.int().positive().describe('1-based place among the tasks of its draft'),
  text: z.string(),
  line: z.int().positive(),
});
export type TaskRef = z.infer<typeof TaskRef>;

export const EntryRef = z.object({
  number: z.int().positive().describe('1-based place among the schedule entries of its draft'),
  date: z.string().nullable().describe('YYYY-MM-DD of its day'),
  text: z.string(),
  line: z.int().positive(),
});
export type EntryRef = z.infer<typeof EntryRef>;

export const RecipientRef = z.object({
  number: z.int().positive().describe('1-based place in the "Nơi nhận" list of its draft'),
  text: z.string(),
});
export type RecipientRef = z.infer<typeof RecipientRef>;

/**
 * Where a change sits in one draft; null where that draft has no such conference or item. Changes
 * to documents that are not conference programmes name an outline unit or a task instead.
 */
export const Side = z.object({
  conference: ConferenceRef.nullable(),
  item: ItemRef.nullable(),
  unit: UnitRef.nullable().optional(),
  task: TaskRef.nullable().optional(),
  entry: EntryRef.nullable().optional(),
  recipient: RecipientRef.nullable().optional(),
});
export type Side = z.infer<typeof Side>;

export const CitationRef = z.object({
  id: z.string().nullable().describe('"94-KL/TW"; null for a named reference'),
  kind: z.string(),
  raw: z.string(),
  date: z.string().nullable(),
});
export type CitationRef = z.infer<typeof CitationRef>;

export const WordRun = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type WordRun = z.infer<typeof WordRun>;

export const HEADER_FIELDS = ['draft', 'number', 'date', 'place', 'issuer', 'docType', 'title'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

const headerValue = z.string().nullable().optional();
const HeaderValues = z
  .object({
    draft: headerValue,
    number: headerValue,
    date: headerValue,
    place: headerValue,
    issuer: headerValue,
    docType: headerValue,
    title: headerValue,
  })
  .describe('the changed fields only, as written; draft is the draft mark ("Dự thảo") or null for a final text');
export type HeaderValues = z.infer<typeof HeaderValues>;

const Scope = z.enum(['item', 'conference', 'unit', 'task', 'entry', 'recipient']);

export const TASK_FIELDS = ['lead', 'partners', 'deadline'] as const;
export type TaskField = (typeof TASK_FIELDS)[number];
const TaskValues = z
  .object({ lead: z.array(z.string()).optional(), partners: z.array(z.string()).optional(), deadline: z.string().nullable().optional() })
  .describe('the changed fields only; deadline as written');
export const ENTRY_FIELDS = ['date', 'time', 'chair', 'place', 'preparer'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
const entryValue = z.string().nullable().optional();
const EntryValues = z
  .object({ date: entryValue, time: entryValue, chair: entryValue, place: entryValue, preparer: entryValue })
  .describe('the changed fields only, as written (date as YYYY-MM-DD)');

export const SIGNATURE_FIELDS = ['authority', 'body', 'position', 'name'] as const;
export type SignatureField = (typeof SIGNATURE_FIELDS)[number];
const signatureValue = z.string().nullable().optional();
export const SignatureValues = z
  .object({ authority: signatureValue, body: signatureValue, position: signatureValue, name: signatureValue })
  .describe('the changed fields only; null where that draft has no signature or the field is blank');
export type SignatureValues = z.infer<typeof SignatureValues>;

const base = { old: Side, new: Side };

export const Change = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('added'),
    scope: Scope,
    ...base,
    before: z.null(),
    after: z.string().describe('the item, unit or task text, or the conference title'),
    items: z.array(ItemRef).describe('a new conference: the items that came with it'),
  }),
  z.object({
    type: z.literal('removed'),
    scope: Scope,
    ...base,
    before: z.string(),
    after: z.null(),
    items: z.array(ItemRef).describe('a dropped conference: the items that went with it'),
  }),
  z.object({
    type: z.literal('moved'),
    scope: z.literal('item'),
    ...base,
    before: z.int().describe('ordinal of the conference it left'),
    after: z.int().describe('ordinal of the conference it joined'),
  }),
  z.object({
    type: z.literal('renumbered'),
    scope: Scope,
    field: z.enum(['number', 'ordinal', 'session']).describe("an item's number, a conference's ordinal or its session (\"lần thứ 17\")"),
    ...base,
    before: z.int(),
    after: z.int(),
  }),
  z.object({
    type: z.literal('edited'),
    scope: Scope,
    ...base,
    before: z.string(),
    after: z.string(),
    words: z.array(WordRun).describe('word-level diff of before and after'),
    citations: z.object({ added: z.array(CitationRef), removed: z.array(CitationRef) }),
  }),
  z.object({
    type: z.literal('agency'),
    scope: z.literal('item'),
    ...base,
    before: z.array(z.string()),
    after: z.array(z.string()),
  }),
  z.object({
    type: z.literal('time'),
    scope: z.literal('conference'),
    ...base,
    before: ConferenceTime.nullable(),
    after: ConferenceTime.nullable(),
  }),
  z.object({
    type: z.literal('header'),
    scope: z.literal('document'),
    ...base,
    fields: z.array(z.enum(HEADER_FIELDS)).min(1),
    before: HeaderValues,
    after: HeaderValues,
  }),
  z.object({
    type: z.literal('citation'),
    scope: Scope.describe('where the citation stands: an item, an outline unit (the preamble, a section paragraph), a task or a schedule entry'),
    ...base,
    action: z.enum(['added', 'removed', 'changed']),
    before: CitationRef.nullable(),
    after: CitationRef.nullable(),
  }),
  z.object({
    type: z.literal('task'),
    scope: z.literal('task'),
    ...base,
    fields: z.array(z.enum(TASK_FIELDS)).min(1).describe('who leads, who takes part, by when'),
    before: TaskValues,
    after: TaskValues,
  }),
  z.object({
    type: z.literal('entry'),
    scope: z.literal('entry'),
    ...base,
    fields: z.array(z.enum(ENTRY_FIELDS)).min(1).describe('its day, time, who chairs, where, who prepares'),
    before: EntryValues,
    after: EntryValues,
  }),
  z.object({
    type: z.literal('signature'),
    scope: z.literal('document'),
    ...base,
    fields: z.array(z.enum(SIGNATURE_FIELDS)).min(1).describe('"T/M", "TỈNH ỦY", the signer\'s position and name'),
    before: SignatureValues,
    after: SignatureValues,
  }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeType = Change['type'];

export const DiffResult = z.object({ changes: z.array(Change) });
export type DiffResult = z.infer<typeof DiffResult>;

export function diffJsonSchema(): Record<string, unknown> {
  return { title: 'vanban diff, version 1', ...z.toJSONSchema(DiffResult, { target: 'draft-2020-12' }) };
}
