/**
 * JSON as UTF-8, byte for byte Buffer.from(JSON.stringify(value, null, indent)), written straight
 * into two buffers used in turns and handed on a megabyte at a time: a large model (70 MB of JSON
 * for a 10 MB programme) is written without its JSON string or all its bytes ever being held, and
 * without the UTF-16 string JSON.stringify builds and encoding must read again.
 *
 * Measured on the 10 MB programme (one process, interleaved, CPU): this is about 0.7x the time of
 * JSON.stringify per member followed by UTF-8 encoding, and faster than JSON.stringify alone. Of
 * what is left, strings (30 M characters) are ~45% and walking the values ~55%: an object's members
 * are read by for-in (V8 reads them off the object's layout, with no array of keys made), whole
 * numbers are written digit by digit, and strings of 16 characters or more are checked by one
 * pattern and copied by Buffer's encoder; that made it ~0.8x the time it took before.
 *
 * Most values are written by a recursive writer that gives up on a member with more than
 * LEAF_VALUES values or no room left in the buffer; the member's bytes are then taken back and it
 * is opened instead, its members written one by one from an explicit stack, where the generator
 * can stop to hand on a full buffer. So the buffers never grow, and only a single string longer
 * than a third of it is ever encoded on its own.
 */
const BUFFER_BYTES = 1 << 20;
const LEAF_VALUES = 256;

