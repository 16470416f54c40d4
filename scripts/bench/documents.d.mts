// Types of scripts/bench/documents.mjs, for the tests that build archives with it.

/** The seed programme as its province would write it for `year`, with the reviews that come due then. */
export function reviewProgramme(
  year: number,
  options?: { issuer?: string; number?: number | null; offset?: number; extraItems?: string[] },
): { text: string; claims: { conferences: number; items: number }; items: { conference: number; item: number; text: string; agency: string }[] };

/** A valid programme of `n` conferences modelled on the seed's, `items` items each (10 MB at 6,500). */
export function programme(n: number, items?: number): { text: string; claims: { conferences: number; items: number }; citations: number; body: number };
