import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Citation, Conference, Item } from '../../src/model/programme.js';
import { conferenceOf } from '../../src/parse.js';

// parse() built the model's conferences by spreading the body's (issue 12): the copies came in
// more than one shape. conferenceOf writes the fields out; it is held here to the spread it replaced.
type Resolved = { itself: ReadonlySet<Citation>; resolvedOf: ReadonlyMap<Citation, Citation> };
const before = (c: Conference, { itself, resolvedOf }: Resolved): Conference => ({
  ...c,
  items: c.items.map((item) => ({ ...item, citations: item.citations.filter((x) => !itself.has(x)).map((x) => resolvedOf.get(x) ?? x) })),
});

// Citations are compared by identity: stand-ins with a distinct raw text are enough.
const citations = fc.array(fc.string({ maxLength: 4 }), { maxLength: 6 }).map((raws) => raws.map((raw) => ({ raw }) as unknown as Citation));
const item = fc.record({
  number: fc.integer(),
  text: fc.string({ maxLength: 8 }),
  leadAgencies: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  citations,
  action: fc.option(fc.string({ maxLength: 4 })),
  line: fc.integer({ min: 1 }),
}) as fc.Arbitrary<Item>;
const time = fc.option(fc.record({ raw: fc.string({ maxLength: 4 }), month: fc.option(fc.integer({ min: 1, max: 12 })), quarter: fc.option(fc.integer({ min: 1, max: 4 })), year: fc.option(fc.integer()), tentative: fc.boolean() }));
// As assembleBody makes one: the heading's fields spread in after the title.
const conference = fc
  .tuple(fc.integer(), fc.string({ maxLength: 8 }), fc.option(fc.integer()), fc.boolean(), time, fc.array(item, { maxLength: 4 }), fc.option(fc.string({ maxLength: 3 })), fc.integer({ min: 1 }))
  .map(([ordinal, title, session, thematic, t, items, section, line]): Conference => ({ ordinal, title, ...{ session, thematic, time: t }, items, section, line }));

/** Some of the conferences' citations are the document itself, some resolve to another. */
const resolved = (cs: readonly Conference[], picks: readonly number[]): Resolved => {
  const all = cs.flatMap((c) => c.items.flatMap((i) => i.citations));
  const itself = new Set<Citation>();
  const resolvedOf = new Map<Citation, Citation>();
  all.forEach((x, i) => {
    const pick = picks[i % Math.max(1, picks.length)] ?? 0;
    if (pick === 1) itself.add(x);
    if (pick === 2) resolvedOf.set(x, { raw: `${x.raw}'` } as unknown as Citation);
  });
  return { itself, resolvedOf };
};

describe('conferenceOf', () => {
  it('makes the conference the spread made, keys in the same order, every conference and item in one shape', () => {
    fc.assert(
      fc.property(fc.array(conference, { maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 8 }), (cs, picks) => {
        const r = resolved(cs, picks);
        const made = cs.map((c) => conferenceOf(c, r.itself, r.resolvedOf));
        expect(JSON.stringify(made)).toBe(JSON.stringify(cs.map((c) => before(c, r))));
        const keys = (o: object) => Object.keys(o).join();
        expect(new Set(made.map(keys)).size).toBeLessThanOrEqual(1);
        expect(new Set(made.flatMap((c) => c.items.map(keys))).size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
