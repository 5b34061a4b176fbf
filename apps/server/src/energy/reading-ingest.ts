import type { EnergyReadingRejection } from '@ecep/contract';
import { type Kysely, sql } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import type { Reading } from './consumption.js';
import { recomputeConsumption, storeReadings } from './consumption.repository.js';
import { type MeterRow, meterSpec } from './energy-meter.repository.js';

export type ReadingSource = 'http' | 'mqtt' | 'demo';

export interface IngestResult {
  meterId: string;
  accepted: number;
  duplicate: number;
  overwritten: number;
  rejected: number;
  errors: EnergyReadingRejection[];
  recomputedSlots: number;
}

/** ISO 8601 with an explicit offset: a bare local time would be read in the server's zone. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Meter clocks drift; readings further ahead of the server clock are refused. */
const MAX_FUTURE_MS = 5 * 60_000;
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const MAX_VALUE = 1e15;

/** Checks each reading on its own, naming the index and field of every problem. */
export function parseReadings(
  items: readonly unknown[],
  nowMs: number,
): { readings: Reading[]; errors: EnergyReadingRejection[] } {
  const readings: Reading[] = [];
  const errors: EnergyReadingRejection[] = [];
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({
        index,
        field: '',
        reason: '应为 {"time","value"} 对象 / expected an object {time, value}',
      });
      return;
    }
    const { time, value } = item as { time?: unknown; value?: unknown };
    const timeMs = typeof time === 'string' && ISO_WITH_OFFSET.test(time) ? Date.parse(time) : Number.NaN;
    if (!Number.isFinite(timeMs)) {
      errors.push({
        index,
        field: 'time',
        reason: `应为带时区的 ISO 8601 时间 / expected an ISO 8601 instant with offset, e.g. 2026-11-24T10:15:00+08:00, got ${JSON.stringify(time)}`,
      });
      return;
    }
    if (timeMs > nowMs + MAX_FUTURE_MS || timeMs < EARLIEST_MS) {
      errors.push({
        index,
        field: 'time',
        reason: `时间超出范围（不得晚于服务器时间 5 分钟以上，不得早于 2000 年）/ time out of range: ${time}`,
      });
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_VALUE) {
      errors.push({
        index,
        field: 'value',
        reason: `应为 0 至 1e15 之间的数 / expected a number from 0 to 1e15, got ${JSON.stringify(value)}`,
      });
      return;
    }
    readings.push({ timeMs, value });
  });
  return { readings, errors };
}

/** Per-meter queue in this process: batches of one meter are stored and recomputed one after another. */
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/**
 * Runs `task` in a transaction that holds the meter's lock: in this process (a queue per meter) and across
 * server processes sharing a PostgreSQL database (an advisory transaction lock).
 */
export function withMeterLock<T>(
  db: Kysely<Database>,
  meterId: string,
  task: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return serialized(meterId, () =>
    db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${meterId}))`.execute(trx);
      return task(trx);
    }),
  );
}

/**
 * Stores a batch of readings of one meter and recomputes the buckets they touch, in one transaction: when
 * this resolves, the accepted readings are durable. HTTP batches are audited; so is every overwritten value
 * (whatever the source). MQTT and demo readings are machine data: the reading row keeps source and time.
 */
export async function ingestReadings(
  db: Kysely<Database>,
  meter: Pick<MeterRow, 'id' | 'kind' | 'multiplier' | 'rollover_max' | 'expected_interval_s'>,
  items: readonly unknown[],
  source: ReadingSource,
  actor: AuditActor,
  nowMs: number = Date.now(),
): Promise<IngestResult> {
  const { readings, errors } = parseReadings(items, nowMs);
  const result: IngestResult = {
    meterId: meter.id,
    accepted: 0,
    duplicate: 0,
    overwritten: 0,
    rejected: errors.length,
    errors,
    recomputedSlots: 0,
  };
  if (readings.length === 0) return result;
  return withMeterLock(db, meter.id, async (trx) => {
    const stored = await storeReadings(trx, meter.id, readings, source, new Date(nowMs));
    result.accepted = stored.accepted;
    result.duplicate = stored.duplicate;
    result.overwritten = stored.overwritten;
    if (stored.accepted + stored.overwritten > 0) {
      result.recomputedSlots = await recomputeConsumption(
        trx,
        meter.id,
        meterSpec(meter),
        stored.minMs,
        stored.maxMs,
        nowMs,
      );
    }
    if (stored.overwrites.length > 0) {
      await recordAudit(trx, actor, {
        action: 'energy-reading-overwrite',
        entity: 'energy_meter',
        entityId: meter.id,
        before: stored.overwrites.map((o) => ({ time: o.time, value: o.before })),
        after: { source, readings: stored.overwrites.map((o) => ({ time: o.time, value: o.after })) },
      });
    }
    if (source === 'http') {
      await recordAudit(trx, actor, {
        action: 'energy-readings',
        entity: 'energy_meter',
        entityId: meter.id,
        before: null,
        after: {
          accepted: result.accepted,
          duplicate: result.duplicate,
          overwritten: result.overwritten,
          rejected: result.rejected,
          from: new Date(stored.minMs).toISOString(),
          to: new Date(stored.maxMs).toISOString(),
        },
      });
    }
    return result;
  });
}
