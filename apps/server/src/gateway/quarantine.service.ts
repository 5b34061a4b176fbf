import { decodeFrame } from '@ecep/hj212';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { measurementRows } from './measurement-rows.js';

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
  await db.transaction().execute(async (trx) => {
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
      const rows = measurementRows(decoded.packet);
      for (const r of rows) {
        const values = {
          mn: r.mn,
          cn: r.cn,
          data_time: new Date(r.dataTimeMs),
          factor: r.factor,
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
          packet_id: q.packet_id,
          received_at: q.received_at,
        };
        const { mn: _m, cn: _c, data_time: _d, factor: _f, ...update } = values;
        await trx
          .insertInto('measurement')
          .values(values)
          .onConflict((oc) => oc.columns(['mn', 'cn', 'data_time', 'factor']).doUpdateSet(update))
          .execute();
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
