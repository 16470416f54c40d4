import CFB from 'cfb';
import { InputError } from '../../errors.js';

/**
 * The streams of an OLE2 compound file (a Word 97-2003 .doc), read by the `cfb` package after a
 * check of the sector tables that cfb itself trusts.
 *
 * cfb follows every sector chain from every sector and joins each chain into one buffer: chains
 * that merge into a shared tail (a FAT entry pointed at twice) make that quadratic, and a huge
 * directory makes its path building quadratic too, and a chain that loops can make it grow an
 * array until V8 aborts the process. A Word file has none of these, so a file that has one is
 * refused here, in linear passes over the FAT, before cfb sees it.
 */
export interface OleFile {
  stream(name: string): Uint8Array | null;
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;
/** Word writes a handful of directory entries; thousands are built to slow cfb down. */
export const MAX_DIRECTORY_ENTRIES = 4096;

const corrupt = (why: string) => new InputError(`corrupt .doc (${why})`);

export function openOle(bytes: Uint8Array): OleFile {
  checkSectorTables(bytes);
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch (error) {
    // cfb's own checks say what is wrong ("CFB file size 300 < 512"); a TypeError or RangeError
    // from inside it only says that it read garbage.
    const own = error instanceof Error && !(error instanceof TypeError) && !(error instanceof RangeError);
    throw corrupt(own ? `damaged OLE2 container: ${error.message.split('\n')[0]!.slice(0, 120)}` : 'damaged OLE2 container');
  }
  const byName = new Map<string, Uint8Array>();
  for (const entry of container.FileIndex) {
    if (entry.type !== 2 || !entry.content || byName.has(entry.name)) continue;
    const content = entry.content as Uint8Array;
    // cfb cuts a stream to what its chain holds: a shorter stream than declared was cut off.
    if (content.length < entry.size) throw corrupt(`the ${entry.name} stream is cut off`);
    byName.set(entry.name, content);
  }
  return { stream: (name) => byName.get(name) ?? null };
}

/** Refuses, in time linear in the file, what would make cfb loop, recurse or go quadratic. */
function checkSectorTables(bytes: Uint8Array): void {
  if (bytes.length < 512) throw corrupt('truncated or damaged');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = view.getUint16(26, true);
  const shift = view.getUint16(30, true);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw corrupt('unknown OLE2 version or sector size');
  const size = 1 << shift;
  const sectors = Math.floor((bytes.length - size) / size) + ((bytes.length - size) % size ? 1 : 0);
  const fatCount = view.getUint32(44, true);
  const directoryStart = view.getUint32(48, true);
  const difatStart = view.getUint32(68, true);
  const difatCount = view.getUint32(72, true);
  if (fatCount > sectors || difatCount > sectors) throw corrupt('truncated or damaged');
  if (directoryStart >= sectors) throw corrupt('truncated or damaged');
  const sectorAt = (n: number) => size + n * size;

  // The FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let k = 0; k < 109 && fatSectors.length < fatCount; k++) fatSectors.push(view.getUint32(76 + 4 * k, true));
  const seenDifat = new Set<number>();
  for (let d = difatStart, k = 0; d !== END_OF_CHAIN && d !== FREE && k < difatCount; k++) {
    if (d >= sectors || seenDifat.has(d)) throw corrupt('the sector table chain loops or points outside the file');
    seenDifat.add(d);
    const base = sectorAt(d);
    const perSector = size / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) {
      if (base + 4 * i + 4 > bytes.length) throw corrupt('truncated or damaged');
      fatSectors.push(view.getUint32(base + 4 * i, true));
    }
    d = base + size <= bytes.length ? view.getUint32(base + size - 4, true) : END_OF_CHAIN;
  }

  // Every sector is the next of at most one other: chains never merge.
  const pointedAt = new Uint8Array(sectors);
  const next = new Uint32Array(sectors).fill(FREE);
  const perFat = size / 4;
  for (let f = 0; f < fatSectors.length; f++) {
    const s = fatSectors[f]!;
    if (s >= sectors) throw corrupt('the sector table points outside the file');
    for (let i = 0; i < perFat; i++) {
      const n = f * perFat + i;
      if (n >= sectors) break;
      const at = sectorAt(s) + 4 * i;
      if (at + 4 > bytes.length) throw corrupt('truncated or damaged');
      const target = view.getUint32(at, true);
      next[n] = target;
      if (target === FREE || target === END_OF_CHAIN || target === FAT_SECTOR || target === DIFAT_SECTOR) continue;
      if (target >= sectors) throw corrupt('a sector chain points outside the file (truncated?)');
      if (pointedAt[target]!++) throw corrupt('two sector chains run into one another');
    }
  }

  // No chain loops: cfb follows a stream's chain without looking back, and one that starts inside
  // a loop (reached first from another of its sectors) grows an array until V8 aborts.
  const state = new Uint8Array(sectors); // 0 unseen, 1 on the walk being followed, 2 done
  const walk: number[] = [];
  for (let s = 0; s < sectors; s++) {
    let n = s;
    while (n < sectors && state[n] === 0) {
      state[n] = 1;
      walk.push(n);
      n = next[n]!;
    }
    if (n < sectors && state[n] === 1) throw corrupt('a sector chain loops back on itself');
    for (const w of walk) state[w] = 2;
    walk.length = 0;
  }

  // The directory chain: not so long that cfb's path building takes minutes.
  const directory: number[] = [];
  for (let d = directoryStart; d !== END_OF_CHAIN; d = next[d]!) {
    if (d >= sectors || directory.includes(d)) throw corrupt('the directory chain loops or points outside the file');
    directory.push(d);
    if ((directory.length * size) / 128 > MAX_DIRECTORY_ENTRIES) throw corrupt(`more than ${MAX_DIRECTORY_ENTRIES} directory entries`);
  }

  // cfb copies each stream's chain from its first sector: streams that start inside another
  // chain, or share a start, would copy the same sectors again and again.
  const starts = new Set<number>();
  for (const d of directory) {
    for (let at = sectorAt(d); at + 128 <= Math.min(sectorAt(d) + size, bytes.length); at += 128) {
      const type = bytes[at + 66];
      const start = view.getUint32(at + 116, true);
      const length = view.getInt32(at + 120, true);
      const inFat = type === 5 || (type === 2 && length >= 4096);
      if (!inFat || start === END_OF_CHAIN || start === FREE || (type === 5 && length <= 0)) continue;
      if (start >= sectors) throw corrupt('a stream starts outside the file (truncated?)');
      if (pointedAt[start] || starts.has(start)) throw corrupt('two streams share their sectors');
      starts.add(start);
    }
  }
}
