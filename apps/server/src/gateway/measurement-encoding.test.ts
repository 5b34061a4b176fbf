import { decodeFrame, encodeFrame, type Hj212Packet } from '@ecep/hj212';
import { describe, expect, it } from 'vitest';
import { COPY_HEADER, COPY_TRAILER } from './binary-copy.js';
import {
  decodeRows,
  type EncodingContext,
  encodePacketRows,
  encodeRows,
  MEASUREMENT_COLUMNS,
  rowKey,
  rowStarts,
  setPacketId,
} from './measurement-encoding.js';
import { measurementRow, measurementRows } from './measurement-rows.js';

const FACTOR_IDS: Record<string, number> = { a21026: 1, a19001: 2, a00000: 3, w01018: 4 };
const everyMonth: EncodingContext = { factorIdOf: (code) => FACTOR_IDS[code], covers: () => true };
const RECEIVED = Date.UTC(2026, 10, 24, 2, 1, 5);

function decoded(cp: string): Hj212Packet {
  const frame = encodeFrame(`QN=20261124100100001;ST=31;CN=2051;PW=123456;MN=MN-E;Flag=5;CP=&&${cp}&&`);
  const result = decodeFrame(new TextEncoder().encode(frame));
  if (!result.ok) throw new Error(result.error.message);
  return result.packet;
}

// Two records (10:00 and 10:01 Beijing), a flag, an instrument's own fields with non-ASCII text, missing values.
const PACKET = decoded(
  'DataTime=20261124100000;a21026-Avg=12.5,a21026-Min=10,a21026-Max=15,a21026-Flag=N,a21026-Info=量程//上限;' +
    'a19001-Avg=9.25,a19001-Flag=D,a19001-SampleTime=20261124095900,a19001-EFlag=E1;' +
    'DataTime=20261124100100;a00000-Rtd=120.5,a00000-ZsRtd=118',
);

/** Field `column` of row `r` as its raw bytes (null for SQL NULL). */
function field(bytes: Buffer, start: number, column: string): Buffer | null {
  let pos = start + 2;
  for (const c of MEASUREMENT_COLUMNS) {
    const len = bytes.readInt32BE(pos);
    if (c === column) return len < 0 ? null : bytes.subarray(pos + 4, pos + 4 + len);
    pos += 4 + Math.max(len, 0);
  }
  throw new Error(`no column ${column}`);
}

