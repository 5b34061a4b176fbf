import { decodeFrame } from '@ecep/hj212';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { FactorDictionary } from './factor-dictionary.js';
import { type MeasurementRow, measurementRows } from './measurement-rows.js';
import { upsertMeasurementRows } from './measurement-upsert.js';

const HOUR_MS = 3_600_000;

export interface AcceptOutcome {
  accepted: number;
  stillRefused: Array<{ id: string; reason: string }>;
  measurements: number;
}

/**
 * Takes quarantined packets of a device that has since been registered (or whose password was corrected)
 * into the data: each raw packet is decoded again with the device's CRC mode and checked against its
 * password; what passes is stored like live data and the quarantine entry is resolved.
 */
export async function acceptQuarantined(
  db: Kysely<Database>,
  p: Principal,
  mn: string,
): Promise<AcceptOutcome> {
  const device = await db.selectFrom('monitoring_device').selectAll().where('mn', '=', mn).executeTakeFirst();
  if (!device) throw new AppError('DEVICE_NOT_FOUND', `mn: 设备 ${mn} 尚未登记，请先登记再接收隔离数据`);
  const entries = await db
    .selectFrom('hj212_quarantine')
    .select(['id', 'packet_id', 'raw', 'received_at'])
    .where('mn', '=', mn)
    .where('resolved_at', 'is', null)
    .orderBy('id')
    .execute();
  const outcome: AcceptOutcome = { accepted: 0, stillRefused: [], measurements: 0 };
  // Decode and check first: new factor codes get their numbers before the transaction that stores the values.
  const passed: Array<{ q: (typeof entries)[number]; rows: MeasurementRow[] }> = [];
  for (const q of entries) {
    const decoded = decodeFrame(q.raw, { crcMode: device.crc_mode as 'hj212' });
    if (!decoded.ok) {
      outcome.stillRefused.push({ id: String(q.id), reason: decoded.error.code });
      continue;
    }
    if ((decoded.packet.pw ?? '') !== device.password || device.disabled) {
      outcome.stillRefused.push({
        id: String(q.id),
        reason: device.disabled ? 'disabled' : 'wrong-password',
      });
      continue;
    }
    passed.push({ q, rows: measurementRows(decoded.packet) });
  }
  const factors = new FactorDictionary(db);
  await factors.ensure(passed.flatMap((x) => x.rows.map((r) => r.factor)));
  const deviceIds = new Map([[device.mn, device.id]]);
  await db.transaction().execute(async (trx) => {
    for (const { q, rows } of passed) {
      await upsertMeasurementRows(
        trx,
        factors,
        deviceIds,
        rows.map((row) => ({ row, packetId: q.packet_id, receivedAt: q.received_at })),
      );
      for (const r of rows) {
        if (r.cn === '2051') {
          await trx
            .insertInto('rollup_dirty_hour')
            .values({ mn: r.mn, hour: new Date(Math.floor(r.dataTimeMs / HOUR_MS) * HOUR_MS) })
            .onConflict((oc) => oc.columns(['mn', 'hour']).doUpdateSet({ marked_at: new Date() }))
            .execute();
        }
      }
      outcome.measurements += rows.length;
      outcome.accepted++;
      await trx
        .updateTable('hj212_packet')
        .set({ outcome: 'stored' })
        .where('id', '=', q.packet_id)
        .execute();
      await trx
        .updateTable('hj212_quarantine')
        .set({ resolved_at: new Date(), resolution: `accepted by ${p.username}` })
        .where('id', '=', q.id)
        .execute();
    }
    await recordAudit(
      trx,
      { userId: p.userId, name: p.username },
      {
        action: 'accept-quarantine',
        entity: 'device',
        entityId: mn,
        before: { pending: entries.length },
        after: outcome,
      },
    );
  });
  return outcome;
}
