// npm run corpus — how well the parser reads real documents with hand labels.
//
//   npm run corpus                        every set under fixtures/corpus/ (dev/, found.truth.jsonl + found/)
//   npm run corpus -- --corpus DIR        a folder holding programmes/ and programmes.truth.jsonl, and/or
//                                         citations.tsv and citations.truth.jsonl (repeatable)
//   npm run corpus -- --verbose           also every mismatch: field, expected, got; unit vs nearest model unit;
//                                         per citation row the missed truth citations, the extra model ones, wrong fields
//   npm run -s corpus -- --json           the figures as JSON on stdout (-s: no npm banner; the build's output goes to stderr)
//   npm run corpus -- --check             exit 1 when a target is missed (otherwise always 0)
//
// Documents whose truth line has "tasks" also get task figures (found, lead, partners, deadline
// right, extra model tasks): a figure, not a target, so --check ignores them.
//
// Citations (citations.tsv + citations.truth.jsonl beside programmes.truth.jsonl): each row's text is
// parsed with `parse`; its model.citations are matched one-to-one to the labelled ones (by id, else
// kind + number, else kind + overlapping raw text) for precision, recall and F1, and each matched
// pair's date, issuer and term checked; a header row's own number must be in header.number and not
// among the citations. Targets (issue 11): F1 >= 0.97, date/issuer/term >= 95%, every own number.
//
// The scoring rules are in scripts/corpus/score.mjs and scripts/corpus/citations.mjs; reading the
// sets in scripts/corpus/run.mjs.
// `node scripts/corpus.mjs …` measures the dist/ already built, without building.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusDirSet, defaultSets, measureSet } from './corpus/run.mjs';
import { citationTotals, wrongFields } from './corpus/citations.mjs';
import { totals } from './corpus/score.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: node scripts/corpus.mjs [--corpus DIR]... [--json] [--verbose] [--check]';

function usage(message) {
  process.stderr.write(`corpus: ${message}\n${USAGE}\n`);
  process.exit(2);
}

