// The I/O half of `npm run corpus`: find the labelled sets, read their truth lines, parse each file
// with the built library and score it (scripts/corpus/score.mjs). Problems are reported through
// `onError(line)` as one line naming the file; they never throw.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readJsonLines } from './jsonl.mjs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { measureCitations } from './citations.mjs';
import { scoreDocument, totals } from './score.mjs';

/** The citation half of a folder ({tsv, truth}) when it holds citations.truth.jsonl, else null. */
export function citationSet(dir) {
  const truth = join(dir, 'citations.truth.jsonl');
  return existsSync(truth) ? { tsv: join(dir, 'citations.tsv'), truth } : null;
}

/**
 * The sets under fixtures/corpus/: every folder holding programmes.truth.jsonl (its files beside
 * it or in programmes/) or citations.truth.jsonl (with citations.tsv beside it), and every
 * NAME.truth.jsonl whose files are in NAME/.
 */
export function defaultSets(corpusRoot) {
  if (!existsSync(corpusRoot)) return [];
  const sets = [];
  for (const entry of readdirSync(corpusRoot).sort()) {
    const path = join(corpusRoot, entry);
    if (statSync(path).isDirectory()) {
      const truth = join(path, 'programmes.truth.jsonl');
      const citations = citationSet(path);
      if (existsSync(truth) || citations)
        sets.push({ name: entry, truth: existsSync(truth) ? truth : null, dirs: [path, join(path, 'programmes')], citations });
    } else if (entry.endsWith('.truth.jsonl')) {
      const name = entry.slice(0, -'.truth.jsonl'.length);
      sets.push({ name, truth: path, dirs: [join(corpusRoot, name), corpusRoot], citations: null });
    }
  }
  return sets;
}

/**
 * A folder laid out like /work/shared/corpus: programmes/*.txt and programmes.truth.jsonl, and
 * citations.tsv with citations.truth.jsonl. `truth` is null when programmes.truth.jsonl is not
 * there, `citations` null when citations.truth.jsonl is not.
 */
export function corpusDirSet(dir) {
  const name = basename(dir.replace(/[\\/]+$/u, '')) || dir;
  const truth = join(dir, 'programmes.truth.jsonl');
  return { name, truth: existsSync(truth) ? truth : null, dirs: [join(dir, 'programmes'), dir], citations: citationSet(dir) };
}

/** Why a parsed truth line cannot be scored, or null when it can. */
export function truthProblem(t) {
  if (!t || typeof t !== 'object' || Array.isArray(t)) return 'not a JSON object';
  if (typeof t.file !== 'string' || t.file === '') return 'no "file"';
  if (typeof t.genre !== 'string') return 'no "genre"';
  if (!t.header || typeof t.header !== 'object') return 'no "header" object';
  if (!Array.isArray(t.outline)) return 'no "outline" list';
  for (const [i, u] of t.outline.entries()) {
    if (!u || typeof u.label !== 'string' || !Number.isInteger(u.line) || !Number.isInteger(u.depth))
      return `outline[${i}] needs a string "label" and integer "line" and "depth"`;
  }
  if (t.tasks !== undefined) {
    if (!Array.isArray(t.tasks)) return '"tasks" is not a list';
    for (const [i, k] of t.tasks.entries()) {
      const names = (v) => Array.isArray(v) && v.every((a) => typeof a === 'string');
      if (!k || !Number.isInteger(k.line) || typeof k.start !== 'string' || !names(k.lead) || !names(k.partners))
        return `tasks[${i}] needs an integer "line", a string "start" and "lead" and "partners" lists of strings`;
      if (k.deadline !== null && typeof k.deadline !== 'string') return `tasks[${i}].deadline is neither a string nor null`;
    }
  }
  if (t.genreAlt !== undefined && !Array.isArray(t.genreAlt)) return '"genreAlt" is not a list';
  if (t.headerAlt !== undefined && (typeof t.headerAlt !== 'object' || t.headerAlt === null)) return '"headerAlt" is not an object';
  return null;
}

/** The truth lines of a set; a bad line is reported and skipped. */
export function readTruth(path, onError, shown = path) {
  return readJsonLines(path, truthProblem, onError, shown);
}

const squash = (s) => String(s).replace(/\s+/gu, ' ').trim();

/**
 * Parses and scores every file of a set, and every row of its citation half. `lib` is the imported
 * dist/index.js; `once(key, line)` reports a missing export a single time. Returns { name, truth,
 * docs, errors, totals, citations } (`citations` null when the set has no citation half; its
 * problems are in citations.errors, not in errors).
 */
export async function measureSet(lib, set, { onError, once, cwd = process.cwd() }) {
  const shown = (p) => {
    const r = relative(cwd, p);
    return r === '' || r.startsWith('..') || isAbsolute(r) ? p : r;
  };
  const errors = [];
  const fail = (line) => {
    errors.push(line);
    onError(line);
  };
  const docs = [];
  for (const truth of set.truth ? readTruth(set.truth, fail, shown(set.truth)) : []) {
    const path = set.dirs.map((d) => join(d, truth.file)).find((p) => existsSync(p));
    if (!path) {
      fail(`${shown(join(set.dirs[0], truth.file))}: file not found (named in ${shown(set.truth)})`);
      continue;
    }
    const bytes = readFileSync(path);
    let model = null;
    try {
      model = await lib.parseFile(path);
    } catch (error) {
      fail(`${shown(path)}: parse failed: ${squash(error?.message ?? error)}`);
    }
    let text = null;
    if (typeof lib.normalizedText === 'function') {
      try {
        text = lib.normalizedText(bytes);
      } catch (error) {
        fail(`${shown(path)}: normalizedText failed: ${squash(error?.message ?? error)}`);
      }
    } else once('normalizedText', 'dist/index.js does not export normalizedText: lines lost counted on the raw text');
    text ??= bytes.toString('utf8');
    const lines = text.split(/\r\n|\r|\n/u);
    const nonBlank = lines.filter((l) => l.trim() !== '').length;
    let account = null;
    if (typeof lib.accountLines !== 'function')
      once('accountLines', 'dist/index.js does not export accountLines: every non-blank line counted lost');
    else if (model) {
      try {
        account = lib.accountLines(model, text);
      } catch (error) {
        fail(`${shown(path)}: accountLines failed: ${squash(error?.message ?? error)}`);
      }
    }
    const doc = scoreDocument(truth, model, account, nonBlank, lines);
    doc.path = shown(path);
    for (const m of doc.missing) {
      if (m === 'genre') once('genre', 'the model has no "genre": genre scored wrong');
      if (m === 'outline') once('outline', 'the model has no "outline": every unit scored not found');
      if (m === 'tasks') once('tasks', 'the model has no "tasks": every task scored not found');
    }
    docs.push(doc);
  }
  const citations = set.citations ? measureCitations(lib, set.citations, { onError, shown }) : null;
  return {
    name: set.name,
    truth: set.truth ? shown(set.truth) : null,
    dirs: set.dirs.map(shown),
    docs,
    errors,
    totals: totals(docs, errors.length),
    citations,
  };
}
