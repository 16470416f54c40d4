// natural is imported by submodule only (its index loads every toolkit it has); this one has no types of its own.
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  const distance: { LevenshteinDistance(source: string, target: string): number };
  export default distance;
}
