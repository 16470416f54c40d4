import { legacyFontRuns } from '../normalize/legacy.js';
import { encodingName } from '../normalize/legacy-text.js';
import { InputError } from '../errors.js';
import { linesOf, readDocument, storedParagraphs, type Revision } from './ooxml/document.js';
import { mammothParagraphs, mammothRefusal, missingParagraphs } from './ooxml/mammoth-check.js';
import { Numbering } from './ooxml/numbering.js';
import { readStyles } from './ooxml/styles.js';
import { child, childrenNamed, elements, MAX_XML_ELEMENTS, parseXml, type XmlBudget, type XmlElement } from './ooxml/xml.js';
import { takeMarks } from './marks.js';
import { Warnings } from './warnings.js';
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
  const related = relatedParts(parts, mainPart);
  const document = parts.get(mainPart)!;
  const body = child(document, 'w:body');
  if (!body) throw new InputError(`corrupt .docx (no w:body in ${mainPart})`);

  const reading = new Warnings(); // the reader's and numbering's, from one or two readings
  const styles = readStyles(related.styles ? parts.get(related.styles) : null);
  const read = (view: Revision) => {
    const numbering = new Numbering(related.numbering ? parts.get(related.numbering) : null, reading.add);
    numbering.resolveStyleLink = (styleId) => styles.numberingOf(styleId)?.numId;
    return readDocument(body, {
      revision: view,
      styles,
      numbering,
      ...legacyFontRuns,
      warn: reading.add,
    });
  };

  const result = read(revision);
  const { text, at } = takeMarks(linesOf(result.blocks).join('\n'));
  const messages: IngestMessage[] = [];
  const warn = (message: string, messageVi: string) => messages.push({ severity: 'warning', message, messageVi });

  // Cross-check with mammoth, which always shows the accepted text.
  const check = options.mammothCheck ?? 'auto';
  const unknown = [...result.unfamiliar].slice(0, 5).join(', ');
  if (check === 'always' || (check === 'auto' && result.unfamiliar.size > 0)) {
    // Every part mammoth's jszip may inflate is vetted before it does; parts only mammoth reads
    // (settings, theme, fonts …) are not parsed at all when it does not run.
    parts.vetAll([mainPart, ...Object.values(related)]);
    const contentParts = [mainPart, related.footnotes, related.endnotes, related.comments];
    const refusal = mammothRefusal(
      parts.elementsIn([...contentParts, related.styles, related.numbering]),
      contentParts.flatMap((name) => (name ? [parts.get(name)!] : [])),
    );
    if (refusal) {
      const why = check === 'auto' ? `vanban's reader passed over elements it does not know (${unknown}) and ` : '';
      const whyVi = check === 'auto' ? `bộ đọc của vanban bỏ qua những phần tử nó không biết (${unknown}) và ` : '';
      warn(`${why}mammoth did not cross-check the file: ${refusal.en}`, `${whyVi}mammoth không đối chiếu được tệp: ${refusal.vi}`);
    } else {
      if (check === 'auto') {
        messages.push({
          severity: 'info',
          message: `mammoth read the file too: vanban's reader passed over elements it does not know (${unknown})`,
          messageVi: `mammoth cũng đọc tệp để đối chiếu: bộ đọc của vanban bỏ qua những phần tử nó không biết (${unknown})`,
        });
      }
      const accepted = revision === 'accepted' ? result : read('accepted');
      const mammothRead = await mammothParagraphs(bytes);
      const theirs = new Warnings();
      for (const m of mammothRead.messages) theirs.add(m.message, m.messageVi);
      messages.push(...theirs.all());
      const missing = missingParagraphs(mammothRead.paragraphs, storedParagraphs(accepted.blocks));
      if (missing.length > 0) {
        const example = missing[0]!.slice(0, 80);
        warn(
          `mammoth reads ${missing.length} paragraph(s) that vanban's reader does not, e.g. "${example}"`,
          `mammoth đọc được ${missing.length} đoạn mà bộ đọc của vanban không đọc được, ví dụ "${example}"`,
        );
      }
    }
  }

  if (result.hasRevisions) {
    messages.push({
      severity: 'info',
      message: `tracked changes: showing the ${revision === 'accepted' ? 'text with all changes accepted' : 'original text, before the changes'}`,
      messageVi: `tệp có theo dõi thay đổi: đang hiển thị ${revision === 'accepted' ? 'văn bản đã chấp nhận mọi thay đổi' : 'văn bản gốc, trước khi thay đổi'}`,
    });
  }
  if (related.comments && hasComments(parts.get(related.comments))) {
    messages.push({
      severity: 'info',
      message: 'comments are not part of the text and were left out',
      messageVi: 'các ghi chú (comment) không thuộc nội dung văn bản và đã được bỏ qua',
    });
  }
  const encoding = encodingName(result.encodings);
  if (encoding !== 'unicode') {
    messages.push({
      severity: 'info',
      message: `legacy-font runs converted to Unicode (${encoding})`,
      messageVi: `chữ gõ bằng phông cũ đã được chuyển sang Unicode (${encoding})`,
    });
  }
  const all = [...reading.all(at), ...messages];
  const seen = new Set<string>();
  return { text, format: 'docx', encoding, messages: all.filter((m) => !seen.has(m.message) && !!seen.add(m.message)) };
}


