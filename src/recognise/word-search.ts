import { escapeRegExp } from './regex.js';
import { matchPhrase, phraseAt, type Phrase } from './compile.js';

/** A letter or digit, as the patterns' (?<![\p{L}\p{N}]) and (?![\p{L}\p{N}]) read one. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isWordCode(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** Whether the character (code point) ending just before `at` is a letter or digit. */
function wordBefore(text: string, at: number): boolean {
  return at > 0 && isWordCode(codePointBefore(text, at));
}

/**
 * The code point that ends just before `at` (at > 0), as a /u pattern's look-behind reads it: a
 * pair of surrogates is one character, a lone one is itself.
 */
export function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Whether the character (code point) starting at `at` is a letter or digit. */
function wordAt(text: string, at: number): boolean {
  return at < text.length && isWordCode(text.codePointAt(at)!);
}

/**
 * The leftmost whole word (or phrase) of a list in a text, the longest where several start at one
 * place: what /(?<![\p{L}\p{N}])(?:a|b|…)(?![\p{L}\p{N}])/gu finds, several times faster. In /u
 * mode with lookarounds V8 tries the alternatives at every position; without them it skips
 * ahead to the places a word can start, and the edges are checked here.
 */
export class WordSearch {
  private readonly candidates: RegExp;
  private readonly words: readonly string[];

  constructor(words: readonly string[]) {
    // Longest first, so that the alternation prefers "nghị quyết liên tịch" to "nghị quyết".
    this.words = [...new Set(words)].filter((w) => w !== '').sort((a, b) => b.length - a.length);
    this.candidates = new RegExp(this.words.length > 0 ? this.words.map(escapeRegExp).join('|') : '(?!)', 'g');
  }

  /** The pattern that finds candidates, for the ReDoS test. */
  get pattern(): RegExp {
    return this.candidates;
  }

  /** The first whole word at or after `from`, or null. */
  find(text: string, from: number): { at: number; word: string } | null {
    const re = this.candidates;
    re.lastIndex = from;
    for (;;) {
      const m = re.exec(text);
      if (!m) break;
      const at = m.index;
      if (!wordBefore(text, at)) {
        const word = m[0];
        if (!wordAt(text, at + word.length)) return { at, word };
        // The longest is glued to a letter ("luật" in "luậtx"): a shorter one may stand alone.
        for (const w of this.words) if (w.length < word.length && text.startsWith(w, at) && !wordAt(text, at + w.length)) return { at, word: w };
      }
      re.lastIndex = at + 1;
    }
    return null;
  }
}

/**
 * Which of a list of literals occur in a text, in one pass instead of one `includes` each: a
 * literal occurs exactly when some place starts with it, and at every place where one starts
 * the longest literal starting there is found, which begins with every shorter one found there.
 * The answer is a bit mask over the literals, not a set made for every paragraph.
 */
export class LiteralSet {
  private readonly any: RegExp;
  private readonly literals: readonly string[];

  constructor(literals: readonly string[]) {
    this.literals = [...new Set(literals)].filter((l) => l !== '').sort((a, b) => b.length - a.length);
    this.any = new RegExp(this.literals.length > 0 ? this.literals.map(escapeRegExp).join('|') : '(?!)', 'g');
  }

  /**
   * The literal's bit in a mask; 0 for one not in the list. Literals past the thirtieth share the
   * last bit: it says one of them may occur, and their patterns are run to see.
   */
  bit(literal: string): number {
    const i = this.literals.indexOf(literal);
    return i < 0 ? 0 : 1 << Math.min(i, SHARED_BIT);
  }

  /** The bits of the literals that occur in `text` (0 for none, as most paragraphs have). */
  mask(text: string): number {
    let found = 0;
    const re = this.any;
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(text);
      if (!m) break;
      const longest = m[0];
      for (let i = 0; i < this.literals.length; i++) if (longest.startsWith(this.literals[i]!)) found |= 1 << Math.min(i, SHARED_BIT);
      re.lastIndex = m.index + 1;
    }
    return found;
  }

  /** The literals that occur in `text`. */
  in(text: string): ReadonlySet<string> {
    const mask = this.mask(text);
    return new Set(this.literals.filter((l, i) => (mask & this.bit(l)) !== 0 && (i < SHARED_BIT || text.includes(l))));
  }
}
const SHARED_BIT = 30;

/**
 * A list of phrases, longest first, bucketed by a hash of their first `width` characters: what
 * matchPhrase(key, at, list) answers, asking only the phrases that can start at `at`. The grammar's
 * bodies share first letters ("ban …", "bộ …", "sở …"), so a bucket by the first one alone still
 * holds dozens, each asked at every citation's tail. Phrases shorter than `width` are asked after
 * the bucket, which is their place in a list sorted longest first.
 */
export class PhrasePrefixes<P extends Phrase> {
  private readonly buckets = new Map<number, P[]>();
  private readonly short: P[] = [];
  /** The short phrases' first characters: most places start none of them. */
  private readonly shortStarts = new Set<number>();
  private readonly whole: readonly P[] | null;

  constructor(
    list: readonly P[],
    private readonly width = 5,
  ) {
    const sorted = list.every((p, i) => i === 0 || list[i - 1]!.key.length >= p.key.length);
    // Only a list sorted longest first keeps its order split so; any other is asked whole.
    this.whole = sorted ? null : list;
    if (!sorted) return;
    for (const p of list) {
      if (p.key.length < width) {
        this.short.push(p);
        this.shortStarts.add(p.key.charCodeAt(0));
      } else {
        const h = prefixHash(p.key, 0, width);
        const bucket = this.buckets.get(h);
        if (bucket) bucket.push(p);
        else this.buckets.set(h, [p]);
      }
    }
  }

  /** The longest phrase of the list that `key` has at `at`, as matchPhrase finds it. */
  match(key: string, at: number): P | null {
    if (this.whole) return matchPhrase(key, at, this.whole);
    if (at + this.width <= key.length) {
      const bucket = this.buckets.get(prefixHash(key, at, this.width));
      const found = bucket ? firstAt(key, at, bucket) : null;
      if (found) return found;
    }
    return this.shortStarts.has(key.charCodeAt(at)) || this.shortStarts.has(NaN) ? firstAt(key, at, this.short) : null;
  }
}

/** The first phrase of the list that `key` has at `at`: matchPhrase's answer for a list in its order. */
function firstAt<P extends Phrase>(key: string, at: number, list: readonly P[]): P | null {
  for (let i = 0; i < list.length; i++) if (phraseAt(key, at, list[i]!)) return list[i]!;
  return null;
}

/** A small-integer hash of `width` character codes; phrases that collide share a bucket. */
function prefixHash(key: string, at: number, width: number): number {
  let h = 0;
  for (let i = 0; i < width; i++) h = (h * 31 + key.charCodeAt(at + i)) & 0x3fffffff;
  return h;
}
