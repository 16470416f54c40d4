/**
 * A list of line-start patterns ("^(?<n>\\d{1,3})\\s?[.)/]", "^\\((?<n>\\d{1,3})\\)", …) joined into one,
 * each alternative in a group of its own: one test tells whether any matches (the usual line opens
 * on none) and which matches first, instead of one test per pattern.
 */
export class StartPatterns {
  /** The joined pattern; exported for the ReDoS test. */
  readonly pattern: RegExp;
  /** Per pattern, the number of the group that wraps it in the joined one. */
  private readonly groups: number[];
  /** Per pattern, the number of its kept named group in the joined one; -1 for none, -2 when not known. */
  private readonly kept: number[];
  /** Per pattern, the name of its kept group ('' for none). */
  private readonly keptNames: string[];

  private constructor(pattern: RegExp, groups: number[], kept: number[], keptNames: string[]) {
    this.pattern = pattern;
    this.groups = groups;
    this.kept = kept;
    this.keptNames = keptNames;
  }

  /**
   * Null when a pattern is not anchored at the start or refers back to a group (the patterns'
   * named groups become plain ones here): callers then test each pattern. A group named in `keep`
   * captures still, so that the first pattern's value is read from the joined match (see `kept`).
   */
  static of(patterns: readonly (string | RegExp)[], keep: readonly string[] = []): StartPatterns | null {
    const bodies: string[] = [];
    const groups: number[] = [];
    const kept: number[] = [];
    const keptNames: string[] = [];
    let group = 1;
    for (const p of patterns) {
      const source = typeof p === 'string' ? p : p.source;
      if (!source.startsWith('^') || /\\k<|\\[1-9]|\\\(\?</.test(source)) return null;
      let keeps = '';
      const body = source.slice(1).replace(NAMED_GROUP, (open) => {
        const name = open.slice(3, -1);
        return keep.includes(name) ? ((keeps = name), '(') : '(?:';
      });
      const count = groupCount(body);
      groups.push(group);
      // Its number is known when it is the pattern's only group; else the caller reads the pattern again.
      kept.push(keeps === '' ? -1 : count === 1 ? group + 1 : -2);
      keptNames.push(keeps);
      group += 1 + count;
      bodies.push(`(${body})`);
    }
    return bodies.length === 0 ? null : new StartPatterns(new RegExp(`^(?:${bodies.join('|')})`, 'u'), groups, kept, keptNames);
  }

  /** Whether any pattern matches at the start of `text`. */
  test(text: string): boolean {
    return this.pattern.test(text);
  }

  /** The index of the first pattern (in list order) that matches at the start of `text`, or -1. */
  first(text: string): number {
    const m = this.pattern.exec(text);
    return m === null ? -1 : this.which(m);
  }

  /** The joined match at the start of `text`: `which` pattern it is, its `matched` text and `kept` group. */
  exec(text: string): RegExpExecArray | null {
    return this.pattern.exec(text);
  }

  which(m: RegExpExecArray): number {
    for (let i = 0; i < this.groups.length; i++) if (m[this.groups[i]!] !== undefined) return i;
    return -1;
  }

  /** What pattern `i` matched, as its own match's [0] would be: alternatives are tried in order. */
  matched(m: RegExpExecArray, i: number): string {
    return m[this.groups[i]!]!;
  }

  /**
   * The group `name` (one kept) of pattern `i` in the joined match `m`: its text, undefined when it took
   * no part (or the pattern has none), null when its number is not known and the pattern must be read alone.
   */
  keptOf(m: RegExpExecArray, i: number, name: string): string | undefined | null {
    const g = this.kept[i]!;
    return g === -2 ? null : g === -1 || this.keptNames[i] !== name ? undefined : m[g];
  }
}

// "(?<name>" opens a named group; "(?<=" and "(?<!" are look-behinds and stay.
const NAMED_GROUP = /\(\?<[A-Za-z_$][\w$]*>/g;

/** How many capturing groups a pattern has: an empty alternative matches, and its result is that long. */
function groupCount(body: string): number {
  return new RegExp(`${body}|`, 'u').exec('')!.length - 1;
}
