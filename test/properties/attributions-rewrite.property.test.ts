import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Conference, Item } from '../../src/model/programme.js';
import { findPhrase, defaultMatchers, type Matchers } from '../../src/recognise/compile.js';
import { Joined } from '../../src/recognise/joined.js';
import { resolveAttributions, scopeNumbers, splitAgencies, withoutFinalStop, type AttributionLine, type ResolvedAttribution } from '../../src/resolve/attributions.js';

// resolveAttributions walks an unscoped line's items in place and keeps its targets in a list
// (issue 12); here it is held to the definition it replaced, with its slices and Set.
const m = defaultMatchers();

function segmentsBefore(content: string, contentKey: string): { agencies: string[]; numbers: number[] | null }[] {
  const out: { agencies: string[]; numbers: number[] | null }[] = [];
  let from = 0;
  for (const part of content.split(';')) {
    const key = contentKey.slice(from, from + part.length);
    from += part.length + 1;
    const scope = findPhrase(key, m.scopeWords);
    if (scope && /^\s*\(?\d/u.test(key.slice(scope.at + scope.phrase.key.length))) {
      out.push({ agencies: splitAgencies(part.slice(0, scope.at)), numbers: scopeNumbers(key.slice(scope.at + scope.phrase.key.length), m) });
    } else {
      out.push({ agencies: splitAgencies(part), numbers: null });
    }
  }
  return out.filter((s) => s.agencies.length > 0);
}

function before(lines: readonly AttributionLine[], _m: Matchers): ResolvedAttribution[] {
  const resolved: ResolvedAttribution[] = [];
  const lastBefore = new Map<Conference, number>();
  const itemsNumbered = (c: Conference, n: number): Item[] => c.items.filter((i) => i.number === n);
  for (const a of lines) {
    const content = a.text.slice(a.contentAt);
    const key = a.key.slice(a.contentAt);
    const since = lastBefore.get(a.conference) ?? 0;
    lastBefore.set(a.conference, a.itemsBefore);
    const targets = new Set<number>();
    const agencies: string[] = [];
    let scoped = false;
    for (const seg of segmentsBefore(withoutFinalStop(content), withoutFinalStop(key))) {
      const items = seg.numbers ? [...new Set(seg.numbers)].flatMap((n) => itemsNumbered(a.conference, n)) : a.conference.items.slice(since, a.itemsBefore);
      if (seg.numbers) {
        scoped = true;
        for (const n of seg.numbers) targets.add(n);
      } else for (const item of items) targets.add(item.number);
      for (const item of items) {
        for (const agency of seg.agencies) if (!item.leadAgencies.includes(agency)) item.leadAgencies.push(agency);
      }
      for (const agency of seg.agencies) if (!agencies.includes(agency)) agencies.push(agency);
    }
    resolved.push({ agencies, items: [...targets], scoped, conference: a.conference.ordinal, line: a.line });
  }
  return resolved;
}

const PIECES = ['Văn phòng Tỉnh ủy', 'Ban Tổ chức', ', ', ',', '; ', ';', ' mục ', 'mục', ' (1)', '(2)', ' 3', ' và ', ' đến ', '(40)', ' - ', '.', ' ', '  ', 'x'];

/** Conferences with items, and attribution lines among them, built afresh for each definition. */
function build(numbers: number[][], lines: { conference: number; after: number; text: string }[], inOrder: boolean) {
  const conferences = numbers.map((ns, c) => ({ ordinal: c + 1, items: ns.map((number) => ({ number, leadAgencies: [] as string[] })) }) as unknown as Conference);
  const placed = lines
    .map((l) => ({ ...l, conference: l.conference % conferences.length }))
    // In document order, or in any: the definition reads either.
    .sort((x, y) => (inOrder ? x.conference - y.conference || x.after - y.after : 0))
    .map((l, i) => {
      const conference = conferences[l.conference]!;
      const joined = new Joined([{ text: l.text, start: 0, line: i + 1 }]);
      return { conference, itemsBefore: Math.min(l.after, conference.items.length), text: joined.text, key: joined.key, contentAt: 0, line: i + 1 };
    });
  return { conferences, placed };
}

describe('resolveAttributions reads as the definition it replaced', () => {
  it('on conferences of repeated item numbers and lines scoped, unscoped and mixed', () => {
    // Agency lists as drafters write them, with repeats and scopes, and any run of the pieces.
    const agency = fc.tuple(fc.constantFrom('Văn phòng Tỉnh ủy', 'Ban Tổ chức', 'Ban Tuyên giáo'), fc.constantFrom('', ' mục (1)', ' mục 2 - 4', ' nội dung (3) và (5)'));
    const list = fc.array(fc.tuple(agency, fc.constantFrom(', ', '; ', ';')), { minLength: 1, maxLength: 4 }).map((xs) => xs.map(([[name, scope], sep], i) => (i === 0 ? '' : sep) + name + scope).join('') + '.');
    const text = fc.oneof(list, fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((p) => p.join('')));
    const line = fc.record({ conference: fc.nat(3), after: fc.nat(8), text });
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 8 }), { minLength: 1, maxLength: 3 }), fc.array(line, { maxLength: 6 }), fc.boolean(), (numbers, lines, inOrder) => {
        const a = build(numbers, lines, inOrder);
        const b = build(numbers, lines, inOrder);
        expect(resolveAttributions(a.placed, m)).toEqual(before(b.placed, m));
        expect(a.conferences).toEqual(b.conferences);
      }),
      { numRuns: 1000 },
    );
  });
});
