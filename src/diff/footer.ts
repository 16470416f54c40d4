import type { Change, RecipientRef, Side, SignatureField, SignatureValues } from '../model/diff.js';
import type { Programme } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { pairTexts } from './outline.js';
import { mergeOrder } from './sequence.js';
import { wordDiff } from './word-diff.js';

const NOWHERE: Side = { conference: null, item: null };
const NO_CITATIONS = { added: [], removed: [] };

/** The "Nơi nhận" lines added, removed or reworded, paired as any texts are. */
export function recipientChanges(old: Programme, neu: Programme): Change[] {
  const place = (p: Programme) => p.recipients.map((text, i) => ({ flat: i, key: foldKey(text), ref: { number: i + 1, text } satisfies RecipientRef }));
  const [olds, news] = [place(old), place(neu)];
  const p = pairTexts(olds, news, {});
  const out: Change[] = [];
  for (const step of mergeOrder(olds.length, news.length, (j) => p.toOld[j])) {
    const o = step.old === undefined ? undefined : olds[step.old]!;
    const n = step.new === undefined ? undefined : news[step.new]!;
    const [oldSide, newSide] = [o ? { ...NOWHERE, recipient: o.ref } : NOWHERE, n ? { ...NOWHERE, recipient: n.ref } : NOWHERE];
    if (o && n) {
      if (o.key !== n.key) {
        out.push({ type: 'edited', scope: 'recipient', old: oldSide, new: newSide, before: o.ref.text, after: n.ref.text, words: wordDiff(o.ref.text, n.ref.text), citations: NO_CITATIONS });
      }
    } else if (n) out.push({ type: 'added', scope: 'recipient', old: NOWHERE, new: newSide, before: null, after: n.ref.text, items: [] });
    else if (o) out.push({ type: 'removed', scope: 'recipient', old: oldSide, new: NOWHERE, before: o.ref.text, after: null, items: [] });
  }
  return out;
}

/** The signature's fields that differ ("T/M" → "K/T", the signer), as one change; none when none does. */
export function signatureChanges(old: Programme, neu: Programme): Change[] {
  const fields: SignatureField[] = [];
  const before: SignatureValues = {};
  const after: SignatureValues = {};
  for (const field of ['authority', 'body', 'position', 'name'] as const) {
    const [a, b] = [old.signature?.[field] ?? null, neu.signature?.[field] ?? null];
    if ((a === null ? null : foldKey(a)) === (b === null ? null : foldKey(b))) continue;
    fields.push(field);
    [before[field], after[field]] = [a, b];
  }
  return fields.length ? [{ type: 'signature', scope: 'document', old: NOWHERE, new: NOWHERE, fields, before, after }] : [];
}
