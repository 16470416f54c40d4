import type { Genre } from '../grammar/schema.js';
import type { Programme } from '../model/programme.js';
import { bareKey, foldKey, foldPhrase } from '../normalize/fold.js';
import type { Matchers } from '../recognise/compile.js';
import type { Unit } from '../assemble/outline.js';

type Rule = Genre['detect'][number];

/** Case, tone placement, marks and spaces folded: "K ÉT LUẬN" is "Kết luận". */
const bare = (text: string) => bareKey(foldPhrase(text)).replace(/\s/g, '');

function bodyKinds(units: readonly Unit[], into = new Set<string>()): Set<string> {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    into.add(u.lineKind);
    if (u.children.length > 0) bodyKinds(u.children, into);
  }
  return into;
}

/** The opening paragraphs, where a document without a type line names itself. */
function opening(units: readonly Unit[]): string {
  return foldKey(
    units
      .slice(0, 4)
      .map((u) => u.text ?? u.heading ?? '')
      .join(' ')
      .slice(0, 2000),
  );
}

function holds(rule: Rule, header: Programme['header'], kinds: Set<string>, start: string): boolean {
  const title = header.title === null ? null : foldKey(header.title);
  if (rule.docTypes && (header.docType === null || !rule.docTypes.some((t) => bare(t) === bare(header.docType!)))) return false;
  if (rule.typeCodes && !rule.typeCodes.some((c) => c === header.number?.typeCode)) return false;
  if (rule.titleStarts && (title === null || !rule.titleStarts.some((w) => title.startsWith(foldPhrase(w))))) return false;
  if (rule.titleWords && (title === null || !rule.titleWords.some((w) => title.includes(foldPhrase(w))))) return false;
  if (rule.bodyKinds && !rule.bodyKinds.some((k) => kinds.has(k))) return false;
  if (rule.selfNames && !rule.selfNames.some((w) => start.includes(foldPhrase(w)))) return false;
  return true;
}

/**
 * The genre from the grammars' detectors: first what the header says (type line, type code,
 * title), in priority order; only then what the body shows (conference headings, weekdays, the
 * opening words naming the document).
 */
export function detectGenre(header: Programme['header'], units: readonly Unit[], m: Matchers): Genre | null {
  const kinds = bodyKinds(units);
  const start = opening(units);
  const genres = m.grammar.genres;
  const byHeader = (r: Rule) => !!(r.docTypes || r.typeCodes || r.titleWords || r.titleStarts);
  for (const pass of [byHeader, (r: Rule) => !byHeader(r)]) {
    for (const genre of genres) {
      if (genre.detect.some((rule) => pass(rule) && holds(rule, header, kinds, start))) return genre;
    }
  }
  return null;
}