/** Relationships whose target mammoth reads as XML, whatever the target is called. */
const XML_RELATIONSHIP = /\/(?:officeDocument|styles|numbering|footnotes|endnotes|comments)$/;

/** XML parts, inflated and parsed under one element budget for the whole file. */
class XmlParts {
  private readonly cache = new Map<string, XmlElement>();
  private readonly budget: XmlBudget = { elements: MAX_XML_ELEMENTS };
  private readonly counts = new Map<string, number>();
  constructor(private readonly zip: ZipArchive) {}

  has(name: string): boolean {
    return this.zip.has(name);
  }

  /** A part's tree, parsed once and kept. */
  get(name: string): XmlElement | null {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const root = this.parse(name);
    if (root) this.cache.set(name, root);
    return root;
  }

  private parse(name: string): XmlElement | null {
    const entry = this.zip.entry(name);
    const size = entry?.uncompressedSize ?? 0;
    if (size > MAX_XML_PART) throw new InputError(`${name} is too large (${formatSize(size)}; the limit is ${formatSize(MAX_XML_PART)})`);
    // Word's XML deflates about 5–20 to 1; megabytes of it at hundreds to 1 is filler.
    if (entry && size > 8 * 1024 * 1024 && size > 200 * entry.compressedSize) {
      throw new InputError(`zip bomb: ${name} deflates ${Math.round(size / Math.max(1, entry.compressedSize))} to 1`);
    }
    const data = this.zip.read(name);
    if (!data) return null;
    const before = this.budget.elements;
    const root = parseXml(decodeXml(data), name, this.budget);
    this.counts.set(name, before - this.budget.elements);
    return root;
  }

  /** How many elements the named parts have (each was parsed by vetAll). */
  elementsIn(names: Array<string | undefined>): number {
    return names.reduce((sum, name) => sum + (name ? (this.counts.get(name) ?? 0) : 0), 0);
  }

  /**
   * Inflates and parses, under the zip guard's caps and the element budget, every part that
   * mammoth's jszip — which has no limits — may read: the XML parts and whatever a styles,
   * numbering, notes or comments relationship points at. Only `keep` stays in memory. Images and
   * other binary parts are never inflated, by vanban or by mammoth's raw-text reading.
   */
  vetAll(keep: string[]): void {
    const names = new Set(this.zip.entries.map((e) => e.name).filter((name) => /\.(?:xml|rels)$/i.test(name)));
    for (const name of names) {
      if (!/\.rels$/i.test(name)) continue;
      const source = name.replace(/(?:^|\/)_rels\/[^/]*$/, '');
      for (const r of relationships(this.get(name)!)) {
        if (r.external || !XML_RELATIONSHIP.test(r.type)) continue;
        for (const target of [resolvePath(source, r.target), mammothPath(source, r.target)]) if (this.zip.has(target)) names.add(target);
      }
    }
    for (const name of names) if (!this.cache.has(name)) keep.includes(name) ? this.get(name) : this.parse(name);
  }
}

/** A relationship target as mammoth names it: joined as written, no "." or ".." resolved. */
function mammothPath(dir: string, target: string): string {
  return (target.startsWith('/') ? target : dir ? `${dir}/${target}` : target).replace(/^\/+/, '');
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

type RelatedKind = 'styles' | 'numbering' | 'comments' | 'footnotes' | 'endnotes';

function relatedParts(parts: XmlParts, mainPart: string): Partial<Record<RelatedKind, string>> {
  const slash = mainPart.lastIndexOf('/');
  const dir = slash === -1 ? '' : mainPart.slice(0, slash);
  const relsName = `${dir ? `${dir}/` : ''}_rels/${mainPart.slice(slash + 1)}.rels`;
  const found: Record<string, string> = {};
  const rels = parts.has(relsName) ? parts.get(relsName) : null;
  for (const r of rels ? relationships(rels) : []) {
    const kind = /\/(styles|numbering|comments|footnotes|endnotes)$/.exec(r.type)?.[1];
    if (kind && !r.external) found[kind] = resolvePath(dir, r.target);
  }
  const related: Partial<Record<RelatedKind, string>> = {};
  for (const kind of ['styles', 'numbering', 'comments', 'footnotes', 'endnotes'] as const) {
    const name = found[kind] ?? `${dir ? `${dir}/` : ''}${kind}.xml`;
    if (parts.has(name)) related[kind] = name;
  }
  return related;
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
