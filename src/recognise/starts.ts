/**
 * One pattern that matches wherever any of a list of line-start patterns ("^(?<n>\\d{1,3})\\s?[.)/]",
 * "^\\((?<n>\\d{1,3})\\)", …) would: a line that fails it fails them all, so the usual line, which
 * opens on none, costs one test instead of one per pattern. Null when a pattern is not anchored at
 * the start or refers back to a group (its groups are dropped here), so callers test each pattern.
 */
export function anyStart(patterns: readonly (string | RegExp)[]): RegExp | null {
  const bodies: string[] = [];
  for (const p of patterns) {
    const source = typeof p === 'string' ? p : p.source;
    if (!source.startsWith('^') || /\\k<|\\[1-9]|\\\(\?</.test(source)) return null;
    bodies.push(`(?:${source.slice(1).replace(NAMED_GROUP, '(?:')})`);
  }
  return bodies.length === 0 ? null : new RegExp(`^(?:${bodies.join('|')})`, 'u');
}

// "(?<name>" opens a named group; "(?<=" and "(?<!" are look-behinds and stay.
const NAMED_GROUP = /\(\?<[A-Za-z_$][\w$]*>/g;
