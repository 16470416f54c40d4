// Pure scoring for `npm run corpus`: one truth line (fixtures/corpus/*/…truth.jsonl) against one
// parsed model. No I/O here, so test/corpus/score.test.ts can check the rules on hand-made input.

/** The header fields scored, in the order the table and --verbose print them. */
export const HEADER_FIELDS = ['docType', 'number', 'date', 'place', 'issuer', 'title'];

/** Node kinds that never count as outline units, whatever their label. */
const NOT_UNITS = new Set(['row', 'cell', 'table']);

/** What `npm run corpus` must reach; `--check` exits 1 when one is missed. */
export const TARGETS = {
  genre: 'genre right on every document',
  header: 'header fields >= 90% right',
  units: 'units found with the right depth >= 95%',
  lost: '0 lines lost',
};

// ---------------------------------------------------------------------------------------------
// Text folding

// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus, small/fullwidth hyphen-minus.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

/** Dash variants (‐ ‑ ‒ – — ― − and friends) made the ASCII hyphen-minus. */
export function foldDashes(s) {
  return s.replace(DASHES, '-');
}

// Old/new tone placement on the open clusters oa, oe, uy at a word's end ("khoá" = "khóa",
// "thuỷ" = "thủy"): the tone is moved back to the first vowel. "qu" + y keeps its tone on y (quý).
const NEW_STYLE_TONE = /(?<!q)(u)([ỳýỷỹỵ])(?![\p{L}\p{M}])|(o)([àáảãạèéẻẽẹ])(?![\p{L}\p{M}])/gu;
function moveToneBack(match, u1, v1, o2, v2) {
  const first = u1 ?? o2;
  const toned = v1 ?? v2;
  const nfd = toned.normalize('NFD');
  return (first + nfd.slice(1)).normalize('NFC') + nfd[0];
}

/**
 * The comparison key of a header value: NFC, lower case, whitespace runs folded to one space and
 * trimmed, dash variants folded, 'Ð' (U+00D0, Icelandic eth, a common stand-in) read as 'Đ', and old
 * and new tone placement made one.
 */
