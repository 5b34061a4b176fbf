import { Dec } from '@ecep/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { backends } from '../test-support/test-db.js';
import { seedLedgersDemo } from './seed-ledgers.js';

for (const backend of backends()) {
  describe(`ledger, project and task demo data on ${backend.name}`, () => {
    let db: DbHandle;
    beforeAll(async () => {
      db = await backend.open();
      const specs = [
        ['06', '140602'],
        ['44', '140105'],
        ['31', '140502'],
        ['30', '140403'],
      ] as const;
      for (const [i, [industry, region]] of specs.entries()) {
        await db.db
          .insertInto('enterprise')
          .values({
            name: `演示企业${i}`,
            credit_code: `DEMO${i}`,
            region_code: region,
            industry_code: industry,
            is_demo: true,
          })
          .execute();
      }
    });
    afterAll(async () => {
      await db.close();
    });

    it('seeds monthly ledgers whose stockpiles balance from month to month, once', async () => {
      const users: Array<{ username: string; role: string; scope: string; password: string }> = [];
      await seedLedgersDemo(db.db, users);
      expect(users.map((u) => u.username)).toEqual(['gxt', 'fgw']);
      const rows = await db.db
        .selectFrom('solid_waste_entry as e')
        .innerJoin('solid_waste_entry_version as v', 'v.entry_id', 'e.id')
        .selectAll()
        .orderBy('e.enterprise_id')
        .orderBy('e.waste_type')
        .orderBy('e.period')
        .execute();
      // Coal mine: gangue; power plant: fly ash and gypsum; steel works: slag — 36 months each.
      expect(rows).toHaveLength(4 * 36);
      let previous: (typeof rows)[number] | undefined;
      for (const r of rows) {
        const d = (v: unknown) => new Dec(String(v));
        const accounted = d(r.utilized_t)
          .minus(d(r.utilized_from_stock_t))
          .plus(d(r.disposed_t))
          .plus(d(r.stored_t));
        expect(accounted.eq(d(r.generated_t))).toBe(true);
        expect(
          d(r.opening_stock_t).plus(d(r.stored_t)).minus(d(r.utilized_from_stock_t)).eq(d(r.closing_stock_t)),
        ).toBe(true);
        const routes = [
          'building_materials_t',
          'power_t',
          'backfill_t',
          'road_base_t',
          'land_reclamation_t',
          'other_use_t',
        ] as const;
        expect(routes.reduce((s, k) => s.plus(d(r[k])), new Dec(0)).eq(d(r.utilized_t))).toBe(true);
        if (previous && previous.enterprise_id === r.enterprise_id && previous.waste_type === r.waste_type)
          expect(d(r.opening_stock_t).eq(d(previous.closing_stock_t))).toBe(true);
        previous = r;
      }
      const projects = await db.db.selectFrom('project').select('stage').execute();
      expect(projects.length).toBe(4);
      await seedLedgersDemo(db.db, users);
      expect(await db.db.selectFrom('solid_waste_entry').select('id').execute()).toHaveLength(4 * 36);
      expect(users).toHaveLength(2);
    });

    it('gives the unit users their units and tasks to supervise, with no stage date in the future', async () => {
      const gxt = await db.db
        .selectFrom('app_user as u')
        .innerJoin('org_unit_member as m', 'm.user_id', 'u.id')
        .select(['u.role', 'm.unit'])
        .where('u.username', '=', 'gxt')
        .execute();
      expect(gxt).toEqual([{ role: 'province_admin', unit: '山西省工业和信息化厅' }]);
      expect(await db.db.selectFrom('supervised_task').select('id').execute()).toHaveLength(4);
      const events = await db.db
        .selectFrom('project_stage_event')
        .select(sql<string>`max(stage_date)::text`.as('last'))
        .executeTakeFirstOrThrow();
      expect(events.last <= new Date().toISOString().slice(0, 10)).toBe(true);
      expect(await db.db.selectFrom('solid_waste_utilizer').select('id').execute()).toHaveLength(1);
    });
  });
}
