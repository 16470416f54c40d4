#!/usr/bin/env node
/**
 * Generates the Word fixtures of the seed programme (fixtures/docx/) and the broken files
 * (fixtures/broken/). Run: node scripts/make-docx-fixtures.mjs
 *
 * Good files are built with the `docx` package (a third-party writer, so vanban's reader is tested
 * against numbering and revision markup it did not write itself), then re-zipped with fixed dates
 * so that regenerating gives identical bytes. The .doc files (seed, tcvn3, vni) are converted
 * from the .docx by LibreOffice (soffice) and kept as they are when soffice is missing. The legacy-font encoders here are written from the tables in
 * DOMAIN.md §12.3, independently of src/normalize/legacy.ts, which the tests check them against.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOOD = join(ROOT, 'fixtures/docx');
const BROKEN = join(ROOT, 'fixtures/broken');
const SEED = readFileSync(join(ROOT, 'fixtures/seed/programme-2024-hau-giang-draft.txt'), 'utf8');
const FIXED_DATE = new Date('2024-01-15T08:00:00Z');
const REVISION = { author: 'Văn phòng Tỉnh ủy', date: '2024-01-15T08:00:00Z' };

// ── The seed, split into the parts of the page ───────────────────────────────

function splitSeed(text) {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const at = (test, from = 0) => {
    const k = lines.findIndex((l, i) => i >= from && test(l));
    if (k < 0) throw new Error('seed layout changed');
    return k;
  };
  const draftMark = at((l) => l.trim() === 'Dự thảo');
  const dateLine = at((l) => l.startsWith('Hậu Giang, ngày'));
  const recipients = at((l) => l.includes('Nơi nhận:'));
  const signature = at((l) => l.includes('T/M TỈNH ỦY'), recipients);
  return {
    headerLeft: lines.slice(0, draftMark + 1),
    headerRight: lines.slice(draftMark + 1, dateLine + 1),
    body: lines.slice(dateLine + 1, recipients),
    footerLeft: lines.slice(recipients, signature),
    footerRight: lines.slice(signature),
  };
}

const PAGE = splitSeed(SEED);
const nonBlank = (lines) => lines.filter((l) => l.trim() !== '');

// ── Legacy encoders (DOMAIN.md §12.3) ────────────────────────────────────────
// Written out here on purpose rather than imported from src/normalize/legacy-encode.ts (which
// derives its encoders from the decoders): fixtures made with the code under test could not
// catch a wrong entry in its table.

const VOWELS = [
  ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
  ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
  ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
  ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
  ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
  ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
  ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
  ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
  ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
  ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
  ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
  ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
];
// TCVN3: [plain lower, plain upper, huyền, hỏi, ngã, sắc, nặng]; null = ASCII.
const TCVN3 = [
  [null, null, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  [0xa8, 0xa1, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  [0xa9, 0xa2, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  [null, null, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  [0xaa, 0xa3, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  [null, null, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  [null, null, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  [0xab, 0xa4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  [0xac, 0xa5, 0xea, 0xeb, 0xec, 0xed, 0xee],
  [null, null, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  [0xad, 0xa6, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  [null, null, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
];
const VNI = [
  ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
];

const TCVN3_OF = new Map([['đ', '\u00ae'], ['Đ', '\u00a7']]);
const TCVN3_NO_CAPITAL = new Set(); // capitals of toned vowels: TCVN3 has no code
const VNI_OF = new Map([['đ', 'ñ'], ['Đ', 'Ñ']]);
VOWELS.forEach((row, r) => {
  row.forEach((vowel, tone) => {
    const codes = TCVN3[r];
    if (tone === 0) {
      if (codes[0] !== null) TCVN3_OF.set(vowel, String.fromCharCode(codes[0]));
      if (codes[1] !== null) TCVN3_OF.set(vowel.toUpperCase(), String.fromCharCode(codes[1]));
    } else {
      TCVN3_OF.set(vowel, String.fromCharCode(codes[tone + 1]));
      TCVN3_NO_CAPITAL.add(vowel.toUpperCase());
    }
    VNI_OF.set(vowel, VNI[r][tone]);
    VNI_OF.set(vowel.toUpperCase(), VNI[r][tone].toUpperCase());
  });
});

const encodeTcvn3 = (text) => [...text.normalize('NFC')].map((c) => TCVN3_OF.get(c) ?? c).join('');
const encodeVni = (text) => [...text.normalize('NFC')].map((c) => VNI_OF.get(c) ?? c).join('');
const isCapsLine = (text) => /\p{L}/u.test(text) && text === text.toUpperCase();

/**
 * A line typed with TCVN3 fonts: capital lines in .VnTimeH (the lowercase codes, drawn as
 * capitals); in other lines a capital toned vowel, which TCVN3 cannot store, switches to
 * .VnTimeH for that one letter, as typists do. Body runs name no font: .VnTime is the default.
 */
