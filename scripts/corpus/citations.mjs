// The citation half of `npm run corpus`: hand-labelled sentences (citations.tsv) and every document
// they cite (citations.truth.jsonl), against the parser's `model.citations` and `model.header.number`.
// Pure scoring here (no I/O) so test/corpus/citations.test.ts can check the rules on hand-made input;
// reading the files and parsing the rows is measureCitations at the end.
import { existsSync, readFileSync } from 'node:fs';
import { readJsonLines } from './jsonl.mjs';
import { foldText, lettersKey, sameNumber, stripSo } from './score.mjs';

/** What the citation half must reach (issue 11); `--check` exits 1 when one is missed. */
export const CITATION_TARGETS = {
  f1: 'citations found: F1 >= 0.97',
  date: 'matched citations with the right date >= 95%',
  issuer: 'matched citations with the right issuer >= 95%',
  term: 'matched citations with the right term >= 95%',
  self: "every header row's own number read into header.number, and not cited",
};

/** The thresholds behind CITATION_TARGETS. */
export const CITATION_THRESHOLDS = { f1: 0.97, date: 0.95, issuer: 0.95, term: 0.95 };

const isBlank = (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

// ---------------------------------------------------------------------------------------------
// Reading

/** A row's text as the parser gets it: the two characters "\n" made a real line break. */
export function rowText(text) {
  return String(text).replace(/\\n/gu, '\n');
}

/**
 * citations.tsv as rows {id, source, text, line}: tab-separated, a first line starting "id" is the
 * column names; a line without three columns is reported through onError and skipped.
 */
export function parseTsv(content, onError = () => {}, shown = 'citations.tsv') {
  const rows = [];
  String(content)
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const cells = line.split('\t');
      if (i === 0 && cells[0] === 'id') return;
      if (cells.length < 3 || cells[0] === '') {
        onError(`${shown}:${i + 1}: bad row (needs id, source and text separated by tabs)`);
        return;
      }
      rows.push({ id: cells[0], source: cells[1], text: cells.slice(2).join('\t'), line: i + 1 });
    });
  return rows;
}

const CITATION_FIELDS = ['kind', 'id', 'number', 'date', 'issuedBy', 'term'];

