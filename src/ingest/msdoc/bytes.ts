import { InputError } from '../../errors.js';

/** Little-endian reads from one stream, every one bounds-checked: a short stream is a corrupt file. */
export class Bytes {
  private readonly view: DataView;
  constructor(
    readonly data: Uint8Array,
    readonly name: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get length(): number {
    return this.data.length;
  }

  private check(at: number, size: number): void {
    if (!Number.isInteger(at) || at < 0 || at + size > this.data.length) {
      throw new InputError(`corrupt .doc (the ${this.name} stream ends early or points outside itself)`);
    }
  }

  u8(at: number): number {
    this.check(at, 1);
    return this.data[at]!;
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at, true);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
  i32(at: number): number {
    this.check(at, 4);
    return this.view.getInt32(at, true);
  }
  slice(at: number, size: number): Uint8Array {
    this.check(at, size);
    return this.data.subarray(at, at + size);
  }
  /** A UTF-16LE string of `count` code units. */
  utf16(at: number, count: number): string {
    const bytes = this.slice(at, 2 * count);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  }
}
