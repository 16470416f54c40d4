// Types of scripts/corpus/score.mjs, for test/corpus/score.test.ts under `npm run typecheck`.

export interface TruthUnit {
  label: string;
  depth: number;
  start: string;
  line: number;
}
export interface TruthTask {
  line: number;
  start: string;
  lead: string[];
  partners: string[];
  deadline: string | null;
}
export interface Truth {
  file: string;
  genre: string;
  genreAlt?: string[];
  header: Record<string, string | null>;
  headerAlt?: Record<string, string[]>;
  outline: TruthUnit[];
  tasks?: TruthTask[];
  lines?: number;
  notes?: string;
}
export interface ModelNumber {
  raw?: string | null;
  id?: string | null;
  number?: number | null;
  typeCode?: string | null;
  issuerCode?: string | null;
}
export interface ModelDate {
  raw?: string | null;
  year?: number | null;
  month?: number | null;
  day?: number | null;
}
export interface ModelHeader {
  docType?: string | null;
  title?: string | null;
  place?: string | null;
  issuer?: string | null;
  number?: ModelNumber | null;
  date?: ModelDate | null;
  [key: string]: unknown;
}
export interface ModelNode {
  kind: string;
  label: string | null;
  heading?: string | null;
  text?: string | null;
  children?: ModelNode[];
  span?: { start: { line: number; column: number }; end?: { line: number; column: number } };
  [key: string]: unknown;
}
export interface ModelUnit {
  label: string;
  depth: number;
  line: number | null;
  start: string;
  body: string;
  kind: string | null;
}
export interface FieldScore {
  field: string;
  ok: boolean;
  expected: string | null;
  got: unknown;
}
export interface HeaderScore {
  fields: FieldScore[];
  right: number;
  total: number;
}
export interface UnitResult {
  truth: TruthUnit;
  found: boolean;
  depthOk: boolean;
  startOk: boolean;
  got: ModelUnit | null;
}
export interface UnitsScore {
  total: number;
  found: number;
  depthOk: number;
  startOk: number;
  extra: number;
  results: UnitResult[];
  extras: ModelUnit[];
}
export interface ModelDeadline {
  raw: string;
  date?: string | null;
  quarter?: number | null;
  year?: number | null;
}
export interface ModelTask {
  text: string;
  lead: string[];
  partners: string[];
  deadline: ModelDeadline | string | null;
  span?: { start: { line: number; column: number }; end?: { line: number; column: number } };
  [key: string]: unknown;
}
export interface TaskView {
  line: number | null;
  endLine: number | null;
  start: string;
  lead: string[];
  partners: string[];
  deadline: string | null;
}
export interface TaskResult {
  truth: TruthTask;
  midLine: boolean;
  found: boolean;
  leadOk: boolean;
  partnersOk: boolean;
  deadlineOk: boolean;
  got: TaskView | null;
}
export interface TasksScore {
  total: number;
  found: number;
  leadOk: number;
  partnersOk: number;
  deadlineOk: number;
  extra: number;
  results: TaskResult[];
  extras: TaskView[];
}
export interface TaskTotals {
  documents: number;
  total: number;
  found: number;
  leadRight: number;
  partnersRight: number;
  deadlineRight: number;
  extra: number;
  percent: { found: number | null; leadRight: number | null; partnersRight: number | null; deadlineRight: number | null };
}
export interface DocumentScore {
  file: string;
  genre: { ok: boolean; expected: string; got: unknown };
  header: HeaderScore;
  units: UnitsScore;
  tasks: TasksScore | null;
  lost: number;
  twice: number;
  lostLines: number[] | null;
  twiceLines: number[] | null;
  missing: string[];
}
export interface Target {
  target: string;
  pass: boolean;
}
export interface Totals {
  documents: number;
  errors: number;
  genreRight: number;
  headerRight: number;
  headerTotal: number;
  units: number;
  unitsFound: number;
  unitsDepthRight: number;
  unitsStartRight: number;
  extraUnits: number;
  linesLost: number;
  linesTwice: number;
  percent: { genre: number; header: number; unitsFound: number; unitsDepthRight: number; unitsStartRight: number };
  tasks: TaskTotals;
  targets: { genre: Target; header: Target; units: Target; lost: Target };
  pass: boolean;
}

export const HEADER_FIELDS: readonly string[];
export const TARGETS: Record<'genre' | 'header' | 'units' | 'lost', string>;
export function foldDashes(s: string): string;
export function foldText(s: string): string;
export function squashKey(s: string): string;
export function lettersKey(s: string): string;
export function labelKey(label: string): string;
export function sameText(expected: string | null | undefined, got: unknown): boolean;
export function titleWords(s: string): string[];
export function wordCoverage(a: string[], b: string[]): number;
export function sameTitle(expected: string | null | undefined, got: unknown, threshold?: number): boolean;
export function numberKey(s: string): string;
export function stripSo(raw: string): string;
export function numberCandidates(number: ModelNumber | string | null | undefined): string[];
export function sameNumber(expected: string | null | undefined, number: ModelNumber | string | null | undefined): boolean;
export function modelDateIso(date: ModelDate | string | null | undefined): string | null;
export function sameDate(expected: string | null | undefined, date: ModelDate | string | null | undefined): boolean;
export function shownValue(field: string, header: ModelHeader | null | undefined): unknown;
export function splitTypeLine(
  truthDocType: string | null | undefined,
  truthTitle: string | null | undefined,
  modelDocType: string | null | undefined,
  modelTitle: string | null | undefined,
): { truthTitle: string | null | undefined; modelTitle: string | null | undefined } | null;
export function scoreHeader(truth: Pick<Truth, 'header' | 'headerAlt'>, header: ModelHeader | null | undefined): HeaderScore;
export function genreRight(truth: Pick<Truth, 'genre' | 'genreAlt'>, genre: unknown): boolean;
export function firstWords(s: string | null | undefined, n?: number): string;
export function flattenUnits(outline: ModelNode[] | null | undefined): ModelUnit[];
export function sameLabel(a: string, b: string): boolean;
export function startRight(expectedStart: string | null | undefined, body: string | null | undefined): boolean;
export function nearestUnit(unit: TruthUnit, modelUnits: ModelUnit[]): ModelUnit | null;
export function scoreUnits(truthUnits: TruthUnit[], modelUnits: ModelUnit[]): UnitsScore;
export function agencyWords(s: string | null | undefined): string[];
export function sameAgency(a: string, b: string, threshold?: number): boolean;
export function sameAgencies(expected: string[] | null | undefined, got: string[] | null | undefined): boolean;
export function deadlineWords(s: string): string;
export function deadlineRaw(deadline: ModelDeadline | string | null | undefined): string | null;
export function deadlineRight(expected: string | null | undefined, deadline: ModelDeadline | string | null | undefined): boolean;
export function taskStartsMidLine(lineText: string | null | undefined, start: string | null | undefined): boolean;
export function taskView(task: ModelTask | null | undefined): TaskView | null;
export function nearestTask(line: number, modelTasks: ModelTask[]): ModelTask | null;
export function scoreTasks(truthTasks: TruthTask[], modelTasks: ModelTask[] | null | undefined, lines?: string[] | null): TasksScore;
export function scoreDocument(
  truth: Truth,
  model: { genre?: unknown; header?: ModelHeader | null; outline?: ModelNode[] | null; tasks?: ModelTask[] | null; [key: string]: unknown } | null,
  account: { lost: number[]; twice: number[] } | null,
  nonBlankLines?: number,
  lines?: string[] | null,
): DocumentScore;
export function totals(docs: DocumentScore[], errors?: number): Totals;
