import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import copyStreams from 'pg-copy-streams';
import type { DbHandle } from '../db/create-db.js';
import { BinaryCopyWriter } from './binary-copy.js';
import { FactorDictionary } from './factor-dictionary.js';
import { dedupeRows, type MeasurementRow } from './measurement-rows.js';
import { MeasurementPartitions } from './partitions.js';

export type PacketOutcome = 'stored' | 'partial' | 'quarantined' | 'rejected' | 'reply' | 'ignored';
export type QuarantineReason = 'unknown-mn' | 'wrong-password' | 'disabled' | 'implausible-time';

/** Everything one received frame leaves in the database. */
export interface SinkItem {
  receivedAtMs: number;
  connectionId: string;
  remote: string;
  /** The frame as received: its bytes when they are valid UTF-8 without NUL (the common case), else text. */
  raw: string | Uint8Array;
  mn: string | null;
  cn: string | null;
  qn: string | null;
  dataTimeMs: number | null;
  outcome: PacketOutcome;
  errorCode: string | null;
  quarantine: QuarantineReason | null;
  /** The device's number (`monitoring_device.id`) when the item stores measurement rows. */
  deviceId: number | null;
  rows: MeasurementRow[];
}

/** The received frame as text. */
export function rawText(raw: SinkItem['raw']): string {
  return typeof raw === 'string'
    ? raw
    : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
}

export interface PacketSink {
  /** Writes the items in one transaction; resolves only after commit. */
  write(items: readonly SinkItem[]): Promise<void>;
}

const MEASUREMENT_COLUMNS = [
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
  'packet_id',
  'received_at',
] as const;

const PACKET_COLUMNS = [
  'id',
  'received_at',
  'connection_id',
  'remote',
  'mn',
  'cn',
  'qn',
  'data_time',
  'outcome',
  'error_code',
  'raw',
] as const;

const MEASUREMENT_COLUMN_LIST = MEASUREMENT_COLUMNS.join(',');
const KEY_COLUMNS = ['device_id', 'cn', 'data_time', 'factor_id'];
const UPSERT_SET = MEASUREMENT_COLUMNS.filter((c) => !KEY_COLUMNS.includes(c))
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/** A measurement row with what the batch adds to it: its device's number, its packet's id and arrival time. */
interface Staged {
  row: MeasurementRow;
  deviceId: number;
  packetId: string;
  receivedAtMs: number;
}

/**
 * Measurement rows in PostgreSQL's binary COPY format, in MEASUREMENT_COLUMNS order: numbers and times go as
 * raw bytes, so neither side formats or parses them. Every factor code must be in `factors` already.
 */
function binaryRows(staged: Iterable<Staged>, factors: FactorDictionary): Buffer[] {
  const w = new BinaryCopyWriter();
  let lastPacket = '';
  let packetIdNumber = 0;
  let lastCn = '';
  let cnNumber = 0;
  for (const { row: r, deviceId, packetId, receivedAtMs } of staged) {
    if (packetId !== lastPacket) {
      lastPacket = packetId;
      packetIdNumber = Number(packetId);
    }
    if (r.cn !== lastCn) {
      lastCn = r.cn;
      cnNumber = Number(r.cn);
    }
    w.row(MEASUREMENT_COLUMNS.length);
    w.int4(deviceId);
    w.int2(cnNumber);
    w.timestamptz(r.dataTimeMs);
    w.int4(factors.idOf(r.factor)!);
    w.float8(r.rtd);
    w.float8(r.avg);
    w.float8(r.min);
    w.float8(r.max);
    w.float8(r.cou);
    w.float8(r.zsRtd);
    w.float8(r.zsAvg);
    w.float8(r.zsMin);
    w.float8(r.zsMax);
    w.text(r.flag);
    w.jsonb(r.extra === null ? null : JSON.stringify(r.extra));
    w.int8(packetIdNumber);
    w.timestamptz(receivedAtMs);
  }
  return w.finish();
}