/** Left out of an object and written as null in an array, as JSON.stringify does. */
const absent = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** An array or a plain object, whose members are written here; anything else JSON.stringify writes. */
function openable(v: object): boolean {
  if (Array.isArray(v)) return true;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether for-in over a plain object yields exactly its Object.keys, in their order: it does
 * unless Object.prototype has an enumerable property, which for-in would add.
 */
function forInIsOwnKeys(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** Buffer's own UTF-8 writer without Buffer#write's argument checks, which cost more than the copy. */
type Utf8Write = (this: Buffer, s: string, offset: number, length: number) => number;
const utf8Write = (Buffer.prototype as unknown as { utf8Write?: Utf8Write }).utf8Write;

/**
 * Strings at least this long whose characters need no escape are copied by Buffer's encoder after
 * one test of the pattern; shorter ones by the loop that also looks for what needs an escape.
 */
const NATIVE_LENGTH = 16;
// What JSON.stringify must escape: quotes, backslashes, controls and (well-formed JSON) surrogates.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

class Encoder {
  buf: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  pos = 0;
  /** The buffer handed on before this one, written again after the next hand-on. */
  private spare: Buffer | null = null;
  /** Values the member being written may still have. */
  left = 0;
  /** Whether the last member given up on ran out of room (rather than of values). */
  full = false;
  private readonly keys = new Map<string, Buffer>();
  readonly colon: string;
  /** Members found by for-in, which V8 reads from the object's layout (no array of keys, no lookup). */
  private readonly forIn = forInIsOwnKeys();

  constructor(readonly step: number) {
    this.colon = step ? ': ' : ':';
  }

  /**
   * The bytes written so far, handed on; writing goes on in the other buffer, so that the caller
   * can write these out while the next are made.
   */
  handOn(): Uint8Array {
    const full = this.buf.subarray(0, this.pos);
    const next = this.spare ?? Buffer.allocUnsafe(BUFFER_BYTES);
    this.spare = this.buf;
    this.buf = next;
    this.pos = 0;
    return full;
  }

  /** `"key":` as bytes, made once per key. */
  key(k: string): Buffer {
    let bytes = this.keys.get(k);
    if (bytes === undefined) this.keys.set(k, (bytes = Buffer.from(JSON.stringify(k) + this.colon)));
    return bytes;
  }

  /** A few bytes (a key) copied by hand: Buffer.copy's call costs more; room checked by the caller. */
  bytes(b: Uint8Array): void {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < b.length; i++) buf[p++] = b[i]!;
    this.pos = p;
  }

  room(n: number): boolean {
    if (this.pos + n <= BUFFER_BYTES) return true;
    this.full = true;
    return false;
  }

  /** A line break and the indentation of `level` (nothing when compact); room checked by the caller. */
  newline(level: number): void {
    if (!this.step) return;
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = 0x0a;
    for (let n = level * this.step; n > 0; n--) buf[p++] = 0x20;
    this.pos = p;
  }

  /** Text without line breaks, or JSON.stringify's text reindented to `level`. */
  text(s: string): boolean {
    if (!this.room(s.length * 3)) return false;
    const buf = this.buf;
    let p = this.pos;
    if (s.length < 24) {
      // Short strings by hand: a call into the encoder costs more than the loop.
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80) buf[p++] = c;
        else if (c < 0x800) {
          buf[p++] = 0xc0 | (c >> 6);
          buf[p++] = 0x80 | (c & 0x3f);
        } else if (c < 0xd800 || c > 0xdfff) {
          buf[p++] = 0xe0 | (c >> 12);
          buf[p++] = 0x80 | ((c >> 6) & 0x3f);
          buf[p++] = 0x80 | (c & 0x3f);
        } else {
          p += buf.write(s.slice(i), p);
          break;
        }
      }
    } else p += buf.write(s, p);
    this.pos = p;
    return true;
  }

  /**
   * `"s"`; a string with something to escape (rare in a model) is JSON.stringify's. Characters are
   * encoded as they are checked, and the bytes taken back when one needs an escape.
   */
  string(s: string): boolean {
    const n = s.length;
    if (!this.room(n * 3 + 2)) return false;
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = 0x22;
    if (n >= NATIVE_LENGTH && utf8Write !== undefined) {
      if (NEEDS_ESCAPE.test(s)) return this.text(JSON.stringify(s));
      p += utf8Write.call(buf, s, p, BUFFER_BYTES - p);
    } else {
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80) {
          if (c < 0x20 || c === 0x22 || c === 0x5c) return this.text(JSON.stringify(s));
          buf[p++] = c;
        } else if (c < 0x800) {
          buf[p++] = 0xc0 | (c >> 6);
          buf[p++] = 0x80 | (c & 0x3f);
        } else {
          if (c >= 0xd800 && c <= 0xdfff) return this.text(JSON.stringify(s));
          buf[p++] = 0xe0 | (c >> 12);
          buf[p++] = 0x80 | ((c >> 6) & 0x3f);
          buf[p++] = 0x80 | (c & 0x3f);
        }
      }
    }
    buf[p++] = 0x22;
    this.pos = p;
    return true;
  }

  /** A whole number below a billion digit by digit (no string made); any other as String(v) is. */
  number(v: number): boolean {
    if (!(v >= 0 && v < 1e9 && (v | 0) === v)) return this.text(Number.isFinite(v) ? String(v) : 'null');
    if (!this.room(9)) return false;
    let digits = 1;
    for (let d = v; d >= 10; d = (d / 10) | 0) digits++;
    const buf = this.buf;
    let p = this.pos + digits;
    this.pos = p;
    let d = v;
    do {
      const q = (d / 10) | 0;
      buf[--p] = 0x30 + d - q * 10;
      d = q;
    } while (d > 0);
    return true;
  }

  /** What JSON.stringify makes of a value this writer does not open (toJSON, class instances). */
  foreign(v: unknown, level: number): boolean {
    const text = JSON.stringify(v, null, this.step) ?? 'null';
    return this.text(this.step && level > 0 ? text.replace(/\n/g, `\n${' '.repeat(level * this.step)}`) : text);
  }

  /** Writes `v` whole at `level`; false when it has too many values or does not fit (bytes left behind). */
  value(v: unknown, level: number): boolean {
    if (--this.left < 0) return false;
    switch (typeof v) {
      case 'string':
        return this.string(v);
      case 'number':
        return this.number(v);
      case 'boolean':
        return this.text(v ? 'true' : 'false');
      case 'object':
        if (v === null) return this.text('null');
        if (!openable(v)) return this.foreign(v, level);
        return Array.isArray(v) ? this.array(v, level) : this.object(v as Record<string, unknown>, level);
      default:
        // undefined, a function or a symbol where a value is due (the root): as JSON.stringify, nothing
        // to write; written as null, which is what an array member would be.
        return this.text('null');
    }
  }

  private array(a: readonly unknown[], level: number): boolean {
    if (a.length === 0) return this.text('[]');
    const indent = (level + 1) * this.step + 2;
    if (!this.room(1)) return false;
    this.buf[this.pos++] = 0x5b;
    for (let i = 0; i < a.length; i++) {
      if (!this.room(indent)) return false;
      if (i > 0) this.buf[this.pos++] = 0x2c;
      this.newline(level + 1);
      const member = a[i];
      if (!this.value(absent(member) ? null : member, level + 1)) return false;
    }
    if (!this.room(indent)) return false;
    this.newline(level);
    this.buf[this.pos++] = 0x5d;
    return true;
  }

  private object(o: Record<string, unknown>, level: number): boolean {
    if (!this.forIn) return this.objectByKeys(o, level);
    if (!this.room(1)) return false;
    this.buf[this.pos++] = 0x7b;
    let any = false;
    for (const k in o) {
      const member = o[k];
      if (absent(member)) continue;
      if (!this.member(k, member, any, level)) return false;
      any = true;
    }
    return this.close(any, level);
  }

  /** `object` when for-in would also yield inherited keys. */
  private objectByKeys(o: Record<string, unknown>, level: number): boolean {
    if (!this.room(1)) return false;
    this.buf[this.pos++] = 0x7b;
    let any = false;
    for (const k of Object.keys(o)) {
      const member = o[k];
      if (absent(member)) continue;
      if (!this.member(k, member, any, level)) return false;
      any = true;
    }
    return this.close(any, level);
  }

  private member(k: string, member: unknown, after: boolean, level: number): boolean {
    const key = this.key(k);
    if (!this.room(key.length + (level + 1) * this.step + 2)) return false;
    if (after) this.buf[this.pos++] = 0x2c;
    this.newline(level + 1);
    this.bytes(key);
    return this.value(member, level + 1);
  }

  private close(any: boolean, level: number): boolean {
    if (!this.room(level * this.step + 2)) return false;
    if (any) this.newline(level);
    this.buf[this.pos++] = 0x7d;
    return true;
  }
}

