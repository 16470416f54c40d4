import { sep } from 'node:path';
import picomatch from 'picomatch';

/**
 * Glob patterns for archive paths, matched by picomatch: `*` and `?` within one folder name, `**`
 * across any number of folders, `{2023,2024}` and `{1..3}` alternatives, `[0-9]` and `[!a]`
 * classes. Node 20 has no fs.glob, and the shell does not expand quoted patterns or patterns on
 * Windows. Parentheses, `+`, `@` and `!` stay literal: archive names hold them ("ctr (1).docx").
 */
export interface Glob {
  /** The folder before the first wildcard: the walk starts there and outputs are relative to it. */
  base: string;
  /** Tested against paths relative to `base`, "/"-separated. */
  matches(relative: string): boolean;
  /** How many folder levels below `base` can match; Infinity with `**`. */
  depth: number;
}

/** Characters that make an argument a pattern rather than a name (tried as a name first). */
export function isGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

const OPTIONS: picomatch.PicomatchOptions = {
  // "+(a)", "@(a)", "!(a)" would be extended globs, and a leading "!" a negation: in archive
  // names they are letters.
  noextglob: true,
  nonegate: true,
  // Folder names compare as the file system does: case-insensitively on macOS and Windows.
  nocase: process.platform !== 'linux',
};

export function compileGlob(pattern: string): Glob {
  const slashed = sep === '\\' ? pattern.replaceAll('\\', '/') : pattern;
  const segments = slashed.split('/');
  const first = segments.findIndex((s) => isGlob(s));
  const baseParts = segments.slice(0, first);
  const rest = segments.slice(first);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  const matcher = picomatch(rest.map(literalGroups).join('/'), OPTIONS);
  // Every "/" of the rest may be a folder level (also inside {a,b/c}): the deepest a match can be.
  const depth = rest.some((s) => s.includes('**')) ? Infinity : rest.length;
  return { base, matches: (relative) => matcher(relative), depth };
}

/**
 * Parentheses are regex groups to picomatch and "[!a]" a class of "!" and "a": escape the first,
 * and spell the second as picomatch's "[^a]", the negated class a shell user means by it.
 */
function literalGroups(segment: string): string {
  return segment.replace(/[()]/g, '\\$&').replaceAll('[!', '[^');
}
