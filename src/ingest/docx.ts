import { convertLegacyRun, legacyEncodingOf } from '../normalize/legacy.js';
import { InputError } from '../errors.js';
import { linesOf, readDocument, storedParagraphs, type Revision } from './ooxml/document.js';
import { mammothParagraphs, missingParagraphs } from './ooxml/mammoth-check.js';
import { Numbering } from './ooxml/numbering.js';
import { readStyles } from './ooxml/styles.js';
import { child, childrenNamed, elements, parseXml, type XmlElement } from './ooxml/xml.js';
import type { IngestMessage, Ingested } from './types.js';
import { formatSize, openZip, type ZipArchive } from './zip-guard.js';

export type MammothCheck = 'auto' | 'always' | 'never';

export interface DocxOptions {
  /** Tracked changes: the text with them accepted (default) or as it was before them. */
  revision?: Revision;
  /**
   * When mammoth reads the file too and reports what vanban's reader missed: 'auto' (default)
   * when the reader met elements it does not know, 'always', or 'never'. A reading by mammoth
   * costs about as much as vanban's whole reading.
   */
  mammothCheck?: MammothCheck;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
/** No programme needs more XML than this in one part; parsing more would take seconds and much memory. */
const MAX_XML_PART = 64 * 1024 * 1024;

/**
 * A Word .docx to one line per paragraph, in reading order, with the numbers Word displays for
 * automatic numbering and legacy-font (TCVN3, VNI) runs converted to Unicode.
 *
 * The text comes from vanban's own reader of word/document.xml (see ooxml/mammoth-check.ts for
 * why mammoth cannot be the source); mammoth reads the file too, as a cross-check.
 */
export async function ingestDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<Ingested> {
  const revision = options.revision ?? 'accepted';
  const zip = openZip(bytes);
  const parts = new XmlParts(zip);
  const mainPart = mainDocumentPart(zip, parts);
  parts.vetAll(); // before mammoth/jszip touch anything
  const document = parts.get(mainPart)!;
  const body = child(document, 'w:body');
  if (!body) throw new InputError(`corrupt .docx (no w:body in ${mainPart})`);

  const messages: IngestMessage[] = [];
  const warn = (message: string) => messages.push({ severity: 'warning', message });
  const related = relatedParts(parts, mainPart);
  const styles = readStyles(related.styles ? parts.get(related.styles) : null);
  const read = (view: Revision) => {
    const numbering = new Numbering(related.numbering ? parts.get(related.numbering) : null, warn);
    numbering.resolveStyleLink = (styleId) => styles.numberingOf(styleId)?.numId;
    return readDocument(body, {
      revision: view,
      styles,
      numbering,
      convert: (text, font) => (font === undefined ? text : convertLegacyRun(text, font)),
      encodingOf: (font) => (font === undefined ? 'unicode' : (legacyEncodingOf(font) ?? 'unicode')),
      warn,
    });
  };

  const result = read(revision);
  const text = linesOf(result.blocks).join('\n');

  // Cross-check with mammoth, which always shows the accepted text.
  const check = options.mammothCheck ?? 'auto';
  if (check === 'always' || (check === 'auto' && result.unfamiliar.size > 0)) {
    if (check === 'auto') {
      const names = [...result.unfamiliar].slice(0, 5).join(', ');
      messages.push({ severity: 'info', message: `mammoth read the file too: vanban's reader passed over elements it does not know (${names})` });
    }
    const accepted = revision === 'accepted' ? result : read('accepted');
    const mammothRead = await mammothParagraphs(bytes);
    messages.push(...mammothRead.messages);
    const missing = missingParagraphs(mammothRead.paragraphs, storedParagraphs(accepted.blocks));
    if (missing.length > 0) {
      warn(`mammoth reads ${missing.length} paragraph(s) that vanban's reader does not, e.g. "${missing[0]!.slice(0, 80)}"`);
    }
  }

  if (result.hasRevisions) {
    messages.push({
      severity: 'info',
      message: `tracked changes: showing the ${revision === 'accepted' ? 'text with all changes accepted' : 'original text, before the changes'}`,
    });
  }
  if (related.comments && hasComments(parts.get(related.comments))) {
    messages.push({ severity: 'info', message: 'comments are not part of the text and were left out' });
  }
  const encoding = encodingName(result.encodings);
  if (encoding !== 'unicode') {
    messages.push({ severity: 'info', message: `legacy-font runs converted to Unicode (${encoding})` });
  }
  const unique = messages.filter((m, k) => messages.findIndex((o) => o.message === m.message) === k);
  return { text, format: 'docx', encoding, messages: unique };
}

/** "unicode", "tcvn3", "vni", or "mixed:unicode+tcvn3" and the like. */
function encodingName(encodings: Set<string>): string {
  const order = ['unicode', 'tcvn3', 'vni'];
  const found = order.filter((e) => encodings.has(e));
  if (found.length === 0) return 'unicode';
  return found.length === 1 ? found[0]! : `mixed:${found.join('+')}`;
}

/** Parsed XML parts, each inflated and parsed at most once. */
class XmlParts {
  private readonly cache = new Map<string, XmlElement>();
  constructor(private readonly zip: ZipArchive) {}

