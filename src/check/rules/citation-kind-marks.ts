import type { Diagnostic } from '../../model/programme.js';
import { bareKey, foldKey, foldPhrase } from '../../normalize/fold.js';
import { citationEn, citationVi } from '../describe.js';
import { mapOf } from '../locate.js';
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
  check(p, context) {
    const map = mapOf(context);
    const found: Diagnostic[] = [];
    // Kind → the ways it is written → whether that way has wrong marks: a document writes each kind
    // the same few ways, so each way is folded once per run, not once per citation.
    const judged = new Map<string, Map<string, boolean>>();
    for (let cIndex = 0; cIndex < p.citations.length; cIndex++) {
      const c = p.citations[cIndex]!;
      if (c.form === 'named') continue;
      const kind = folded(c.kind);
      const written = c.raw.slice(0, kind.length);
      let ways = judged.get(kind);
      if (!ways) judged.set(kind, (ways = new Map()));
      let wrong = ways.get(written);
      if (wrong === undefined) {
        const key = foldKey(written);
        ways.set(written, (wrong = key !== kind && bareKey(key) === bareKey(kind)));
      }
      if (!wrong) continue;
      found.push(
        finding(
          this,
          map.position(c.span.start),
          `${citationVi(c)}: tên loại viết '${written}', đã đọc là ${c.kind}`,
          `${citationEn(c)}: the kind is written '${written}', read as ${c.kind}`,
        ),
      );
    }
    return found;
  },
};
