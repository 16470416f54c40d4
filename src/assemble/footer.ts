import type { Programme } from '../model/programme.js';
import { foldKey } from '../normalize/fold.js';
import { squash, trimTrailing } from '../normalize/text.js';
import { matchPhrase, type Matchers } from '../recognise/compile.js';
import { readLabel } from '../recognise/labels.js';
import { isCaps, type Line } from '../recognise/lines.js';
import { stripMarkup } from '../recognise/markup.js';

export interface Footer {
  recipients: string[];
  signature: Programme['signature'];
  /** Line numbers the footer holds. */
  lines: number[];
  /** Index of the first line after the footer (an appendix, a second document, or the end). */
  end: number;
}

function cleanRecipient(text: string, m: Matchers): string {
  let t = text;
  const bullet = m.bullets.find((b) => t.startsWith(b.text));
  if (bullet) t = t.slice(bullet.text.length);
  return trimTrailing(squash(t), ',;.');
}

// A signer's name: two to six capitalised words, no digits.
const NAME = /^(\p{Lu}\p{Ll}*\.?\s){1,5}\p{Lu}\p{Ll}*$/u;
// "(Đã ký)", "Đã ký và đóng dấu", "[daky]": what copies print in place of a signature.
const SIGNED = /^[([]?\s*(?:đã ký|daky|ký tên|đã ký và đóng dấu|ký, đóng dấu)\s*[)\]]?\.?$/u;
// What begins a part after the footer: an appendix or a second document.
const AFTER = /^(?:phụ lục|phu luc)(?![\p{L}])/u;

/**
 * The closing table, serialized as "Nơi nhận" then the signature (or the other way round): one
 * recipient per bullet, wrapped recipients joined; "T/M TỈNH ỦY", the office, the name. It ends
 * at the first line that is none of these: an appendix ("PHỤ LỤC") or whatever follows is body again.
 */
export function assembleFooter(lines: readonly Line[], from: number, m: Matchers): Footer {
  const footer: Footer = { recipients: [], signature: null, lines: [], end: lines.length };
  let mode: 'recipients' | 'signature' | null = null;
  let open = false;
  let i = from;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    const text = stripMarkup(l.text).text.trim();
    const key = foldKey(text);
    if (AFTER.test(key) || l.kind === 'partyHeading' || (i > from && startsBody(text, m))) break;
    if (l.kind === 'recipients') {
      mode = 'recipients';
      open = false;
      const rest = l.text.slice(l.contentAt ?? 0).trim();
      if (rest) {
        footer.recipients.push(cleanRecipient(rest, m));
        open = !/[,;.]$/u.test(rest);
      }
    } else if (l.kind === 'signature') {
      mode = 'signature';
      footer.signature ??= { authority: l.label!, body: squash(l.rest!), position: null, name: null };
    } else if (mode === 'recipients' && (matchPhrase(text, 0, m.bullets) !== null || open || (text.length <= 80 && !isCaps(text)))) {
      const isBullet = matchPhrase(text, 0, m.bullets) !== null;
      if (!isBullet && open && footer.recipients.length > 0) {
        const last = footer.recipients.length - 1;
        footer.recipients[last] = cleanRecipient(`${footer.recipients[last]} ${text}`, m);
      } else {
        footer.recipients.push(cleanRecipient(text, m));
      }
      open = !/[,;.]$/u.test(text);
    } else if (mode !== null && footer.signature && footer.signature.name === null && signatureLine(text, key, footer.signature)) {
      // read into the signature by signatureLine
    } else if (mode === 'recipients' && footer.signature === null && isCaps(text) && text.length <= 60) {
      // A signature without "T/M": the position line ("CHỦ TỊCH") straight after the recipients.
      mode = 'signature';
      footer.signature = { authority: '', body: '', position: squash(text), name: null };
    } else {
      break;
    }
    footer.lines.push(l.line);
  }
  footer.end = i;
  footer.recipients = footer.recipients.filter((r) => r !== '');
  return footer;
}

/** The position ("PHÓ BÍ THƯ"), "(Đã ký)" or the signer's name; false for anything else. */
function signatureLine(text: string, key: string, signature: NonNullable<Programme['signature']>): boolean {
  if (SIGNED.test(key)) return true;
  if (signature.position === null && isCaps(text) && text.length <= 60) {
    signature.position = squash(text);
    return true;
  }
  if (NAME.test(text)) {
    signature.name = squash(text);
    return true;
  }
  return false;
}

/** A numbered heading or a long sentence: the footer is over. */
function startsBody(text: string, m: Matchers): boolean {
  const label = readLabel(text, m.labels, m.notLabelStarts);
  return (label !== null && label.style !== 'bullet') || text.length > 200;
}
