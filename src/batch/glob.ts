import { sep } from 'node:path';

/**
 * Just enough globbing for archive paths: `*` and `?` within one folder name, `**` across any
 * number of folders. Node 20 has no fs.glob, and the shell does not expand quoted patterns or
 * patterns on Windows.
 */
export interface Glob {
  /** The folder before the first wildcard: the walk starts there and outputs are relative to it. */
  base: string;
  /** Tested against paths relative to `base`, "/"-separated. */
  matches(relative: string): boolean;
  /** How many folder levels below `base` can match; Infinity with `**`. */
  depth: number;
}

export function isGlob(arg: string): boolean {
  return /[*?]/.test(arg);
}

export function compileGlob(pattern: string): Glob {
  const segments = (sep === '\\' ? pattern.replaceAll('\\', '/') : pattern).split('/');
  const first = segments.findIndex((s) => isGlob(s));
  const baseParts = segments.slice(0, first);
  // "**/**" is "**": kept twice it would only make the expression ambiguous.
  const rest = segments.slice(first).filter((s, i, all) => !(s === '**' && all[i - 1] === '**'));
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  let source = '';
  rest.forEach((segment, i) => {
    const last = i === rest.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentSource(segment) + (last ? '' : '/');
  });
  // Folder names compare as the file system does: case-insensitively on macOS and Windows.
  const re = new RegExp(`^${source}$`, process.platform === 'linux' ? 'u' : 'iu');
  return { base, matches: (relative) => re.test(relative), depth: rest.includes('**') ? Infinity : rest.length };
}

function segmentSource(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}
