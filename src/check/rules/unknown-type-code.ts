import type { Citation } from '../../model/programme.js';
import { citationEn, citationVi } from '../describe.js';
import { textMap } from '../locate.js';
import { finding, type Rule } from '../rule.js';

/**
 * "KL" of "KL/TW" (Party), "NĐ" of "NĐ-CP" and "QĐ" of "QĐ-UBND" (State). A law's or the
 * National Assembly's "59/2020/QH14" has no type code to check.
 */
function typeCode(c: Citation): string | null {
  if (c.symbol === null) return null;
  const code = c.symbol.includes('/') ? c.symbol.split('/')[0] : c.symbol.includes('-') ? c.symbol.split('-')[0] : null;
  return code || null;
}

export const unknownTypeCode: Rule = {
  code: 'unknown-type-code',
  severity: 'warning',
  summary: {
    vi: 'ký hiệu loại văn bản trong số hiệu không có trong danh mục (grammars/document-types.json)',
    en: "a citation whose type code is not a known document type (grammars/document-types.json)",
  },
  check(p, { text, matchers }) {
    const known = new Set([...matchers.partyTypeCodes, ...matchers.stateTypeCodes].map((c) => c.toUpperCase()));
    const map = textMap(text);
    return p.citations.flatMap((c) => {
      const code = typeCode(c);
      if (code === null || known.has(code.toUpperCase())) return [];
      return [
        finding(
          this,
          map.position(map.citationNumber(c)),
          `${citationVi(c)}: ký hiệu loại văn bản '${code}' không có trong danh mục`,
          `${citationEn(c)}: the type code '${code}' is not a known document type`,
        ),
      ];
    });
  },
};