function tcvn3Runs(text) {
  if (isCapsLine(text)) return [new TextRun(encodeTcvn3(text.toLowerCase()))]; // paragraph style VnCaps
  const runs = [];
  let plain = '';
  for (const c of text.normalize('NFC')) {
    if (TCVN3_NO_CAPITAL.has(c)) {
      if (plain) runs.push(new TextRun(encodeTcvn3(plain))), (plain = '');
      runs.push(new TextRun({ text: encodeTcvn3(c.toLowerCase()), font: '.VnTimeH' }));
    } else plain += c;
  }
  if (plain) runs.push(new TextRun(encodeTcvn3(plain)));
  return runs;
}

// ── Building blocks ──────────────────────────────────────────────────────────

const NO_BORDERS = TableBorders.NONE;

function cell(paragraphs) {
  return new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: paragraphs.length ? paragraphs : [new Paragraph('')] });
}

/** A borderless two-column table, one row per entry of `rows` ([left paragraphs, right paragraphs]). */
function layoutTable(rows) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map(([left, right]) => new TableRow({ children: [cell(left), cell(right)] })),
  });
}

/** Header and footer as one-row tables: each cell holds its lines as paragraphs. */
function pageTables(paragraphOf) {
  const header = layoutTable([[PAGE.headerLeft.map(paragraphOf), PAGE.headerRight.map(paragraphOf)]]);
  const footer = layoutTable([[PAGE.footerLeft.map(paragraphOf), PAGE.footerRight.map(paragraphOf)]]);
  return { header, footer };
}

const unicodeParagraph = (line) => new Paragraph({ children: [new TextRun(line)] });

