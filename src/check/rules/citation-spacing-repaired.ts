import { citationEn, citationVi } from '../describe.js';
import { textMap } from '../locate.js';
import { finding, type Rule } from '../rule.js';

export const citationSpacingRepaired: Rule = {
  code: 'citation-spacing-repaired',
  severity: 'info',
  summary: {
    vi: 'số hiệu viết có khoảng trắng thừa ("11- CT/TW"), đã được đọc lại',
    en: 'a number and symbol written with stray spaces ("11- CT/TW"), read as if written without',
  },
  check(p, { text }) {
    const map = textMap(text);
    return p.citations.flatMap((c) => {
      if (!c.repaired || c.symbol === null) return [];
      const at = map.citationNumber(c);
      // As written, up to the end of the symbol's issuer part.
      const written = /^\d+\s?[-/]\s?\S+?\s?\/\s?[\p{L}-]+/u.exec(map.flat.slice(at, c.span.end))?.[0] ?? c.raw;
      return [
        finding(
          this,
          map.position(at),
          `${citationVi(c)}: số hiệu viết '${written}', đã đọc là ${c.id}`,
          `${citationEn(c)}: written '${written}', read as ${c.id}`,
        ),
      ];
    });
  },
};
