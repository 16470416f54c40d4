import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPhrase } from '../../src/normalize/fold.js';
import { titleEndAt, upperAt } from '../../src/recognise/citations.js';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { Joined } from '../../src/recognise/joined.js';
import { closesQuote, mayOpenQuote, opensQuote, STRAIGHT_QUOTE } from '../../src/recognise/quotes.js';

// titleEnd finds the quotes, stops and punctuation of a subject with a pattern (issue 12) instead
// of reading every character; here it is held to the loop it replaced.
const m = defaultMatchers();
const stops = m.grammar.genre.citations.titleStops.map((s) => ` ${foldPhrase(s)} `);
const stopStarts = new Set(m.grammar.genre.citations.titleStops.map((s) => foldPhrase(s).charCodeAt(0)));
const [SEMICOLON, FULL_STOP, SPACE] = [';', '.', ' '].map((ch) => ch.charCodeAt(0));

function previous(block: Joined, from: number, max: number): number {
  const { key, text } = block;
  let depth = 0;
  let straightOpen = false;
  const quoted = mayOpenQuote(key.charCodeAt(from)) || mayOpenQuote(key.charCodeAt(from + 3));
  const limit = Math.min(key.length, from + max);
  for (let i = from; i < limit; i++) {
    const code = key.charCodeAt(i);
    if (code === STRAIGHT_QUOTE) {
      if (straightOpen && depth > 0) {
        depth--;
        straightOpen = false;
        if (depth === 0 && quoted) return i + 1;
      } else {
        depth++;
        straightOpen = true;
      }
    } else if (opensQuote(code)) depth++;
    else if (closesQuote(code)) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && quoted) return i + 1;
    } else if (depth === 0) {
      if (code === SEMICOLON) return i;
      if (code === FULL_STOP && (i + 1 === key.length || (key.charCodeAt(i + 1) === SPACE && upperAt(text, i + 2)))) return i;
      if (code === SPACE && stopStarts.has(key.charCodeAt(i + 1)) && stops.some((s) => key.startsWith(s, i))) return i;
    }
  }
  return limit;
}

describe('titleEnd', () => {
  it('ends a subject where the character loop ended it, on any text of quotes, stops and punctuation', () => {
    const unit = fc.constantFrom('về ', '“', '”', '«', '»', '"', ' ', '. ', '.', ';', 'Đảng', 'gắn với ', ' gắn', 'g', 'a', 'ệ', 'X', '\u{1d400}');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.nat(6), (parts, from) => {
        const block = new Joined([{ text: parts.join(''), start: 0, line: 1 }]);
        const at = Math.min(from, block.text.length);
        expect(titleEndAt(block, at, m)).toBe(previous(block, at, 500));
      }),
      { numRuns: 5000 },
    );
  });

  it('stops at its bound on a long subject, as the loop did', () => {
    const block = new Joined([{ text: `về “${'a '.repeat(400)}” gắn với x`, start: 0, line: 1 }]);
    expect(titleEndAt(block, 0, m)).toBe(previous(block, 0, 500));
    // A stop's space at the bound's last character, and around it.
    for (let n = 490; n <= 505; n++) {
      const open = new Joined([{ text: `về ${'x'.repeat(n)} gắn với x`, start: 0, line: 1 }]);
      expect(titleEndAt(open, 0, m)).toBe(previous(open, 0, 500));
    }
  });
});
