import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareKey, foldKey } from '../../src/normalize/fold.js';
import { Joined, type JoinedPart } from '../../src/recognise/joined.js';

// An item's text after its number is read from its one line (issue 12), not sliced from the
// line's whole Joined; here the two are held equal.
function view(j: Joined) {
  const at = Array.from({ length: j.text.length + 1 }, (_, i) => [j.offset(i), j.line(i)]);
  return { text: j.text, key: j.key, bare: j.bare, at, firstLine: j.firstLine };
}

describe('Joined.after', () => {
  it('is the slice of the part\'s Joined, with keys or without, at any place', () => {
    const text = fc.array(fc.constantFrom(' ', '\u00a0', '(1)', '12.', 'Hóa', 'thuỷ', 'KẾT LUẬN', 'x', ''), { maxLength: 8 }).map((p) => p.join(''));
    const keys = fc.constantFrom('folded', 'folded-no-bare', 'none', 'wrong-length', 'wrong-bare');
    fc.assert(
      fc.property(text, keys, fc.nat(5), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 9 }), (t, how, start, from, line) => {
        const part: JoinedPart = { text: t, start, line };
        if (how !== 'none') part.key = how === 'wrong-length' ? `${foldKey(t)}x` : foldKey(t);
        if (how === 'folded') part.bare = bareKey(foldKey(t));
        if (how === 'wrong-bare') part.bare = `${bareKey(foldKey(t))}x`;
        expect(view(Joined.after(part, from))).toEqual(view(new Joined([part]).slice(from)));
      }),
      { numRuns: 3000 },
    );
  });
});
