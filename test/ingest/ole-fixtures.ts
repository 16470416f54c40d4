import CFB from 'cfb';

/**
 * Small OLE2 files for the .doc reader's tests, written by cfb, and the damage a hostile file
 * does to their sector tables. Only the fields a test changes are filled in.
 */
export function ole(streams: Record<string, Uint8Array>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(data));
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

interface FibFields {
  nFib?: number;
  encrypted?: boolean;
  ccpText?: number;
  clx?: { fc: number; lcb: number };
}

/** A WordDocument stream of 8 KB (so it sits in the FAT, not the mini stream) opening with a FIB. */
export function wordDocument(fields: FibFields = {}): Uint8Array {
  const b = Buffer.alloc(8192);
  b.writeUInt16LE(0xa5ec, 0);
  b.writeUInt16LE(fields.nFib ?? 0xc1, 2);
  b.writeUInt16LE(fields.encrypted ? 0x0100 : 0, 10);
  b.writeUInt16LE(14, 32); // csw
  const cslw = 34 + 28;
  b.writeUInt16LE(22, cslw); // cslw
  b.writeInt32LE(fields.ccpText ?? 0, cslw + 2 + 4 * 3);
  const fcLcb = cslw + 2 + 88;
  b.writeUInt16LE(0x5d, fcLcb); // cbRgFcLcb
  if (fields.clx) {
    b.writeUInt32LE(fields.clx.fc, fcLcb + 2 + 8 * 33);
    b.writeUInt32LE(fields.clx.lcb, fcLcb + 2 + 8 * 33 + 4);
  }
  return b;
}

export type OleDamage = 'stream-inside' | 'fat-loop' | 'fat-cycle' | 'fat-merge' | 'fat-outside' | 'directory-loop' | 'fat-count' | 'stream-size';

/** A copy of an OLE2 file (512-byte sectors) with one kind of damage to its sector tables. */
export function olePatched(file: Buffer, damage: OleDamage): Buffer {
  const b = Buffer.from(file);
  const sector = (n: number) => 512 + 512 * n;
  const fat = sector(b.readUInt32LE(76));
  const directory = sector(b.readUInt32LE(48));
  const entry = findEntry(b, directory, 'WordDocument');
  const start = b.readUInt32LE(entry + 116);
  switch (damage) {
    case 'fat-loop':
      b.writeUInt32LE(start, fat + 4 * (start + 3)); // the fourth sector leads back to the first
      break;
    case 'fat-cycle': {
      // A stream whose chain is a loop of four sectors, entered at the one cfb reaches last.
      const cycle = [start + 3, start + 2, start + 1, start];
      cycle.forEach((s, k) => b.writeUInt32LE(cycle[(k + 1) % 4]!, fat + 4 * s));
      b.writeUInt32LE(cycle[0]!, entry + 116);
      break;
    }
    case 'stream-inside': {
      // Another stream said to start in the middle of WordDocument's chain.
      const table = findEntry(b, directory, '0Table');
      b.writeUInt32LE(start + 1, table + 116);
      b.writeUInt32LE(8192, table + 120);
      break;
    }
    case 'fat-merge':
      b.writeUInt32LE(start + 2, fat + 4 * start); // two sectors lead to the third
      break;
    case 'fat-outside':
      b.writeUInt32LE(1_000_000, fat + 4 * (start + 1));
      break;
    case 'directory-loop':
      b.writeUInt32LE(b.readUInt32LE(48), fat + 4 * b.readUInt32LE(48));
      break;
    case 'fat-count':
      b.writeUInt32LE(0xffffffff, 44);
      break;
    case 'stream-size':
      b.writeUInt32LE(0x7fffffff, entry + 120);
      break;
  }
  return b;
}

function findEntry(b: Buffer, directory: number, name: string): number {
  const wanted = Buffer.from(name, 'utf16le');
  for (let at = directory; at < directory + 512; at += 128) if (b.subarray(at, at + wanted.length).equals(wanted)) return at;
  throw new Error(`no ${name} entry in the first directory sector`);
}

/** A piece of text: 8-bit (Windows-1252) when `compressed`, UTF-16 otherwise. */
export interface PieceSpec {
  text: string;
  compressed?: boolean;
}

/**
 * A .doc whose main text is `pieces` in order, their bytes stored in the WordDocument stream in
 * the reverse order (as fast saves leave them), with a piece table and no property pages.
 */
export function pieceDoc(pieces: PieceSpec[]): Buffer {
  const fib = Buffer.from(wordDocument({ ccpText: pieces.reduce((n, p) => n + p.text.length, 0) }));
  const stored = pieces.map((p) => (p.compressed ? Buffer.from(p.text, 'latin1') : Buffer.from(p.text, 'utf16le')));
  const offsets: number[] = [];
  let at = 1024;
  for (let k = pieces.length - 1; k >= 0; k--) {
    offsets[k] = at;
    at += stored[k]!.length + (stored[k]!.length % 2);
  }
  const word = Buffer.concat([fib, Buffer.alloc(Math.max(0, at - fib.length))]);
  stored.forEach((bytes, k) => bytes.copy(word, offsets[k]!));
  const n = pieces.length;
  const plc = Buffer.alloc(4 * (n + 1) + 8 * n);
  let cp = 0;
  pieces.forEach((p, k) => {
    plc.writeUInt32LE(cp, 4 * k);
    cp += p.text.length;
    const fc = p.compressed ? (offsets[k]! * 2) | 0x40000000 : offsets[k]!;
    plc.writeUInt32LE(fc >>> 0, 4 * (n + 1) + 8 * k + 2);
  });
  plc.writeUInt32LE(cp, 4 * n);
  const clx = Buffer.concat([Buffer.from([2]), Buffer.from(Uint32Array.of(plc.length).buffer), plc]);
  const table = Buffer.concat([Buffer.alloc(16), clx]);
  const fcLcb = 34 + 28 + 2 + 88 + 2;
  word.writeUInt32LE(16, fcLcb + 8 * 33);
  word.writeUInt32LE(clx.length, fcLcb + 8 * 33 + 4);
  return ole({ WordDocument: word, '0Table': table });
}