const opts = { json: false, verbose: false, check: false, corpora: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--json') opts.json = true;
  else if (a === '--verbose' || a === '-v') opts.verbose = true;
  else if (a === '--check') opts.check = true;
  else if (a === '--corpus') {
    const dir = argv[++i];
    if (!dir) usage('--corpus needs a folder');
    opts.corpora.push(dir);
  } else if (a.startsWith('--corpus=')) opts.corpora.push(a.slice('--corpus='.length));
  else if (a === '--help' || a === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else usage(`unknown argument '${a}'`);
}

const say = (line) => process.stderr.write(`corpus: ${line}\n`);
const told = new Set();
const once = (key, line) => {
  if (told.has(key)) return;
  told.add(key);
  say(line);
};

const distIndex = join(root, 'dist/index.js');
if (!existsSync(distIndex)) {
  say('dist/index.js not found: run `npm run build` first');
  process.exit(opts.check ? 1 : 0);
}
let lib;
try {
  lib = await import(pathToFileURL(distIndex).href);
} catch (error) {
  say(`dist/index.js failed to load: ${String(error?.message ?? error).replace(/\s+/gu, ' ')}`);
  process.exit(opts.check ? 1 : 0);
}

let sets;
if (opts.corpora.length > 0) {
  sets = [];
  for (const dir of opts.corpora) {
    const set = corpusDirSet(dir);
    if (!set.truth && !set.citations) say(`${dir}: no programmes.truth.jsonl and no citations.truth.jsonl in this folder`);
    else sets.push(set);
  }
} else {
  const corpusRoot = join(root, 'fixtures/corpus');
  sets = defaultSets(corpusRoot);
  if (sets.length === 0) say('no labelled sets under fixtures/corpus/');
  // A folder of documents whose truth file is not there yet (fixtures/corpus/found/ before found.truth.jsonl).
  if (existsSync(corpusRoot))
    for (const entry of readdirSync(corpusRoot, { withFileTypes: true }))
      if (entry.isDirectory() && !sets.some((s) => s.dirs.includes(join(corpusRoot, entry.name))))
        say(`fixtures/corpus/${entry.name}/: no ${entry.name}.truth.jsonl and no programmes.truth.jsonl inside: not measured`);
}
const cwd = process.cwd();
const measured = [];
for (const set of sets) measured.push(await measureSet(lib, set, { onError: say, once, cwd }));
const allDocs = measured.flatMap((s) => s.docs);
const allErrors = measured.reduce((n, s) => n + s.errors.length, 0);
const overall = totals(allDocs, allErrors + (opts.corpora.length > sets.length ? 1 : 0));
// Citations: over every set's rows together (their errors counted apart from the programmes').
const citationSets = measured.filter((s) => s.citations);
const allCitations = citationTotals(
  citationSets.flatMap((s) => s.citations.rows),
  citationSets.reduce((n, s) => n + s.citations.errors.length, 0),
);
const setPass = (s) => (s.truth === null || s.totals.pass) && (!s.citations || s.citations.totals.pass);
const pass =
  measured.length > 0 &&
  measured.every(setPass) &&
  (allDocs.length === 0 ? overall.errors === 0 : overall.pass) &&
  (citationSets.length === 0 || allCitations.pass);

// ---------------------------------------------------------------------------------------------
// Output

const pc = (x) => `${x.toFixed(1)}%`;
const mark = (ok) => (ok ? '✓' : '✗');
const show = (v) => (v === null || v === undefined ? 'null' : JSON.stringify(v));
const unitText = (u) => (u ? `line ${u.line} ${show(u.label)} depth ${u.depth} ${show(u.start)}` : '(no model unit)');
const taskText = (t) =>
  t
    ? `line ${t.line}${t.endLine !== null && t.endLine !== t.line ? `-${t.endLine}` : ''} ${show(t.start)} lead ${show(t.lead)} partners ${show(t.partners)} deadline ${show(t.deadline)}`
    : '(no model task)';

function shortName(file, width) {
  return file.length <= width ? file : `${file.slice(0, width - 1)}…`;
}

/** Every mismatch of one document as lines of text. */
function mismatches(doc) {
  const out = [];
  if (!doc.genre.ok) out.push(`genre: expected ${show(doc.genre.expected)}, got ${show(doc.genre.got)}`);
  for (const f of doc.header.fields)
    if (!f.ok) out.push(`header.${f.field}: expected ${show(f.expected)}, got ${show(f.got)}`);
  for (const r of doc.units.results) {
    const t = r.truth;
    const want = `line ${t.line} ${show(t.label)} depth ${t.depth} ${show(t.start)}`;
    if (!r.found) out.push(`unit not found: expected ${want}; nearest ${unitText(r.got)}`);
    else if (!r.depthOk || !r.startOk) {
      const what = [!r.depthOk && 'depth', !r.startOk && 'start'].filter(Boolean).join(' and ');
      out.push(`unit ${what} wrong: expected ${want}; got ${unitText(r.got)}`);
    }
  }
  for (const u of doc.units.extras) out.push(`extra unit: ${unitText(u)}`);
  if (doc.tasks) {
    for (const r of doc.tasks.results) {
      const t = r.truth;
      const want = `line ${t.line}${r.midLine ? ' (mid-line)' : ''} ${show(t.start)}`;
      if (!r.found) {
        out.push(`task not found: expected ${want} lead ${show(t.lead)} partners ${show(t.partners)} deadline ${show(t.deadline)}; nearest ${taskText(r.got)}`);
        continue;
      }
      if (!r.leadOk) out.push(`task lead wrong: ${want}: expected ${show(t.lead)}, got ${show(r.got.lead)}`);
      if (!r.partnersOk) out.push(`task partners wrong: ${want}: expected ${show(t.partners)}, got ${show(r.got.partners)}`);
      if (!r.deadlineOk) out.push(`task deadline wrong: ${want}: expected ${show(t.deadline)}, got ${show(r.got.deadline)}`);
    }
    for (const x of doc.tasks.extras) out.push(`extra task: ${taskText(x)}`);
  }
  if (doc.lostLines === null) out.push(`lines lost: ${doc.lost} (accountLines not available: every non-blank line)`);
  else if (doc.lost > 0) out.push(`lines lost: ${doc.lostLines.join(', ')}`);
  if (doc.twiceLines && doc.twice > 0) out.push(`lines with two homes: ${doc.twiceLines.join(', ')}`);
  return out;
}

function docJson(doc) {
  const base = {
    file: doc.file,
    path: doc.path,
    genre: doc.genre,
    header: { right: doc.header.right, total: doc.header.total },
    units: { total: doc.units.total, found: doc.units.found, depthRight: doc.units.depthOk, startRight: doc.units.startOk, extra: doc.units.extra },
    tasks: doc.tasks
      ? { total: doc.tasks.total, found: doc.tasks.found, leadRight: doc.tasks.leadOk, partnersRight: doc.tasks.partnersOk, deadlineRight: doc.tasks.deadlineOk, extra: doc.tasks.extra }
      : null,
    linesLost: doc.lost,
    linesTwice: doc.twice,
  };
  if (opts.verbose) {
    base.header.fields = doc.header.fields;
    base.units.results = doc.units.results.map((r) => ({ expected: r.truth, found: r.found, depthRight: r.depthOk, startRight: r.startOk, got: r.got && strip(r.got) }));
    base.units.extras = doc.units.extras.map(strip);
    if (doc.tasks && base.tasks) {
      base.tasks.results = doc.tasks.results.map((r) => ({
        expected: r.truth,
        midLine: r.midLine,
        found: r.found,
        leadRight: r.leadOk,
        partnersRight: r.partnersOk,
        deadlineRight: r.deadlineOk,
        got: r.got,
      }));
      base.tasks.extras = doc.tasks.extras;
    }
    base.lostLines = doc.lostLines;
    base.twiceLines = doc.twiceLines;
    base.mismatches = mismatches(doc);
  }
  return base;
}
/** A citation row for --json: everything scored, and its problems as lines of text. */
function citationRowJson(r) {
  return { ...r, problems: citationProblems(r) };
}

const citeText = (c) => {
  if (!c) return '(none)';
  const parts = [`${show(c.kind)} ${c.id ? c.id : `no id, number ${show(c.number)}`}`, `raw ${show(c.raw)}`];
  for (const k of ['date', 'issuedBy', 'term']) if (c[k] !== null && c[k] !== undefined) parts.push(`${k} ${show(c[k])}`);
  return parts.join(', ');
};

/** Every problem of one citation row as lines of text. */
function citationProblems(r) {
  const out = [];
  for (const t of r.missed) out.push(`missed: ${citeText(t)}${t.note ? `  (${t.note})` : ''}`);
  for (const c of r.extra) out.push(`extra: ${citeText(c)}`);
  for (const p of r.matched) {
    const wrong = wrongFields(p);
    if (wrong.length === 0) continue;
    const key = p.expected.id ?? `${p.expected.kind} ${show(p.expected.raw)}`;
    const fields = wrong.map((f) => `${f} expected ${show(p.expected[f])}, got ${show(p.got?.[f])}`).join('; ');
    out.push(`wrong: ${key}: ${fields}`);
  }
  if (r.self && !r.self.ok) {
    if (!r.self.read) out.push(`own number not read: expected ${show(r.self.expected)} in header.number, got ${show(r.self.got)}`);
    if (r.self.cited) out.push(`own number ${show(r.self.expected)} listed among the citations`);
  }
  return out;
}

function strip(u) {
  return { label: u.label, depth: u.depth, line: u.line, start: u.start, kind: u.kind };
}

if (opts.json) {
  const json = {
    targets: Object.fromEntries(Object.entries(overall.targets).map(([k, v]) => [k, v.target])),
    citationTargets: Object.fromEntries(Object.entries(allCitations.targets).map(([k, v]) => [k, v.target])),
    sets: measured.map((s) => ({
      name: s.name,
      truth: s.truth,
      errors: s.errors,
      totals: s.totals,
      documents: s.docs.map(docJson),
      citations: s.citations && { ...s.citations, rows: s.citations.rows.map(citationRowJson) },
    })),
    total: overall,
    citations: citationSets.length > 0 ? allCitations : null,
    pass,
  };
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
} else {
  const W = 50;
  // The last six columns are tasks: only for documents whose truth has "tasks" ('-' otherwise).
  const cols = ['genre', 'header', 'found', 'depth', 'start', 'extra', 'lost', 'twice', 'tasks', 'lead', 'partners', 'deadline', 'x.tasks'];
  const taskCells = (k) => (k ? [`${k.found}/${k.total}`, k.leadOk, k.partnersOk, k.deadlineOk, k.extra] : ['-', '-', '-', '-', '-']);
  const cell = (c, i) => (String(c).length >= cols[i].length + 2 ? ` ${c}` : String(c).padStart(cols[i].length + 2));
  const row = (name, cells) => `${name.padEnd(W)} ${cells.map(cell).join('')}`;
  const lines = [];
  for (const s of measured) {
    if (s.truth === null) {
      lines.push(...citationSummary(s));
      continue;
    }
    lines.push(`set ${s.name} (${s.truth}): ${s.docs.length} documents${s.errors.length ? `, ${s.errors.length} errors` : ''}`);
    lines.push(row('file', cols));
    for (const d of s.docs) {
      lines.push(
        row(shortName(d.file, W), [
          mark(d.genre.ok),
          `${d.header.right}/${d.header.total}`,
          `${d.units.found}/${d.units.total}`,
          d.units.depthOk,
          d.units.startOk,
          d.units.extra,
          d.lost,
          d.twice,
          ...taskCells(d.tasks),
        ]),
      );
    }
    lines.push(summary(s.totals, `${s.name} total`));
    lines.push('');
    if (opts.verbose) {
      for (const d of s.docs) {
        const m = mismatches(d);
        if (m.length === 0) continue;
        lines.push(`${d.path}`);
        for (const x of m) lines.push(`  ${x}`);
      }
      lines.push('');
    }
    if (s.citations) lines.push(...citationSummary(s));
  }
  const programmeSets = measured.filter((s) => s.truth !== null);
  if (programmeSets.length > 1) lines.push(summary(overall, 'all sets'), '');
  if (overall.documents === 0 && citationSets.length === 0) lines.push('✗ no documents measured');
  else if (programmeSets.length > 0) lines.push(...targetLines(programmeSets.length > 1 ? overall : (programmeSets[0]?.totals ?? overall)));
  if (citationSets.length > 0) lines.push(...citationTargetLines(allCitations, citationSets.length));
  if (measured.length > 1) {
    for (const s of measured) {
      const missed = [
        ...(s.truth === null ? [] : Object.entries(s.totals.targets).filter(([, v]) => !v.pass).map(([k]) => k)),
        ...(s.citations ? Object.entries(s.citations.totals.targets).filter(([, v]) => !v.pass).map(([k]) => `citations ${k}`) : []),
      ];
      const errs = s.errors.length + (s.citations?.errors.length ?? 0);
      lines.push(`  set ${s.name}: ${setPass(s) ? 'all targets met' : `missed ${missed.join(', ')}${errs ? `${missed.length ? ', ' : ''}errors` : ''}`}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  function citationSummary(s) {
    const c = s.citations;
    const t = c.totals;
    const out = [
      `set ${s.name} citations (${c.truth}): ${t.rows} rows${t.usableRows < t.rows ? ` (${t.rows - t.usableRows} not usable)` : ''}, ${t.truth} cited documents labelled, ${t.model} found by the model${c.errors.length ? `, ${c.errors.length} errors` : ''}`,
      `  matched ${t.matched} (by id ${t.by.id}, by kind + number ${t.by.number}, by kind + raw text ${t.by.raw}), missed ${t.missed}, extra ${t.extra}; header rows ${t.selfTotal}`,
    ];
    if (opts.verbose) {
      for (const r of c.rows) {
        const problems = citationProblems(r);
        if (problems.length === 0) continue;
        out.push(`  ${r.row}: ${r.truth} labelled, ${r.model} found, ${r.matched.length} matched  ${r.source ?? ''}`);
        for (const p of problems) out.push(`    ${p}`);
      }
    }
    out.push('');
    return out;
  }
  function citationTargetLines(t, n) {
    const ratio = (x) => (x === null ? '-' : x.toFixed(3));
    const share = (right, x) => `${`${right}/${t.matched}`.padEnd(9)} ${(x === null ? '-' : pc(100 * x)).padStart(6)}`;
    return [
      `${mark(t.targets.f1.pass)} citations F1           ${ratio(t.f1).padEnd(9)}          target: ≥ 0.97   (precision ${ratio(t.precision)} = ${t.matched}/${t.model}, recall ${ratio(t.recall)} = ${t.matched}/${t.truth}${n > 1 ? `, ${n} sets` : ''})`,
      `${mark(t.targets.date.pass)} citation dates right   ${share(t.dateRight, t.share.date)}   target: ≥ 95% of matched`,
      `${mark(t.targets.issuer.pass)} citation issuers right ${share(t.issuerRight, t.share.issuer)}   target: ≥ 95% of matched`,
      `${mark(t.targets.term.pass)} citation terms right   ${share(t.termRight, t.share.term)}   target: ≥ 95% of matched   (id right ${t.idRight}/${t.matched}, a figure)`,
      `${mark(t.targets.self.pass)} own numbers read       ${`${t.selfRight}/${t.selfTotal}`.padEnd(9)}          target: every one   (read into header.number ${t.selfRead}, listed as a citation ${t.selfCited})`,
      ...(t.errors ? [`✗ citation errors        ${t.errors} (see stderr)`] : []),
    ];
  }
  function summary(t, name) {
    return row(name, [
      `${t.genreRight}/${t.documents}`,
      `${t.headerRight}/${t.headerTotal}`,
      `${t.unitsFound}/${t.units}`,
      t.unitsDepthRight,
      t.unitsStartRight,
      t.extraUnits,
      t.linesLost,
      t.linesTwice,
      ...(t.tasks.documents === 0
        ? taskCells(null)
        : taskCells({ found: t.tasks.found, total: t.tasks.total, leadOk: t.tasks.leadRight, partnersOk: t.tasks.partnersRight, deadlineOk: t.tasks.deadlineRight, extra: t.tasks.extra })),
    ]);
  }
  function targetLines(t) {
    const p = t.percent;
    return [
      `${mark(t.targets.genre.pass)} genre right            ${`${t.genreRight}/${t.documents}`.padEnd(9)} ${pc(p.genre).padStart(6)}   target: every document`,
      `${mark(t.targets.header.pass)} header fields right    ${`${t.headerRight}/${t.headerTotal}`.padEnd(9)} ${pc(p.header).padStart(6)}   target: ≥ 90%`,
      `${mark(t.targets.units.pass)} units, right depth     ${`${t.unitsDepthRight}/${t.units}`.padEnd(9)} ${pc(p.unitsDepthRight).padStart(6)}   target: ≥ 95%   (found ${t.unitsFound}, ${pc(p.unitsFound)}; start right ${t.unitsStartRight}, ${pc(p.unitsStartRight)}; extra ${t.extraUnits})`,
      `${mark(t.targets.lost.pass)} lines lost             ${String(t.linesLost).padEnd(9)}          target: 0   (lines with two homes: ${t.linesTwice})`,
      ...(t.errors ? [`✗ errors                 ${t.errors} (see stderr)`] : []),
      ...(t.tasks.documents === 0 ? [] : taskLines(t.tasks)),
    ];
  }
  function taskLines(k) {
    const p = (x) => (x === null ? '-' : pc(x));
    return [
      `· tasks found            ${`${k.found}/${k.total}`.padEnd(9)} ${p(k.percent.found).padStart(6)}   a figure, not a target (${k.documents} documents with labelled tasks)`,
      `    lead right ${k.leadRight} (${p(k.percent.leadRight)}), partners right ${k.partnersRight} (${p(k.percent.partnersRight)}), deadline right ${k.deadlineRight} (${p(k.percent.deadlineRight)}), extra model tasks ${k.extra}`,
    ];
  }
}

// exitCode, not process.exit(): exiting at once can cut a large --json short on a pipe.
process.exitCode = opts.check && !pass ? 1 : 0;
