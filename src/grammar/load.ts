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

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const path = pathOf(file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`grammar ${path}: ${(error as Error).message}`);
  }
  // Each grammar file is checked once per process: zod's compiled fast path would be built to be
  // run once, which cost a cold start ~40 ms.
  const result = schema.safeParse(data, { jitless: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`grammar ${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

export function loadGrammar(files: Partial<GrammarFiles> = {}): Grammar {
  const f = { ...DEFAULT_FILES, ...files };
  return {
    genre: readJson(f.genre, GenreGrammar),
    outline: readJson(f.outline, OutlineGrammar),
    genres: readGenres(f.genres),
    tasks: readJson(f.tasks, TaskGrammar),
    schedule: readJson(f.schedule, ScheduleGrammar),
    documentTypes: readJson(f.documentTypes, DocumentTypes),
    bodies: readJson(f.bodies, Bodies),
    issuers: readJson(f.issuers, IssuerCodes),
    terms: readJson(f.terms, Terms),
    checks: readJson(f.checks, Checks),
  };
}

/** Every genre file of the folder, in detection order (priority, then name). */
function readGenres(folder: string): Grammar['genres'] {
  const dir = pathOf(folder).replace(/\/?$/, '/');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch (error) {
    throw new Error(`grammar ${dir}: ${(error as Error).message}`);
  }
  const genres = names.map((n) => readJson(dir + n, Genre));
  return genres.sort((a, b) => a.priority - b.priority || a.genre.localeCompare(b.genre));
}

let cached: Grammar | null = null;
export function defaultGrammar(): Grammar {
  cached ??= loadGrammar();
  return cached;
}
