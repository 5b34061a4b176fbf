/**
 * PostgreSQL's binary COPY format, written straight into buffers. For measurement rows it is much cheaper than
 * text on both sides: floats and times go as 8 raw bytes, so the gateway formats no numbers and dates, and the
 * server parses none (text COPY spends most of its time in float8in and timestamptz_in).
 * Format: https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01 UTC), in milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;

export class BinaryCopyWriter {
  private buf: Buffer;
  // Numbers are written through a DataView: V8 compiles its big-endian setters inline, where Buffer's
  // writeInt32BE / writeDoubleBE are checked library calls (a fifth of the gateway's COPY encoding time).
  private view: DataView;
  private pos = 0;
  private readonly chunks: Buffer[] = [];

  constructor(private readonly chunkBytes = 256 * 1024) {
    this.buf = Buffer.allocUnsafe(Math.max(chunkBytes, SIGNATURE.length + 8));
    this.view = viewOf(this.buf);
    SIGNATURE.copy(this.buf, 0);
    this.pos = SIGNATURE.length;
    this.view.setInt32(this.pos, 0); // flags: no OIDs
    this.view.setInt32(this.pos + 4, 0); // no header extension
    this.pos += 8;
  }

  /** Starts a row of `fields` columns. */
  row(fields: number): void {
    this.room(2);
    this.view.setInt16(this.pos, fields);
    this.pos += 2;
  }

  null(): void {
    this.room(4);
    this.view.setInt32(this.pos, -1);
    this.pos += 4;
  }

  text(value: string | null): void {
    if (value === null) {
      this.null();
      return;
    }
    this.room(4 + value.length * 3);
    const n = value.length <= 64 ? this.shortText(value) : this.buf.write(value, this.pos + 4, 'utf8');
    this.view.setInt32(this.pos, n);
    this.pos += 4 + n;
  }

  /** A text column from bytes that are already valid UTF-8 (copied as they are). */
  utf8(bytes: Uint8Array): void {
    this.room(4 + bytes.length);
    this.view.setInt32(this.pos, bytes.length);
    this.buf.set(bytes, this.pos + 4);
    this.pos += 4 + bytes.length;
  }

  /**
   * Short ASCII text (MN, CN, factor codes, flags: most fields) copied byte by byte; Buffer#write costs more per
   * call than such a string has bytes. Anything else goes through the UTF-8 encoder.
   */
  private shortText(value: string): number {
    const at = this.pos + 4;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) return this.buf.write(value, at, 'utf8');
      this.buf[at + i] = c;
    }
    return value.length;
  }

  /** jsonb's binary form: version 1, then the JSON text. */
  jsonb(json: string | null): void {
    if (json === null) {
      this.null();
      return;
    }
    this.room(5 + json.length * 3);
    this.buf[this.pos + 4] = 1;
    const n = this.buf.write(json, this.pos + 5, 'utf8');
    this.view.setInt32(this.pos, n + 1);
    this.pos += 5 + n;
  }

  float8(value: number | null): void {
    if (value === null) {
      this.null();
      return;
    }
    this.room(12);
    this.view.setInt32(this.pos, 8);
    this.view.setFloat64(this.pos + 4, value);
    this.pos += 12;
  }

  /** An integer column. */
  int4(value: number): void {
    this.room(8);
    this.view.setInt32(this.pos, 4);
    this.view.setInt32(this.pos + 4, value);
    this.pos += 8;
  }

  /** A smallint column. */
  int2(value: number): void {
    this.room(6);
    this.view.setInt32(this.pos, 2);
    this.view.setInt16(this.pos + 4, value);
    this.pos += 6;
  }

  /** A bigint column from a safe integer (sequence ids stay far below 2^53). */
  int8(value: number): void {
    this.room(12);
    this.view.setInt32(this.pos, 8);
    this.int64(value);
  }

  /** A timestamptz from epoch milliseconds (microseconds since 2000-01-01 UTC on the wire). */
  timestamptz(epochMs: number): void {
    this.room(12);
    this.view.setInt32(this.pos, 8);
    this.int64((epochMs - PG_EPOCH_MS) * 1000);
  }

  /** Everything written, with the trailer, as buffers of about `chunkBytes` each. */
  finish(): Buffer[] {
    this.room(2);
    this.view.setInt16(this.pos, -1);
    this.pos += 2;
    this.chunks.push(this.buf.subarray(0, this.pos));
    return this.chunks;
  }

  private int64(value: number): void {
    const hi = Math.floor(value / TWO_32);
    this.view.setInt32(this.pos + 4, hi);
    this.view.setUint32(this.pos + 8, value - hi * TWO_32);
    this.pos += 12;
  }

  /** Makes room for `bytes` more, moving on to a new chunk when this one is full. */
  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
    this.view = viewOf(this.buf);
    this.pos = 0;
  }
}

function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}
