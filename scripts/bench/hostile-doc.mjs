/**
 * Hostile Word 97-2003 files for `npm run bench` (hostile): each must end in a result or a
 * one-line error within 3 s and 400 MB. Written with cfb (the OLE2 container) and a minimal FIB.
 */
import CFB from 'cfb';

const FIB_SIZE = 898;
const FC_LCB = 34 + 28 + 2 + 88 + 2; // where FibRgFcLcb97 starts
const index = { clx: 33, papx: 13, chpx: 12, plfLst: 73, plfLfo: 74 };

/** A .doc of `text` (UTF-16) in `pieces` pieces, with optional structures in the table stream. */
function wordFile({ text = '', pieces = 1, table = {}, pages = [] }) {
  const body = Buffer.from(text, 'utf16le');
  const textAt = 1024;
  const pageAt = Math.ceil((textAt + body.length) / 512) * 512;
  const word = Buffer.alloc(pageAt + 512 * pages.length + 512);
  word.writeUInt16LE(0xa5ec, 0);
  word.writeUInt16LE(0xc1, 2);
  word.writeUInt16LE(14, 32);
  word.writeUInt16LE(22, 62);
  word.writeInt32LE(text.length, 64 + 12);
  word.writeUInt16LE(0x5d, FC_LCB - 2);
  body.copy(word, textAt);
  pages.forEach((page, k) => page.copy(word, pageAt + 512 * k));

  const n = Math.max(1, pieces);
  const plc = Buffer.alloc(4 * (n + 1) + 8 * n);
  for (let k = 0; k <= n; k++) plc.writeUInt32LE(Math.floor((text.length * k) / n), 4 * k);
  for (let k = 0; k < n; k++) plc.writeUInt32LE(textAt + 2 * Math.floor((text.length * k) / n), 4 * (n + 1) + 8 * k + 2);
  const clx = Buffer.concat([Buffer.from([2]), u32(plc.length), plc]);
  const parts = [['clx', clx], ...Object.entries(table).map(([name, data]) => [name, typeof data === 'function' ? data(pageAt / 512) : data])];
  let at = 0;
  const chunks = [];
  for (const [name, data] of parts) {
    word.writeUInt32LE(at, FC_LCB + 8 * index[name]);
    word.writeUInt32LE(data.length, FC_LCB + 8 * index[name] + 4);
    chunks.push(data);
    at += data.length;
  }
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/WordDocument', word);
  CFB.utils.cfb_add(container, '/0Table', Buffer.concat(chunks));
  return Buffer.from(CFB.write(container, { type: 'buffer' }));
}

const u32 = (v) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};

/** `count` property pages, full of runs over the text (29 a page for paragraphs, 101 for characters), and their BTE table. */
function propertyPages(count, textBytes, runs, alternate = false) {
  const pages = [];
  const step = Math.max(2, Math.floor(textBytes / (count * runs)) & ~1);
  for (let k = 0; k < count; k++) {
    const page = Buffer.alloc(512);
    for (let r = 0; r <= runs; r++) page.writeUInt32LE(1024 + step * (k * runs + r), 4 * r);
    page[511] = runs;
    if (alternate) {
      // Every other run in the font of index 1 (sprmCRgFtc0): no two neighbours merge.
      Buffer.from([4, 0x4f, 0x4a, 1, 0]).copy(page, 480);
      for (let r = 1; r < runs; r += 2) page[4 * (runs + 1) + r] = 240;
    }
    pages.push(page);
  }
  const bte = (firstPage) => {
    const b = Buffer.alloc(4 * (count + 1) + 4 * count);
    for (let k = 0; k <= count; k++) b.writeUInt32LE(1024 + step * runs * k, 4 * k);
    for (let k = 0; k < count; k++) b.writeUInt32LE(firstPage + k, 4 * (count + 1) + 4 * k);
    return b;
  };
  return { pages, bte };
}

