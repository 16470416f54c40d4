// Hostile .docx files built in memory: a zip writer (deflate) that can lie about sizes and
// checksums, a minimal WordprocessingML package around a body, and the inputs issue 12's review
// measured. test/ingest and test/robustness build their documents with it; run it directly to
// measure each input in a fresh process (npm run build first):
//   node scripts/bench/hostile-docx.mjs [name-substring]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const NS = `xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data) {
  let c = 0xffffffff;
  for (let k = 0; k < data.length; k++) c = CRC_TABLE[(c ^ data[k]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip written by hand (deflate), so that tests can also break it in precise ways. */
export function zip(entries) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const deflated = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? data.length;
    const crc = entry.crc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(deflated.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, deflated);
    offset += 30 + name.length + deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

const PART_ROOTS = {
  styles: ['word/styles.xml', 'styles', 'w:styles'],
  numbering: ['word/numbering.xml', 'numbering', 'w:numbering'],
  comments: ['word/comments.xml', 'comments', 'w:comments'],
  footnotes: ['word/footnotes.xml', 'footnotes', 'w:footnotes'],
};

/**
 * A .docx around `parts.body` (the inside of w:body) and, when given, the insides of styles,
 * numbering, comments and footnotes; `media` adds image parts (name under word/media/ → bytes)
 * with a relationship rIdImg0, rIdImg1 …; `override` replaces fields of any entry by name.
 */
export function docx(parts, override = {}) {
  const media = Object.entries(parts.media ?? {});
  const rels = [
    ...Object.entries(PART_ROOTS)
      .filter(([kind]) => parts[kind] !== undefined)
      .map(([kind, [name]]) => `<Relationship Id="rId${kind}" Type="${REL}/${kind}" Target="${name.slice(5)}"/>`),
    ...media.map(([name], k) => `<Relationship Id="rIdImg${k}" Type="${REL}/image" Target="media/${name}"/>`),
  ];
  const entries = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${parts.body}</w:body></w:document>` },
  ];
  for (const [kind, [name, , root]] of Object.entries(PART_ROOTS)) {
    if (parts[kind] !== undefined) entries.push({ name, data: `<?xml version="1.0"?><${root} ${NS}>${parts[kind]}</${root}>` });
  }
  for (const [name, data] of media) entries.push({ name: `word/media/${name}`, data });
  return zip(entries.map((e) => ({ ...e, ...override[e.name] })));
}

export const t = (text) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
export const p = (text, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${t(text)}</w:p>`;
export const num = (numId, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
/** A picture as Word anchors it in a run, the way mammoth looks for it. */
export const picture = (relId) =>
  `<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="${relId}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
export const lvl = (ilvl, format, text, extra = '', start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

const numbered = (level, paragraphs) => ({
  body: Array.from({ length: paragraphs }, (_, k) => p(`Mục ${k + 1}`, num(1))).join(''),
  numbering: `<w:abstractNum w:abstractNumId="0">${level}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
});

const nestedTables = (depth) => {
  let inner = p('Ô trong cùng');
  for (let k = 0; k < depth; k++) inner = `<w:tbl><w:tr><w:tc>${p(`Bảng ${depth - k}`)}${inner}${p('')}</w:tc></w:tr></w:tbl>`;
  return inner;
};

/** Name → the bytes of a hostile .docx (each small on disk unless its name says otherwise). */
export const hostileDocx = {
  'numbering label text of 7 MB, 2,000 paragraphs': () => docx(numbered(lvl(0, 'decimal', `%1${'.'.repeat(7_000_000)}`), 2_000)),
  'letter numbering from 200,000,000': () => docx(numbered(lvl(0, 'lowerLetter', '%1.', '', 200_000_000), 2_000)),
  'letter numbering from 10^14': () => docx(numbered(lvl(0, 'upperLetter', '%1.', '', 1e14), 10)),
  '300 nested tables': () => docx({ body: nestedTables(300) }),
  '16,000 distinct unknown elements': () =>
    docx({ body: `<w:p>${t('Một')}${Array.from({ length: 16_000 }, (_, k) => `<w:x${k.toString(36)}/>`).join('')}</w:p>` }),
  '8,000 distinct undefined paragraph styles': () =>
    docx({ body: `<w:p><w:odd/></w:p>${Array.from({ length: 8_000 }, (_, k) => p('x', `<w:pStyle w:val="s${k.toString(36)}"/>`)).join('')}` }),
  '16,000 distinct unknown symbols': () =>
    docx({ body: `<w:p><w:odd/>${Array.from({ length: 16_000 }, (_, k) => `<w:r><w:sym w:font="F${k}" w:char="F0FF"/></w:r>`).join('')}</w:p>` }),
  'one element with 3.3 million attributes': () =>
    docx({ body: `<w:p ${Array.from({ length: 3_300_000 }, (_, k) => `a${k.toString(36)}=""`).join(' ')}>${t('Một')}</w:p>` }),
  '190 MB image of zeros': () =>
    docx({
      body: `${p('Một')}<w:p>${picture('rIdImg0')}</w:p>`,
      media: { 'image1.png': new Uint8Array(190 * 1024 * 1024) },
    }),
  '330,000 paragraphs': () => docx({ body: Array.from({ length: 330_000 }, (_, k) => p(`Đoạn ${k}`)).join('') }),
  '200,000 runs in one paragraph': () => docx({ body: `<w:p>${Array.from({ length: 200_000 }, (_, k) => t(`r${k} `)).join('')}</w:p>` }),
  '50,000 comments': () =>
    docx({
      body: p('Một') + '<w:p><w:odd/></w:p>',
      comments: Array.from({ length: 50_000 }, (_, k) => `<w:comment w:id="${k}" w:author="A">${p(`Ý kiến ${k}`)}</w:comment>`).join(''),
    }),
  '50,000 footnotes': () =>
    docx({
      body: `<w:p><w:odd/>${Array.from({ length: 50_000 }, (_, k) => `<w:r><w:footnoteReference w:id="${k + 1}"/></w:r>`).join('')}</w:p>`,
      footnotes: Array.from({ length: 50_000 }, (_, k) => `<w:footnote w:id="${k + 1}">${p(`Chú thích ${k}`)}</w:footnote>`).join(''),
    }),
  '450 nested content controls': () => {
    let inner = p('Trong cùng');
    for (let k = 0; k < 450; k++) inner = `<w:sdt><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    return docx({ body: `<w:p><w:odd/></w:p>${inner}` });
  },
};

// Measure each input in a fresh process: outcome, wall time, peak memory.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv[2] ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'vanban-hostile-docx-'));
  const runOne = fileURLToPath(new URL('./run-one.mjs', import.meta.url));
  for (const [name, make] of Object.entries(hostileDocx)) {
    if (!name.includes(only)) continue;
    const path = join(dir, `${name.replace(/\W+/g, '-')}.docx`);
    const bytes = make();
    writeFileSync(path, bytes);
    // /usr/bin/time measures a crashed run too (an out-of-memory abort reports nothing itself).
    const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, runOne, path], { encoding: 'utf8', timeout: 300_000 });
    const [, seconds, kb] = /TIME (\S+) (\d+)/.exec(r.stderr) ?? [];
    let outcome;
    try {
      outcome = JSON.parse(r.stdout).outcome;
    } catch {
      outcome = `crash: ${(r.stderr.split('\n').find((l) => /error|heap|abort/i.test(l)) ?? r.signal ?? '').slice(0, 120)}`;
    }
    const size = `${(bytes.length / 1024).toFixed(0)} KB`;
    const figures = seconds === undefined ? 'killed after 300 s' : `${Number(seconds).toFixed(2)} s, ${(Number(kb) / 1024).toFixed(0)} MB`;
    console.log(`${name} (${size}): ${figures}\n    ${String(outcome).slice(0, 160)}`);
  }
}
