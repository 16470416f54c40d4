import { InputError } from '../../errors.js';

/**
 * A small XML reader for the parts of a .docx, safe by construction: no DTDs (so no entity
 * expansion), only the five predefined and numeric character references, a nesting limit, and
 * no recursion (a hostile file cannot overflow the stack). Namespace prefixes are rewritten to
 * the usual ones (w:, r:, mc: …) by URI, so files written with odd prefixes or in Strict OOXML
 * read the same.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const MAX_XML_DEPTH = 1000;
/**
 * About 1,500 pages of Word's XML (20 elements a paragraph) in all the parts of one file: their
 * trees take about 100 MB and a second to build; more is built to exhaust time and memory.
 */
export const MAX_XML_ELEMENTS = 500_000;
/** Word's widest element, the root with its namespace declarations, has about 40 attributes. */
export const MAX_XML_ATTRIBUTES = 256;

const PREFIX_BY_URI: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  // Package parts (.rels, [Content_Types].xml) are read by local name: no prefix.
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
  'http://schemas.openxmlformats.org/package/2006/content-types': '',
};

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Elements still allowed; one budget is shared by all the parts of a file. */
export interface XmlBudget {
  elements: number;
}

/**
 * The elements the reader builds, made by a constructor and their children's arrays by `new Array`,
 * not by literals: V8 watches how long a literal's objects live, and as a file's tree outlived
 * collections it changed its mind and threw the reader's optimised code away. Over a batch of 150
 * .docx the reader, the costliest compilation of the batch, was compiled 2-4 times; now mostly once.
 * The tree is the same (test/ingest/xml.property.test.ts): same fields, in the same order.
 */
class Element implements XmlElement {
  constructor(
    readonly name: string,
    readonly attrs: Record<string, string>,
    readonly children: XmlNode[],
  ) {}
}

// Leaves share these: most of Word's elements are empty property elements (<w:b/>, <w:jc …/>).
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/**
 * A namespace scope (prefix → URI) with its own memo of qualified names: element and attribute
 * names repeat endlessly in Word XML, so each raw name is qualified once per scope.
 */
class Scope {
  private readonly elementNames = new Map<string, string>();
  private readonly attributeNames = new Map<string, string>();
  constructor(readonly uris: Map<string, string>) {}

  element(raw: string): string {
    let name = this.elementNames.get(raw);
    if (name === undefined) this.elementNames.set(raw, (name = qualify(raw, this.uris, false)));
    return name;
  }

  attribute(raw: string): string {
    let name = this.attributeNames.get(raw);
    if (name === undefined) this.attributeNames.set(raw, (name = qualify(raw, this.uris, true)));
    return name;
  }
}

const GT = 0x3e; // >
const SLASH = 0x2f; // /
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const EQUALS = 0x3d; // =

