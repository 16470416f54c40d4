import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openZip } from '../../src/ingest/zip-guard.js';
import { parseXml } from '../../src/ingest/ooxml/xml.js';
import { previousParseXml } from './xml-previous.js';

// The XML reader was rewritten for speed (one test per tag instead of a string compare per kind
// of markup, attributes gathered without an object per tag, a memo per namespace scope). It must
// read every input exactly as the reader it replaced: the same tree, or the same error.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The tree as JSON, or the error's message: what a caller of either reader can see. */
function outcome(read: (xml: string, part: string, budget?: { elements: number }) => unknown, xml: string, budget?: number): string {
  try {
    return JSON.stringify(read(xml, 'word/document.xml', budget === undefined ? undefined : { elements: budget }));
  } catch (error) {
    return `throws ${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

const name = fc.constantFrom('w:p', 'w:r', 'w:t', 'x:p', 'p', 'w:tbl', 'a:b', 'w:rPr', 'xmlns', 'w:', ':x');
const attributeName = fc.constantFrom('w:val', 'val', 'r:id', 'xmlns', 'xmlns:w', 'xmlns:x', 'xmlns:', 'x:val', 'xmlnsx', 'xml:space');
const value = fc.constantFrom('1', W, R, 'urn:other', '', 'a&amp;b', '&#x41;', '&#99999999;', '&bogus;', 'a<b', "it's", 'Hội nghị');
const space = fc.constantFrom('', ' ', '  ', '\n', '\t');
const text = fc.constantFrom('Hội nghị', ' ', '\n', 'a &lt; b', '&#272;', '&nope;', 'x & y', 'plain');

/** XML-like text from well-formed and broken pieces, so that both readers meet every path. */
const piece: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(name, fc.array(fc.tuple(space, attributeName, space, fc.constantFrom('"', "'"), value), { maxLength: 3 }), space, fc.constantFrom('>', '/>', ' />', '', '/'))
    .map(([n, attrs, s, end]) => `<${n}${attrs.map(([sp, k, sp2, q, v]) => ` ${sp}${k}${sp2}=${q}${v}${q}`).join('')}${s}${end}`),
  fc.tuple(space, name, space).map(([a, n, b]) => `</${a}${n}${b}>`),
  text,
  fc.constantFrom('<?xml version="1.0"?>', '<!-- a comment -->', '<![CDATA[<raw> & text]]>', '<!DOCTYPE x>', '<!-- open', '<?open', '<![CDATA[open', '<', '</', '< w:p>', '<w:p a=1>', '<w:p a>', '<w:p a="x', '\ufeff'),
);

const document = fc
  .tuple(fc.constantFrom('', '\ufeff', '<?xml version="1.0"?>\r\n'), fc.constantFrom(`xmlns:w="${W}"`, `xmlns:x="${W}" xmlns:w="urn:other"`, 'xmlns="urn:x"', ''), fc.array(piece, { maxLength: 25 }), fc.boolean())
  .map(([head, ns, pieces, close]) => `${head}<w:document ${ns}>${pieces.join('')}${close ? '</w:document>' : ''}`);

describe('the XML reader reads as the reader it replaced', () => {
  it('the same tree or the same error, for well-formed and broken XML alike', () => {
    fc.assert(
      fc.property(document, fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), (xml, budget) => {
        expect(outcome(parseXml, xml, budget)).toBe(outcome(previousParseXml, xml, budget));
      }),
      { numRuns: 3000 },
    );
  });

  it('the same tree for every XML part of the .docx fixtures', () => {
    for (const file of ['plain', 'auto-numbered', 'tcvn3', 'vni', 'tracked-changes']) {
      const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/docx/${file}.docx`, import.meta.url)));
      const zip = openZip(bytes);
      for (const entry of zip.entries.filter((e) => /\.(xml|rels)$/.test(e.name))) {
        const xml = new TextDecoder().decode(zip.read(entry.name)!);
        expect(outcome(parseXml, xml), `${file} ${entry.name}`).toBe(outcome(previousParseXml, xml));
      }
    }
  });

  it('the same limits: attributes per element, depth', () => {
    const attributes = (n: number) => `<w:document xmlns:w="${W}"><w:p ${Array.from({ length: n }, (_, k) => `w:a${k}="1"`).join(' ')}/></w:document>`;
    for (const n of [256, 257, 258]) expect(outcome(parseXml, attributes(n))).toBe(outcome(previousParseXml, attributes(n)));
    const deep = (n: number) => `<w:document xmlns:w="${W}">${'<w:p>'.repeat(n)}${'</w:p>'.repeat(n)}</w:document>`;
    for (const n of [999, 1000, 1001]) expect(outcome(parseXml, deep(n))).toBe(outcome(previousParseXml, deep(n)));
  });
});
