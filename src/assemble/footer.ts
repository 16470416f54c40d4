import type { Programme } from '../model/programme.js';
import { squash, trimTrailing } from '../normalize/text.js';
import { matchPhrase, type Matchers } from '../recognise/compile.js';
import { isCaps, type Line } from '../recognise/lines.js';

export interface Footer {
  recipients: string[];
  signature: Programme['signature'];
}

function cleanRecipient(text: string, m: Matchers): string {
  let t = text;
  const bullet = m.bullets.find((b) => t.startsWith(b.text));
  if (bullet) t = t.slice(bullet.text.length);
  return trimTrailing(squash(t), ',;.');
}

// A signer's name: two to six capitalised words, no digits.
const NAME = /^(\p{Lu}\p{Ll}*\.?\s){1,5}\p{Lu}\p{Ll}*$/u;

/**
 * The closing table, serialized as "Nơi nhận" then the signature (or the other way round):
 * one recipient per bullet, wrapped recipients joined; "T/M TỈNH ỦY", the office, the name.
 */
export function assembleFooter(lines: readonly Line[], m: Matchers): Footer {
  const footer: Footer = { recipients: [], signature: null };
  let mode: 'recipients' | 'signature' | null = null;
  let open = false;
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    if (l.kind === 'recipients') {
      mode = 'recipients';
      open = false;
      const rest = l.text.slice(l.contentAt ?? 0).trim();
      if (rest) {
        footer.recipients.push(cleanRecipient(rest, m));
        open = !/[,;.]$/u.test(rest);
      }
      continue;
    }
    if (l.kind === 'signature') {
      mode = 'signature';
      footer.signature ??= { authority: l.label!, body: squash(l.rest!), position: null, name: null };
      continue;
    }
    if (mode === 'recipients') {
      const isBullet = matchPhrase(l.text, 0, m.bullets) !== null;
      if (!isBullet && open && footer.recipients.length > 0) {
        const last = footer.recipients.length - 1;
        footer.recipients[last] = cleanRecipient(`${footer.recipients[last]} ${l.text}`, m);
      } else {
        footer.recipients.push(cleanRecipient(l.text, m));
      }
      open = !/[,;.]$/u.test(l.text);
    } else if (mode === 'signature' && footer.signature) {
      if (footer.signature.position === null && isCaps(l.text) && footer.signature.name === null) {
        footer.signature.position = squash(l.text);
      } else if (footer.signature.name === null && NAME.test(l.text)) {
        footer.signature.name = squash(l.text);
      }
    }
  }
  footer.recipients = footer.recipients.filter((r) => r !== '');
  return footer;
}