function documentOf({ children, numbering, styles, comments }) {
  return new Document({
    creator: 'vanban fixtures',
    lastModifiedBy: 'vanban fixtures',
    title: 'Chương trình làm việc năm 2024 (dự thảo)',
    ...(numbering ? { numbering } : {}),
    ...(comments ? { comments } : {}),
    styles: styles ?? { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [{ children }],
  });
}

// ── Good fixtures ────────────────────────────────────────────────────────────

/** The seed as typed: literal numbers, header/footer tables of one row. Source of seed.doc. */
function plainDocument() {
  const { header, footer } = pageTables(unicodeParagraph);
  return documentOf({ children: [header, ...PAGE.body.map(unicodeParagraph), footer] });
}

/**
 * Word numbering instead of typed numbers: sections "%1." upperRoman, conferences "%1.",
 * items "(%1)" restarting at each conference (a new w:num with a start override), and the
 * numbered points of section III as a restarted conference list. The header is a four-row
 * table, so reading it row by row would interleave the two columns.
 */
function autoNumberedDocument() {
  const numbering = {
    config: [
      { reference: 'section', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', start: 1, alignment: AlignmentType.LEFT }] },
      { reference: 'conference', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1, alignment: AlignmentType.LEFT }] },
      { reference: 'item', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '(%1)', start: 1, alignment: AlignmentType.LEFT }] },
    ],
  };
  const body = [];
  let section = 0;
  let conference = 0;
  let items = 0;
  let pointsList = 0;
  const expect = (literal, value) => {
    if (Number(literal) !== value) throw new Error(`seed numbering is not what Word would show: ${literal} vs ${value}`);
  };
  for (const line of PAGE.body) {
    let m;
    if ((m = /^([IVX]+)\. (.*)$/.exec(line))) {
      section++;
      expect(['I', 'II', 'III'].indexOf(m[1]) + 1, section);
      body.push(new Paragraph({ numbering: { reference: 'section', level: 0 }, children: [new TextRun({ text: m[2], bold: true })] }));
    } else if ((m = /^(\d+)\. (.*)$/.exec(line))) {
      if (section === 2) {
        conference++, (items = 0);
        expect(m[1], conference);
        body.push(new Paragraph({ numbering: { reference: 'conference', level: 0, instance: 1 }, children: [new TextRun({ text: m[2], bold: true })] }));
      } else {
        pointsList++;
        expect(m[1], pointsList);
        body.push(new Paragraph({ numbering: { reference: 'conference', level: 0, instance: 100 }, children: [new TextRun(m[2])] }));
      }
    } else if ((m = /^\s*\((\d+)\) (.*)$/.exec(line))) {
      items++;
      expect(m[1], items);
      body.push(new Paragraph({ numbering: { reference: 'item', level: 0, instance: conference }, children: [new TextRun(m[2])] }));
    } else {
      body.push(unicodeParagraph(line));
    }
  }
  const header = layoutTable(
    [0, 1, 2, 3].map((k) => [
      [unicodeParagraph(nonBlank(PAGE.headerLeft)[k] ?? '')],
      [unicodeParagraph(nonBlank(PAGE.headerRight)[k === 0 ? 0 : k === 2 ? 1 : 99] ?? '')],
    ]),
  );
  const footer = layoutTable([[PAGE.footerLeft.map(unicodeParagraph), PAGE.footerRight.map(unicodeParagraph)]]);
  return documentOf({ children: [header, ...body, footer], numbering });
}

/**
 * Tracked changes against the seed: accepting them all gives the seed; the original differs in
 * three places (see test/ingest/docx.test.ts): conference 1 was "lần thứ 16", conference 4 had a
 * sixth item, and conference 5's item (5) with its lead line was inserted. A comment sits on the
 * title and must never reach the text.
 */
const TRACKED = {
  renamed: { line: '1. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 17 (tháng 3/2024)', was: '16', is: '17' },
  deletedAfter: '(5) Tổng kết 10 năm thực hiện Kết luận số 100-KL/TW',
  deleted: '(6) Báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2024.',
  inserted: ['(5) Sơ kết 03 năm thực hiện Nghị quyết số 04-NQ/TU', 'Cơ quan chủ trì tham mưu: Ban cán sự đảng Ủy ban nhân dân tỉnh.'],
};

function trackedChangesDocument() {
  let id = 1;
  const rev = () => ({ id: id++, ...REVISION });
  const body = [];
  let insertedFrom = -1;
  PAGE.body.forEach((line, k) => {
    if (line === TRACKED.renamed.line) {
      const [before, after] = line.split(TRACKED.renamed.is);
      body.push(
        new Paragraph({
          children: [
            new TextRun(before),
            new DeletedTextRun({ text: TRACKED.renamed.was, ...rev() }),
            new InsertedTextRun({ text: TRACKED.renamed.is, ...rev() }),
            new TextRun(after),
          ],
        }),
      );
    } else if (line.startsWith(TRACKED.inserted[0])) {
      insertedFrom = k;
      body.push(new Paragraph({ run: { insertion: rev() }, children: [new InsertedTextRun({ text: line, ...rev() })] }));
    } else if (insertedFrom >= 0 && k === insertedFrom + 1 && line === TRACKED.inserted[1]) {
      body.push(new Paragraph({ run: { insertion: rev() }, children: [new InsertedTextRun({ text: line, ...rev() })] }));
    } else if (line.startsWith('CHƯƠNG TRÌNH')) {
      body.push(
        new Paragraph({
          children: [new CommentRangeStart(0), new TextRun(line), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })],
        }),
      );
    } else {
      body.push(unicodeParagraph(line));
    }
    if (line.startsWith(TRACKED.deletedAfter)) {
      // The whole paragraph, mark included, was deleted: accepted, it leaves no empty line.
      body.push(new Paragraph({ run: { deletion: rev() }, children: [new DeletedTextRun({ text: TRACKED.deleted, ...rev() })] }));
    }
  });
  if (insertedFrom < 0) throw new Error('seed layout changed');
  const { header, footer } = pageTables(unicodeParagraph);
  return documentOf({
    children: [header, ...body, footer],
    comments: {
      children: [{ id: 0, author: 'Ban Tuyên giáo', date: FIXED_DATE, children: [new Paragraph('Đề nghị bổ sung nội dung về chuyển đổi số.')] }],
    },
  });
}

