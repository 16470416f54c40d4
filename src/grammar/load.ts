import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { Bodies, Checks, DocumentTypes, GenreGrammar, IssuerCodes, Terms, type Grammar } from './schema.js';

// src/grammar/ and dist/grammar/ both sit two levels below the package root.
const GRAMMAR_DIR = fileURLToPath(new URL('../../grammars/', import.meta.url));

export interface GrammarFiles {
  genre: string;
  documentTypes: string;
  bodies: string;
  issuers: string;
  terms: string;
  checks: string;
}

export const DEFAULT_FILES: GrammarFiles = {
  genre: 'programme.vi.json',
  documentTypes: 'document-types.json',
  bodies: 'bodies.json',
  issuers: 'issuers.json',
  terms: 'terms.json',
  checks: 'checks.json',
};

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const path = file.includes('/') ? file : GRAMMAR_DIR + file;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`grammar ${path}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
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
    documentTypes: readJson(f.documentTypes, DocumentTypes),
    bodies: readJson(f.bodies, Bodies),
    issuers: readJson(f.issuers, IssuerCodes),
    terms: readJson(f.terms, Terms),
    checks: readJson(f.checks, Checks),
  };
}

let cached: Grammar | null = null;
export function defaultGrammar(): Grammar {
  cached ??= loadGrammar();
  return cached;
}
