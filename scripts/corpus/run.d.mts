// Types of scripts/corpus/run.mjs, for test/corpus/*.test.ts under `npm run typecheck`.
import type { CitationSet, MeasuredCitations } from './citations.mjs';
import type { DocumentScore, Totals, Truth } from './score.mjs';

export interface CorpusSet {
  name: string;
  /** programmes.truth.jsonl (or NAME.truth.jsonl); null when the set has only citations. */
  truth: string | null;
  dirs: string[];
  /** citations.tsv and citations.truth.jsonl; null when the set has none. */
  citations: CitationSet | null;
}
export interface MeasuredSet {
  name: string;
  truth: string | null;
  dirs: string[];
  docs: (DocumentScore & { path: string })[];
  errors: string[];
  totals: Totals;
  citations: MeasuredCitations | null;
}
export function defaultSets(corpusRoot: string): CorpusSet[];
export function corpusDirSet(dir: string): CorpusSet;
export function citationSet(dir: string): CitationSet | null;
export function truthProblem(t: unknown): string | null;
export function readTruth(path: string, onError: (line: string) => void, shown?: string): Truth[];
export function measureSet(
  lib: Record<string, unknown>,
  set: CorpusSet,
  options: { onError: (line: string) => void; once: (key: string, line: string) => void; cwd?: string },
): Promise<MeasuredSet>;
