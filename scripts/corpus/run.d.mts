// Types of scripts/corpus/run.mjs, for test/corpus/*.test.ts under `npm run typecheck`.
import type { DocumentScore, Totals, Truth } from './score.mjs';

export interface CorpusSet {
  name: string;
  truth: string;
  dirs: string[];
}
export interface MeasuredSet {
  name: string;
  truth: string;
  dirs: string[];
  docs: (DocumentScore & { path: string })[];
  errors: string[];
  totals: Totals;
}
export function defaultSets(corpusRoot: string): CorpusSet[];
export function corpusDirSet(dir: string): CorpusSet;
export function truthProblem(t: unknown): string | null;
export function readTruth(path: string, onError: (line: string) => void, shown?: string): Truth[];
export function measureSet(
  lib: Record<string, unknown>,
  set: CorpusSet,
  options: { onError: (line: string) => void; once: (key: string, line: string) => void; cwd?: string },
): Promise<MeasuredSet>;
