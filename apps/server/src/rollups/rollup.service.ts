import { type Kysely, sql } from 'kysely';
import { syncConstantAlarms, syncHourAlarms } from '../alarms/alarm.repository.js';
import { hourAlarms } from '../alarms/alarm-rules.js';
import type { Database } from '../db/schema.js';
import { rollupDay, rollupMonth } from './daily-rollup.js';
import { type DeviceSettings, type HourAggregate, rollupHourAggregates } from './hourly-rollup.js';
import { minuteAggregates } from './minute-aggregates.js';
import { effectiveSettings } from './standard-profiles.js';

const HOUR_MS = 3_600_000;

/** The Asia/Shanghai calendar day (`YYYY-MM-DD`) of an instant. */
export const shanghaiDay = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 10);

/** Sorted distinct hours as [from, to) runs of consecutive hours, so each run is one range read. */
export function hourRuns(sortedHoursMs: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const h of sortedHoursMs) {
    const last = runs[runs.length - 1];
    if (last && last[1] === h) last[1] = h + HOUR_MS;
    else runs.push([h, h + HOUR_MS]);
  }
  return runs;
}

/** The emission settings of a device (reference O2, limits, interval); empty when none were set. */
export async function deviceSettings(db: Kysely<Database>, mn: string): Promise<DeviceSettings> {
  const row = await db
    .selectFrom('monitoring_device')
    .select('settings')
    .where('mn', '=', mn)
    .executeTakeFirst();
  return effectiveSettings((row?.settings as DeviceSettings | undefined) ?? {});
}

