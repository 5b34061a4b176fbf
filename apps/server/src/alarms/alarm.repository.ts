import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { HourAlarm } from './alarm-rules.js';
import { CONSTANT_ALARM_HOURS, constantRuns } from './constant-value.js';

const HOUR_MS = 3_600_000;

/**
 * Makes the stored hour alarms of one device match `byHour` for the hours it names: new ones are inserted, ones a
 * recomputation no longer supports are removed unless someone acknowledged them already. One read, one delete and
 * one insert for all the hours, however many.
 */
export async function syncHourAlarms(
  db: Kysely<Database>,
  mn: string,
  byHour: ReadonlyMap<number, readonly HourAlarm[]>,
) {
  if (byHour.size === 0) return;
  const hours = [...byHour.keys()].map((h) => new Date(h));
  const keep = new Set(
    [...byHour].flatMap(([hour, alarms]) => alarms.map((a) => `${hour}\u0000${a.type}\u0000${a.factor}`)),
  );
  const existing = await db
    .selectFrom('monitoring_alarm')
    .select(['id', 'type', 'factor', 'start_at', 'acknowledged_at'])
    .where('mn', '=', mn)
    .where('start_at', 'in', hours)
    .where('type', 'in', ['exceedance', 'flag'])
    .execute();
  const stale = existing
    .filter(
      (e) =>
        e.acknowledged_at === null &&
        !keep.has(`${new Date(e.start_at).getTime()}\u0000${e.type}\u0000${e.factor}`),
    )
    .map((e) => e.id);
  if (stale.length > 0) await db.deleteFrom('monitoring_alarm').where('id', 'in', stale).execute();
  const rows = [...byHour].flatMap(([hour, alarms]) =>
    alarms.map((a) => ({
      mn,
      type: a.type,
      factor: a.factor,
      start_at: new Date(hour),
      end_at: new Date(hour + HOUR_MS),
      value: a.value,
      limit_value: a.limit,
      details: JSON.stringify(a.details),
    })),
  );
  if (rows.length === 0) return;
  await db
    .insertInto('monitoring_alarm')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['mn', 'type', 'factor', 'start_at']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        limit_value: eb.ref('excluded.limit_value'),
        details: eb.ref('excluded.details'),
      })),
    )
    .execute();
}

/** Opens offline alarms for devices silent for 3 expected intervals, and closes them when packets resume. */
export async function syncOfflineAlarms(
  db: Kysely<Database>,
  nowMs: number,
  intervals: number,
): Promise<{ opened: number; closed: number }> {
  const devices = await sql<{
    mn: string;
    settings: { expectedIntervalS?: number } | null;
    created_at: Date;
    last: Date | null;
  }>`
    select d.mn, d.settings, d.created_at,
      (select max(p.received_at) from hj212_packet p where p.mn = d.mn and p.outcome in ('stored','partial')) as last
    from monitoring_device d where not d.disabled`.execute(db);
  const open = await db
    .selectFrom('monitoring_alarm')
    .select(['id', 'mn', 'start_at'])
    .where('type', '=', 'offline')
    .where('end_at', 'is', null)
    .execute();
  const openByMn = new Map(open.map((o) => [o.mn, o]));
  let opened = 0;
  let closed = 0;
  for (const d of devices.rows) {
    const intervalMs = (d.settings?.expectedIntervalS ?? 60) * 1000;
    const lastMs = d.last ? new Date(d.last).getTime() : null;
    const silentSince = lastMs ?? new Date(d.created_at).getTime();
    const current = openByMn.get(d.mn);
    if (nowMs - silentSince > intervals * intervalMs) {
      if (!current) {
        await db
          .insertInto('monitoring_alarm')
          .values({
            mn: d.mn,
            type: 'offline',
            start_at: new Date(silentSince),
            value: Math.round((nowMs - silentSince) / 1000),
            limit_value: (intervals * intervalMs) / 1000,
            details: JSON.stringify({
              lastPacketAt: lastMs === null ? null : new Date(lastMs).toISOString(),
              expectedIntervalS: intervalMs / 1000,
            }),
          })
          .onConflict((oc) => oc.columns(['mn', 'type', 'factor', 'start_at']).doNothing())
          .execute();
        opened++;
      }
    } else if (current && lastMs !== null && lastMs > new Date(current.start_at).getTime()) {
      await db
        .updateTable('monitoring_alarm')
        .set({
          end_at: new Date(lastMs),
          value: Math.round((lastMs - new Date(current.start_at).getTime()) / 1000),
        })
        .where('id', '=', current.id)
        .execute();
      closed++;
    }
  }
  return { opened, closed };
}

/**
 * Re-derives the constant-value alarms of one device around the hours just rolled up: runs of an unchanging
 * value are inserted or extended, runs a recomputation no longer supports are removed unless acknowledged.
 */
export async function syncConstantAlarms(
  db: Kysely<Database>,
  mn: string,
  fromHourMs: number,
  toHourMs: number,
  minHours = CONSTANT_ALARM_HOURS,
): Promise<number> {
  // A run touching the changed hours may reach a day either side.
  const from = new Date(fromHourMs - 24 * HOUR_MS);
  const to = new Date(toHourMs + 25 * HOUR_MS);
  const hours = await db
    .selectFrom('rollup_hour')
    .select(['hour', 'factor', 'min', 'max', 'received_minutes'])
    .where('mn', '=', mn)
    .where('hour', '>=', from)
    .where('hour', '<', to)
    .execute();
  const runs = constantRuns(
    hours.map((h) => ({
      hourMs: new Date(h.hour).getTime(),
      factor: h.factor,
      min: h.min,
      max: h.max,
      receivedMinutes: h.received_minutes,
    })),
    minHours,
  );
  const keep = new Set(runs.map((r) => `${r.factor}\u0000${r.startMs}`));
  const existing = await db
    .selectFrom('monitoring_alarm')
    .select(['id', 'factor', 'start_at', 'acknowledged_at'])
    .where('mn', '=', mn)
    .where('type', '=', 'constant')
    .where('start_at', '>=', from)
    .where('start_at', '<', to)
    .execute();
  for (const e of existing) {
    if (!keep.has(`${e.factor}\u0000${new Date(e.start_at).getTime()}`) && e.acknowledged_at === null) {
      await db.deleteFrom('monitoring_alarm').where('id', '=', e.id).execute();
    }
  }
  for (const r of runs) {
    const details = JSON.stringify({
      hours: r.hours,
      rule: `same value for ≥ ${minHours} consecutive hours`,
    });
    await db
      .insertInto('monitoring_alarm')
      .values({
        mn,
        type: 'constant',
        factor: r.factor,
        start_at: new Date(r.startMs),
        end_at: new Date(r.endMs),
        value: r.value,
        limit_value: minHours,
        details,
      })
      .onConflict((oc) =>
        oc
          .columns(['mn', 'type', 'factor', 'start_at'])
          .doUpdateSet({ end_at: new Date(r.endMs), value: r.value, details }),
      )
      .execute();
  }
  return runs.length;
}
