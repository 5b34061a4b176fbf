import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { FactorDictionary } from './factor-dictionary.js';
import type { MeasurementRow } from './measurement-rows.js';

/** A measurement row with what storing it adds: its packet and when that arrived. */
export interface StoredRow {
  row: MeasurementRow;
  packetId: string | number;
  receivedAt: Date;
}

/** The devices' numbers by MN; an MN without a registered device is refused (values belong to a device). */
export async function deviceIdsOf(db: Kysely<Database>, mns: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...new Set(mns)];
  const ids = new Map<string, number>();
  if (wanted.length === 0) return ids;
  const rows = await db
    .selectFrom('monitoring_device')
    .select(['id', 'mn'])
    .where('mn', 'in', wanted)
    .execute();
  for (const r of rows) ids.set(r.mn, r.id);
  const missing = wanted.filter((mn) => !ids.has(mn));
  if (missing.length > 0) {
    throw new AppError('DEVICE_NOT_FOUND', `mn: 设备 ${missing.join(', ')} 尚未登记 / not registered`);
  }
  return ids;
}

/**
 * Stores rows one statement each, a stored key replaced (as a resend would): for small volumes such as accepted
 * quarantine; the gateway writes with COPY. `factors.ensure` must have run for the rows' codes, outside `db`'s
 * transaction.
 */
export async function upsertMeasurementRows(
  db: Kysely<Database>,
  factors: FactorDictionary,
  deviceIds: ReadonlyMap<string, number>,
  rows: readonly StoredRow[],
): Promise<void> {
  for (const { row: r, packetId, receivedAt } of rows) {
    const values = {
      device_id: deviceIds.get(r.mn)!,
      cn: Number(r.cn),
      data_time: new Date(r.dataTimeMs),
      factor_id: factors.idOf(r.factor)!,
      rtd: r.rtd,
      avg: r.avg,
      min: r.min,
      max: r.max,
      cou: r.cou,
      zs_rtd: r.zsRtd,
      zs_avg: r.zsAvg,
      zs_min: r.zsMin,
      zs_max: r.zsMax,
      flag: r.flag,
      extra: r.extra === null ? null : JSON.stringify(r.extra),
      packet_id: String(packetId),
      received_at: receivedAt,
    };
    const { device_id: _d, cn: _c, data_time: _t, factor_id: _f, ...update } = values;
    await db
      .insertInto('measurement_value')
      .values(values)
      .onConflict((oc) => oc.columns(['device_id', 'cn', 'data_time', 'factor_id']).doUpdateSet(update))
      .execute();
  }
}

/** Resolves devices and factor codes, then upserts (outside any transaction: tests, imports). */
export async function storeMeasurementRows(
  db: Kysely<Database>,
  factors: FactorDictionary,
  rows: readonly StoredRow[],
): Promise<void> {
  const deviceIds = await deviceIdsOf(
    db,
    rows.map((r) => r.row.mn),
  );
  await factors.ensure(rows.map((r) => r.row.factor));
  await upsertMeasurementRows(db, factors, deviceIds, rows);
}
