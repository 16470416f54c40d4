// Types of scripts/corpus/citations.mjs, for test/corpus/*.test.ts under `npm run typecheck`.
import type { ModelHeader } from './score.mjs';

export interface TruthCitation {
  kind: string | null;
  id: string | null;
  number: string | null;
  date: string | null;
  issuedBy: string | null;
  term: string | null;
  raw: string;
  note?: string;
}
export interface CitationTruth {
  row: string;
  usable?: boolean;
  citations: TruthCitation[];
  self?: { id: string; raw?: string } | null;
  note?: string;
}
export interface ModelCitation {
  raw?: string | null;
  kind?: string | null;
  number?: string | null;
  symbol?: string | null;
  id?: string | null;
  date?: string | null;
  issuedBy?: string | null;
  term?: string | null;
  title?: string | null;
  line?: number | null;
  [key: string]: unknown;
}
export interface CitationView {
  raw: string | null;
  kind: string | null;
  id: string | null;
  number: string | null;
  date: string | null;
  issuedBy: string | null;
  term: string | null;
  line: number | null;
}
export type MatchedBy = 'id' | 'number' | 'raw';
export interface Match {
  pairs: { truth: number; model: number; by: MatchedBy }[];
  missed: number[];
  extra: number[];
}
export interface MatchedCitation {
  by: MatchedBy;
  expected: TruthCitation;
  got: CitationView | null;
  idOk: boolean;
  dateOk: boolean;
  issuerOk: boolean;
  termOk: boolean;
}
export interface SelfScore {
  expected: string;
  got: string | null;
  read: boolean;
  cited: boolean;
  ok: boolean;
}
export interface CitationRowScore {
  row: string;
  usable: boolean;
  truth: number;
  model: number;
  matched: MatchedCitation[];
  missed: TruthCitation[];
  extra: (CitationView | null)[];
  self: SelfScore | null;
  source?: string;
  text?: string;
}
export interface Target {
  target: string;
  pass: boolean;
}
export interface CitationTotals {
  rows: number;
  usableRows: number;
  errors: number;
  truth: number;
  model: number;
  matched: number;
  missed: number;
  extra: number;
  by: Record<MatchedBy, number>;
  precision: number;
  recall: number;
  f1: number;
  idRight: number;
  dateRight: number;
  issuerRight: number;
  termRight: number;
  share: { id: number | null; date: number | null; issuer: number | null; term: number | null };
  selfTotal: number;
  selfRead: number;
  selfCited: number;
  selfRight: number;
  targets: Record<'f1' | 'date' | 'issuer' | 'term' | 'self', Target>;
  pass: boolean;
}
export interface CitationSet {
  tsv: string;
  truth: string;
}
export interface MeasuredCitations {
  tsv: string;
  truth: string;
  rows: CitationRowScore[];
  errors: string[];
  totals: CitationTotals;
}
export interface TsvRow {
  id: string;
  source: string;
  text: string;
  line: number;
}

export const CITATION_TARGETS: Record<'f1' | 'date' | 'issuer' | 'term' | 'self', string>;
export const CITATION_THRESHOLDS: Record<'f1' | 'date' | 'issuer' | 'term', number>;
export function rowText(text: string): string;
export function parseTsv(content: string, onError?: (line: string) => void, shown?: string): TsvRow[];
export function citationTruthProblem(t: unknown): string | null;
export function idKey(s: string): string;
export function numberKey(s: string): string;
export function kindKey(s: string): string;
export function rawOverlap(a: string | null | undefined, b: string | null | undefined): boolean;
export function matchCitations(
  truth: Pick<TruthCitation, 'kind' | 'id' | 'number' | 'raw'>[] | null | undefined,
  model: ModelCitation[] | null | undefined,
): Match;
export function sameCitationDate(expected: string | null | undefined, got: string | null | undefined): boolean;
export function issuerKey(s: string): string;
export function sameIssuer(expected: string | null | undefined, got: unknown): boolean;
export function termKey(s: string): string;
export function sameTerm(expected: string | null | undefined, got: string | null | undefined): boolean;
export function sameId(expected: string | null | undefined, got: string | null | undefined): boolean;
export function scoreSelf(
  self: { id: string; raw?: string },
  header: ModelHeader | null | undefined,
  citations: ModelCitation[] | null | undefined,
): SelfScore;
export function citationView(c: ModelCitation | null | undefined): CitationView | null;
export function scoreCitationRow(
  truth: CitationTruth,
  model: { header?: ModelHeader | null; citations?: ModelCitation[] | null; [key: string]: unknown } | null,
): CitationRowScore;
export function wrongFields(pair: MatchedCitation, withId?: boolean): string[];
export function citationTotals(rows: CitationRowScore[], errors?: number): CitationTotals;
export function readCitationTruth(path: string, onError: (line: string) => void, shown?: string): CitationTruth[];
export function measureCitations(
  lib: Record<string, unknown>,
  set: CitationSet,
  options: { onError: (line: string) => void; shown?: (path: string) => string },
): MeasuredCitations;
