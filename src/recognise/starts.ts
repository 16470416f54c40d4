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

  private constructor(pattern: RegExp, groups: number[]) {
    this.pattern = pattern;
    this.groups = groups;
  }

  /**
   * Null when a pattern is not anchored at the start or refers back to a group (the patterns'
   * named groups become plain ones here): callers then test each pattern.
   */
  static of(patterns: readonly (string | RegExp)[]): StartPatterns | null {
    const bodies: string[] = [];
    const groups: number[] = [];
    let group = 1;
    for (const p of patterns) {
      const source = typeof p === 'string' ? p : p.source;
      if (!source.startsWith('^') || /\\k<|\\[1-9]|\\\(\?</.test(source)) return null;
      const body = source.slice(1).replace(NAMED_GROUP, '(?:');
      groups.push(group);
      group += 1 + groupCount(body);
      bodies.push(`(${body})`);
    }
    return bodies.length === 0 ? null : new StartPatterns(new RegExp(`^(?:${bodies.join('|')})`, 'u'), groups);
  }

  /** Whether any pattern matches at the start of `text`. */
  test(text: string): boolean {
    return this.pattern.test(text);
  }

  /** The index of the first pattern (in list order) that matches at the start of `text`, or -1. */
  first(text: string): number {
    const m = this.pattern.exec(text);
    if (m === null) return -1;
    for (let i = 0; i < this.groups.length; i++) if (m[this.groups[i]!] !== undefined) return i;
    return -1;
  }
}

// "(?<name>" opens a named group; "(?<=" and "(?<!" are look-behinds and stay.
const NAMED_GROUP = /\(\?<[A-Za-z_$][\w$]*>/g;

/** How many capturing groups a pattern has: an empty alternative matches, and its result is that long. */
function groupCount(body: string): number {
  return new RegExp(`${body}|`, 'u').exec('')!.length - 1;
}
