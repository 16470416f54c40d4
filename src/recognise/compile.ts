import { foldPhrase } from '../normalize/fold.js';
import type { Grammar } from '../grammar/schema.js';
import { defaultGrammar } from '../grammar/load.js';
import { escapeRegExp } from './regex.js';
import { byCode } from '../normalize/code-table.js';
import { tick } from '../meter.js';
import { compileLabels, type LabelStyleMatcher } from './labels.js';

/** A phrase from the grammar with its folded key, for matching on folded text. */
export interface Phrase {
  text: string;
  key: string;
}

export interface Body extends Phrase {
  name: string;
  level: string;
}

/** The grammar compiled once into what the recognisers need. */
export interface Matchers {
  grammar: Grammar;
  partyHeadings: Phrase[];
  stateHeadings: Phrase[];
  mottos: Phrase[];
  closingDateWords: Phrase[];
  attachmentNotes: Phrase[];
  authorityStarts: Phrase[];
  /** Type lines of a header: every document type and the genres' own ("CHƯƠNG TRÌNH HÀNH ĐỘNG"). */
  headerTypes: Phrase[];
  labels: LabelStyleMatcher[];
  notLabelStarts: Phrase[];
  appendixStarts: Phrase[];
  /** Words a heading cannot end on: a line ending so goes on (folded). */
  openEnds: string[];
  task: { lead: Phrase[]; partners: Phrase[]; deadline: Phrase[]; content: Phrase[]; number: Phrase[]; standing: Phrase[]; quarterWords: Phrase[]; beforeWords: Phrase[]; assignWords: Phrase[]; leadVerbs: Phrase[]; partnerVerbs: Phrase[]; verbs: Phrase[]; deadlineStarts: Phrase[]; agencyStarts: Phrase[]; listNouns: Phrase[] };
  schedule: { weekdays: Phrase[]; dayWords: Phrase[]; periods: Phrase[]; chairMarks: Phrase[]; chairStops: Set<string>; notChairBefore: Phrase[]; placeWords: Phrase[]; preparerWords: Phrase[] };
  draftMarks: Phrase[];
  numberWords: Phrase[];
  superiorPrefixes: Phrase[];
  preambleStarts: Phrase[];
  ruleLine: RegExp;
  docTypes: Phrase[];
  sections: RegExp[];
  minUppercaseRatio: number;
  conferenceNumbering: RegExp[];
  conferenceWords: Phrase[];
  sessionWords: Phrase[];
  thematicWords: Phrase[];
  tentativeWords: Phrase[];
  monthWords: Phrase[];
  quarterWords: Phrase[];
  itemNumbering: RegExp[];
  notItemStarts: Phrase[];
  numberedParagraph: RegExp;
  bullet: RegExp;
  attributionPhrases: Phrase[];
  scopeWords: Phrase[];
  rangeWords: Phrase[];
  actions: Phrase[];
  recipientsLabels: Phrase[];
  signatureMarks: Phrase[];
  bullets: Phrase[];
  titleYearWords: Phrase[];
  termWords: Phrase[];
  periodWords: Phrase[];
  /** Citation kinds, folded name → canonical name. */
  kinds: Phrase[];
  bodies: Body[];
  partyTypeCodes: Set<string>;
  stateTypeCodes: Set<string>;
  issuerCodes: Set<string>;
  namedReferences: {
    re: RegExp;
    /** Words every match begins with ("nghị quyết", "điều lệ"): a block without them is not scanned. */
    literal: string;
    kind: string;
    issuedBy: string | null;
    capitalTitle: boolean;
    tail: boolean;
    needsIssuer: boolean;
    quotedTitle: boolean;
  }[];
  /** "Hậu Giang, ngày …" and the parts of a header date, on the folded key. */
  placeDate: RegExp;
  headerDate: { numeric: RegExp; day: RegExp; month: RegExp; year: RegExp };
  /** The whole date part of a place-date line: "ngày 13 tháng 7 năm 2022", "ngày 13/7/2022", a draft's blanks. */
  dateLine: { spelled: RegExp; numeric: RegExp };
}

