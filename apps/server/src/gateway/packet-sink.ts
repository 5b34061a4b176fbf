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

const UPSERT_SET = MEASUREMENT_COLUMNS.filter((c) => !['mn', 'cn', 'factor', 'data_time'].includes(c))
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/** A measurement row with what the batch adds to it: the id of its packet and when that packet arrived. */
interface Staged {
  row: MeasurementRow;
  packetId: string;
  receivedAtMs: number;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A text COPY field: `\N` for null, backslash escapes only where needed. */
function textField(v: string | null): string {
  if (v === null) return '\\N';
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const numField = (v: number | null) => (v === null ? '\\N' : String(v));

/**
 * One measurement row as a COPY text line, in MEASUREMENT_COLUMNS order, built without intermediate arrays.
 * The packet's id and received time come pre-rendered: they are the same for all rows of a packet.
 */
function measurementLine(r: MeasurementRow, dataTimeIso: string, packetTail: string): string {
  return `${textField(r.mn)}\t${textField(r.cn)}\t${dataTimeIso}\t${textField(r.factor)}\t${numField(r.rtd)}\t${numField(r.avg)}\t${numField(r.min)}\t${numField(r.max)}\t${numField(r.cou)}\t${numField(r.zsRtd)}\t${numField(r.zsAvg)}\t${numField(r.zsMin)}\t${numField(r.zsMax)}\t${textField(r.flag)}\t${textField(r.extra === null ? null : JSON.stringify(r.extra))}\t${packetTail}`;
}

/**
 * COPY text of measurement rows, joined into chunks of a few hundred KB so the stream is not fed line by line.
 * Walks the staged rows of each packet in place: the hot path makes no per-row objects besides the line.
 */
function* copyChunks(staged: Iterable<Staged>): Generator<string> {
  let chunk = '';
  let lastDataMs = Number.NaN;
  let dataIso = '';
  let lastPacket = '';
  let packetTail = '';
  for (const { row, packetId, receivedAtMs } of staged) {
    if (row.dataTimeMs !== lastDataMs) {
      lastDataMs = row.dataTimeMs;
      dataIso = new Date(lastDataMs).toISOString();
    }
    if (packetId !== lastPacket) {
      lastPacket = packetId;
      packetTail = `${packetId}\t${new Date(receivedAtMs).toISOString()}\n`;
    }
    chunk += measurementLine(row, dataIso, packetTail);
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Measurement rows in PostgreSQL's binary COPY format, in MEASUREMENT_COLUMNS order. */
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

/** One packet as a COPY text line, in PACKET_COLUMNS order. */
function packetLine(item: SinkItem, id: string): string {
  const dataTime = item.dataTimeMs === null ? '\\N' : new Date(item.dataTimeMs).toISOString();
  return `${id}\t${new Date(item.receivedAtMs).toISOString()}\t${textField(item.connectionId)}\t${textField(item.remote)}\t${textField(item.mn)}\t${textField(item.cn)}\t${textField(item.qn)}\t${dataTime}\t${item.outcome}\t${textField(item.errorCode)}\t${textField(item.raw)}\n`;
}

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

function* packetCopyChunks(items: readonly SinkItem[], ids: readonly string[]): Generator<string> {
  let chunk = '';
  for (let i = 0; i < items.length; i++) {
    chunk += packetLine(items[i]!, ids[i]!);
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
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

const countRows = (items: readonly SinkItem[]) => items.reduce((n, item) => n + item.rows.length, 0);

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

/** The sink for PostgreSQL: packets by multi-row insert, measurements by COPY into a stage, then upsert. */
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
        const idRes = await client.query<{ id: string }>(
          "select nextval('hj212_packet_id_seq')::text as id from generate_series(1, $1)",
          [items.length],
        );
        const ids = idRes.rows.map((r) => r.id);
        const quarantine = quarantineRows(items, ids);
        const rowCount = countRows(items);
        // Raw packets by COPY too: they are the bulk of the bytes (≈ 800 each).
        await pipeline(
          Readable.from(binaryPackets(items, ids)),
          client.query(
            copyStreams.from(
              `copy hj212_packet (${PACKET_COLUMNS.join(',')}) from stdin with (format binary)`,
            ),
          ),
        );
        if (quarantine.length > 0) {
          await client.query(
            `insert into hj212_quarantine (packet_id, received_at, mn, reason, raw) values ${placeholders(quarantine.length, 5)}`,
            quarantine.flat(),
          );
        }
        if (rowCount > 0) {
          // Fast path: COPY straight into measurement. A resend inside or across batches violates the key;
          // then the batch goes through a stage and an upsert so the newer value replaces the older one.
          await client.query('savepoint direct_copy');
          try {
            await pipeline(
              Readable.from(binaryRows(stagedRows(items, ids))),
              client.query(
                copyStreams.from(
                  `copy measurement (${MEASUREMENT_COLUMNS.join(',')}) from stdin with (format binary)`,
                ),
              ),
            );
            await client.query('release savepoint direct_copy');
          } catch (err) {
            if ((err as { code?: string }).code !== '23505') throw err;
            await client.query('rollback to savepoint direct_copy');
            await client.query(
              'create temp table if not exists measurement_stage (like measurement) on commit delete rows',
            );
            await pipeline(
              Readable.from(binaryRows(dedupedRows(items, ids))),
              client.query(
                copyStreams.from(
                  `copy measurement_stage (${MEASUREMENT_COLUMNS.join(',')}) from stdin with (format binary)`,
                ),
              ),
            );
            await client.query(
              `insert into measurement (${MEASUREMENT_COLUMNS.join(',')}) select ${MEASUREMENT_COLUMNS.join(',')} from measurement_stage on conflict (mn, cn, data_time, factor) do update set ${UPSERT_SET}`,
            );
          }
          const dirty = dirtyHours(items);
          if (dirty.length > 0) await client.query(DIRTY_UPSERT(dirty.length), dirty.flat());
        }
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

/** The sink for embedded PGlite: one transaction of multi-row inserts and upserts. */
function pgliteSink(handle: DbHandle, partitions: MeasurementPartitions): PacketSink {
  const pg = handle.pglite!;
  return {
    async write(items) {
      if (items.length === 0) return;
      await ensurePartitions(partitions, items);
      await pg.transaction(async (tx) => {
        const idRes = await tx.query<{ id: string }>(
          "select nextval('hj212_packet_id_seq')::text as id from generate_series(1, $1)",
          [items.length],
        );
        const ids = idRes.rows.map((r) => r.id);
        const quarantine = quarantineRows(items, ids);
        const rowCount = countRows(items);
        // PGlite reads COPY input from a blob: one call per table instead of thousands of bound parameters.
        await tx.query(`copy hj212_packet (${PACKET_COLUMNS.join(',')}) from '/dev/blob'`, [], {
          blob: new Blob([...packetCopyChunks(items, ids)]),
        });
        if (quarantine.length > 0) {
          await tx.query(
            `insert into hj212_quarantine (packet_id, received_at, mn, reason, raw) values ${placeholders(quarantine.length, 5)}`,
            quarantine.flat(),
          );
        }
        if (rowCount > 0) {
          await tx.query('savepoint direct_copy');
          try {
            await tx.query(`copy measurement (${MEASUREMENT_COLUMNS.join(',')}) from '/dev/blob'`, [], {
              blob: new Blob([...copyChunks(stagedRows(items, ids))]),
            });
            await tx.query('release savepoint direct_copy');
          } catch (err) {
            // A resend across batches: stage and upsert so the newer value replaces the older one.
            if ((err as { code?: string }).code !== '23505') throw err;
            await tx.query('rollback to savepoint direct_copy');
            await tx.query(
              'create temp table if not exists measurement_stage (like measurement) on commit delete rows',
            );
            await tx.query(`copy measurement_stage (${MEASUREMENT_COLUMNS.join(',')}) from '/dev/blob'`, [], {
              blob: new Blob([...copyChunks(dedupedRows(items, ids))]),
            });
            await tx.query(
              `insert into measurement (${MEASUREMENT_COLUMNS.join(',')}) select ${MEASUREMENT_COLUMNS.join(',')} from measurement_stage on conflict (mn, cn, data_time, factor) do update set ${UPSERT_SET}`,
            );
          }
        }
        const dirty = dirtyHours(items);
        if (dirty.length > 0) await tx.query(DIRTY_UPSERT(dirty.length), dirty.flat());
      });
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