/** Packet rows in PostgreSQL's binary COPY format, in PACKET_COLUMNS order. */
function binaryPackets(items: readonly SinkItem[], ids: readonly string[]): Buffer[] {
  const w = new BinaryCopyWriter();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    w.row(PACKET_COLUMNS.length);
    w.int8(Number(ids[i]));
    w.timestamptz(item.receivedAtMs);
    w.text(item.connectionId);
    w.text(item.remote);
    w.text(item.mn);
    w.text(item.cn);
    w.text(item.qn);
    if (item.dataTimeMs === null) w.null();
    else w.timestamptz(item.dataTimeMs);
    w.text(item.outcome);
    w.text(item.errorCode);
    if (typeof item.raw === 'string') w.text(item.raw);
    else w.utf8(item.raw);
  }
  return w.finish();
}

/** Every measurement row of the batch in arrival order, with its packet (one reused holder object). */
function* stagedRows(items: readonly SinkItem[], ids: readonly string[]): Generator<Staged> {
  const holder: Staged = {
    row: null as unknown as MeasurementRow,
    deviceId: 0,
    packetId: '',
    receivedAtMs: 0,
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.rows.length === 0) continue;
    holder.deviceId = item.deviceId!;
    holder.packetId = ids[i]!;
    holder.receivedAtMs = item.receivedAtMs;
    for (const row of item.rows) {
      holder.row = row;
      yield holder;
    }
  }
}

/** The last row of each key, for the upsert path (one statement may not touch a key twice). */
function dedupedRows(items: readonly SinkItem[], ids: readonly string[]): Staged[] {
  const copies: Staged[] = [];
  for (const s of stagedRows(items, ids)) copies.push({ ...s });
  return dedupeRows(copies);
}

function placeholders(rows: number, cols: number, offset = 0): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) cells.push(`$${offset + r * cols + c + 1}`);
    out.push(`(${cells.join(',')})`);
  }
  return out.join(',');
}

