import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import copyStreams from 'pg-copy-streams';
import type { DbHandle } from '../db/create-db.js';
import { BinaryCopyWriter } from './binary-copy.js';
import { dedupeRows, type MeasurementRow } from './measurement-rows.js';
import { MeasurementPartitions } from './partitions.js';

export type PacketOutcome = 'stored' | 'partial' | 'quarantined' | 'rejected' | 'reply' | 'ignored';
export type QuarantineReason = 'unknown-mn' | 'wrong-password' | 'disabled';

/** Everything one received frame leaves in the database. */
export interface SinkItem {
  receivedAtMs: number;
  connectionId: string;
  remote: string;
  raw: string;
  mn: string | null;
  cn: string | null;
  qn: string | null;
  dataTimeMs: number | null;
  outcome: PacketOutcome;
  errorCode: string | null;
  quarantine: QuarantineReason | null;
  rows: MeasurementRow[];
}

export interface PacketSink {
  /** Writes the items in one transaction; resolves only after commit. */
  write(items: readonly SinkItem[]): Promise<void>;
}

const MEASUREMENT_COLUMNS = [
  'mn',
  'cn',
  'data_time',
  'factor',
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

const UPSERT_SET = MEASUREMENT_COLUMNS.filter((c) => !['mn', 'cn', 'factor', 'data_time'].includes(c))
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/** A measurement row with what the batch adds to it: the id of its packet and when that packet arrived. */
interface Staged {
  row: MeasurementRow;
  packetId: string;
  receivedAtMs: number;
}

/**
 * Measurement rows in PostgreSQL's binary COPY format, in MEASUREMENT_COLUMNS order: floats and times go as
 * 8 raw bytes, so neither side formats or parses them.
 */
function binaryRows(staged: Iterable<Staged>): Buffer[] {
  const w = new BinaryCopyWriter();
  let lastPacket = '';
  let packetIdNumber = 0;
  for (const { row: r, packetId, receivedAtMs } of staged) {
    if (packetId !== lastPacket) {
      lastPacket = packetId;
      packetIdNumber = Number(packetId);
    }
    w.row(MEASUREMENT_COLUMNS.length);
    w.text(r.mn);
    w.text(r.cn);
    w.timestamptz(r.dataTimeMs);
    w.text(r.factor);
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
    w.text(item.raw);
  }
  return w.finish();
}

/** Every measurement row of the batch in arrival order, with its packet (one reused holder object). */
function* stagedRows(items: readonly SinkItem[], ids: readonly string[]): Generator<Staged> {
  const holder: Staged = { row: null as unknown as MeasurementRow, packetId: '', receivedAtMs: 0 };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
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
      out.push([ids[i]!, new Date(item.receivedAtMs).toISOString(), item.mn, item.quarantine, item.raw]);
    }
  });
  return out;
}

/** Creates the monthly partitions the batch's rows need (looking up each row's month only when it is new). */
async function ensurePartitions(
  partitions: MeasurementPartitions,
  items: readonly SinkItem[],
): Promise<void> {
  const missing: number[] = [];
  for (const item of items)
    for (const r of item.rows) if (!partitions.covers(r.dataTimeMs)) missing.push(r.dataTimeMs);
  if (missing.length > 0) await partitions.ensureFor(missing);
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
async function writeBatch(tx: BatchTx, items: readonly SinkItem[]): Promise<void> {
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
    await tx.copyIn(`measurement (${MEASUREMENT_COLUMNS.join(',')})`, binaryRows(stagedRows(items, ids)));
    await tx.query('release savepoint direct_copy');
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    await tx.query('rollback to savepoint direct_copy');
    await tx.query(
      'create temp table if not exists measurement_stage (like measurement) on commit delete rows',
    );
    await tx.copyIn(
      `measurement_stage (${MEASUREMENT_COLUMNS.join(',')})`,
      binaryRows(dedupedRows(items, ids)),
    );
    await tx.query(
      `insert into measurement (${MEASUREMENT_COLUMNS.join(',')}) select ${MEASUREMENT_COLUMNS.join(',')} from measurement_stage on conflict (mn, cn, data_time, factor) do update set ${UPSERT_SET}`,
    );
  }
  const dirty = dirtyHours(items);
  if (dirty.length > 0) await tx.query(DIRTY_UPSERT(dirty.length), dirty.flat());
}

/** The sink for PostgreSQL: a pooled connection per batch, COPY over the wire. */
function postgresSink(handle: DbHandle, partitions: MeasurementPartitions): PacketSink {
  const pool = handle.pool!;
  return {
    async write(items) {
      if (items.length === 0) return;
      // Partitions first, on their own connection: DDL must not wait inside the data transaction.
      await ensurePartitions(partitions, items);
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
function pgliteSink(handle: DbHandle, partitions: MeasurementPartitions): PacketSink {
  const pg = handle.pglite!;
  return {
    async write(items) {
      if (items.length === 0) return;
      await ensurePartitions(partitions, items);
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
        ),
      );
    },
  };
}

/** The sink for the configured database. */
export function createPacketSink(handle: DbHandle): PacketSink {
  const partitions = new MeasurementPartitions(handle.db);
  return handle.kind === 'postgres' ? postgresSink(handle, partitions) : pgliteSink(handle, partitions);
}

/** Number of measurement rows stored (tests and status). */
export async function countMeasurements(handle: DbHandle, mn?: string): Promise<number> {
  const q = mn
    ? sql<{ n: string }>`select count(*)::text as n from measurement where mn = ${mn}`
    : sql<{ n: string }>`select count(*)::text as n from measurement`;
  const res = await q.execute(handle.db);
  return Number(res.rows[0]?.n ?? 0);
}