const byLengthDesc = (a: Phrase, b: Phrase) => b.key.length - a.key.length;

function phrases(list: readonly string[]): Phrase[] {
  return list.map((text) => ({ text, key: foldPhrase(text) })).sort(byLengthDesc);
}

const word = (w: string) => escapeRegExp(foldPhrase(w));

export function compile(grammar: Grammar): Matchers {
  const g = grammar.genre;
  const bodies: Body[] = [];
  for (const body of grammar.bodies.bodies) {
    for (const text of [body.name, ...body.aliases]) {
      bodies.push({ text, key: foldPhrase(text), name: body.name, level: body.level });
    }
  }
  bodies.sort(byLengthDesc);
  return {
    grammar,
    partyHeadings: phrases(g.header.partyHeadings),
    stateHeadings: phrases(g.header.stateHeadings),
    mottos: phrases(g.header.mottos),
    closingDateWords: phrases(g.header.closingDateWords),
    attachmentNotes: phrases(g.header.attachmentNotes),
    authorityStarts: phrases(g.header.authorityStarts),
    headerTypes: phrases([...new Set([...grammar.documentTypes.types.map((t) => t.name), ...grammar.genres.flatMap((x) => x.docTypes)])]),
    labels: compileLabels(grammar.outline),
    notLabelStarts: phrases(grammar.outline.notLabels.starts),
    appendixStarts: phrases(grammar.outline.appendix.starts),
    openEnds: grammar.outline.heading.openEnds.map(foldPhrase),
    task: {
      lead: phrases(grammar.tasks.lead),
      partners: phrases(grammar.tasks.partners),
      deadline: phrases(grammar.tasks.deadline),
      content: phrases(grammar.tasks.content),
      number: phrases(grammar.tasks.number),
      standing: phrases(grammar.tasks.standing),
      quarterWords: phrases(grammar.tasks.quarterWords),
      beforeWords: phrases(grammar.tasks.beforeWords),
      assignWords: phrases(grammar.tasks.assignWords),
      leadVerbs: phrases(grammar.tasks.leadVerbs),
      partnerVerbs: phrases(grammar.tasks.partnerVerbs),
      verbs: phrases(grammar.tasks.verbs),
      deadlineStarts: phrases(grammar.tasks.deadlineStarts),
      agencyStarts: phrases(grammar.tasks.agencyStarts),
      listNouns: phrases(grammar.tasks.listNouns),
    },
    schedule: {
      weekdays: phrases(grammar.schedule.weekdays),
      dayWords: phrases(grammar.schedule.dayWords),
      periods: phrases(grammar.schedule.periods),
      chairMarks: phrases(grammar.schedule.chairMarks),
      chairStops: new Set(grammar.schedule.chairStops.map(foldPhrase)),
      notChairBefore: phrases(grammar.schedule.notChairBefore),
      placeWords: phrases(grammar.schedule.placeWords),
      preparerWords: phrases(grammar.schedule.preparerWords),
    },
    draftMarks: phrases(g.header.draftMarks),
    numberWords: phrases(g.header.numberWords),
    superiorPrefixes: phrases(g.header.superiorPrefixes),
    preambleStarts: phrases(g.header.preambleStarts),
    ruleLine: new RegExp(g.header.ruleLine, 'u'),
    docTypes: phrases(grammar.documentTypes.types.map((t) => t.name)),
    sections: g.sections.numbering.map((s) => new RegExp(s, 'u')),
    minUppercaseRatio: g.sections.minUppercaseRatio,
    conferenceNumbering: g.conferences.numbering.map((s) => new RegExp(s, 'u')),
    conferenceWords: phrases(g.conferences.headingWords),
    sessionWords: phrases(g.conferences.sessionWords),
    thematicWords: phrases(g.conferences.thematicWords),
    tentativeWords: phrases(g.conferences.tentativeWords),
    monthWords: phrases(g.conferences.monthWords),
    quarterWords: phrases(g.conferences.quarterWords),
    itemNumbering: g.items.numbering.map((s) => new RegExp(s, 'u')),
    notItemStarts: phrases(g.items.notItemStarts),
    numberedParagraph: new RegExp(g.paragraphs.numbered, 'u'),
    bullet: new RegExp(g.paragraphs.bullet, 'u'),
    attributionPhrases: phrases(g.attributions.phrases),
    scopeWords: phrases(g.attributions.scopeWords),
    rangeWords: phrases(g.attributions.rangeWords),
    actions: phrases(g.actions),
    recipientsLabels: phrases(g.footer.recipientsLabels),
    signatureMarks: phrases(g.footer.signatureMarks),
    bullets: phrases(g.footer.bullets),
    titleYearWords: phrases(g.title.yearWords),
    termWords: phrases(g.title.termWords),
    periodWords: phrases(g.title.periodWords),
    kinds: phrases(grammar.documentTypes.types.map((t) => t.name)),
    bodies,
    partyTypeCodes: new Set(grammar.documentTypes.types.flatMap((t) => t.party)),
    stateTypeCodes: new Set(grammar.documentTypes.types.flatMap((t) => t.state)),
    issuerCodes: new Set(grammar.issuers.codes.map((c) => c.code)),
    namedReferences: g.namedReferences.map(namedReference),
    placeDate: new RegExp(`^[^,]{2,60}, ?${word(g.header.dateWords.day)}(?![\\p{L}])`, 'u'),
    dateLine: {
      spelled: new RegExp(`^${word(g.header.dateWords.day)} ?(\\d{1,2})? ?${word(g.header.dateWords.month)} ?(\\d{1,2})? ?${word(g.header.dateWords.year)} ?(\\d{4})? ?\\.?$`, 'u'),
      numeric: new RegExp(`^${word(g.header.dateWords.day)} ?\\d{1,2} ?[/.-] ?\\d{1,2} ?[/.-] ?\\d{4} ?\\.?$`, 'u'),
    },
    headerDate: {
      numeric: new RegExp(`${word(g.header.dateWords.day)} (\\d{1,2}) ?[/.-] ?(\\d{1,2}) ?[/.-] ?(\\d{4})`, 'u'),
      day: new RegExp(`${word(g.header.dateWords.day)} (\\d{1,2})(?!\\d)`, 'u'),
      month: new RegExp(`${word(g.header.dateWords.month)} (\\d{1,2})(?!\\d)`, 'u'),
      year: new RegExp(`${word(g.header.dateWords.year)} (\\d{4})(?!\\d)`, 'u'),
    },
  };
}

