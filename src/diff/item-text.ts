import type { CitationRef, WordRun } from '../model/diff.js';
import type { Citation } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { lcsOps, wordDiff } from './word-diff.js';

export interface CitationChange {
  action: 'added' | 'removed' | 'changed';
  before: CitationRef | null;
  after: CitationRef | null;
}

export type TextDifference =
  | { kind: 'same' }
  /** Only the cited documents changed ("94-KL/TW" → "95-KL/TW"): one change per citation. */
  | { kind: 'citations'; changes: CitationChange[] }
  | { kind: 'edited'; words: WordRun[]; citations: { added: CitationRef[]; removed: CitationRef[] } };

export function citationRef(c: Citation): CitationRef {
  return { id: c.id, kind: c.kind, raw: c.raw, date: c.date };
}

/** A text with the citations that stand in it: an item, an outline unit, a task, an entry. */
export interface CitedText {
  text: string;
  citations: Citation[];
}

/**
 * How an item's (or any cited text's) text changed. Each citation counts as one word, so a text whose every changed
 * word is a citation is a citation change, and anything else one edit of the text.
 */
export function textDifference(old: CitedText, neu: CitedText): TextDifference {
  if (foldKey(old.text) === foldKey(neu.text)) return { kind: 'same' };
  const a = citedWords(old);
  const b = citedWords(neu);
  const ops = lcsOps(
    a.map((w) => w.key),
    b.map((w) => w.key),
  );
  const changed = ops.filter((op) => op.op !== 'same');
  const onlyCitations = changed.every((op) => (op.op === 'removed' ? a[op.a]!.cite : b[op.b]!.cite) !== null);
  if (changed.length && onlyCitations) {
    const changes: CitationChange[] = [];
    let removed: Citation[] = [];
    let added: Citation[] = [];
    const flush = () => {
      for (let k = 0; k < Math.max(removed.length, added.length); k++) {
        const before = removed[k];
        const after = added[k];
        changes.push({
          action: before && after ? 'changed' : before ? 'removed' : 'added',
          before: before ? citationRef(before) : null,
          after: after ? citationRef(after) : null,
        });
      }
      removed = [];
      added = [];
    };
    for (const op of ops) {
      if (op.op === 'same') flush();
      else if (op.op === 'removed') removed.push(old.citations[a[op.a]!.cite!]!);
      else added.push(neu.citations[b[op.b]!.cite!]!);
    }
    flush();
    return { kind: 'citations', changes };
  }
  return { kind: 'edited', words: wordDiff(old.text, neu.text), citations: citationsBetween(old.citations, neu.citations) };
}

/** The words of an item's text, each citation's words taken together as one. */
function citedWords(item: CitedText): { text: string; key: string; cite: number | null }[] {
  const ranges: { start: number; end: number; cite: number }[] = [];
  let from = 0;
  item.citations.forEach((c, cite) => {
    let at = item.text.indexOf(c.raw, from);
    if (at < 0) at = item.text.indexOf(c.raw);
    if (at < 0) return;
    ranges.push({ start: at, end: at + c.raw.length, cite });
    from = at + c.raw.length;
  });
  const out: { text: string; key: string; cite: number | null }[] = [];
  for (const m of item.text.matchAll(/\S+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const cite = ranges.find((r) => start < r.end && end > r.start)?.cite ?? null;
    const last = out.at(-1);
    if (cite !== null && last?.cite === cite) last.text += ` ${m[0]}`;
    else out.push({ text: m[0], key: '', cite });
  }
  for (const w of out) w.key = foldKey(w.text);
  return out;
}

/** Citations on one side only, compared on their id (or their words for a named reference). */
function citationsBetween(old: Citation[], neu: Citation[]): { added: CitationRef[]; removed: CitationRef[] } {
  const key = (c: Citation) => foldKey(c.id ?? c.raw);
  const unmatched = (xs: Citation[], ys: Citation[]) => {
    const left = ys.map(key);
    return xs.filter((x) => {
      const at = left.indexOf(key(x));
      if (at < 0) return true;
      left.splice(at, 1);
      return false;
    });
  };
  return { added: unmatched(neu, old).map(citationRef), removed: unmatched(old, neu).map(citationRef) };
}
