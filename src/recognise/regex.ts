/** Escapes a phrase for a /u regular expression (where "\-" outside a class is an error). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