/** Recomputes hourly rollups: for hours whose minutes changed, and on demand for a range. Idempotent. */
export class RollupService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Recomputes the given hours of one device from its stored minute data (CN 2051). */
  async recompute(mn: string, hoursMs: readonly number[]): Promise<number> {
    if (hoursMs.length === 0) return 0;
    const settings = await deviceSettings(this.db, mn);
    const sorted = [...new Set(hoursMs)].sort((a, b) => a - b);
    const wanted = new Set(sorted);
    const byHour = new Map<number, HourAggregate[]>();
    for (const [fromMs, toMs] of hourRuns(sorted)) {
      for (const a of await minuteAggregates(this.db, mn, fromMs, toMs)) {
        if (!wanted.has(a.hourMs)) continue;
        const list = byHour.get(a.hourMs);
        if (list) list.push(a);
        else byHour.set(a.hourMs, [a]);
      }
    }
    const values = [];
    const alarmsByHour = new Map<number, ReturnType<typeof hourAlarms>>();
    for (const [hour, aggregates] of byHour) {
      const factors = rollupHourAggregates(aggregates, settings);
      alarmsByHour.set(
        hour,
        factors.flatMap((f) => hourAlarms(f, settings.limits?.[f.factor])),
      );
      for (const f of factors) {
        values.push({
          mn,
          factor: f.factor,
          hour: new Date(hour),
          avg: f.avg,
          min: f.min,
          max: f.max,
          valid_minutes: f.validMinutes,
          received_minutes: f.receivedMinutes,
          valid: f.valid,
          corrected_avg: f.correctedAvg,
          load_kg: f.loadKg,
          explain: JSON.stringify(f.explain),
          computed_at: new Date(),
        });
      }
    }
    for (let i = 0; i < values.length; i += 500) {
      await this.db
        .insertInto('rollup_hour')
        .values(values.slice(i, i + 500))
        .onConflict((oc) =>
          oc.columns(['mn', 'factor', 'hour']).doUpdateSet((eb) => ({
            avg: eb.ref('excluded.avg'),
            min: eb.ref('excluded.min'),
            max: eb.ref('excluded.max'),
            valid_minutes: eb.ref('excluded.valid_minutes'),
            received_minutes: eb.ref('excluded.received_minutes'),
            valid: eb.ref('excluded.valid'),
            corrected_avg: eb.ref('excluded.corrected_avg'),
            load_kg: eb.ref('excluded.load_kg'),
            explain: eb.ref('excluded.explain'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
    }
    await syncHourAlarms(this.db, mn, alarmsByHour);
    const rolledHours = [...byHour.keys()];
    if (rolledHours.length > 0)
      await syncConstantAlarms(this.db, mn, Math.min(...rolledHours), Math.max(...rolledHours));
    await this.recomputeDays(mn, [...new Set(rolledHours.map(shanghaiDay))]);
    return byHour.size;
  }

  /** Recomputes the Asia/Shanghai days of one device from its hourly rollups. */
  async recomputeDays(mn: string, days: readonly string[]): Promise<void> {
    for (const day of days) {
      const start = new Date(`${day}T00:00:00+08:00`);
      const hours = await this.db
        .selectFrom('rollup_hour')
        .select(['factor', 'avg', 'min', 'max', 'valid', 'corrected_avg', 'load_kg'])
        .where('mn', '=', mn)
        .where('hour', '>=', start)
        .where('hour', '<', new Date(start.getTime() + 24 * HOUR_MS))
        .execute();
      const factors = rollupDay(
        hours.map((h) => ({ ...h, correctedAvg: h.corrected_avg, loadKg: h.load_kg })),
      );
      if (factors.length > 0) {
        // One statement per day for all factors.
        await this.db
          .insertInto('rollup_day')
          .values(
            factors.map((f) => ({
              mn,
              factor: f.factor,
              day,
              avg: f.avg,
              min: f.min,
              max: f.max,
              valid_hours: f.validParts,
              valid: f.valid,
              corrected_avg: f.correctedAvg,
              load_kg: f.loadKg,
              computed_at: new Date(),
            })),
          )
          .onConflict((oc) =>
            oc.columns(['mn', 'factor', 'day']).doUpdateSet((eb) => ({
              avg: eb.ref('excluded.avg'),
              min: eb.ref('excluded.min'),
              max: eb.ref('excluded.max'),
              valid_hours: eb.ref('excluded.valid_hours'),
              valid: eb.ref('excluded.valid'),
              corrected_avg: eb.ref('excluded.corrected_avg'),
              load_kg: eb.ref('excluded.load_kg'),
              computed_at: eb.ref('excluded.computed_at'),
            })),
          )
          .execute();
      }
    }
    await this.recomputeMonths(mn, [...new Set(days.map((d) => d.slice(0, 7)))]);
  }

  /** Recomputes the Asia/Shanghai months (`YYYY-MM`) of one device from its daily rollups. */
  async recomputeMonths(mn: string, months: readonly string[]): Promise<void> {
    for (const month of months) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      const days = await this.db
        .selectFrom('rollup_day')
        .select(['factor', 'avg', 'min', 'max', 'valid', 'corrected_avg', 'load_kg'])
        .where('mn', '=', mn)
        .where('day', '>=', `${month}-01`)
        .where('day', '<', `${next}-01`)
        .execute();
      const factors = rollupMonth(
        days.map((d) => ({ ...d, correctedAvg: d.corrected_avg, loadKg: d.load_kg })),
        m,
      );
      if (factors.length > 0) {
        await this.db
          .insertInto('rollup_month')
          .values(
            factors.map((f) => ({
              mn,
              factor: f.factor,
              month,
              avg: f.avg,
              min: f.min,
              max: f.max,
              valid_days: f.validParts,
              valid: f.valid,
              corrected_avg: f.correctedAvg,
              load_kg: f.loadKg,
              computed_at: new Date(),
            })),
          )
          .onConflict((oc) =>
            oc.columns(['mn', 'factor', 'month']).doUpdateSet((eb) => ({
              avg: eb.ref('excluded.avg'),
              min: eb.ref('excluded.min'),
              max: eb.ref('excluded.max'),
              valid_days: eb.ref('excluded.valid_days'),
              valid: eb.ref('excluded.valid'),
              corrected_avg: eb.ref('excluded.corrected_avg'),
              load_kg: eb.ref('excluded.load_kg'),
              computed_at: eb.ref('excluded.computed_at'),
            })),
          )
          .execute();
      }
    }
  }

  /**
   * Rolls up the hours marked dirty by the gateway that have closed by `nowMs` (the open hour waits until it
   * closes). A mark that arrives while its hour is being computed survives and is processed next time.
   */
  async processDirty(nowMs: number, limit = 5000): Promise<number> {
    const openHour = new Date(Math.floor(nowMs / HOUR_MS) * HOUR_MS);
    const dirty = await this.db
      .selectFrom('rollup_dirty_hour')
      // As text: PostgreSQL keeps microseconds that a JS Date would round away, and the delete compares them.
      .select(['mn', 'hour', sql<string>`marked_at::text`.as('marked_at')])
      .where('hour', '<', openHour)
      .orderBy('hour')
      .limit(limit)
      .execute();
    const byMn = new Map<string, typeof dirty>();
    for (const d of dirty) byMn.set(d.mn, [...(byMn.get(d.mn) ?? []), d]);
    let hours = 0;
    for (const [mn, list] of byMn) {
      hours += await this.recompute(
        mn,
        list.map((d) => new Date(d.hour).getTime()),
      );
      for (const d of list) {
        await this.db
          .deleteFrom('rollup_dirty_hour')
          .where('mn', '=', mn)
          .where('hour', '=', d.hour)
          .where('marked_at', '<=', sql<Date>`${d.marked_at}::timestamptz`)
          .execute();
      }
    }
    return hours;
  }

  /**
   * Recomputes every hour with minute data in [from, to), optionally for one device. Each device's range is
   * one aggregate read, so hours without data cost nothing and need no prior scan to be found.
   */
  async recomputeRange(
    fromMs: number,
    toMs: number,
    mn?: string,
    onDevice?: (progress: { done: number; total: number; mn: string; hours: number }) => void,
  ): Promise<{ devices: number; hours: number }> {
    const hours: number[] = [];
    for (let h = Math.floor(fromMs / HOUR_MS) * HOUR_MS; h < toMs; h += HOUR_MS) hours.push(h);
    let query = this.db.selectFrom('monitoring_device').select('mn').orderBy('mn');
    if (mn) query = query.where('mn', '=', mn);
    let devices = 0;
    let rolled = 0;
    const list = await query.execute();
    for (const [i, device] of list.entries()) {
      const n = await this.recompute(device.mn, hours);
      if (n > 0) devices++;
      rolled += n;
      onDevice?.({ done: i + 1, total: list.length, mn: device.mn, hours: n });
    }
    return { devices, hours: rolled };
  }
}
