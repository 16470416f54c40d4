import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOutline, type Unit } from '../../src/assemble/outline.js';
import { outlineOf } from '../../src/genre/roles.js';
import type { Genre } from '../../src/grammar/schema.js';
import { LABEL_STYLES } from '../../src/model/programme.js';
import { foldKey } from '../../src/normalize/fold.js';
import { normalizeDocument } from '../../src/normalize/text.js';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { recogniseLines } from '../../src/recognise/lines.js';
import { anyText, docSpec, GENRES, renderDocument } from '../genre-generators.js';
import { buildOutlinePrevious, outlineOfPrevious, type Unit as PreviousUnit } from './outline-previous.js';

const m = defaultMatchers();

/** The recognised lines of a text, as parse reads them. */
function linesOf(raw: string) {
  const { text } = normalizeDocument(raw);
  return recogniseLines(text, m, foldKey(text));
}

/** Consecutive segments of `count` lines, cut where `cuts` say (parse cuts the body at each footer). */
function segmentsOf(count: number, start: number, cuts: number[]): [number, number][] {
  const points = [...new Set([start % (count + 1), ...cuts.map((c) => c % (count + 1))])].sort((a, b) => a - b);
  if (points.length === 1) return [[points[0]!, count]];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i++) out.push([points[i]!, points[i + 1]!]);
  return out;
}

// Task units picked by their text, the same for either kind of unit.
const picked = (text: string, pick: number) => pick > 0 && text.length % pick === 0;
const taskNew = (pick: number) => (u: Unit) => picked(u.text ?? u.heading ?? '', pick);
const taskOld = (pick: number) => (u: PreviousUnit) => picked(u.node.text ?? u.node.heading ?? '', pick);

const LINE_KINDS = ['conference', 'attribution', 'day', 'appendix', 'row', 'item', 'section', 'text', 'bullet', 'numbered'];
// A rule's conditions present or not, and an empty `under` (no condition to the old code).
const roleRule = fc.record(
  {
    role: fc.constantFrom('section', 'conference', 'item', 'task', 'day', 'x'),
    styles: fc.subarray([...LABEL_STYLES]),
    lineKinds: fc.subarray(LINE_KINDS),
    under: fc.constantFrom('', 'section', 'conference', 'day', 'x'),
    tasks: fc.boolean(),
  },
  { requiredKeys: ['role'] },
);
const genreOf = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...m.grammar.genres),
  fc.array(roleRule, { maxLength: 5 }).map((roles) => ({ ...m.grammar.genres[0]!, roles }) as Genre),
);

const documents = fc.oneof(
  fc.constantFrom(...GENRES).chain((genre) => docSpec(genre).map(renderDocument)),
  anyText,
);

describe('the outline and its roles, as the previous definitions give them', () => {
  it('same nodes, roles, spans and key order, for any segments, genre and task units', () => {
    fc.assert(
      fc.property(documents, fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), genreOf, fc.nat(4), (raw, start, cuts, genre, pick) => {
        const lines = linesOf(raw);
        const segments = segmentsOf(lines.length, start, cuts);
        const role = m.grammar.outline.appendix.role;
        const now = outlineOf(buildOutline(lines, segments, m), genre, taskNew(pick), role);
        const before = outlineOfPrevious(buildOutlinePrevious(lines, segments, m), genre, taskOld(pick), role);
        expect(JSON.stringify(now)).toBe(JSON.stringify(before));
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
