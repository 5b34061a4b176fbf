import type { FactorValues, Hj212Packet } from '@ecep/hj212';
import { BinaryCopyWriter, PG_EPOCH_MS } from './binary-copy.js';
import { extraOf, forEachMeasurement, type MeasurementRow } from './measurement-rows.js';

/**
 * The `measurement_value` columns in the order an encoded row carries them. `packet_id` comes first: it is
 * known only inside the batch's transaction, so it is written as 0 and set in place then (`setPacketId`), and
 * as the first field it sits at the same offset in every row. The key follows, also at fixed offsets.
 */
export const MEASUREMENT_COLUMNS = [
  'packet_id',
  'device_id',
  'cn',
  'data_time',
  'factor_id',
  'rtd',
  'avg',
  'min',
  'max',
  'cou',
  'zs_rtd',
  'zs_avg',
  'zs_min',
  'zs_max',
  'flag',
  'extra',
  'received_at',
] as const;

export const MEASUREMENT_KEY_COLUMNS = ['device_id', 'cn', 'data_time', 'factor_id'] as const;

/**
 * One packet's measurement rows in PostgreSQL's binary COPY row format (no header or trailer), encoded when the
 * packet is decided. A packet waits about a second for its batch to commit; held as one buffer instead of a
 * dozen row objects, it costs the garbage collector next to nothing in that time.
 */
export interface EncodedRows {
  bytes: Buffer;
  count: number;
  /** The factor code of each row, in order (for reading values back: the live feed). */
  factors: string[];
  /** The data time of each record that gave rows, in order, each once. */
  dataTimesMs: number[];
}

/** What encoding needs to know: factor numbers, and whether a month already has its partition. */
export interface EncodingContext {
  factorIdOf(code: string): number | undefined;
  covers(dataTimeMs: number): boolean;
}

const FIELDS = MEASUREMENT_COLUMNS.length;
/** Offsets inside a row: after its field count (2 bytes), each field is a 4-byte length and its bytes. */
const PACKET_ID_AT = 2 + 4;
const KEY_FROM = PACKET_ID_AT + 8;
/** device_id (4 + 4), cn (4 + 2), data_time (4 + 8), factor_id (4 + 4). */
const KEY_BYTES = 8 + 6 + 12 + 8;
const TWO_32 = 4_294_967_296;

// One scratch writer for every packet: rows are written here, then copied out at their exact size.
const scratch = new BinaryCopyWriter(64 * 1024, false);

const num = (v: number | undefined | null) =>
  v === undefined || v === null || !Number.isFinite(v) ? null : v;

function writeRow(
  w: BinaryCopyWriter,
  deviceId: number,
  cn: number,
  dataTimeMs: number,
  factorId: number,
  v: FactorValues | MeasurementRow,
  extraJson: string | null,
  receivedAtMs: number,
): void {
  w.row(FIELDS);
  w.int8(0);
  w.int4(deviceId);
  w.int2(cn);
  w.timestamptz(dataTimeMs);
  w.int4(factorId);
  w.float8(num(v.rtd));
  w.float8(num(v.avg));
  w.float8(num(v.min));
  w.float8(num(v.max));
  w.float8(num(v.cou));
  w.float8(num(v.zsRtd));
  w.float8(num(v.zsAvg));
  w.float8(num(v.zsMin));
  w.float8(num(v.zsMax));
  w.text(v.flag ?? null);
  w.jsonb(extraJson);
  w.timestamptz(receivedAtMs);
}

/**
 * The rows of a decoded data packet, encoded; null when a factor code has no number yet or a month no partition
 * (both are made before the batch's transaction — the caller then keeps plain rows for the sink to encode).
 */
export function encodePacketRows(
  packet: Hj212Packet,
  deviceId: number,
  receivedAtMs: number,
  ctx: EncodingContext,
): EncodedRows | null {
  const cn = Number(packet.cn);
  const factors: string[] = [];
  const dataTimesMs: number[] = [];
  let ready = true;
  forEachMeasurement(packet, (dataTimeMs, factor, values) => {
    if (!ready) return;
    const factorId = ctx.factorIdOf(factor);
    if (factorId === undefined || !ctx.covers(dataTimeMs)) {
      ready = false;
      return;
    }
    if (dataTimesMs.at(-1) !== dataTimeMs) dataTimesMs.push(dataTimeMs);
    factors.push(factor);
    const extra = extraOf(values);
    writeRow(
      scratch,
      deviceId,
      cn,
      dataTimeMs,
      factorId,
      values,
      extra === null ? null : JSON.stringify(extra),
      receivedAtMs,
    );
  });
  const bytes = scratch.take();
  return ready ? { bytes, count: factors.length, factors, dataTimesMs } : null;
}

