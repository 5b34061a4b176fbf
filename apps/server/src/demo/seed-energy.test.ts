import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { shanghaiDay } from '../energy/periods.js';
import { backends } from '../test-support/test-db.js';
import { seedDemo } from './seed-demo.js';
import {
  continueEnergyBackfill,
  DEMO_ENERGY_DAYS,
  demoEnergyBackfillEnd,
  seedEnergyDemo,
} from './seed-energy.js';

for (const backend of backends()) {
  describe(`energy demo data on ${backend.name}`, () => {
    let db: DbHandle;
    let recentDays = 0;
    let backfilled = 0;
    beforeAll(async () => {
      db = await backend.open();
      await seedDemo(db.db);
      const days = await db.db.selectFrom('energy_consumption_day').select('day').distinct().execute();
      recentDays = days.length;
      // The first 12 meters hold every simulated irregularity; the rest would only make the test slow.
      let done = 0;
      backfilled = await continueEnergyBackfill(db.db, {
        shouldStop: () => done >= 12,
        onMeter: (d) => {
          done = d;
        },
      });
    }, 300_000);
    afterAll(async () => {
      await db?.close();
    });

    it('seeds yesterday and today at once and backfills the rest of the 60 days afterwards', async () => {
      expect(recentDays).toBeLessThanOrEqual(2);
      expect(recentDays).toBeGreaterThan(0);
      expect(backfilled).toBe(12);
      const meters = await db.db
        .selectFrom('energy_meter')
        .select(['id', 'created_at'])
        .orderBy('created_at')
        .execute();
      const spans = new Set(meters.map((m) => new Date(m.created_at).getTime()));
      // Backfilled meters start 60 days back; the others still start yesterday until the backfill resumes.
      expect(spans.size).toBe(2);
    });

    it('gives the demo key energy users meters with 60 days of 15-min history, computed into buckets', async () => {
      const meters = await db.db
        .selectFrom('energy_meter as m')
        .innerJoin('enterprise as e', 'e.id', 'm.enterprise_id')
        .select(['m.id', 'e.key_energy_user', 'm.is_demo', 'm.name'])
        .execute();
      expect(meters.length).toBeGreaterThanOrEqual(30);
      expect(new Set(meters.map((m) => m.id)).size).toBe(meters.length);
      expect(meters.every((m) => m.key_energy_user && m.is_demo && m.name.includes('演示'))).toBe(true);
      const first = await db.db
        .selectFrom('energy_reading')
        .select((eb) => [eb.fn.min('time').as('first'), eb.fn.max('time').as('last')])
        .executeTakeFirstOrThrow();
      const spanDays =
        (new Date(first.last as Date).getTime() - new Date(first.first as Date).getTime()) / 86_400_000;
      expect(Math.round(spanDays)).toBe(DEMO_ENERGY_DAYS);
      expect(new Date(first.last as Date).getTime()).toBeLessThanOrEqual(demoEnergyBackfillEnd(Date.now()));
      const statuses = await db.db
        .selectFrom('energy_consumption_slot')
        .select('status')
        .distinct()
        .execute();
      expect(statuses.map((s) => s.status).sort()).toEqual(
        expect.arrayContaining(['gap', 'ok', 'reset', 'rollover']),
      );
    });

    it('raises completeness alarms only for the days with a simulated outage', async () => {
      const alarms = await db.db
        .selectFrom('energy_meter_alarm')
        .select(['day', 'completeness_pct'])
        .execute();
      expect(alarms.length).toBeGreaterThan(0);
      const today = shanghaiDay(Date.now());
      expect(alarms.every((a) => a.day < today)).toBe(true);
      const days = await db.db
        .selectFrom('energy_consumption_day')
        .select(['slots_received', 'slots_expected'])
        .where('day', '<', today)
        .execute();
      const low = days.filter((d) => d.slots_received * 10 < d.slots_expected * 9);
      // Outages are the exception: nearly every metered day meets the 90 % rule.
      expect(low.length / days.length).toBeLessThan(0.05);
    });

    it('loads once: a second run finds its marker and adds nothing', async () => {
      const before = await db.db
        .selectFrom('energy_reading')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const again = await seedEnergyDemo(db.db);
      expect(again.seeded).toBe(false);
      const after = await db.db
        .selectFrom('energy_reading')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });
  });
}