describe('measurement rows encoded when a packet is decided', () => {
  it('holds exactly the values the plain rows hold, record by record', () => {
    const encoded = encodePacketRows(PACKET, 7, RECEIVED, everyMonth);
    expect(encoded).not.toBeNull();
    expect(encoded!.count).toBe(3);
    expect(encoded!.factors).toEqual(['a21026', 'a19001', 'a00000']);
    expect(encoded!.dataTimesMs).toEqual([Date.UTC(2026, 10, 24, 2, 0), Date.UTC(2026, 10, 24, 2, 1)]);
    expect(decodeRows(encoded!, 'MN-E', '2051')).toEqual(measurementRows(PACKET));
    expect(measurementRows(PACKET)[0]!.extra).toEqual({ Info: '量程//上限' });
  });

  it('puts device, CN, data time, factor number and arrival time into every row', () => {
    const encoded = encodePacketRows(PACKET, 7, RECEIVED, everyMonth)!;
    const starts = rowStarts(encoded);
    expect(starts).toHaveLength(3);
    const third = starts[2]!;
    expect(field(encoded.bytes, third, 'device_id')!.readInt32BE(0)).toBe(7);
    expect(field(encoded.bytes, third, 'cn')!.readInt16BE(0)).toBe(2051);
    expect(field(encoded.bytes, third, 'factor_id')!.readInt32BE(0)).toBe(3);
    // timestamptz: microseconds since 2000-01-01 UTC.
    const micros = (b: Buffer) => Number(b.readBigInt64BE(0));
    expect(micros(field(encoded.bytes, third, 'data_time')!)).toBe(
      (Date.UTC(2026, 10, 24, 2, 1) - Date.UTC(2000, 0, 1)) * 1000,
    );
    expect(micros(field(encoded.bytes, third, 'received_at')!)).toBe(
      (RECEIVED - Date.UTC(2000, 0, 1)) * 1000,
    );
    expect(field(encoded.bytes, third, 'avg')).toBeNull();
    expect(field(encoded.bytes, third, 'zs_rtd')!.readDoubleBE(0)).toBe(118);
  });

  it('is not done while a factor code has no number or a month no partition: the caller keeps plain rows', () => {
    const noW = {
      factorIdOf: (c: string) => (c === 'a00000' ? undefined : FACTOR_IDS[c]),
      covers: () => true,
    };
    expect(encodePacketRows(PACKET, 7, RECEIVED, noW)).toBeNull();
    const noDecember = { ...everyMonth, covers: (t: number) => t < Date.UTC(2026, 10, 24, 2, 1) };
    expect(encodePacketRows(PACKET, 7, RECEIVED, noDecember)).toBeNull();
    // The scratch pad starts clean after a refusal: the next packet's rows are only its own.
    expect(decodeRows(encodePacketRows(PACKET, 7, RECEIVED, everyMonth)!, 'MN-E', '2051')).toHaveLength(3);
  });

  it('sets the packet id in every row once the batch knows it, beyond 2^32', () => {
    const encoded = encodePacketRows(PACKET, 7, RECEIVED, everyMonth)!;
    setPacketId(encoded, 2 ** 33 + 5);
    for (const start of rowStarts(encoded)) {
      expect(Number(field(encoded.bytes, start, 'packet_id')!.readBigInt64BE(0))).toBe(2 ** 33 + 5);
    }
    // The values are untouched.
    expect(decodeRows(encoded, 'MN-E', '2051')).toEqual(measurementRows(PACKET));
  });

  it('gives one key per (device, CN, data time, factor), whatever the values', () => {
    const a = encodeRows(
      [measurementRow({ mn: 'X', factor: 'a21026', dataTimeMs: RECEIVED, avg: 1 })],
      7,
      1,
      (c) => FACTOR_IDS[c],
    );
    const b = encodeRows(
      [measurementRow({ mn: 'X', factor: 'a21026', dataTimeMs: RECEIVED, avg: 2, flag: 'D' })],
      7,
      2,
      (c) => FACTOR_IDS[c],
    );
    const otherFactor = encodeRows(
      [measurementRow({ mn: 'X', factor: 'a19001', dataTimeMs: RECEIVED, avg: 1 })],
      7,
      1,
      (c) => FACTOR_IDS[c],
    );
    const otherDevice = encodeRows(
      [measurementRow({ mn: 'X', factor: 'a21026', dataTimeMs: RECEIVED, avg: 1 })],
      8,
      1,
      (c) => FACTOR_IDS[c],
    );
    expect(rowKey(a.bytes, 0)).toBe(rowKey(b.bytes, 0));
    expect(rowKey(a.bytes, 0)).not.toBe(rowKey(otherFactor.bytes, 0));
    expect(rowKey(a.bytes, 0)).not.toBe(rowKey(otherDevice.bytes, 0));
  });

  it('encodes plain rows the same way, and refuses a factor code without a number', () => {
    const rows = measurementRows(PACKET);
    const encoded = encodeRows(rows, 7, RECEIVED, (c) => FACTOR_IDS[c]);
    expect(encoded.bytes).toEqual(encodePacketRows(PACKET, 7, RECEIVED, everyMonth)!.bytes);
    expect(() => encodeRows(rows, 7, RECEIVED, () => undefined)).toThrow(/a21026/);
  });

  it('writes rows only: a stream is the header, the rows and the trailer', () => {
    const encoded = encodePacketRows(PACKET, 7, RECEIVED, everyMonth)!;
    expect(encoded.bytes.subarray(0, 2).readInt16BE(0)).toBe(MEASUREMENT_COLUMNS.length);
    expect(COPY_HEADER.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(COPY_TRAILER.readInt16BE(0)).toBe(-1);
  });
});