/** The seed typed in TCVN3: .VnTime by default, .VnTimeH for capitals, a few Unicode runs. */
function tcvn3Document() {
  const unicodeLines = new Set(['Dự thảo', '\tNơi nhận:']);
  let leadLines = 0;
  const paragraphOf = (line) => {
    if (unicodeLines.has(line)) return new Paragraph({ children: [new TextRun({ text: line, font: 'Times New Roman' })] });
    if (line.startsWith('Cơ quan chủ trì tham mưu: ') && leadLines++ === 0) {
      const prefix = 'Cơ quan chủ trì tham mưu: ';
      return new Paragraph({ children: [new TextRun({ text: prefix, font: 'Times New Roman' }), ...tcvn3Runs(line.slice(prefix.length))] });
    }
    return new Paragraph({ ...(isCapsLine(line) ? { style: 'VnCaps' } : {}), children: tcvn3Runs(line) });
  };
  const { header, footer } = pageTables(paragraphOf);
  return documentOf({
    children: [header, ...PAGE.body.map(paragraphOf), footer],
    styles: {
      default: { document: { run: { font: '.VnTime', size: 28 } } },
      paragraphStyles: [{ id: 'VnCaps', name: 'Vn Caps', basedOn: 'Normal', run: { font: '.VnTimeH', bold: true } }],
    },
  });
}

/** The seed typed in VNI-Times. */
function vniDocument() {
  const paragraphOf = (line) => new Paragraph({ children: [new TextRun({ text: encodeVni(line), font: 'VNI-Times' })] });
  const { header, footer } = pageTables(paragraphOf);
  return documentOf({ children: [header, ...PAGE.body.map(paragraphOf), footer] });
}

// ── Deterministic zips ───────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data, crc = 0) {
  if (zlib.crc32) return zlib.crc32(data, crc);
  let c = ~crc >>> 0;
  for (let k = 0; k < data.length; k++) c = CRC_TABLE[(c ^ data[k]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 15; // 2024-01-15

function localHeader(name, { crc, compressed, size, method }) {
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x800, 6);
  h.writeUInt16LE(method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(crc, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n]);
}

function centralHeader(name, { crc, compressed, size, method }, offset) {
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x800, 8);
  h.writeUInt16LE(method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(crc, 16);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(size, 24);
  h.writeUInt16LE(n.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, n]);
}

function endOfCentralDirectory(count, size, offset) {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(count, 8);
  e.writeUInt16LE(count, 10);
  e.writeUInt32LE(size, 12);
  e.writeUInt32LE(offset, 16);
  return e;
}

/** A zip of [name, bytes|string] pairs, deflated, with fixed timestamps. */
function zip(files) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const info = { crc: crc32(data), compressed: deflated.length, size: data.length, method: 8 };
    const local = localHeader(name, info);
    central.push(centralHeader(name, info, offset));
    chunks.push(local, deflated);
    offset += local.length + deflated.length;
  }
  const cd = Buffer.concat(central);
  return Buffer.concat([...chunks, cd, endOfCentralDirectory(files.length, cd.length, offset)]);
}

/** The entries of a zip (only what `zip` and the docx package write: no zip64, no encryption). */
function unzip(bytes) {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const files = [];
  for (let k = 0; k < count; k++) {
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extra = bytes.readUInt16LE(p + 30);
    const comment = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + compressed);
    files.push([name, method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw)]);
    p += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Packs a docx Document and re-zips it with fixed dates (core properties and zip entries). */
