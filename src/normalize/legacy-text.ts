import { looksLikeTcvn3, looksLikeVni, tcvn3ToUnicode, vniToUnicode, type LegacyEncoding } from './legacy.js';

/**
 * Legacy TCVN3 (.VnTime) and VNI text inside text that is otherwise Unicode, recognised from its
 * letters when no font name tells: a .doc without fonts, a .txt saved from a legacy page, a web
 * page that prints .VnTime text as Latin-1 ("NghÞ quyÕt Trung −¬ng 5").
 */
export interface LegacyText {
  text: string;
  /** The encodings met: 'unicode', 'tcvn3', 'vni'. */
  encodings: Set<string>;
  /** 1-based lines that had legacy text converted. */
  lines: number[];
}

/** Letters only Unicode Vietnamese has (neither TCVN3 nor VNI, both Latin-1 based, can hold them). */
const UNICODE_ONLY_LETTER = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0323]/u;

/** The Latin-1 letters Unicode Vietnamese uses ("và", "có"); every other Latin-1 character is a legacy hint. */
const VIETNAMESE_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
const NON_VIETNAMESE_LATIN1 = new RegExp(
  `[${Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i))
    .filter((c) => !VIETNAMESE_LATIN1.includes(c))
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'u',
);

/** Whether `text` has a character of Latin-1 that Unicode Vietnamese does not use: without one, it has no legacy text. */
export function hasLegacyHint(text: string): boolean {
  return NON_VIETNAMESE_LATIN1.test(text);
}

/** A page or PDF that cannot show the soft hyphen (TCVN3's ư) prints a minus sign instead. */
const MINUS_FOR_U_HORN = /(?<=[A-Za-z\u00a1-\u00ff]|^|\s)\u2212(?=[A-Za-z\u00a1-\u00ff])/gu;

/** Two words with legacy codes, or one legacy dictionary word: one look-alike letter is not enough. */
const EVIDENCE = 2;

interface Span {
  text: string;
  /** A word with a Unicode-only letter: certainly not legacy text. */
  unicode: boolean;
}

/** A line cut at words with Unicode-only letters; the text between them may be legacy. */
function spansOf(line: string): Span[] {
  const spans: Span[] = [];
  let between = '';
  for (const token of line.split(/(\s+)/)) {
    if (token !== '' && !/^\s/.test(token) && UNICODE_ONLY_LETTER.test(token)) {
      if (between) spans.push({ text: between, unicode: false });
      spans.push({ text: token, unicode: true });
      between = '';
    } else between += token;
  }
  if (between) spans.push({ text: between, unicode: false });
  return spans;
}

/**
 * Every line with its legacy spans converted, span by span: a line may mix a Unicode run
 * ("Cơ quan chủ trì tham mưu:") with a .VnTime one ("Ban c¸n sù ®¶ng"). A span too short to prove
 * anything ("Sè -CTr/TU") follows the document when the document as a whole is legacy, if it
 * stands alone on its line or has a character Unicode Vietnamese never uses.
 */
export function convertLegacyText(text: string): LegacyText {
  // One scan decides for Unicode documents: without such a character there is no legacy text.
  if (!hasLegacyHint(text)) return unicodeText(text);
  const encodings = new Set<string>();
  const written = text.split('\n');
  const stored = written.map((line) => line.replace(MINUS_FOR_U_HORN, '\u00ad'));
  const documentEncoding = legacyEncodingOfDocument(stored);
  const lines: number[] = [];
  const out = stored.map((line, i) => {
    const seen = new Set<string>();
    const converted = convertLegacySpans(line, documentEncoding, seen);
    for (const e of seen) encodings.add(e);
    if (!seen.has('tcvn3') && !seen.has('vni')) return written[i]!;
    lines.push(i + 1);
    return converted;
  });
  return { text: out.join('\n'), encodings, lines };
}

/** Text without a hint of legacy encodings, as it is. */
export function unicodeText(text: string): LegacyText {
  return { text, encodings: new Set(/\p{L}/u.test(text) ? ['unicode'] : []), lines: [] };
}

function convertLegacySpans(line: string, documentEncoding: LegacyEncoding | null, encodings: Set<string>): string {
  const spans = spansOf(line);
  const alone = spans.length === 1;
  return spans
    .map(({ text, unicode }) => {
      if (unicode) return encodings.add('unicode'), text;
      let encoding: LegacyEncoding | null = looksLikeTcvn3(text, EVIDENCE) ? 'tcvn3' : looksLikeVni(text, EVIDENCE) ? 'vni' : null;
      if (!encoding && documentEncoding && /[\u00a1-\u00ff]/.test(text) && (alone || NON_VIETNAMESE_LATIN1.test(text))) {
        encoding = documentEncoding;
      }
      if (encoding === 'tcvn3') return encodings.add('tcvn3'), tcvn3ToUnicode(text, typedInCapitals(text));
      if (encoding === 'vni') return encodings.add('vni'), vniToUnicode(text);
      if (/\p{L}/u.test(text)) encodings.add('unicode');
      return text;
    })
    .join('');
}

/** The legacy encoding of the document's non-Unicode text taken together, if it shows one. */
function legacyEncodingOfDocument(lines: string[]): LegacyEncoding | null {
  const legacyText = lines.map((line) => spansOf(line).filter((span) => !span.unicode).map((span) => span.text).join(' ')).join('\n');
  if (looksLikeTcvn3(legacyText, EVIDENCE)) return 'tcvn3';
  if (looksLikeVni(legacyText, EVIDENCE)) return 'vni';
  return null;
}

/**
 * A .VnTimeH span typed with Caps Lock on: its plain letters are capitals while its toned vowels,
 * which have only lowercase codes, are not. (Typed in lower case, such a span cannot be told apart.)
 */
function typedInCapitals(span: string): boolean {
  const ascii = span.match(/[A-Za-z]/g) ?? [];
  return ascii.length >= 2 && ascii.every((c) => c >= 'A' && c <= 'Z') && /[\u00b5-\u00fe]/.test(span);
}

/** 'unicode', 'tcvn3', 'vni', or 'mixed:…' when a document has several. */
export function encodingName(encodings: Set<string>): string {
  const found = ['unicode', 'tcvn3', 'vni'].filter((e) => encodings.has(e));
  if (found.length === 0) return 'unicode';
  return found.length === 1 ? found[0]! : `mixed:${found.join('+')}`;
}