/**
 * The JSON of `value` as UTF-8 in chunks of up to a megabyte. Each chunk is a view of one of two
 * buffers used in turns, written again when the chunk after the next is asked for: use it (write
 * it out) before then. A caller can so write one chunk out while the next is being made.
 */
export function* jsonBytes(value: unknown, indent = 0): Generator<Uint8Array> {
  // As JSON.stringify: an indent is at most ten spaces.
  const e = new Encoder(Math.max(0, Math.min(10, Math.floor(indent))));
  // The containers opened because they were too large to write whole, with the keys of each
  // object (null for an array), the next member and whether one has been written.
  const open: object[] = [];
  const opened = new Set<object>();
  const keysOf: (string[] | null)[] = [];
  const next: number[] = [];
  const wrote: boolean[] = [];
  let v: unknown = value;
  for (;;) {
    const level = open.length;
    // The member whole, or taken back and opened; when it did not fit, first in an empty buffer.
    for (;;) {
      const start = e.pos;
      e.left = LEAF_VALUES;
      e.full = false;
      if (e.value(v, level)) break;
      e.pos = start;
      if (e.full && start > 0) {
        yield e.handOn();
        continue;
      }
      if (v !== null && typeof v === 'object' && openable(v)) {
        if (opened.has(v)) throw new TypeError('Converting circular structure to JSON');
        if (e.pos === BUFFER_BYTES) {
          yield e.handOn();
        }
        e.buf[e.pos++] = Array.isArray(v) ? 0x5b : 0x7b;
        open.push(v);
        opened.add(v);
        keysOf.push(Array.isArray(v) ? null : Object.keys(v));
        next.push(0);
        wrote.push(false);
        break;
      }
      // One value larger than the whole buffer: a very long string.
      const text = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v, null, e.step) ?? 'null');
      yield Buffer.from(e.step && level > 0 ? text.replace(/\n/g, `\n${' '.repeat(level * e.step)}`) : text);
      break;
    }
    // The next member, closing the containers that have none left.
    for (;;) {
      const top = open.length - 1;
      if (top < 0) {
        if (e.pos > 0) yield e.buf.subarray(0, e.pos);
        return;
      }
      const container = open[top] as Record<string, unknown>;
      const keys = keysOf[top]!;
      let i = next[top]!;
      let key: Buffer | null = null;
      let member: unknown;
      let found = false;
      if (keys === null) {
        const members = container as unknown as unknown[];
        if (i < members.length) {
          member = members[i];
          found = true;
          if (absent(member)) member = null;
          i++;
        }
      } else {
        while (i < keys.length && !found) {
          const k = keys[i++]!;
          member = container[k];
          if (absent(member)) continue;
          key = e.key(k);
          found = true;
        }
      }
      next[top] = i;
      const need = (top + 1) * e.step + 2 + (key ? key.length : 0);
      if (e.pos + need > BUFFER_BYTES) {
        yield e.handOn();
      }
      if (found) {
        if (wrote[top]) e.buf[e.pos++] = 0x2c;
        wrote[top] = true;
        e.newline(top + 1);
        if (key) e.bytes(key);
        v = member;
        break;
      }
      if (keys === null || wrote[top]) e.newline(top);
      e.buf[e.pos++] = keys === null ? 0x5d : 0x7d;
      opened.delete(open.pop()!);
      keysOf.pop();
      next.pop();
      wrote.pop();
    }
  }
}
