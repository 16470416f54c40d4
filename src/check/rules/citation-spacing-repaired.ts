import type { Citation, Diagnostic } from '../../model/programme.js';
import { citationEn, citationVi } from '../describe.js';
import { mapOf, type TextMap } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const citationSpacingRepaired: Rule = {
  code: 'citation-spacing-repaired',
  severity: 'info',
  summary: {
    vi: 'số hiệu viết có khoảng trắng thừa ("11- CT/TW"), đã được đọc lại',
    en: 'a number and symbol written with stray spaces ("11- CT/TW"), read as if written without',
  },
  check(p, context) {
    const map = mapOf(context);
    const out: Diagnostic[] = [];
    for (let cIndex = 0; cIndex < p.citations.length; cIndex++) {
      const c = p.citations[cIndex]!;
      if (!c.repaired || c.symbol === null) continue;
      const at = map.citationNumber(c);
      // As written, up to the end of the symbol's issuer part.
      const written = /^\d+\s?[-/]\s?\S+?\s?\/\s?[\p{L}-]+/u.exec(map.flatSlice(at, c.span.end))?.[0] ?? c.raw;
      const found = finding(
        this,
        map.position(at),
        `${citationVi(c)}: số hiệu viết '${written}', đã đọc là ${c.id}`,
        `${citationEn(c)}: written '${written}', read as ${c.id}`,
      );
      out.push(withRepair(found, map, at, c));
    }
    return out;
  },
};

/**
 * The finding with its extent and, when the symbol as written is its id with spaces added and
 * nothing else ("94 - KL/TW" for 94-KL/TW), the fix that removes them. A repair of anything else
 * (a lost hyphen, a glued "ngày", case) is left to the drafter: it is not a pure deletion of spaces.
 */
function withRepair(found: Diagnostic, map: TextMap, at: number, c: Citation): Diagnostic {
  const end = c.id === null ? null : spacedEnd(map.text, at, c.span.end, c.id);
  if (end === null) return found;
  const to = map.position(end);
  return { ...found, endLine: to.line, endColumn: to.column, fix: { span: { start: at, end }, text: c.id! } };
}

/** End of `id` written from `at` with single spaces inside it (not a line break), or null. */
function spacedEnd(text: string, at: number, limit: number, id: string): number | null {
  let i = at;
  let spaces = 0;
  for (let k = 0; k < id.length; ) {
    if (i >= limit) return null;
    if (text[i] === id[k]) {
      i++;
      k++;
    } else if (text[i] === ' ' && k > 0) {
      i++;
      spaces++;
    } else return null;
  }
  // Not the first part of a longer symbol, and something to repair.
  if (i < text.length && /[\p{L}\p{N}/-]/u.test(text[i]!)) return null;
  return spaces > 0 ? i : null;
}