/** Why a parsed citations.truth.jsonl line cannot be scored, or null when it can. */
export function citationTruthProblem(t) {
  if (!t || typeof t !== 'object' || Array.isArray(t)) return 'not a JSON object';
  if (typeof t.row !== 'string' || t.row === '') return 'no "row"';
  if (!Array.isArray(t.citations)) return 'no "citations" list';
  for (const [i, c] of t.citations.entries()) {
    if (!c || typeof c !== 'object') return `citations[${i}] is not an object`;
    for (const f of CITATION_FIELDS)
      if (c[f] !== null && c[f] !== undefined && typeof c[f] !== 'string') return `citations[${i}].${f} is neither a string nor null`;
    if (typeof c.raw !== 'string') return `citations[${i}] has no string "raw"`;
  }
  if (t.self !== undefined && t.self !== null) {
    if (typeof t.self !== 'object' || typeof t.self.id !== 'string') return '"self" needs a string "id"';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Keys

/** A canonical id's key: spaces removed, dash variants folded, 'Ð' read as 'Đ', case folded. */
export function idKey(s) {
  return foldText(s).replace(/\s+/gu, '');
}

/** A number's key: idKey with leading zeros dropped from every run of digits ("05" = "5", "09/2015" = "9/2015"). */
export function numberKey(s) {
  return idKey(s).replace(/(?<!\d)0+(?=\d)/gu, '');
}

/** A kind's key ("Nghị quyết" = "NGHỊ QUYẾT"). */
export function kindKey(s) {
  return foldText(s);
}

/** Whether two raw texts overlap: after keeping only letters and digits (folded), one contains the other. */
export function rawOverlap(a, b) {
  if (isBlank(a) || isBlank(b)) return false;
  const ka = lettersKey(a);
  const kb = lettersKey(b);
  if (ka === '' || kb === '') return false;
  return ka.includes(kb) || kb.includes(ka);
}

const sameKind = (a, b) => !isBlank(a) && !isBlank(b) && kindKey(a) === kindKey(b);

// ---------------------------------------------------------------------------------------------
// Matching

/**
 * Truth and model citations of one row paired one-to-one, in three passes, each over what the
 * earlier passes left, truth and model in their order: (1) by id when both have one (idKey equal);
 * (2) when either has no id, by kind + number (numberKey equal); (3) when either has no id, by kind
 * + overlapping raw text (rawOverlap). Two citations that both have an id pair only by id.
 * Returns { pairs: [{ truth, model, by }], missed: truth indexes, extra: model indexes }.
 */
export function matchCitations(truth, model) {
  const t = Array.isArray(truth) ? truth : [];
  const m = Array.isArray(model) ? model : [];
  const tUsed = new Array(t.length).fill(false);
  const mUsed = new Array(m.length).fill(false);
  const pairs = [];
  const hasId = (c) => !isBlank(c?.id);
  const passes = [
    ['id', (a, b) => hasId(a) && hasId(b) && idKey(a.id) === idKey(b.id)],
    ['number', (a, b) => !(hasId(a) && hasId(b)) && sameKind(a.kind, b.kind) && !isBlank(a.number) && !isBlank(b.number) && numberKey(a.number) === numberKey(b.number)],
    ['raw', (a, b) => !(hasId(a) && hasId(b)) && sameKind(a.kind, b.kind) && rawOverlap(a.raw, b.raw)],
  ];
  for (const [by, fits] of passes) {
    for (let i = 0; i < t.length; i++) {
      if (tUsed[i]) continue;
      for (let j = 0; j < m.length; j++) {
        if (mUsed[j] || !fits(t[i], m[j])) continue;
        tUsed[i] = true;
        mUsed[j] = true;
        pairs.push({ truth: i, model: j, by });
        break;
      }
    }
  }
  pairs.sort((a, b) => a.truth - b.truth);
  return {
    pairs,
    missed: t.map((_, i) => i).filter((i) => !tUsed[i]),
    extra: m.map((_, j) => j).filter((j) => !mUsed[j]),
  };
}

// ---------------------------------------------------------------------------------------------
// Fields of a matched pair

/** Dates: ISO strings equal, or both null. */
export function sameCitationDate(expected, got) {
  if (isBlank(expected)) return isBlank(got);
  return !isBlank(got) && String(got).trim() === String(expected).trim();
}

/** An issuer's key: foldText with punctuation at the ends dropped. */
export function issuerKey(s) {
  return foldText(s).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Issuers: equal after folding, or one contains the other at word boundaries — "Ban Chấp hành
 * Trung ương Đảng" = "Ban Chấp hành Trung ương", "Ban Bí thư" = "Ban Bí thư Trung ương Đảng",
 * "Ủy ban nhân dân tỉnh" = "Ủy ban nhân dân tỉnh Thanh Hóa". Not when the shorter one ends the
 * longer: then the longer names a part or an officer of it, another issuer ("Thủ tướng Chính
 * phủ" ≠ "Chính phủ", "Ban Thường vụ Tỉnh ủy" ≠ "Tỉnh ủy", "Ủy ban Thường vụ Quốc hội" ≠ "Quốc
 * hội"). Null wants null.
 */
export function sameIssuer(expected, got) {
  if (isBlank(expected)) return isBlank(got);
  if (isBlank(got) || typeof got !== 'string') return false;
  const a = issuerKey(expected);
  const b = issuerKey(got);
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short === '') return false;
  const at = ` ${long} `.indexOf(` ${short} `);
  if (at < 0) return false;
  return !long.endsWith(` ${short}`);
}

const ROMAN = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
/** A term's key: upper case without "khóa" and spaces; Arabic numerals as Roman ("12" = "XII"). */
export function termKey(s) {
  let k = foldText(s).replace(/^(?:khóa|khoá|khoa)\s*/u, '').replace(/\s+/gu, '').toUpperCase();
  if (/^\d+$/u.test(k)) {
    let n = Number(k);
    k = '';
    for (const [v, r] of ROMAN)
      while (n >= v) {
        k += r;
        n -= v;
      }
  }
  return k;
}

/** Terms ("XI"): termKey equal, or both null. */
export function sameTerm(expected, got) {
  if (isBlank(expected)) return isBlank(got);
  return !isBlank(got) && termKey(expected) === termKey(got);
}

/** Ids: idKey equal, or both null. A figure, not a target. */
export function sameId(expected, got) {
  if (isBlank(expected)) return isBlank(got);
  return !isBlank(got) && idKey(expected) === idKey(got);
}

// ---------------------------------------------------------------------------------------------
// The document's own number

/**
 * A header row's own number (`self` {id, raw}): `read` when model.header.number equals self.id or
 * self.raw (as the programme scorer compares numbers: id or raw without "Số"), `cited` when a model
 * citation is the document itself (its id equal to self.id, or without an id its raw text
 * overlapping self.raw). Right when read and not cited.
 */
export function scoreSelf(self, header, citations) {
  const number = header?.number ?? null;
  const read = sameNumber(self.id, number) || (!isBlank(self.raw) && sameNumber(stripSo(self.raw), number));
  const list = Array.isArray(citations) ? citations : [];
  const cited = list.some((c) => (!isBlank(c?.id) ? idKey(c.id) === idKey(self.id) : rawOverlap(self.raw ?? self.id, c?.raw)));
  const got = number === null ? null : typeof number === 'string' ? number : (number.id ?? number.raw ?? null);
  return { expected: self.id, got, read, cited, ok: read && !cited };
}

// ---------------------------------------------------------------------------------------------
// One row, and totals

/** A model citation as --verbose and --json show it. */
export function citationView(c) {
  if (!c || typeof c !== 'object') return null;
  const pick = (k) => (c[k] === undefined ? null : c[k]);
  return {
    raw: pick('raw'),
    kind: pick('kind'),
    id: pick('id'),
    number: pick('number'),
    date: pick('date'),
    issuedBy: pick('issuedBy'),
    term: pick('term'),
    line: pick('line'),
  };
}

/**
 * One truth row against the model parsed from its text (null when the parse failed: everything
 * missed). Returns the row's matches with each field checked, what was missed, what is extra and
 * the self number's score (null when the row is not a header).
 */
export function scoreCitationRow(truth, model) {
  const usable = truth.usable !== false;
  const truthCitations = usable ? truth.citations : [];
  const modelCitations = usable && model && Array.isArray(model.citations) ? model.citations : [];
  const { pairs, missed, extra } = matchCitations(truthCitations, modelCitations);
  const matched = pairs.map(({ truth: i, model: j, by }) => {
    const t = truthCitations[i];
    const c = modelCitations[j];
    return {
      by,
      expected: t,
      got: citationView(c),
      idOk: sameId(t.id, c.id),
      dateOk: sameCitationDate(t.date, c.date),
      issuerOk: sameIssuer(t.issuedBy, c.issuedBy),
      termOk: sameTerm(t.term, c.term),
    };
  });
  const self = usable && truth.self ? scoreSelf(truth.self, model?.header ?? null, modelCitations) : null;
  return {
    row: truth.row,
    usable,
    truth: truthCitations.length,
    model: modelCitations.length,
    matched,
    missed: missed.map((i) => truthCitations[i]),
    extra: extra.map((j) => citationView(modelCitations[j])),
    self,
  };
}

/** The wrong fields of a matched pair, as names ("date", "issuedBy", "term"; "id" too when asked). */
export function wrongFields(pair, withId = false) {
  const out = [];
  if (withId && !pair.idOk) out.push('id');
  if (!pair.dateOk) out.push('date');
  if (!pair.issuerOk) out.push('issuedBy');
  if (!pair.termOk) out.push('term');
  return out;
}

const ratio = (num, den) => (den === 0 ? null : num / den);

/** The totals of scored rows: precision, recall, F1, the field shares among matched pairs, self numbers. */
export function citationTotals(rows, errors = 0) {
  const used = rows.filter((r) => r.usable);
  const sum = (f) => used.reduce((s, r) => s + f(r), 0);
  const truth = sum((r) => r.truth);
  const model = sum((r) => r.model);
  const matched = sum((r) => r.matched.length);
  const count = (key) => sum((r) => r.matched.filter((p) => p[key]).length);
  const by = { id: 0, number: 0, raw: 0 };
  for (const r of used) for (const p of r.matched) by[p.by] += 1;
  const precision = model === 0 ? (truth === 0 ? 1 : 0) : matched / model;
  const recall = truth === 0 ? 1 : matched / truth;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const selves = used.filter((r) => r.self);
  const t = {
    rows: rows.length,
    usableRows: used.length,
    errors,
    truth,
    model,
    matched,
    missed: truth - matched,
    extra: model - matched,
    by,
    precision,
    recall,
    f1,
    idRight: count('idOk'),
    dateRight: count('dateOk'),
    issuerRight: count('issuerOk'),
    termRight: count('termOk'),
    share: {
      id: ratio(count('idOk'), matched),
      date: ratio(count('dateOk'), matched),
      issuer: ratio(count('issuerOk'), matched),
      term: ratio(count('termOk'), matched),
    },
    selfTotal: selves.length,
    selfRead: selves.filter((r) => r.self.read).length,
    selfCited: selves.filter((r) => r.self.cited).length,
    selfRight: selves.filter((r) => r.self.ok).length,
  };
  // A share with no matched pair passes: F1 already fails when there was something to find.
  const atLeast = (x, min) => x === null || x >= min;
  const targets = {
    f1: { target: CITATION_TARGETS.f1, pass: f1 >= CITATION_THRESHOLDS.f1 },
    date: { target: CITATION_TARGETS.date, pass: atLeast(t.share.date, CITATION_THRESHOLDS.date) },
    issuer: { target: CITATION_TARGETS.issuer, pass: atLeast(t.share.issuer, CITATION_THRESHOLDS.issuer) },
    term: { target: CITATION_TARGETS.term, pass: atLeast(t.share.term, CITATION_THRESHOLDS.term) },
    self: { target: CITATION_TARGETS.self, pass: t.selfRight === t.selfTotal },
  };
  return { ...t, targets, pass: Object.values(targets).every((x) => x.pass) && errors === 0 };
}

// ---------------------------------------------------------------------------------------------
// Reading the files and parsing the rows

const squash = (s) => String(s).replace(/\s+/gu, ' ').trim();

/** The truth lines of citations.truth.jsonl; a bad line is reported and skipped. */
export function readCitationTruth(path, onError, shown = path) {
  return readJsonLines(path, citationTruthProblem, onError, shown);
}

/**
 * The labels' raw texts as the model reports raw text: in the normalized text (a TCVN3 row is
 * labelled as written, "NghÞ quyÕt", and read as "Nghị quyết").
 */
function asNormalized(lib, truth) {
  if (typeof lib.normalizedText !== 'function' || !Array.isArray(truth.citations)) return truth;
  const normalized = (raw) => (typeof raw === 'string' ? lib.normalizedText(raw) : raw);
  return { ...truth, citations: truth.citations.map((c) => (c && typeof c === 'object' ? { ...c, raw: normalized(c.raw) } : c)) };
}

/**
 * Parses every labelled row of a citation set ({tsv, truth} paths) with `lib.parse` and scores it.
 * Problems go to onError as one line and into `errors`; they never throw.
 */
export function measureCitations(lib, set, { onError, shown = (p) => p }) {
  const errors = [];
  const fail = (line) => {
    errors.push(line);
    onError(line);
  };
  const rows = [];
  const done = () => ({ tsv: shown(set.tsv), truth: shown(set.truth), rows, errors, totals: citationTotals(rows, errors.length) });
  if (typeof lib.parse !== 'function') {
    fail('dist/index.js does not export parse: citations not measured');
    return done();
  }
  if (!existsSync(set.tsv)) {
    fail(`${shown(set.tsv)}: not found (its truth is ${shown(set.truth)})`);
    return done();
  }
  const texts = new Map();
  for (const r of parseTsv(readFileSync(set.tsv, 'utf8'), fail, shown(set.tsv))) {
    if (texts.has(r.id)) fail(`${shown(set.tsv)}:${r.line}: row ${r.id} appears twice`);
    else texts.set(r.id, r);
  }
  const labelled = new Set();
  for (const truth of readCitationTruth(set.truth, fail, shown(set.truth))) {
    labelled.add(truth.row);
    const row = texts.get(truth.row);
    if (!row) {
      fail(`${shown(set.truth)}: row ${truth.row} is not in ${shown(set.tsv)}`);
      continue;
    }
    let model = null;
    if (truth.usable !== false) {
      try {
        model = lib.parse(rowText(row.text));
      } catch (error) {
        fail(`${shown(set.tsv)}:${row.line}: row ${row.id}: parse failed: ${squash(error?.message ?? error)}`);
      }
    }
    const scored = scoreCitationRow(asNormalized(lib, truth), model);
    scored.source = row.source;
    scored.text = row.text;
    rows.push(scored);
  }
  for (const id of texts.keys()) if (!labelled.has(id)) fail(`${shown(set.tsv)}: row ${id} has no line in ${shown(set.truth)}`);
  return done();
}