async function pack(document) {
  const files = unzip(await Packer.toBuffer(document)).map(([name, data]) => {
    if (name !== 'docProps/core.xml') return [name, data];
    const xml = data.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE.toISOString().replace('.000', '')}`);
    return [name, xml];
  });
  return zip(files);
}

// ── Broken fixtures ──────────────────────────────────────────────────────────

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';
const documentXml = (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

/** A minimal docx around a document.xml. */
const OBJECTS_DOCUMENT =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>` +
  '<w:p><w:r><w:t>TỈNH ỦY HẬU GIANG</w:t></w:r></w:p>' +
  '<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://example.org/" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:t>trang thông tin</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> của Tỉnh ủy.</w:t></w:r></w:p>' +
  '<w:p><w:r><w:t xml:space="preserve">Khung: </w:t></w:r><w:r><w:pict><v:shape id="t1" type="#_x0000_t202" style="width:200pt;height:50pt">' +
  '<v:textbox><w:txbxContent><w:p><w:r><w:t>Nội dung trong khung</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>' +
  '<w:p><w:r><w:t>Hết.</w:t></w:r></w:p></w:body></w:document>';
const minimalDocx = (document) => zip([['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', ROOT_RELS], ['word/document.xml', document]]);

/**
 * A valid docx whose document.xml is one paragraph of 1.5 GiB of spaces: about 1.5 MB deflated.
 * Written streaming, so the generator never holds the inflated text either.
 */
async function writeZipBomb(path) {
  const size = 1.5 * 1024 ** 3;
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t xml:space="preserve">`);
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const fill = size - head.length - tail.length;
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);

  const deflate = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  const parts = [];
  deflate.on('data', (d) => parts.push(d));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const write = (b) => new Promise((resolve) => (deflate.write(b) ? resolve() : deflate.once('drain', resolve)));
  let crc = crc32(head);
  await write(head);
  for (let left = fill; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    await write(piece);
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  const deflated = Buffer.concat(parts);

  const small = [['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', ROOT_RELS]].map(([n, c]) => {
    const data = Buffer.from(c);
    const d = zlib.deflateRawSync(data, { level: 9 });
    return [n, { crc: crc32(data), compressed: d.length, size: data.length, method: 8 }, d];
  });
  const entries = [...small, ['word/document.xml', { crc, compressed: deflated.length, size, method: 8 }, deflated]];
  const out = createWriteStream(path);
  const central = [];
  let offset = 0;
  for (const [name, info, data] of entries) {
    const local = localHeader(name, info);
    central.push(centralHeader(name, info, offset));
    out.write(local);
    out.write(data);
    offset += local.length + data.length;
  }
  const cd = Buffer.concat(central);
  out.write(cd);
  out.end(endOfCentralDirectory(entries.length, cd.length, offset));
  await new Promise((resolve) => out.on('finish', resolve));
}

/** Deterministic pseudo-random bytes (mulberry32). */
function randomBytes(n, seed) {
  const out = Buffer.alloc(n);
  let a = seed >>> 0;
  for (let k = 0; k < n; k++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[k] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/**
 * An OLE2 compound file shaped like a password-protected .docx (MS-OFFCRYPTO): a root entry
 * with the streams EncryptionInfo and EncryptedPackage (4 KiB each, so no mini stream needed).
 */
function encryptedOfficeFile() {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // first mini FAT sector
  header.writeUInt32LE(END, 68); // first DIFAT sector
  header.writeUInt32LE(0, 76); // DIFAT[0] = sector 0 holds the FAT
  for (let k = 1; k < 109; k++) header.writeUInt32LE(FREE, 76 + 4 * k);

  const fat = Buffer.alloc(SECTOR);
  for (let k = 0; k < 128; k++) fat.writeUInt32LE(FREE, 4 * k);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4); // directory: sector 1
  const chain = (first, count) => {
    for (let k = 0; k < count; k++) fat.writeUInt32LE(k === count - 1 ? END : first + k + 1, 4 * (first + k));
  };
  chain(2, 8); // EncryptionInfo: sectors 2–9
  chain(10, 8); // EncryptedPackage: sectors 10–17

  const entry = (name, type, { child = FREE, left = FREE, right = FREE, start = END, size = 0 } = {}) => {
    const e = Buffer.alloc(128, 0);
    if (name) {
      e.write(name, 0, 'utf16le');
      e.writeUInt16LE((name.length + 1) * 2, 64);
    }
    e.writeUInt8(type, 66);
    e.writeUInt8(1, 67); // black
    e.writeUInt32LE(left, 68);
    e.writeUInt32LE(right, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(start, 116);
    e.writeUInt32LE(size, 120);
    return e;
  };
  const directory = Buffer.concat([
    entry('Root Entry', 5, { child: 1 }),
    entry('EncryptionInfo', 2, { right: 2, start: 2, size: 4096 }),
    entry('EncryptedPackage', 2, { start: 10, size: 4096 }),
    Buffer.alloc(128, 0),
  ]);
  const info = Buffer.alloc(4096, 0);
  info.writeUInt16LE(4, 0); // agile encryption, version 4.4
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  info.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>', 8, 'utf8');
  const packageStream = Buffer.concat([Buffer.from([0x00, 0x10, 0, 0, 0, 0, 0, 0]), randomBytes(4088, 7)]);
  return Buffer.concat([header, fat, directory, info, packageStream]);
}

// ── Main ─────────────────────────────────────────────────────────────────────

async function main() {
  mkdirSync(GOOD, { recursive: true });
  mkdirSync(BROKEN, { recursive: true });

  const plain = await pack(plainDocument());
  writeFileSync(join(GOOD, 'plain.docx'), plain);
  writeFileSync(join(GOOD, 'auto-numbered.docx'), await pack(autoNumberedDocument()));
  writeFileSync(join(GOOD, 'tracked-changes.docx'), await pack(trackedChangesDocument()));
  writeFileSync(join(GOOD, 'tcvn3.docx'), await pack(tcvn3Document()));
  writeFileSync(join(GOOD, 'vni.docx'), await pack(vniDocument()));

  // Word 97-2003 versions, converted by LibreOffice (soffice --headless --convert-to doc): each
  // .doc must give the model its .docx gives (test/ingest/doc.test.ts).
  const doc = join(GOOD, 'seed.doc');
  if (soffice()) {
    const out = mkdtempSync(join(tmpdir(), 'vanban-doc-'));
    // LibreOffice's Word 97 export splits the first paragraph of a list restarted by
    // w:startOverride into a list of its own, so the rest of the list starts over ("I.", "I.");
    // its own reading of the .doc shows the same. The source of auto-numbered.doc therefore
    // writes each restart as a list of its own, which Word displays with the same numbers.
    writeFileSync(join(out, 'auto-numbered.docx'), restartsAsLists(readFileSync(join(GOOD, 'auto-numbered.docx'))));
    // objects.doc: a hyperlink field and a text box (its own story, anchored by a shape).
    writeFileSync(join(out, 'objects.docx'), minimalDocx(OBJECTS_DOCUMENT));
    const sources = [
      ['plain', 'seed'],
      ['auto-numbered', 'auto-numbered', out],
      ['tcvn3', 'tcvn3'],
      ['vni', 'vni'],
      ['tracked-changes', 'tracked-changes'],
      ['objects', 'objects', out],
    ];
    for (const [from, to, dir = GOOD] of sources) {
      execFileSync(soffice(), ['--headless', '--convert-to', 'doc:MS Word 97', '--outdir', out, join(dir, `${from}.docx`)], { stdio: 'ignore' });
      copyFileSync(join(out, `${from}.doc`), join(GOOD, `${to}.doc`));
    }
    rmSync(out, { recursive: true, force: true });
  } else {
    console.warn('soffice not found: the .doc fixtures are left as they are');
  }

  // Broken files.
  const cut = Math.floor(plain.length * 0.6);
  writeFileSync(join(BROKEN, 'truncated.docx'), plain.subarray(0, cut));
  writeFileSync(join(BROKEN, 'bitflipped.docx'), bitflip(plain));
  const junk = randomBytes(4096, 20240115);
  if (junk[0] === 0x50 || junk[0] === 0xd0) throw new Error('unlucky seed');
  writeFileSync(join(BROKEN, 'not-a-zip.docx'), junk);
  if (existsSync(doc)) copyFileSync(doc, join(BROKEN, 'doc-renamed.docx'));
  writeFileSync(join(BROKEN, 'encrypted.docx'), encryptedOfficeFile());
  writeFileSync(
    join(BROKEN, 'no-document-xml.docx'),
    zip([['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', ROOT_RELS], ['word/styles.xml', `<?xml version="1.0"?><w:styles xmlns:w="${W}"/>`]]),
  );
  const laughs =
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [\n<!ENTITY lol "lol">\n' +
    Array.from({ length: 9 }, (_, k) => `<!ENTITY lol${k + 1} "${`&lol${k || ''};`.repeat(10)}">`).join('\n') +
    `\n]>\n<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
  writeFileSync(join(BROKEN, 'billion-laughs.docx'), minimalDocx(laughs));
  const depth = 200_000;
  writeFileSync(join(BROKEN, 'deep-nesting.docx'), minimalDocx(documentXml('<w:customXml>'.repeat(depth) + '</w:customXml>'.repeat(depth))));
  await writeZipBomb(join(BROKEN, 'zip-bomb.docx'));
  console.log('fixtures written to fixtures/docx and fixtures/broken');
}

/** Flips bits inside the deflated word/document.xml, leaving the zip structure intact. */
function bitflip(docx) {
  const copy = Buffer.from(docx);
  const name = Buffer.from('word/document.xml');
  let p = copy.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04])]));
  while (p >= 0) {
    const nameLength = copy.readUInt16LE(p + 26);
    const extra = copy.readUInt16LE(p + 28);
    const compressed = copy.readUInt32LE(p + 18);
    if (copy.subarray(p + 30, p + 30 + nameLength).equals(name)) {
      const start = p + 30 + nameLength + extra;
      for (const at of [0.3, 0.5, 0.7]) copy[start + Math.floor(compressed * at)] ^= 0x5a;
      return copy;
    }
    p = copy.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), p + 30 + nameLength + extra + compressed);
  }
  throw new Error('no word/document.xml');
}

