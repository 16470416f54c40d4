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

/** Where a change sits in one draft; null where that draft has no such conference or item. */
export const Side = z.object({ conference: ConferenceRef.nullable(), item: ItemRef.nullable() });
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

const Scope = z.enum(['item', 'conference']);
const base = { old: Side, new: Side };

export const Change = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('added'),
    scope: Scope,
    ...base,
    before: z.null(),
    after: z.string().describe('the item text, or the conference title'),
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
    scope: z.literal('item'),
    ...base,
    action: z.enum(['added', 'removed', 'changed']),
    before: CitationRef.nullable(),
    after: CitationRef.nullable(),
  }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeType = Change['type'];

export const DiffResult = z.object({ changes: z.array(Change) });
export type DiffResult = z.infer<typeof DiffResult>;

export function diffJsonSchema(): Record<string, unknown> {
  return { title: 'vanban diff, version 1', ...z.toJSONSchema(DiffResult, { target: 'draft-2020-12' }) };
}