/** Plain rows (one device), encoded; every factor code must have its number already. */
export function encodeRows(
  rows: readonly MeasurementRow[],
  deviceId: number,
  receivedAtMs: number,
  factorIdOf: (code: string) => number | undefined,
): EncodedRows {
  // Every number first: a refusal must leave nothing behind in the scratch pad.
  const factorIds = rows.map((r) => {
    const id = factorIdOf(r.factor);
    if (id === undefined) throw new Error(`factor ${r.factor} has no number yet`);
    return id;
  });
  const factors: string[] = [];
  const dataTimesMs: number[] = [];
  rows.forEach((r, i) => {
    if (dataTimesMs.at(-1) !== r.dataTimeMs) dataTimesMs.push(r.dataTimeMs);
    factors.push(r.factor);
    writeRow(
      scratch,
      deviceId,
      Number(r.cn),
      r.dataTimeMs,
      factorIds[i] as number,
      r,
      r.extra === null ? null : JSON.stringify(r.extra),
      receivedAtMs,
    );
  });
  return { bytes: scratch.take(), count: factors.length, factors, dataTimesMs };
}

/** The byte offset where each row starts. */
export function rowStarts(encoded: EncodedRows): number[] {
  const { bytes, count } = encoded;
  const starts: number[] = [];
  let pos = 0;
  for (let r = 0; r < count; r++) {
    starts.push(pos);
    const fields = bytes.readInt16BE(pos);
    pos += 2;
    for (let f = 0; f < fields; f++) {
      const len = bytes.readInt32BE(pos);
      pos += 4 + Math.max(len, 0);
    }
  }
  return starts;
}

/** Writes the packet's id into every row (in place). */
export function setPacketId(encoded: EncodedRows, packetId: number): void {
  const hi = Math.floor(packetId / TWO_32);
  const lo = packetId - hi * TWO_32;
  for (const start of rowStarts(encoded)) {
    encoded.bytes.writeInt32BE(hi, start + PACKET_ID_AT);
    encoded.bytes.writeUInt32BE(lo, start + PACKET_ID_AT + 4);
  }
}

/** A row's key (device, CN, data time, factor) as a string of its bytes, for finding repeats. */
export function rowKey(bytes: Buffer, start: number): string {
  return bytes.toString('latin1', start + KEY_FROM, start + KEY_FROM + KEY_BYTES);
}

/** The bytes of one row. */
export function rowBytes(encoded: EncodedRows, starts: readonly number[], r: number): Buffer {
  return encoded.bytes.subarray(starts[r], r + 1 < starts.length ? starts[r + 1] : encoded.bytes.length);
}

/**
 * The rows back as values (the live feed's events), for a packet of `mn` and `cn`. Inverse of the encoding for
 * everything the rows hold.
 */
export function decodeRows(encoded: EncodedRows, mn: string, cn: string): MeasurementRow[] {
  const { bytes } = encoded;
  const out: MeasurementRow[] = [];
  const starts = rowStarts(encoded);
  for (let r = 0; r < starts.length; r++) {
    let pos = (starts[r] as number) + 2;
    const field = (): [number, number] => {
      const len = bytes.readInt32BE(pos);
      const at = pos + 4;
      pos = at + Math.max(len, 0);
      return [at, len];
    };
    const float = () => {
      const [at, len] = field();
      return len < 0 ? null : bytes.readDoubleBE(at);
    };
    const time = () => {
      const [at] = field();
      return (bytes.readInt32BE(at) * TWO_32 + bytes.readUInt32BE(at + 4)) / 1000 + PG_EPOCH_MS;
    };
    field(); // packet_id
    field(); // device_id
    field(); // cn
    const dataTimeMs = time();
    field(); // factor_id
    const [rtd, avg, min, max, cou, zsRtd, zsAvg, zsMin, zsMax] = Array.from({ length: 9 }, float);
    const [flagAt, flagLen] = field();
    const [extraAt, extraLen] = field();
    out.push({
      mn,
      cn,
      dataTimeMs,
      factor: encoded.factors[r] as string,
      rtd: rtd ?? null,
      avg: avg ?? null,
      min: min ?? null,
      max: max ?? null,
      cou: cou ?? null,
      zsRtd: zsRtd ?? null,
      zsAvg: zsAvg ?? null,
      zsMin: zsMin ?? null,
      zsMax: zsMax ?? null,
      flag: flagLen < 0 ? null : bytes.toString('utf8', flagAt, flagAt + flagLen),
      // jsonb: a version byte, then the JSON text.
      extra: extraLen < 0 ? null : JSON.parse(bytes.toString('utf8', extraAt + 1, extraAt + extraLen)),
    });
  }
  return out;
}