/** The (mn, hour) pairs of minute data in the batch: their hourly rollups must be recomputed. */
function dirtyHours(items: readonly SinkItem[]): unknown[][] {
  const seen = new Set<string>();
  const out: unknown[][] = [];
  let lastMn = '';
  let lastHourMs = Number.NaN;
  for (const item of items) {
    for (const row of item.rows) {
      if (row.cn !== '2051') continue;
      const hourMs = Math.floor(row.dataTimeMs / 3_600_000) * 3_600_000;
      // Rows of a packet share MN and hour: skip the key unless either changed.
      if (hourMs === lastHourMs && row.mn === lastMn) continue;
      lastMn = row.mn;
      lastHourMs = hourMs;
      const key = `${row.mn}\u0000${hourMs}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([row.mn, new Date(hourMs).toISOString()]);
    }
  }
  return out;
}

const DIRTY_UPSERT = (n: number) =>
  `insert into rollup_dirty_hour (mn, hour) values ${placeholders(n, 2)} on conflict (mn, hour) do update set marked_at = now()`;

/** Quarantine rows of the batch: packets from unknown or unauthorised devices, kept with the reason. */
function quarantineRows(items: readonly SinkItem[], ids: readonly string[]): unknown[][] {
  const out: unknown[][] = [];
  items.forEach((item, i) => {
    if (item.quarantine) {
      out.push([
        ids[i]!,
        new Date(item.receivedAtMs).toISOString(),
        item.mn,
        item.quarantine,
        rawText(item.raw),
      ]);
    }
  });
  return out;
}

/**
 * What the batch's rows need before its transaction: their monthly partitions and numbers for factor codes not
 * seen before (each looked up only when new).
 */
async function prepareBatch(
  partitions: MeasurementPartitions,
  factors: FactorDictionary,
  items: readonly SinkItem[],
): Promise<void> {
  const months: number[] = [];
  const codes: string[] = [];
  for (const item of items) {
    for (const r of item.rows) {
      if (!partitions.covers(r.dataTimeMs)) months.push(r.dataTimeMs);
      if (factors.idOf(r.factor) === undefined) codes.push(r.factor);
    }
  }
  if (months.length > 0) await partitions.ensureFor(months);
  if (codes.length > 0) await factors.ensure(codes);
}

/** What one batch needs of an open transaction: statements, and a binary COPY into a table. */
interface BatchTx {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  /** `COPY target FROM … WITH (FORMAT binary)` fed with `chunks`. */
  copyIn(target: string, chunks: Buffer[]): Promise<void>;
}

/**
 * One batch in one transaction: packets by COPY, quarantine rows, then measurements by COPY straight into
 * `measurement`. A resend inside or across batches violates the key; then the batch goes through a stage and an
 * upsert so the newer value replaces the older one.
 */
async function writeBatch(tx: BatchTx, items: readonly SinkItem[], factors: FactorDictionary): Promise<void> {
  const idRes = await tx.query(
    "select nextval('hj212_packet_id_seq')::text as id from generate_series(1, $1)",
    [items.length],
  );
  const ids = (idRes.rows as Array<{ id: string }>).map((r) => r.id);
  await tx.copyIn(`hj212_packet (${PACKET_COLUMNS.join(',')})`, binaryPackets(items, ids));
  const quarantine = quarantineRows(items, ids);
  if (quarantine.length > 0) {
    await tx.query(
      `insert into hj212_quarantine (packet_id, received_at, mn, reason, raw) values ${placeholders(quarantine.length, 5)}`,
      quarantine.flat(),
    );
  }
  if (!items.some((item) => item.rows.length > 0)) return;
  await tx.query('savepoint direct_copy');
  try {
    await tx.copyIn(
      `measurement_value (${MEASUREMENT_COLUMN_LIST})`,
      binaryRows(stagedRows(items, ids), factors),
    );
    await tx.query('release savepoint direct_copy');
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    await tx.query('rollback to savepoint direct_copy');
    await tx.query(
      'create temp table if not exists measurement_value_stage (like measurement_value) on commit delete rows',
    );
    await tx.copyIn(
      `measurement_value_stage (${MEASUREMENT_COLUMN_LIST})`,
      binaryRows(dedupedRows(items, ids), factors),
    );
    await tx.query(
      `insert into measurement_value (${MEASUREMENT_COLUMN_LIST}) select ${MEASUREMENT_COLUMN_LIST} from measurement_value_stage on conflict (${KEY_COLUMNS.join(', ')}) do update set ${UPSERT_SET}`,
    );
  }
  const dirty = dirtyHours(items);
  if (dirty.length > 0) await tx.query(DIRTY_UPSERT(dirty.length), dirty.flat());
}

/** The sink for PostgreSQL: a pooled connection per batch, COPY over the wire. */
function postgresSink(
  handle: DbHandle,
  partitions: MeasurementPartitions,
  factors: FactorDictionary,
): PacketSink {
  const pool = handle.pool!;
  return {
    async write(items) {
      if (items.length === 0) return;
      // Partitions and factor numbers first, on their own connections: they must not wait inside the data
      // transaction (nor make another lane's transaction wait).
      await prepareBatch(partitions, factors, items);
      const client = await pool.connect();
      try {
        await client.query('begin');
        await writeBatch(
          {
            query: (text, params) => client.query(text, params),
            copyIn: (target, chunks) =>
              pipeline(
                Readable.from(chunks),
                client.query(copyStreams.from(`copy ${target} from stdin with (format binary)`)),
              ),
          },
          items,
          factors,
        );
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

/** The sink for embedded PGlite: the same transaction; COPY input comes from a blob. */
function pgliteSink(
  handle: DbHandle,
  partitions: MeasurementPartitions,
  factors: FactorDictionary,
): PacketSink {
  const pg = handle.pglite!;
  return {
    async write(items) {
      if (items.length === 0) return;
      await prepareBatch(partitions, factors, items);
      await pg.transaction((tx) =>
        writeBatch(
          {
            query: (text, params) => tx.query(text, params),
            copyIn: async (target, chunks) => {
              await tx.query(`copy ${target} from '/dev/blob' with (format binary)`, [], {
                blob: new Blob(chunks),
              });
            },
          },
          items,
          factors,
        ),
      );
    },
  };
}

/** The sink for the configured database. */
export function createPacketSink(handle: DbHandle): PacketSink {
  const partitions = new MeasurementPartitions(handle.db);
  const factors = new FactorDictionary(handle.db);
  return handle.kind === 'postgres'
    ? postgresSink(handle, partitions, factors)
    : pgliteSink(handle, partitions, factors);
}

/** Number of measurement rows stored (tests and status). */
export async function countMeasurements(handle: DbHandle, mn?: string): Promise<number> {
  const q = mn
    ? sql<{ n: string }>`select count(*)::text as n from measurement where mn = ${mn}`
    : sql<{ n: string }>`select count(*)::text as n from measurement`;
  const res = await q.execute(handle.db);
  return Number(res.rows[0]?.n ?? 0);
}
