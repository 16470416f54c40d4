// The XML reader as it was before it was made faster (src/ingest/ooxml/xml.ts, December 2026),
// kept as the definition the property test in xml.property.test.ts holds the new one to.
import { InputError } from '../../src/errors.js';
import { MAX_XML_ATTRIBUTES, MAX_XML_DEPTH, MAX_XML_ELEMENTS, type XmlElement, type XmlNode } from '../../src/ingest/ooxml/xml.js';

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

// Leaves share these: most of Word's elements are empty property elements (<w:b/>, <w:jc …/>).
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];
export function previousParseXml(xml: string, part: string, budget: XmlBudget = { elements: MAX_XML_ELEMENTS }): XmlElement {
  const malformed = (why: string) => new InputError(`corrupt .docx (malformed XML in ${part}: ${why})`);
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  // Parallel to `stack`: each open element's name as written, and its namespace scope (prefix → URI).
  const rawNames: string[] = [''];
  const scopes: Array<Map<string, string>> = [new Map()];
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
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) throw malformed('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) throw malformed('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end === -1) throw malformed('unterminated CDATA');
      if (stack.length > 1) stack[stack.length - 1]!.children.push(xml.slice(i + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      // DOCTYPE, ENTITY, ELEMENT…: OOXML never needs them; they are how entity bombs get in.
      throw new InputError(`unsafe XML in ${part} (DOCTYPE/entity declarations are not allowed)`);
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i + 2);
      if (end === -1) throw malformed('unterminated end tag');
      const raw = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      const scope = scopes.pop();
      const openRaw = rawNames.pop();
      if (!open || stack.length === 0 || !scope) throw malformed(`unexpected </${raw}>`);
      // Written as it was opened (nearly always): the same name in the same scope.
      if (raw !== openRaw && qualifiedIn(scope).elements(raw) !== open.name) throw malformed(`</${raw}> closes <${open.name}>`);
      i = end + 1;
    } else {
      const { end, rawName, rawAttrs, selfClosing } = scanTag(xml, i, malformed, part);
      const parentScope = scopes[scopes.length - 1]!;
      let scope = parentScope;
      for (const [key, value] of rawAttrs) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          if (scope === parentScope) scope = new Map(parentScope);
          scope.set(key === 'xmlns' ? '' : key.slice(6), value);
        }
      }
      const names = qualifiedIn(scope);
      const attrs: Record<string, string> = rawAttrs.length === 0 ? NO_ATTRS : {};
      for (const [key, value] of rawAttrs) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
        attrs[names.attributes(key)] = decodeText(value, malformed);
      }
      if (--budget.elements < 0) {
        throw new InputError(`too many XML elements (over ${MAX_XML_ELEMENTS.toLocaleString('en')} in the file, reached in ${part})`);
      }
      const element: XmlElement = { name: names.elements(rawName), attrs, children: selfClosing ? NO_CHILDREN : [] };
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
      i = end;
    }
  }
  if (stack.length !== 1) throw malformed(`<${stack[stack.length - 1]!.name}> is never closed`);
  const top = root.children[0];
  if (top === undefined || typeof top === 'string') throw malformed('no root element');
  return top;
}

function scanTag(
  xml: string,
  start: number,
  malformed: (why: string) => InputError,
  part: string,
): { end: number; rawName: string; rawAttrs: Array<[string, string]>; selfClosing: boolean } {
  const n = xml.length;
  let i = start + 1;
  while (i < n && !isNameEnd(xml.charCodeAt(i))) i++;
  if (i === start + 1) throw malformed('bad start tag');
  const rawName = xml.slice(start + 1, i);
  const rawAttrs: Array<[string, string]> = [];
  for (;;) {
    if (rawAttrs.length > MAX_XML_ATTRIBUTES) {
      throw new InputError(`too many attributes on one XML element in ${part} (over ${MAX_XML_ATTRIBUTES})`);
    }
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (i >= n) throw malformed('unterminated start tag');
    const c = xml.charCodeAt(i);
    if (c === 0x3e /* > */) return { end: i + 1, rawName, rawAttrs, selfClosing: false };
    if (c === 0x2f /* / */ && xml.charCodeAt(i + 1) === 0x3e) return { end: i + 2, rawName, rawAttrs, selfClosing: true };
    const keyStart = i;
    while (i < n && !isNameEnd(xml.charCodeAt(i)) && xml.charCodeAt(i) !== 0x3d /* = */) i++;
    const key = xml.slice(keyStart, i);
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (key === '' || xml.charCodeAt(i) !== 0x3d) throw malformed('attribute without a value');
    i++;
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") throw malformed('unquoted attribute');
    const close = xml.indexOf(quote, i + 1);
    if (close === -1) throw malformed('unterminated attribute');
    const value = xml.slice(i + 1, close);
    if (value.includes('<')) throw malformed('"<" in an attribute');
    rawAttrs.push([key, value]);
    i = close + 1;
  }
}

/** Whitespace, "/", ">" end a name (and "<", '"', "'" make it malformed later). */
function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e || c === 0x3c || c === 0x22 || c === 0x27;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

interface QualifiedNames {
  elements: (raw: string) => string;
  attributes: (raw: string) => string;
}

const qualified = new WeakMap<Map<string, string>, QualifiedNames>();

/** `qualify` memoised per namespace scope: element and attribute names repeat endlessly in Word XML. */
function qualifiedIn(scope: Map<string, string>): QualifiedNames {
  let names = qualified.get(scope);
  if (!names) qualified.set(scope, (names = { elements: memoised(scope, false), attributes: memoised(scope, true) }));
  return names;
}

function memoised(scope: Map<string, string>, isAttribute: boolean): (raw: string) => string {
  const cache = new Map<string, string>();
  return (raw) => {
    let name = cache.get(raw);
    if (name === undefined) cache.set(raw, (name = qualify(raw, scope, isAttribute)));
    return name;
  };
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
