import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import copyStreams from 'pg-copy-streams';
import type { DbHandle } from '../db/create-db.js';
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
 * ISO text of an instant, remembering the last few: the rows of one packet share their data time and
 * received time, so most lookups hit and the hot path allocates one string per packet, not per row.
 */
function isoCache(size = 8) {
  const keys: number[] = [];
  const values: string[] = [];
  let next = 0;
  return (ms: number): string => {
    const i = keys.indexOf(ms);
    if (i >= 0) return values[i]!;
    const iso = new Date(ms).toISOString();
    keys[next] = ms;
    values[next] = iso;
    next = (next + 1) % size;
    return iso;
  };
}

/** One measurement row as a COPY text line, in MEASUREMENT_COLUMNS order, built without intermediate arrays. */
function measurementLine(s: Staged, iso: (ms: number) => string): string {
  const r = s.row;
  return `${textField(r.mn)}\t${textField(r.cn)}\t${iso(r.dataTimeMs)}\t${textField(r.factor)}\t${numField(r.rtd)}\t${numField(r.avg)}\t${numField(r.min)}\t${numField(r.max)}\t${numField(r.cou)}\t${numField(r.zsRtd)}\t${numField(r.zsAvg)}\t${numField(r.zsMin)}\t${numField(r.zsMax)}\t${textField(r.flag)}\t${textField(r.extra === null ? null : JSON.stringify(r.extra))}\t${s.packetId}\t${iso(s.receivedAtMs)}\n`;
}

/** Rows joined into chunks of a few hundred KB, so the COPY stream is not fed line by line. */
function* copyChunks(staged: readonly Staged[]): Generator<string> {
  const iso = isoCache();
  let chunk = '';
  for (const s of staged) {
    chunk += measurementLine(s, iso);
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
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
function dirtyHours(staged: readonly Staged[]): unknown[][] {
  const seen = new Set<string>();
  const out: unknown[][] = [];
  for (const s of staged) {
    if (s.row.cn !== '2051') continue;
    const hourMs = Math.floor(s.row.dataTimeMs / 3_600_000) * 3_600_000;
    const key = `${s.row.mn}\u0000${hourMs}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([s.row.mn, new Date(hourMs).toISOString()]);
  }
  return out;
}

const DIRTY_UPSERT = (n: number) =>
  `insert into rollup_dirty_hour (mn, hour) values ${placeholders(n, 2)} on conflict (mn, hour) do update set marked_at = now()`;

/** Splits the batch into packet rows, quarantine rows and de-duplicated measurement rows. */
function plan(items: readonly SinkItem[], ids: readonly string[]) {
  const staged: Staged[] = [];
  const quarantine: unknown[][] = [];
  items.forEach((item, i) => {
    const id = ids[i]!;
    for (const row of item.rows) staged.push({ row, packetId: id, receivedAtMs: item.receivedAtMs });
    if (item.quarantine) {
      quarantine.push([id, new Date(item.receivedAtMs).toISOString(), item.mn, item.quarantine, item.raw]);
    }
  });
  return { staged: dedupeRows(staged), quarantine };
}

/** The sink for PostgreSQL: packets by multi-row insert, measurements by COPY into a stage, then upsert. */
function postgresSink(handle: DbHandle, partitions: MeasurementPartitions): PacketSink {
  const pool = handle.pool!;
  return {
    async write(items) {
      if (items.length === 0) return;
      // Partitions first, on their own connection: DDL must not wait inside the data transaction.
      const rowsMs: number[] = [];
      for (const item of items) for (const r of item.rows) rowsMs.push(r.dataTimeMs);
      await partitions.ensureFor(rowsMs);
      const client = await pool.connect();
      try {
        await client.query('begin');
        const idRes = await client.query<{ id: string }>(
          "select nextval('hj212_packet_id_seq')::text as id from generate_series(1, $1)",
          [items.length],
        );
        const ids = idRes.rows.map((r) => r.id);
        const { staged, quarantine } = plan(items, ids);
        // Raw packets by COPY too: they are the bulk of the bytes (≈ 800 each).
        await pipeline(
          Readable.from(packetCopyChunks(items, ids)),
          client.query(copyStreams.from(`copy hj212_packet (${PACKET_COLUMNS.join(',')}) from stdin`)),
        );
        if (quarantine.length > 0) {
          await client.query(
            `insert into hj212_quarantine (packet_id, received_at, mn, reason, raw) values ${placeholders(quarantine.length, 5)}`,
            quarantine.flat(),
          );
        }
        if (staged.length > 0) {
          // Fast path: COPY straight into measurement. A resend inside or across batches violates the key;
          // then the batch goes through a stage and an upsert so the newer value replaces the older one.
          await client.query('savepoint direct_copy');
          try {
            await pipeline(
              Readable.from(copyChunks(staged)),
              client.query(
                copyStreams.from(`copy measurement (${MEASUREMENT_COLUMNS.join(',')}) from stdin`),
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
              Readable.from(copyChunks(staged)),
              client.query(
                copyStreams.from(`copy measurement_stage (${MEASUREMENT_COLUMNS.join(',')}) from stdin`),
              ),
            );
            await client.query(
              `insert into measurement (${MEASUREMENT_COLUMNS.join(',')}) select ${MEASUREMENT_COLUMNS.join(',')} from measurement_stage on conflict (mn, cn, data_time, factor) do update set ${UPSERT_SET}`,
            );
          }
          const dirty = dirtyHours(staged);
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
      const rowsMs: number[] = [];
      for (const item of items) for (const r of item.rows) rowsMs.push(r.dataTimeMs);
      await partitions.ensureFor(rowsMs);
      await pg.transaction(async (tx) => {
        const idRes = await tx.query<{ id: string }>(
          "select nextval('hj212_packet_id_seq')::text as id from generate_series(1, $1)",
          [items.length],
        );
        const ids = idRes.rows.map((r) => r.id);
        const { staged, quarantine } = plan(items, ids);
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
        if (staged.length > 0) {
          const blob = new Blob([...copyChunks(staged)]);
          await tx.query('savepoint direct_copy');
          try {
            await tx.query(`copy measurement (${MEASUREMENT_COLUMNS.join(',')}) from '/dev/blob'`, [], {
              blob,
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
              blob,
            });
            await tx.query(
              `insert into measurement (${MEASUREMENT_COLUMNS.join(',')}) select ${MEASUREMENT_COLUMNS.join(',')} from measurement_stage on conflict (mn, cn, data_time, factor) do update set ${UPSERT_SET}`,
            );
          }
        }
        const dirty = dirtyHours(staged);
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