export function foldText(s) {
  return foldDashes(String(s).normalize('NFC'))
    .replace(/\u00D0/gu, 'Đ')
    .replace(/\u00F0/gu, 'đ')
    .toLowerCase()
    .replace(NEW_STYLE_TONE, moveToneBack)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** foldText without any whitespace. */
export function squashKey(s) {
  return foldText(s).replace(/\s+/gu, '');
}

/** Only letters and digits of foldText: for comparing the first words of a unit. */
export function lettersKey(s) {
  return foldText(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A label's key: spaces removed, dashes folded, NFC, case folded ("Điều 1." = "ĐIỀU 1.", "–" = "-"). */
export function labelKey(label) {
  return squashKey(label);
}

const isBlank = (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

// ---------------------------------------------------------------------------------------------
// Header fields

/** docType, place, issuer: equal after foldText; a null truth wants a null/absent/blank model value. */
export function sameText(expected, got) {
  if (isBlank(expected)) return isBlank(got);
  if (isBlank(got) || typeof got !== 'string') return false;
  return foldText(expected) === foldText(got);
}

/** The words of a title: foldText, split at spaces, punctuation trimmed from each word's ends. */
export function titleWords(s) {
  return foldText(s)
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
}

/**
 * The share of `a`'s words that `b` has, tolerating missing spaces on either side: a word of `a`
 * counts when `b` has it, when it is two to four consecutive words of `b` run together
 * ("phêduyệt" = "phê duyệt"), or when it and the next one to three words of `a` run together are a
 * word of `b` (then all of them count).
 */
export function wordCoverage(a, b) {
  if (a.length === 0) return b.length === 0 ? 1 : 0;
  const bSet = new Set(b);
  const bJoined = new Set();
  for (let i = 0; i < b.length; i++) {
    let run = b[i];
    for (let j = i + 1; j < Math.min(b.length, i + 4); j++) {
      run += b[j];
      bJoined.add(run);
    }
  }
  const covered = new Array(a.length).fill(false);
  for (let i = 0; i < a.length; i++) {
    if (bSet.has(a[i]) || bJoined.has(a[i])) covered[i] = true;
    let run = a[i];
    for (let j = i + 1; j < Math.min(a.length, i + 4); j++) {
      run += a[j];
      if (bSet.has(run)) for (let k = i; k <= j; k++) covered[k] = true;
    }
  }
  return covered.filter(Boolean).length / a.length;
}

/**
 * A title is right when, with all spaces removed, it equals the truth, or when at least 80% of the
 * truth's words are in the model's title and at least 80% of the model's words are in the truth's
 * (words compared case-insensitively, missing spaces tolerated as in wordCoverage).
 */
export function sameTitle(expected, got, threshold = 0.8) {
  if (isBlank(expected)) return isBlank(got);
  if (isBlank(got) || typeof got !== 'string') return false;
  if (squashKey(expected) === squashKey(got)) return true;
  const t = titleWords(expected);
  const m = titleWords(got);
  return wordCoverage(t, m) >= threshold && wordCoverage(m, t) >= threshold;
}

/** The comparison key of a document number: foldText with every space removed ("130/kh-ubnd"). */
export function numberKey(s) {
  return squashKey(s);
}

/** A printed number without its leading "Số" / "Số:" ("Số: 130/KH-UBND" → "130/KH-UBND"). */
export function stripSo(raw) {
  return String(raw)
    .normalize('NFC')
    .replace(/^\s*(?:số|so)\s*:?\s*/iu, '')
    .trim();
}

/** The strings a model number offers: its canonical id, and its raw text without "Số". */
export function numberCandidates(number) {
  if (number === null || number === undefined) return [];
  if (typeof number === 'string') return isBlank(number) ? [] : [stripSo(number)];
  const out = [];
  if (!isBlank(number.id)) out.push(String(number.id));
  if (!isBlank(number.raw)) {
    const stripped = stripSo(number.raw);
    if (stripped !== '') out.push(stripped);
  }
  return out;
}

/**
 * truth.number ("130/KH-UBND") against model.header.number: right when it equals number.id or
 * number.raw without its leading "Số"/"Số:" (spaces removed, dashes folded, case folded). A null
 * truth wants no number (null, or neither an id nor anything printed after "Số").
 */
export function sameNumber(expected, number) {
  const candidates = numberCandidates(number);
  if (isBlank(expected)) return candidates.length === 0;
  const want = numberKey(expected);
  return candidates.some((c) => numberKey(c) === want);
}

/** model.header.date ({raw, year, month, day}) as "YYYY-MM-DD" (shorter when parts are missing), or null. */
export function modelDateIso(date) {
  if (date === null || date === undefined) return null;
  if (typeof date === 'string') return isBlank(date) ? null : date.trim();
  const { year, month, day } = date;
  // A date is ISO only when complete (MODEL.md): a draft's "ngày tháng năm 2023" has none.
  if (year == null || month == null || day == null) return null;
  const pad = (n) => (n == null ? '??' : String(n).padStart(2, '0'));
  let iso = year == null ? '????' : String(year).padStart(4, '0');
  if (month != null || day != null) iso += `-${pad(month)}`;
  if (day != null) iso += `-${pad(day)}`;
  return iso;
}

/** truth.date (ISO "YYYY-MM-DD") against the model's year-month-day; a null truth wants no date. */
export function sameDate(expected, date) {
  const got = modelDateIso(date);
  if (isBlank(expected)) return got === null;
  return got !== null && got === String(expected).trim();
}

/** The model's value of a header field as --verbose prints it. */
export function shownValue(field, header) {
  const v = header?.[field];
  if (v === null || v === undefined) return null;
  if (field === 'number') return typeof v === 'string' ? v : (v.id ?? v.raw ?? null);
  if (field === 'date') return modelDateIso(v);
  return v;
}

function fieldRight(field, expected, header, title) {
  switch (field) {
    case 'number':
      return sameNumber(expected, header?.number);
    case 'date':
      return sameDate(expected, header?.date);
    case 'title':
      return sameTitle(expected, title);
    default:
      return sameText(expected, header?.[field]);
  }
}

/**
 * A type line split differently: truth docType "CHƯƠNG TRÌNH HÀNH ĐỘNG" + title "CỦA …" is right
 * against model docType "CHƯƠNG TRÌNH" + title "HÀNH ĐỘNG CỦA …", and the other way round. Returns
 * the two titles to compare (the moved words taken off the longer one), or null when it does not apply.
 */
export function splitTypeLine(truthDocType, truthTitle, modelDocType, modelTitle) {
  if ([truthDocType, modelDocType].some((v) => isBlank(v) || typeof v !== 'string')) return null;
  const t = foldText(truthDocType);
  const m = foldText(modelDocType);
  const dropWords = (title, words) => {
    const ws = String(title).normalize('NFC').trim().split(/\s+/u);
    return ws.slice(words).join(' ');
  };
  if (t.startsWith(`${m} `) && typeof modelTitle === 'string') {
    const rest = t.slice(m.length + 1);
    if (foldText(modelTitle).startsWith(`${rest} `) || foldText(modelTitle) === rest)
      return { truthTitle, modelTitle: dropWords(modelTitle, rest.split(' ').length) };
  }
  if (m.startsWith(`${t} `) && typeof truthTitle === 'string') {
    const rest = m.slice(t.length + 1);
    if (foldText(truthTitle).startsWith(`${rest} `) || foldText(truthTitle) === rest)
      return { truthTitle: dropWords(truthTitle, rest.split(' ').length), modelTitle };
  }
  return null;
}

/**
 * The six header fields of one document. `truth` is the truth line ({header, headerAlt?}), `header`
 * the model's header (may be missing). Each field is right when the truth or one of headerAlt[field]
 * matches.
 */
export function scoreHeader(truth, header) {
  const th = truth.header ?? {};
  const alt = truth.headerAlt ?? {};
  const split = splitTypeLine(th.docType, th.title, header?.docType, header?.title);
  const fields = [];
  for (const field of HEADER_FIELDS) {
    const expected = th[field] ?? null;
    const alts = Array.isArray(alt[field]) ? alt[field] : [];
    let ok;
    if (field === 'docType' && split) ok = true;
    else if (field === 'title' && split)
      ok = sameTitle(split.truthTitle, split.modelTitle) || alts.some((a) => sameTitle(a, header?.title));
    else ok = [expected, ...alts].some((want) => fieldRight(field, want, header, header?.title));
    fields.push({ field, ok, expected, got: shownValue(field, header) });
  }
  return { fields, right: fields.filter((f) => f.ok).length, total: fields.length };
}

// ---------------------------------------------------------------------------------------------
// Genre

/** model.genre equals truth.genre or one of truth.genreAlt. */
export function genreRight(truth, genre) {
  if (typeof genre !== 'string') return false;
  return [truth.genre, ...(Array.isArray(truth.genreAlt) ? truth.genreAlt : [])].includes(genre);
}

// ---------------------------------------------------------------------------------------------
// Outline units

/** The first `n` words of a string (whitespace-separated), joined by one space. */
export function firstWords(s, n = 5) {
  if (typeof s !== 'string') return '';
  return s.trim().split(/\s+/u).slice(0, n).join(' ');
}

/**
 * model.outline flattened depth-first into units. A node is a unit when its label is non-null and
 * its kind is not row/cell/table. Its depth is 1 + the number of its ancestors that are units
 * (labelled nodes that are not rows, cells or tables), its line is span.start.line, and `start` is
 * the first five words of (heading ?? text).
 */
export function flattenUnits(outline) {
  const units = [];
  const walk = (nodes, depth) => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const unit = node.label !== null && node.label !== undefined && !NOT_UNITS.has(node.kind);
      if (unit) {
        const body = node.heading ?? node.text ?? '';
        units.push({
          label: String(node.label),
          depth: depth + 1,
          line: node.span?.start?.line ?? null,
          start: firstWords(body),
          body: typeof body === 'string' ? body : '',
          kind: node.kind ?? null,
        });
      }
      walk(node.children, unit ? depth + 1 : depth);
    }
  };
  walk(outline, 0);
  return units;
}

/** Labels equal with spaces removed, dashes folded, NFC and case folded. */
export function sameLabel(a, b) {
  return labelKey(a) === labelKey(b);
}

/**
 * A unit's first words are right when, comparing letters and digits only (spaces, punctuation and
 * case ignored), the truth's start is a prefix of the model's heading/text: the truth may be cut
 * mid-word at the end of an excerpt, and the model may have repaired missing spaces.
 */
export function startRight(expectedStart, body) {
  const want = lettersKey(expectedStart ?? '');
  const got = lettersKey(body ?? '');
  if (want === '') return got === '';
  return got.startsWith(want);
}

/** The model unit nearest a truth unit (same line and label first, then nearest line, then same label). */
export function nearestUnit(unit, modelUnits) {
  let best = null;
  let bestScore = Infinity;
  for (const m of modelUnits) {
    if (m.line === null) continue;
    const score = Math.abs(m.line - unit.line) * 2 + (sameLabel(m.label, unit.label) ? 0 : 1);
    if (score < bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Truth units against model units. FOUND: a model unit on the same line with the same label (each
 * model unit used once). DEPTH RIGHT: found and the depths equal. START RIGHT: found and startRight.
 * EXTRA: model units on lines no truth unit is on.
 */
export function scoreUnits(truthUnits, modelUnits) {
  const used = new Set();
  const results = [];
  for (const t of truthUnits) {
    const i = modelUnits.findIndex((m, k) => !used.has(k) && m.line === t.line && sameLabel(m.label, t.label));
    if (i >= 0) used.add(i);
    const m = i >= 0 ? modelUnits[i] : null;
    const found = m !== null;
    const depthOk = found && m.depth === t.depth;
    const startOk = found && startRight(t.start, m.body);
    results.push({ truth: t, found, depthOk, startOk, got: m ?? nearestUnit(t, modelUnits) });
  }
  const truthLines = new Set(truthUnits.map((t) => t.line));
  const extras = modelUnits.filter((m) => !truthLines.has(m.line));
  return {
    total: truthUnits.length,
    found: results.filter((r) => r.found).length,
    depthOk: results.filter((r) => r.depthOk).length,
    startOk: results.filter((r) => r.startOk).length,
    extra: extras.length,
    results,
    extras,
  };
}

// ---------------------------------------------------------------------------------------------
// Tasks (a figure, not a target): truth lines may carry "tasks" (fixtures/corpus/found/README.md)

/** The words of an agency name: foldText, split at spaces, punctuation trimmed from each word's ends. */
export function agencyWords(s) {
  return typeof s === 'string' ? titleWords(s) : [];
}

/**
 * Two agencies as printed are the same when their words agree after foldText (case, NFC,
 * whitespace, dashes, tone placement; punctuation at word ends ignored), or when one's words are a
 * run of the other's and the shorter has at least 80% as many words as the longer
 * ("các đơn vị thuộc, trực thuộc Bộ Tài chính" = "Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Tài chính").
 */
export function sameAgency(a, b, threshold = 0.8) {
  const wa = agencyWords(a);
  const wb = agencyWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const ka = wa.join(' ');
  const kb = wb.join(' ');
  if (ka === kb) return true;
  const [short, long] = wa.length <= wb.length ? [ka, kb] : [kb, ka];
  const shortCount = Math.min(wa.length, wb.length);
  const longCount = Math.max(wa.length, wb.length);
  return ` ${long} `.includes(` ${short} `) && shortCount >= threshold * longCount;
}

/**
 * Two lists of agencies agree as sets: blank entries and duplicates dropped, then every truth
 * agency paired with a different model agency by sameAgency and none left over on either side.
 */
export function sameAgencies(expected, got) {
  const clean = (list) => {
    const out = [];
    for (const a of Array.isArray(list) ? list : []) {
      if (typeof a !== 'string' || isBlank(a)) continue;
      if (!out.some((b) => agencyWords(b).join(' ') === agencyWords(a).join(' '))) out.push(a);
    }
    return out;
  };
  const want = clean(expected);
  const have = clean(got);
  if (want.length !== have.length) return false;
  // A perfect matching by backtracking: the lists are a handful of names.
  const used = new Array(have.length).fill(false);
  const match = (i) => {
    if (i === want.length) return true;
    for (let j = 0; j < have.length; j++) {
      if (used[j] || !sameAgency(want[i], have[j])) continue;
      used[j] = true;
      if (match(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return match(0);
}

const hasDigit = (w) => /\p{N}/u.test(w);
const DATE_NOUNS = new Set(['tháng', 'quý', 'năm', 'tuần']);

/**
 * The date/quarter words of a printed deadline, folded as titleWords: from its first word holding a
 * digit to its last, with a 'tháng'/'quý'/'năm'/'tuần' just before the first kept ('ngày' is not:
 * "trước ngày 15 tháng 11" → "15 tháng 11", "trong tháng 3 năm 2020" → "tháng 3 năm 2020",
 * "trước 14 giờ, ngày 05/12/2017" → "14 giờ ngày 05/12/2017"). A deadline without a digit keeps
 * all its words.
 */
export function deadlineWords(s) {
  const words = agencyWords(s);
  const first = words.findIndex(hasDigit);
  if (first < 0) return words.join(' ');
  let last = words.length - 1;
  while (!hasDigit(words[last])) last--;
  const from = first > 0 && DATE_NOUNS.has(words[first - 1]) ? first - 1 : first;
  return words.slice(from, last + 1).join(' ');
}

/** The printed text of a model deadline ({raw, ...} or a string), or null. */
export function deadlineRaw(deadline) {
  if (deadline === null || deadline === undefined) return null;
  if (typeof deadline === 'string') return isBlank(deadline) ? null : deadline;
  return isBlank(deadline.raw) || typeof deadline.raw !== 'string' ? null : deadline.raw;
}

/**
 * truth deadline (as printed, or null) against the model's: right when both are null, or when the
 * model's raw, folded as titleWords, holds the truth's deadlineWords as whole words.
 */
export function deadlineRight(expected, deadline) {
  const raw = deadlineRaw(deadline);
  if (isBlank(expected)) return raw === null;
  if (raw === null) return false;
  const want = deadlineWords(expected);
  if (want === '') return false;
  return ` ${agencyWords(raw).join(' ')} `.includes(` ${want} `);
}

// A label at a line's start: bullets, '2.', 'a)', 'II.', 'I-', '2.1.', '(1)', 'Điều 2.'.
const LEADING_LABEL =
  /^\s*(?:[-+*•·]+|\(?[\p{L}\p{N}]{1,5}(?:\.[\p{N}]+)*[.):,-]+|\([\p{L}\p{N}]{1,5}\)|(?:điều|mục|phần|chương)\s+[\p{L}\p{N}]+[.:]?)\s*/iu;

/**
 * Whether a truth task starts mid-line: its first words are not at the start of its line, with or
 * without a leading label. Unknown (no line text) counts as not mid-line.
 */
export function taskStartsMidLine(lineText, start) {
  if (typeof lineText !== 'string' || typeof start !== 'string') return false;
  const want = lettersKey(start);
  if (want === '') return false;
  const text = foldText(lineText);
  return !lettersKey(text).startsWith(want) && !lettersKey(text.replace(LEADING_LABEL, '')).startsWith(want);
}

/** A model task as --verbose and --json show it. */
export function taskView(task) {
  if (!task) return null;
  return {
    line: task.span?.start?.line ?? null,
    endLine: task.span?.end?.line ?? null,
    start: firstWords(task.text),
    lead: Array.isArray(task.lead) ? task.lead : [],
    partners: Array.isArray(task.partners) ? task.partners : [],
    deadline: deadlineRaw(task.deadline),
  };
}

/** The model task whose first line is nearest a line (null when none has a line). */
export function nearestTask(line, modelTasks) {
  let best = null;
  let bestDistance = Infinity;
  for (const m of modelTasks) {
    const l = m?.span?.start?.line;
    if (!Number.isInteger(l)) continue;
    if (Math.abs(l - line) < bestDistance) {
      best = m;
      bestDistance = Math.abs(l - line);
    }
  }
  return best;
}

/**
 * Truth tasks against model.tasks. `lines` (the document's text split into lines, optional) tells
 * which truth tasks start mid-line. FOUND: an unused model task starting on the truth task's line
 * (span.start.line) or, for a task starting mid-line, one whose span covers that line; of several,
 * the one whose text begins with the truth's first words. LEAD RIGHT / PARTNERS RIGHT: found and
 * sameAgencies. DEADLINE RIGHT: found and deadlineRight. EXTRA: model tasks no truth task took.
 */
export function scoreTasks(truthTasks, modelTasks, lines = null) {
  const tasks = Array.isArray(modelTasks) ? modelTasks.filter((m) => m && typeof m === 'object') : [];
  const used = new Set();
  const results = [];
  for (const t of Array.isArray(truthTasks) ? truthTasks : []) {
    const midLine = Array.isArray(lines) && taskStartsMidLine(lines[t.line - 1], t.start);
    const candidates = [];
    tasks.forEach((m, k) => {
      if (used.has(k)) return;
      const from = m.span?.start?.line;
      const to = m.span?.end?.line ?? from;
      if (from === t.line || (midLine && Number.isInteger(from) && from <= t.line && t.line <= to)) candidates.push(k);
    });
    const k = candidates.find((c) => startRight(t.start, tasks[c].text)) ?? candidates[0];
    const m = k === undefined ? null : tasks[k];
    if (k !== undefined) used.add(k);
    const found = m !== null;
    results.push({
      truth: t,
      midLine,
      found,
      leadOk: found && sameAgencies(t.lead, m.lead),
      partnersOk: found && sameAgencies(t.partners, m.partners),
      deadlineOk: found && deadlineRight(t.deadline, m.deadline),
      got: taskView(m ?? nearestTask(t.line, tasks)),
    });
  }
  const extras = tasks.filter((_, k) => !used.has(k)).map(taskView);
  return {
    total: results.length,
    found: results.filter((r) => r.found).length,
    leadOk: results.filter((r) => r.leadOk).length,
    partnersOk: results.filter((r) => r.partnersOk).length,
    deadlineOk: results.filter((r) => r.deadlineOk).length,
    extra: extras.length,
    results,
    extras,
  };
}

// ---------------------------------------------------------------------------------------------
// One document, and totals

/**
 * One truth line against one model. `account` is accountLines' answer ({lost, twice}) or null when
 * it could not be had (then `nonBlankLines` lines are counted lost). `model` may be null (the parse
 * failed): everything is then wrong. `missing` collects the names of model parts that were absent.
 * `lines` (the text's lines, optional) lets scoreTasks see which tasks start mid-line; `tasks` is
 * null when the truth line has no "tasks" field.
 */
export function scoreDocument(truth, model, account, nonBlankLines = 0, lines = null) {
  const missing = [];
  const hasTasks = Array.isArray(truth.tasks);
  if (model && typeof model.genre !== 'string') missing.push('genre');
  if (model && !Array.isArray(model.outline)) missing.push('outline');
  if (model && hasTasks && !Array.isArray(model.tasks)) missing.push('tasks');
  if (!account) missing.push('accountLines');
  const header = model
    ? scoreHeader(truth, model.header ?? null)
    : { fields: HEADER_FIELDS.map((field) => ({ field, ok: false, expected: truth.header?.[field] ?? null, got: null })), right: 0, total: 6 };
  const modelUnits = model ? flattenUnits(model.outline) : [];
  const units = scoreUnits(Array.isArray(truth.outline) ? truth.outline : [], modelUnits);
  const lost = account ? (account.lost?.length ?? 0) : nonBlankLines;
  const twice = account ? (account.twice?.length ?? 0) : 0;
  return {
    file: truth.file,
    genre: { ok: model ? genreRight(truth, model.genre) : false, expected: truth.genre, got: model?.genre ?? null },
    header,
    units,
    tasks: hasTasks ? scoreTasks(truth.tasks, model?.tasks ?? [], lines) : null,
    lost,
    twice,
    lostLines: account?.lost ?? null,
    twiceLines: account?.twice ?? null,
    missing,
  };
}

/** A percentage rounded to one decimal, for display; the targets use the exact ratios. */
const pct = (num, den) => (den === 0 ? 100 : Math.round((1000 * num) / den) / 10);

/** The totals of a list of scored documents, with each target's figure and pass/fail. */
export function totals(docs, errors = 0) {
  const t = {
    documents: docs.length,
    errors,
    genreRight: docs.filter((d) => d.genre.ok).length,
    headerRight: docs.reduce((s, d) => s + d.header.right, 0),
    headerTotal: docs.reduce((s, d) => s + d.header.total, 0),
    units: docs.reduce((s, d) => s + d.units.total, 0),
    unitsFound: docs.reduce((s, d) => s + d.units.found, 0),
    unitsDepthRight: docs.reduce((s, d) => s + d.units.depthOk, 0),
    unitsStartRight: docs.reduce((s, d) => s + d.units.startOk, 0),
    extraUnits: docs.reduce((s, d) => s + d.units.extra, 0),
    linesLost: docs.reduce((s, d) => s + d.lost, 0),
    linesTwice: docs.reduce((s, d) => s + d.twice, 0),
  };
  // Tasks: only documents whose truth has "tasks"; a figure, not a target (not in `pass`).
  const withTasks = docs.filter((d) => d.tasks);
  const sum = (key) => withTasks.reduce((s, d) => s + d.tasks[key], 0);
  const tasks = {
    documents: withTasks.length,
    total: sum('total'),
    found: sum('found'),
    leadRight: sum('leadOk'),
    partnersRight: sum('partnersOk'),
    deadlineRight: sum('deadlineOk'),
    extra: sum('extra'),
  };
  const taskPct = (n) => (tasks.total === 0 ? null : pct(n, tasks.total));
  tasks.percent = {
    found: taskPct(tasks.found),
    leadRight: taskPct(tasks.leadRight),
    partnersRight: taskPct(tasks.partnersRight),
    deadlineRight: taskPct(tasks.deadlineRight),
  };
  const percent = {
    genre: pct(t.genreRight, t.documents),
    header: pct(t.headerRight, t.headerTotal),
    unitsFound: pct(t.unitsFound, t.units),
    unitsDepthRight: pct(t.unitsDepthRight, t.units),
    unitsStartRight: pct(t.unitsStartRight, t.units),
  };
  const targets = {
    genre: { target: TARGETS.genre, pass: t.genreRight === t.documents },
    header: { target: TARGETS.header, pass: t.headerRight >= 0.9 * t.headerTotal },
    units: { target: TARGETS.units, pass: t.unitsDepthRight >= 0.95 * t.units },
    lost: { target: TARGETS.lost, pass: t.linesLost === 0 },
  };
  return { ...t, percent, tasks, targets, pass: Object.values(targets).every((x) => x.pass) && errors === 0 };
}
