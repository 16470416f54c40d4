import type { Citation, Diagnostic } from '../../model/programme.js';
import type { Matchers } from '../../recognise/compile.js';
import { citationEn, citationVi } from '../describe.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

/**
 * "KL" of "KL/TW" (Party), "NĐ" of "NĐ-CP" and "QĐ" of "QĐ-UBND" (State). A law's or the
 * National Assembly's "59/2020/QH14" has no type code to check.
 */
export function typeCode(c: Pick<Citation, 'symbol'>): string | null {
  const symbol = c.symbol;
  if (symbol === null) return null;
  // The part before the first '/', else before the first '-': split(…)[0] without the array.
  let end = symbol.indexOf('/');
  if (end === -1) end = symbol.indexOf('-');
  return end > 0 ? symbol.slice(0, end) : null;
}

const knownCodes = new WeakMap<Matchers, Set<string>>();

/** The grammar's type codes, upper-cased: a set per grammar, not one per run. */
function known(m: Matchers): Set<string> {
  let codes = knownCodes.get(m);
  if (!codes) knownCodes.set(m, (codes = new Set([...m.partyTypeCodes, ...m.stateTypeCodes].map((c) => c.toUpperCase()))));
  return codes;
}

export const unknownTypeCode: Rule = {
  code: 'unknown-type-code',
  severity: 'warning',
  summary: {
    vi: 'ký hiệu loại văn bản trong số hiệu không có trong danh mục (grammars/document-types.json)',
    en: "a citation whose type code is not a known document type (grammars/document-types.json)",
  },
  check(p, context) {
    const { matchers } = context;
    const codes = known(matchers);
    const map = mapOf(context);
    const found: Diagnostic[] = [];
    for (let cIndex = 0; cIndex < p.citations.length; cIndex++) {
      const c = p.citations[cIndex]!;
      const code = typeCode(c);
      if (code === null || codes.has(code.toUpperCase())) continue;
      found.push(
        finding(
          this,
          map.position(map.citationNumber(c)),
          `${citationVi(c)}: ký hiệu loại văn bản '${code}' không có trong danh mục`,
          `${citationEn(c)}: the type code '${code}' is not a known document type`,
        ),
      );
    }
    return found;
  },
};