  has(name: string): boolean {
    return this.zip.has(name);
  }

  get(name: string): XmlElement | null {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const entry = this.zip.entry(name);
    const size = entry?.uncompressedSize ?? 0;
    if (size > MAX_XML_PART) throw new InputError(`${name} is too large (${formatSize(size)}; the limit is ${formatSize(MAX_XML_PART)})`);
    // Word's XML deflates about 5–20 to 1; megabytes of it at hundreds to 1 is filler.
    if (entry && size > 8 * 1024 * 1024 && size > 200 * entry.compressedSize) {
      throw new InputError(`zip bomb: ${name} deflates ${Math.round(size / Math.max(1, entry.compressedSize))} to 1`);
    }
    const data = this.zip.read(name);
    if (!data) return null;
    const root = parseXml(decodeXml(data), name);
    this.cache.set(name, root);
    return root;
  }

  /**
   * Inflates every part under the zip guard's caps and parses every XML part before mammoth's
   * jszip — which has no limits — touches the file: no part mammoth may read (styles, notes, an
   * embedded style map, images) can then be a zip, entity or nesting bomb.
   */
  vetAll(): void {
    for (const entry of this.zip.entries) {
      if (entry.name.endsWith('/')) continue;
      if (/\.(xml|rels)$/i.test(entry.name)) this.get(entry.name);
      else this.zip.read(entry.name);
    }
  }
}

function decodeXml(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data);
}

function mainDocumentPart(zip: ZipArchive, parts: XmlParts): string {
  const rels = parts.get('_rels/.rels');
  const target = rels && relationships(rels).find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target;
  const main = target ? resolvePath('', target) : 'word/document.xml';
  if (zip.has(main)) return main;
  if (zip.has('content.xml') && zip.has('mimetype')) throw new InputError('not a .docx (an OpenDocument file)');
  if (zip.has('xl/workbook.xml')) throw new InputError('not a .docx (an Excel workbook)');
  if (zip.has('ppt/presentation.xml')) throw new InputError('not a .docx (a PowerPoint presentation)');
  throw new InputError(`missing ${main}`);
}

function relatedParts(parts: XmlParts, mainPart: string): { styles?: string; numbering?: string; comments?: string } {
  const slash = mainPart.lastIndexOf('/');
  const dir = slash === -1 ? '' : mainPart.slice(0, slash);
  const relsName = `${dir ? `${dir}/` : ''}_rels/${mainPart.slice(slash + 1)}.rels`;
  const found: Record<string, string> = {};
  const rels = parts.has(relsName) ? parts.get(relsName) : null;
  for (const r of rels ? relationships(rels) : []) {
    const kind = /\/(styles|numbering|comments)$/.exec(r.type)?.[1];
    if (kind && !r.external) found[kind] = resolvePath(dir, r.target);
  }
  const fallback = (kind: string) => `${dir ? `${dir}/` : ''}${kind}.xml`;
  const pick = (kind: string) => {
    const name = found[kind] ?? fallback(kind);
    return parts.has(name) ? name : undefined;
  };
  const styles = pick('styles');
  const numbering = pick('numbering');
  const comments = pick('comments');
  return {
    ...(styles ? { styles } : {}),
    ...(numbering ? { numbering } : {}),
    ...(comments ? { comments } : {}),
  };
}

function relationships(rels: XmlElement): Array<{ type: string; target: string; external: boolean }> {
  return childrenNamed(rels, 'Relationship').map((r) => ({
    type: r.attrs['Type'] ?? '',
    target: r.attrs['Target'] ?? '',
    external: r.attrs['TargetMode'] === 'External',
  }));
}

/** A relationship target relative to `dir` ("word"), as a zip entry name. */
function resolvePath(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir ? `${dir}/${target}` : target;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function hasComments(root: XmlElement | null): boolean {
  return !!root && elements(root).some((c) => c.name === 'w:comment');
}
