import type { Citation } from '../model/programme.js';

/**
 * Short mentions point to the full citation they repeat: "Nghị quyết số 57" (a number, no symbol)
 * or a bare "Nghị quyết 57-NQ/TW" (no date, no issuer) is the "Nghị quyết số 57-NQ/TW, ngày
 * 22/12/2024 của Bộ Chính trị" of the same document. A mention takes the nearest earlier full
 * citation of its kind and number (or of its id), else the first later one (a title names
 * "Nghị quyết số 57" before the preamble cites it in full).
 */
export function resolveMentions(citations: Citation[]): Citation[] {
  // A full citation answers to its kind and number and to its id: two indexes, looked up by the
  // strings the citations already hold rather than by a key string made for every citation.
  const lastFull = new Index();
  // The first full ones are asked only by a mention with none before it: indexed when first asked.
  let firstFull: Index | null = null;
  const out: Citation[] = new Array(citations.length);
  for (let i = 0; i < citations.length; i++) {
    const c = citations[i]!;
    const isFull = full(c);
    if (isFull) lastFull.set(c, i);
    let refersTo: number | null = null;
    if (!isFull && (c.id !== null || c.number !== null)) {
      refersTo = lastFull.get(c) ?? (firstFull ??= firstFullOf(citations)).get(c) ?? null;
    }
    out[i] = withRefersTo(c, refersTo);
  }
  return out;
}

function full(c: Citation): boolean {
  return c.id !== null && (c.dateText !== null || c.issuedBy !== null);
}

function firstFullOf(citations: readonly Citation[]): Index {
  const index = new Index();
  for (let i = 0; i < citations.length; i++) if (full(citations[i]!)) index.setFirst(citations[i]!, i);
  return index;
}

/**
 * A copy of the citation pointing to `refersTo`, field by field in the model's order: one object
 * of a known shape rather than a spread, for the tens of thousands a long programme cites.
 */
function withRefersTo(c: Citation, refersTo: number | null): Citation {
  return {
    raw: c.raw,
    kind: c.kind,
    number: c.number,
    symbol: c.symbol,
    id: c.id,
    date: c.date,
    issuedBy: c.issuedBy,
    term: c.term,
    title: c.title,
    span: c.span,
    line: c.line,
    repaired: c.repaired,
    dateText: c.dateText,
    form: c.form,
    year: c.year,
    refersTo,
  };
}

/** Citation indexes by id and by kind and number. */
class Index {
  private readonly byId = new Map<string, number>();
  private readonly byNumber = new Map<string, Map<string, number>>();

  /** Under its kind and number (when it has one) and its id (when it has one), replacing what was there. */
  set(c: Citation, i: number): void {
    if (c.number !== null) this.numbers(c.kind).set(c.number, i);
    if (c.id !== null) this.byId.set(c.id, i);
  }

  /** As set, but keeping what was there. */
  setFirst(c: Citation, i: number): void {
    if (c.number !== null) {
      const numbers = this.numbers(c.kind);
      if (!numbers.has(c.number)) numbers.set(c.number, i);
    }
    if (c.id !== null && !this.byId.has(c.id)) this.byId.set(c.id, i);
  }

  /** By its id when it has one, else by its kind and number. */
  get(c: Citation): number | undefined {
    if (c.id !== null) return this.byId.get(c.id);
    return c.number === null ? undefined : this.byNumber.get(c.kind)?.get(c.number);
  }

  private numbers(kind: string): Map<string, number> {
    let numbers = this.byNumber.get(kind);
    if (!numbers) this.byNumber.set(kind, (numbers = new Map()));
    return numbers;
  }
}