/**
 * A .docx whose numbering instances (w:num) each get an abstract list of their own instead of a
 * w:startOverride to the level's own start: the numbers Word shows are the same.
 */
function restartsAsLists(docx) {
  const files = unzip(docx).map(([name, data]) => {
    if (name !== 'word/numbering.xml') return [name, data];
    const xml = data.toString('utf8');
    const abstracts = new Map([...xml.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)".*?<\/w:abstractNum>/gs)].map((m) => [m[1], m[0]]));
    const lists = [];
    const nums = [];
    for (const [, numId, abstractId, rest] of xml.matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>(.*?)<\/w:num>/gs)) {
      const abstract = abstracts.get(abstractId);
      const start = /<w:start w:val="(\d+)"\/>/.exec(abstract)?.[1];
      if (rest !== `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${start}"/></w:lvlOverride>`) throw new Error(`unexpected numbering ${numId}`);
      const id = String(100 + Number(numId));
      lists.push(abstract.replace(/w:abstractNumId="\d+"/, `w:abstractNumId="${id}"`).replace(/<w:nsid [^>]*\/>/, ''));
      nums.push(`<w:num w:numId="${numId}"><w:abstractNumId w:val="${id}"/></w:num>`);
    }
    return [name, `${xml.slice(0, xml.indexOf('<w:abstractNum '))}${lists.join('')}${nums.join('')}</w:numbering>`];
  });
  return zip(files);
}

let sofficePath;
function soffice() {
  if (sofficePath !== undefined) return sofficePath;
  for (const candidate of ['soffice', 'libreoffice']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return (sofficePath = candidate);
    } catch {
      /* not installed */
    }
  }
  return (sofficePath = null);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
