import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { grammarSchemas, type Grammar } from './schema.js';

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
 * The build checks the shipped grammar files against their schemas and stores what zod made of
 * each (its defaults filled in) with the sha256 of the file, in dist/grammar-checked.json (one
 * folder below dist/, as every built module is). A shipped file with those bytes is read from
 * there instead of being checked again at every start, which cost a cold start (and every batch
 * worker) ~20 ms; a file that differs (edited, or one of the caller's) is checked as before.
 */
const CHECKED = new URL('../grammar-checked.json', import.meta.url);
let checked: Record<string, { sha256: string; data: unknown }> | null = null;

/** zod's reading of the file as the build made it, when the file still has the bytes it checked. */
function checkedAtBuild(path: string, text: string): { data: unknown } | null {
  if (!path.startsWith(GRAMMAR_DIR)) return null;
  if (checked === null) {
    try {
      checked = JSON.parse(readFileSync(CHECKED, 'utf8')) as Record<string, { sha256: string; data: unknown }>;
    } catch {
      checked = {}; // not built (the sources under test): every file is checked
    }
  }
  const entry = Object.hasOwn(checked, path.slice(GRAMMAR_DIR.length)) ? checked[path.slice(GRAMMAR_DIR.length)] : undefined;
  // A copy: as from zod, every load has objects of its own.
  return entry && entry.sha256 === sha256(text) ? { data: structuredClone(entry.data) } : null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** While checkGrammarFiles runs: the files checked, by path, with their digest and zod's reading. */
let recording: Map<string, { sha256: string; data: unknown }> | null = null;

type Schemas = ReturnType<typeof grammarSchemas>;

/** A grammar file read as the schema `kind` of grammar/schema.ts says. */
function readJson<K extends keyof Schemas>(file: string, kind: K, trustBuild = true): z.infer<Schemas[K]> {
  type T = z.infer<Schemas[K]>;
  const path = pathOf(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`grammar ${path}: ${(error as Error).message}`);
  }
  const built = trustBuild ? checkedAtBuild(path, text) : null;
  if (built) return built.data as T;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`grammar ${path}: ${(error as Error).message}`);
  }
  // Each grammar file is checked once per process: zod's compiled fast path would be built to be
  // run once, which cost a cold start ~40 ms.
  const result = (grammarSchemas()[kind] as unknown as z.ZodType<T>).safeParse(data, { jitless: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`grammar ${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  recording?.set(path, { sha256: sha256(text), data: result.data });
  return result.data;
}

export function loadGrammar(files: Partial<GrammarFiles> = {}, trustBuild = true): Grammar {
  const f = { ...DEFAULT_FILES, ...files };
  return {
    genre: readJson(f.genre, 'GenreGrammar', trustBuild),
    outline: readJson(f.outline, 'OutlineGrammar', trustBuild),
    genres: readGenres(f.genres, trustBuild),
    tasks: readJson(f.tasks, 'TaskGrammar', trustBuild),
    schedule: readJson(f.schedule, 'ScheduleGrammar', trustBuild),
    documentTypes: readJson(f.documentTypes, 'DocumentTypes', trustBuild),
    bodies: readJson(f.bodies, 'Bodies', trustBuild),
    issuers: readJson(f.issuers, 'IssuerCodes', trustBuild),
    terms: readJson(f.terms, 'Terms', trustBuild),
    checks: readJson(f.checks, 'Checks', trustBuild),
  };
}

/**
 * For the build (scripts/bundle.mjs): checks every shipped grammar file against its schema
 * (throwing at the first that fails) and returns, by path under grammars/, its sha256 and what
 * zod made of it.
 */
export function checkGrammarFiles(): Record<string, { sha256: string; data: unknown }> {
  const files = (recording = new Map());
  try {
    loadGrammar({}, false);
  } finally {
    recording = null;
  }
  for (const [path, { data }] of files) {
    // Stored as JSON: zod's reading must survive the trip (no undefined, no Date) to be the same.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data)) throw new Error(`grammar ${path}: zod's reading does not survive JSON`);
  }
  return Object.fromEntries([...files].map(([path, entry]) => [path.slice(GRAMMAR_DIR.length), entry]).sort(([a], [b]) => (a < b ? -1 : 1)));
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
  const genres = names.map((n) => readJson(dir + n, 'Genre', trustBuild));
  return genres.sort((a, b) => a.priority - b.priority || byCodeUnits(a.genre, b.genre));
}

/**
 * Genre ids are lowercase words joined by hyphens (the schema's pattern), which collate in the
 * order of their code units: localeCompare's order, without loading a collator (~10 ms of a
 * cold start) and whatever the user's locale.
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

let cached: Grammar | null = null;
export function defaultGrammar(): Grammar {
  cached ??= loadGrammar();
  return cached;
}
