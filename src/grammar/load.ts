import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  Bodies,
  Checks,
  DocumentTypes,
  Genre,
  GenreGrammar,
  IssuerCodes,
  OutlineGrammar,
  ScheduleGrammar,
  TaskGrammar,
  Terms,
  type Grammar,
} from './schema.js';

// src/grammar/ and dist/grammar/ both sit two levels below the package root.
const GRAMMAR_DIR = fileURLToPath(new URL('../../grammars/', import.meta.url));

export interface GrammarFiles {
  genre: string;
  outline: string;
  /** A folder holding one file per genre. */
  genres: string;
  tasks: string;
  schedule: string;
  documentTypes: string;
  bodies: string;
  issuers: string;
  terms: string;
  checks: string;
}

export const DEFAULT_FILES: GrammarFiles = {
  genre: 'programme.vi.json',
  outline: 'outline.json',
  genres: 'genres',
  tasks: 'tasks.json',
  schedule: 'schedule.json',
  documentTypes: 'document-types.json',
  bodies: 'bodies.json',
  issuers: 'issuers.json',
  terms: 'terms.json',
  checks: 'checks.json',
};

const pathOf = (file: string) => (file.includes('/') ? file : GRAMMAR_DIR + file);

/**
 * The build checks the shipped grammar files against their schemas and records their sha256
 * in dist/grammar-digests.json (one folder below dist/, as every built module is): a file whose
 * bytes are the ones checked is not checked again at every start, which cost a cold start (and
 * every batch worker) ~20 ms. A file that differs (edited, or one of the caller's) is checked.
 */
const DIGESTS = new URL('../grammar-digests.json', import.meta.url);
let digests: Record<string, string> | null = null;

function checkedAtBuild(path: string, text: string): boolean {
  if (!path.startsWith(GRAMMAR_DIR)) return false;
  if (digests === null) {
    try {
      digests = JSON.parse(readFileSync(DIGESTS, 'utf8')) as Record<string, string>;
    } catch {
      digests = {}; // not built (the sources under test): every file is checked
    }
  }
  const want = digests[path.slice(GRAMMAR_DIR.length)];
  return want !== undefined && want === sha256(text);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** While grammarDigests runs: the files checked, by path, with the sha256 of what was read. */
let recording: Map<string, string> | null = null;

function readJson<T>(file: string, schema: z.ZodType<T>, trustBuild = true): T {
  const path = pathOf(file);
  let text: string;
  let data: unknown;
  try {
    text = readFileSync(path, 'utf8');
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`grammar ${path}: ${(error as Error).message}`);
  }
  if (trustBuild && checkedAtBuild(path, text)) return data as T;
  recording?.set(path, sha256(text));
  // Each grammar file is checked once per process: zod's compiled fast path would be built to be
  // run once, which cost a cold start ~40 ms.
  const result = schema.safeParse(data, { jitless: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`grammar ${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

export function loadGrammar(files: Partial<GrammarFiles> = {}, trustBuild = true): Grammar {
  const f = { ...DEFAULT_FILES, ...files };
  return {
    genre: readJson(f.genre, GenreGrammar, trustBuild),
    outline: readJson(f.outline, OutlineGrammar, trustBuild),
    genres: readGenres(f.genres, trustBuild),
    tasks: readJson(f.tasks, TaskGrammar, trustBuild),
    schedule: readJson(f.schedule, ScheduleGrammar, trustBuild),
    documentTypes: readJson(f.documentTypes, DocumentTypes, trustBuild),
    bodies: readJson(f.bodies, Bodies, trustBuild),
    issuers: readJson(f.issuers, IssuerCodes, trustBuild),
    terms: readJson(f.terms, Terms, trustBuild),
    checks: readJson(f.checks, Checks, trustBuild),
  };
}

/**
 * For the build (scripts/bundle.mjs): checks every shipped grammar file against its schema
 * (throwing at the first that fails) and returns their sha256 by path under grammars/.
 */
export function grammarDigests(): Record<string, string> {
  const checked = (recording = new Map());
  try {
    loadGrammar({}, false);
  } finally {
    recording = null;
  }
  return Object.fromEntries([...checked].map(([path, digest]) => [path.slice(GRAMMAR_DIR.length), digest]).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every genre file of the folder, in detection order (priority, then name). */
function readGenres(folder: string, trustBuild: boolean): Grammar['genres'] {
  const dir = pathOf(folder).replace(/\/?$/, '/');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch (error) {
    throw new Error(`grammar ${dir}: ${(error as Error).message}`);
  }
  const genres = names.map((n) => readJson(dir + n, Genre, trustBuild));
  return genres.sort((a, b) => a.priority - b.priority || a.genre.localeCompare(b.genre));
}

let cached: Grammar | null = null;
export function defaultGrammar(): Grammar {
  cached ??= loadGrammar();
  return cached;
}