/**
 * A named reference with its pattern compiled when first asked for: most documents have the
 * literal start of few of them, and the others are never run (compiling a /u pattern is a cold
 * start's cost).
 */
function namedReference(r: Grammar['genre']['namedReferences'][number]): Matchers['namedReferences'][number] {
  let re: RegExp | undefined;
  return {
    get re() {
      re ??= new RegExp(r.pattern, 'gu');
      return re;
    },
    literal: literalStart(r.pattern),
    kind: r.kind,
    issuedBy: r.issuedBy,
    capitalTitle: r.capitalTitle,
    tail: r.tail,
    needsIssuer: r.needsIssuer,
    quotedTitle: r.quotedTitle,
  };
}

/**
 * The letters and spaces a pattern must begin with, after an opening look-behind ("nghị quyết"
 * of "(?<![\\p{L}\\p{N}])nghị quyết đại hội…"); '' when it begins with anything else.
 */
function literalStart(pattern: string): string {
  const body = withoutLookbehinds(pattern);
  const m = /^[\p{Ll} ]+/u.exec(body);
  const literal = m ? m[0] : '';
  // A character class, group or quantifier right after would make the last letter optional.
  const next = body[literal.length];
  const safe = next === undefined || !/[?*{]/.test(next) ? literal : literal.slice(0, -1);
  return safe.trimEnd();
}

/** The pattern after its opening look-behinds ("(?<![\\p{L}])(?<!(?:bộ|kỷ) )luật" → "luật"). */
function withoutLookbehinds(pattern: string): string {
  let body = pattern;
  while (body.startsWith('(?<!') || body.startsWith('(?<=')) {
    const end = groupEnd(body);
    if (end < 0) return '';
    body = body.slice(end + 1);
  }
  return body;
}

/** The index of the parenthesis that closes the group opening `pattern`; -1 when unbalanced. */
function groupEnd(pattern: string): number {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

let cached: Matchers | null = null;
export function defaultMatchers(): Matchers {
  cached ??= compile(defaultGrammar());
  return cached;
}

const LETTER = /[\p{L}\p{N}]/u;
/** Whether a UTF-16 unit, read alone, is a letter or digit: by code, as phrases are asked on every line. */
const letterCode = byCode((code) => (LETTER.test(String.fromCharCode(code)) ? 1 : 0));

/** True when `key` has `phrase` at `at`, not glued to a following letter or digit. */
export function phraseAt(key: string, at: number, phrase: Phrase): boolean {
  const p = phrase.key;
  if (!key.startsWith(p, at)) return false;
  const end = at + p.length;
  return end >= key.length || p === '' || letterCode(p.charCodeAt(p.length - 1)) === 0 || letterCode(key.charCodeAt(end)) === 0;
}

/** The longest phrase of the list that `key` has at `at`. */
export function matchPhrase<P extends Phrase>(key: string, at: number, list: readonly P[]): P | null {
  const index = list.length < INDEXED ? false : byFirstChar(list);
  const candidates = index ? (index.get(key.charCodeAt(at)) ?? NONE) : list;
  for (let i = 0; i < candidates.length; i++) if (phraseAt(key, at, candidates[i]!)) return candidates[i]!;
  return null;
}

// Lists as long as the grammar's 200 bodies are asked at every citation's tail: bucketing them by
// their first character (keeping list order, so the longest still wins) makes a miss cost one lookup.
const INDEXED = 8;
const NONE: readonly never[] = [];
/** A list's buckets, or false for a list scanned whole. */
const firstChars = new WeakMap<readonly Phrase[], Map<number, Phrase[]> | false>();

/**
 * One lookup: matchPhrase, and so each of its callers, inlines this, and the index is built
 * once per list in a function of its own that is called too rarely to be inlined with it.
 */
function byFirstChar<P extends Phrase>(list: readonly P[]): Map<number, P[]> | false {
  const known = firstChars.get(list) as Map<number, P[]> | false | undefined;
  return known !== undefined ? known : learnFirstChars(list);
}

function learnFirstChars<P extends Phrase>(list: readonly P[]): Map<number, P[]> | false {
  // An empty phrase matches anywhere: such a list is scanned whole.
  const index = list.some((p) => p.key === '') ? false : bucketByFirstChar(list);
  firstChars.set(list, index);
  return index;
}

function bucketByFirstChar<P extends Phrase>(list: readonly P[]): Map<number, P[]> {
  const index = new Map<number, P[]>();
  for (const phrase of list) {
    const code = phrase.key.charCodeAt(0);
    const bucket = index.get(code);
    if (bucket) bucket.push(phrase);
    else index.set(code, [phrase]);
  }
  return index;
}

/** The first occurrence of any phrase of the list in `key`, as a whole word. */
export function findPhrase<P extends Phrase>(key: string, list: readonly P[], from = 0): { phrase: P; at: number } | null {
  let best: { phrase: P; at: number } | null = null;
  for (const phrase of list) {
    let at = key.indexOf(phrase.key, from);
    while (at !== -1) {
      tick();
      // The character before, by code: a one-character string made for the pattern was most of the search.
      if ((at === 0 || letterCode(key.charCodeAt(at - 1)) === 0) && phraseAt(key, at, phrase)) break;
      at = key.indexOf(phrase.key, at + 1);
    }
    if (at !== -1 && (best === null || at < best.at || (at === best.at && phrase.key.length > best.phrase.key.length))) {
      best = { phrase, at };
    }
  }
  return best;
}
