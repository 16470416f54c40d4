import { bareKey, foldKey, foldPhrase } from '../../normalize/fold.js';
import { citationEn, citationVi } from '../describe.js';
import { textMap } from '../locate.js';
import { finding, type Rule } from '../rule.js';

const kinds = new Map<string, string>();
const folded = (kind: string) => {
  let key = kinds.get(kind);
  if (key === undefined) kinds.set(kind, (key = foldPhrase(kind)));
  return key;
};

/** A kind word read through scrambled or OCR'd marks ("Kết lúận" for Kết luận): said, so the drafter can fix it. */
export const citationKindMarks: Rule = {
  code: 'citation-kind-marks',
  severity: 'info',
  summary: {
    vi: 'tên loại văn bản được trích dẫn viết sai dấu ("Kết lúận"), đã được đọc đúng',
    en: 'a cited kind written with wrong diacritics ("Kết lúận"), read as the kind it spells',
  },
  check(p, { text }) {
    const map = textMap(text);
    return p.citations.flatMap((c) => {
      if (c.form === 'named') return [];
      const kind = folded(c.kind);
      const written = c.raw.slice(0, kind.length);
      const key = foldKey(written);
      if (key === kind || bareKey(key) !== bareKey(kind)) return [];
      return [
        finding(
          this,
          map.position(c.span.start),
          `${citationVi(c)}: tên loại viết '${written}', đã đọc là ${c.kind}`,
          `${citationEn(c)}: the kind is written '${written}', read as ${c.kind}`,
        ),
      ];
    });
  },
};