/** `count` lists of nine levels, each with a 60-character number text. */
function lists(count) {
  const lstf = Buffer.alloc(28 * count);
  const levels = [];
  for (let k = 0; k < count; k++) {
    lstf.writeInt32LE(k + 1, 28 * k);
    for (let l = 0; l < 9; l++) {
      const lvl = Buffer.alloc(28);
      lvl.writeInt32LE(1, 0);
      lvl[6] = 1;
      levels.push(lvl, Buffer.from([60, 0]), Buffer.from(`\u0000${'.'.repeat(59)}`, 'utf16le'));
    }
  }
  const head = Buffer.alloc(2);
  head.writeInt16LE(count);
  return Buffer.concat([head, lstf, ...levels]);
}

function overrides(count) {
  const lfo = Buffer.alloc(4 + 16 * count + 4 * count);
  lfo.writeInt32LE(count, 0);
  for (let k = 0; k < count; k++) lfo.writeInt32LE(k + 1, 4 + 16 * k);
  return lfo;
}

/** A 60 MB container whose FAT is damaged in `how`. */
function bigContainer(how) {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/WordDocument', Buffer.alloc(60 * 1024 * 1024, 0x41));
  for (let k = 0; k < (how === 'inside' ? 60 : 0); k++) CFB.utils.cfb_add(container, `/S${k}`, Buffer.alloc(8192, 1));
  const b = Buffer.from(CFB.write(container, { type: 'buffer' }));
  const directory = 512 + 512 * b.readUInt32LE(48);
  const name = Buffer.from('WordDocument', 'utf16le');
  let entry = directory;
  while (!b.subarray(entry, entry + name.length).equals(name)) entry += 128;
  const start = b.readUInt32LE(entry + 116);
  // The FAT entry of the stream's sector s, wherever the FAT sector holding it lies.
  const fatEntry = (s) => {
    const perSector = 128;
    const k = Math.floor(s / perSector);
    const fatSector = k < 109 ? b.readUInt32LE(76 + 4 * k) : null;
    if (fatSector === null) throw new Error('FAT sector past the header');
    return 512 + 512 * fatSector + 4 * (s % perSector);
  };
  // Two sectors of the stream lead to a third (chains merge), or one leads back to the start,
  // or 60 other streams say they start inside it (cfb would copy 60 × 60 MB).
  if (how === 'merge') b.writeUInt32LE(start + 12, fatEntry(start + 10));
  else if (how === 'loop') b.writeUInt32LE(start, fatEntry(start + 5000));
  else {
    for (let at = directory; at < directory + 512 * 8 && at + 128 <= b.length; at += 128) {
      if (b[at + 66] !== 2 || at === entry) continue;
      b.writeUInt32LE(start + 100, at + 116);
      b.writeUInt32LE(60 * 1024 * 1024 - 51200, at + 120);
    }
  }
  return b;
}

const paragraphs = (count, line) => Array.from({ length: count }, (_, k) => `${line} ${k + 1}.\r`).join('');

export const hostileDoc = {
  '60 MB OLE2 whose sector chains merge': () => bigContainer('merge'),
  '60 MB OLE2 whose sector chain loops': () => bigContainer('loop'),
  '60 MB OLE2 with 60 streams starting inside another': () => bigContainer('inside'),
  '100,000 pieces over 2 million paragraph marks': () => wordFile({ text: '\r'.repeat(2_000_000), pieces: 100_000 }),
  '5,000 paragraphs, 2,000 full property pages for paragraphs and 2,000 for characters': () => {
    const text = paragraphs(5_000, 'Báo cáo công tác');
    const papx = propertyPages(2_000, 2 * text.length, 29);
    const chpx = propertyPages(2_000, 2 * text.length, 101);
    return wordFile({
      text,
      pages: [...papx.pages, ...chpx.pages],
      table: { papx: (first) => papx.bte(first), chpx: (first) => chpx.bte(first + 2_000) },
    });
  },
  '2,000 lists of nine 60-character levels, 2,000 overrides, 2,000 paragraphs': () =>
    wordFile({ text: paragraphs(2_000, 'Mục'), table: { plfLst: lists(2_000), plfLfo: overrides(2_000) } }),
  '200,000 runs of alternating fonts': () => {
    const text = 'ab'.repeat(110_000);
    const chpx = propertyPages(1_990, 2 * text.length, 101, true);
    return wordFile({ text, pages: chpx.pages, table: { chpx: (first) => chpx.bte(first) } });
  },
};