export function parseXml(xml: string, part: string, budget: XmlBudget = { elements: MAX_XML_ELEMENTS }): XmlElement {
  const malformed = (why: string) => new InputError(`corrupt .docx (malformed XML in ${part}: ${why})`);
  const root: XmlElement = new Element('#document', {}, []);
  const stack: XmlElement[] = [root];
  // Parallel to `stack`: each open element's name as written, and its namespace scope.
  const rawNames: string[] = [''];
  const scopes: Scope[] = [new Scope(new Map())];
  // One start tag's attributes as written, reused from tag to tag.
  const keys: string[] = [];
  const values: string[] = [];
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = xml.length;

  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      if (stack.length > 1) stack[stack.length - 1]!.children.push(decodeText(xml.slice(i, textEnd), malformed));
      else if (xml.slice(i, textEnd).trim() !== '') throw malformed('text outside the root element');
    }
    if (lt === -1) break;
    i = lt;
    // What follows "<" tells the kind of markup: one test per tag instead of a string compare per kind.
    const next = xml.charCodeAt(i + 1);
    if (next === QUESTION) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) throw malformed('unterminated processing instruction');
      i = end + 2;
    } else if (next === BANG) {
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end === -1) throw malformed('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i + 9);
        if (end === -1) throw malformed('unterminated CDATA');
        if (stack.length > 1) stack[stack.length - 1]!.children.push(xml.slice(i + 9, end));
        i = end + 3;
      } else {
        // DOCTYPE, ENTITY, ELEMENT…: OOXML never needs them; they are how entity bombs get in.
        throw new InputError(`unsafe XML in ${part} (DOCTYPE/entity declarations are not allowed)`);
      }
    } else if (next === SLASH) {
      const end = xml.indexOf('>', i + 2);
      if (end === -1) throw malformed('unterminated end tag');
      let raw = xml.slice(i + 2, end);
      const open = stack.pop();
      const scope = scopes.pop();
      const openRaw = rawNames.pop();
      // A name as written has no spaces: one written as it was opened needs no trimming.
      if (raw !== openRaw) raw = raw.trim();
      if (!open || stack.length === 0 || !scope) throw malformed(`unexpected </${raw}>`);
      // Written as it was opened (nearly always): the same name in the same scope.
      if (raw !== openRaw && scope.element(raw) !== open.name) throw malformed(`</${raw}> closes <${open.name}>`);
      i = end + 1;
    } else {
      // A start tag: its name, then its attributes up to ">" or "/>".
      let at = i + 1;
      while (at < n && !isNameEnd(xml.charCodeAt(at))) at++;
      if (at === i + 1) throw malformed('bad start tag');
      const rawName = xml.slice(i + 1, at);
      let count = 0;
      let selfClosing = false;
      let declares = false;
      for (;;) {
        if (count > MAX_XML_ATTRIBUTES) {
          throw new InputError(`too many attributes on one XML element in ${part} (over ${MAX_XML_ATTRIBUTES})`);
        }
        while (at < n && isSpace(xml.charCodeAt(at))) at++;
        if (at >= n) throw malformed('unterminated start tag');
        const c = xml.charCodeAt(at);
        if (c === GT) {
          at++;
          break;
        }
        if (c === SLASH && xml.charCodeAt(at + 1) === GT) {
          at += 2;
          selfClosing = true;
          break;
        }
        const keyStart = at;
        while (at < n && !isNameEnd(xml.charCodeAt(at)) && xml.charCodeAt(at) !== EQUALS) at++;
        const key = xml.slice(keyStart, at);
        while (at < n && isSpace(xml.charCodeAt(at))) at++;
        if (key === '' || xml.charCodeAt(at) !== EQUALS) throw malformed('attribute without a value');
        at++;
        while (at < n && isSpace(xml.charCodeAt(at))) at++;
        const quote = xml[at];
        if (quote !== '"' && quote !== "'") throw malformed('unquoted attribute');
        const close = xml.indexOf(quote, at + 1);
        if (close === -1) throw malformed('unterminated attribute');
        const value = xml.slice(at + 1, close);
        if (value.includes('<')) throw malformed('"<" in an attribute');
        if (isNamespaceDeclaration(key)) declares = true;
        keys[count] = key;
        values[count] = value;
        count++;
        at = close + 1;
      }

      const parentScope = scopes[scopes.length - 1]!;
      let scope = parentScope;
      if (declares) {
        const uris = new Map(parentScope.uris);
        for (let k = 0; k < count; k++) {
          const key = keys[k]!;
          if (isNamespaceDeclaration(key)) uris.set(key === 'xmlns' ? '' : key.slice(6), values[k]!);
        }
        scope = new Scope(uris);
      }
      let attrs = NO_ATTRS;
      if (count > 0) {
        attrs = {};
        for (let k = 0; k < count; k++) {
          const key = keys[k]!;
          if (declares && isNamespaceDeclaration(key)) continue;
          attrs[scope.attribute(key)] = decodeText(values[k]!, malformed);
        }
      }
      if (--budget.elements < 0) {
        throw new InputError(`too many XML elements (over ${MAX_XML_ELEMENTS.toLocaleString('en')} in the file, reached in ${part})`);
      }
      const element: XmlElement = new Element(scope.element(rawName), attrs, selfClosing ? NO_CHILDREN : new Array<XmlNode>());
      if (stack.length === 1 && root.children.length > 0) throw malformed('more than one root element');
      stack[stack.length - 1]!.children.push(element);
      if (!selfClosing) {
        if (stack.length > MAX_XML_DEPTH) {
          throw new InputError(`XML nested too deeply in ${part} (over ${MAX_XML_DEPTH} levels)`);
        }
        stack.push(element);
        scopes.push(scope);
        rawNames.push(rawName);
      }
      i = at;
    }
  }
  if (stack.length !== 1) throw malformed(`<${stack[stack.length - 1]!.name}> is never closed`);
  const top = root.children[0];
  if (top === undefined || typeof top === 'string') throw malformed('no root element');
  return top;
}

function isNamespaceDeclaration(key: string): boolean {
  return key === 'xmlns' || key.startsWith('xmlns:');
}

/** Whitespace, "/", ">" end a name (and "<", '"', "'" make it malformed later). */
function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e || c === 0x3c || c === 0x22 || c === 0x27;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function qualify(raw: string, scope: Map<string, string>, isAttribute: boolean): string {
  const colon = raw.indexOf(':');
  const prefix = colon === -1 ? '' : raw.slice(0, colon);
  const local = colon === -1 ? raw : raw.slice(colon + 1);
  // Unprefixed attributes have no namespace.
  if (isAttribute && colon === -1) return raw;
  const uri = scope.get(prefix);
  const canonical = uri === undefined ? undefined : PREFIX_BY_URI[uri];
  const chosen = canonical ?? prefix;
  return chosen === '' ? local : `${chosen}:${local}`;
}

function decodeText(text: string, malformed: (why: string) => InputError): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{1,10});/g, (_, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw malformed(`bad character reference &${ref};`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw malformed(`undefined entity &${ref};`);
    return value;
  });
}

// ── Small helpers for walking the tree ────────────────────────────────────────

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const out: XmlElement[] = [];
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

export function elements(element: XmlElement | undefined): XmlElement[] {
  if (!element) return [];
  return element.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** `w:val` of a child element, e.g. val(pPr, 'w:pStyle'). */
export function val(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attrs['w:val'];
}

/** OOXML on/off properties: present means on unless w:val is false/0/off. */
export function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const v = element.attrs['w:val'];
  return v === undefined || !['false', '0', 'off'].includes(v);
}

export function textContent(element: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [element];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') out += node;
    else for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  return out;
}
