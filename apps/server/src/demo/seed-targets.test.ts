import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import type { DbHandle } from '../db/create-db.js';
import { OverviewService } from '../targets/overview.service.js';
import { TargetService } from '../targets/target.service.js';
import { backends } from '../test-support/test-db.js';
import { seedDemo } from './seed-demo.js';
import { DEMO_STAT_FROM, DEMO_STAT_TO } from './seed-targets.js';

const province: Principal = {
  userId: '',
  username: 't',
  displayName: 't',
  role: 'province_admin',
  regionCode: '140000',
  enterpriseId: null,
};

for (const backend of backends()) {
  describe(`demo statistics and reports on ${backend.name}`, () => {
    let db: DbHandle;
    beforeAll(async () => {
      db = await backend.open();
      await seedDemo(db.db);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('holds at least ten years of energy and GDP for the province and all 11 cities, once', async () => {
      await seedDemo(db.db);
      const rows = await db.db
        .selectFrom('region_statistic')
        .select(['region_code', 'year', 'version'])
        .where('indicator', '=', 'energy_total_10k_tce')
        .where('period', '=', 'Y')
        .execute();
      expect(new Set(rows.map((r) => r.region_code)).size).toBe(12);
      expect(DEMO_STAT_TO - DEMO_STAT_FROM + 1).toBeGreaterThanOrEqual(10);
      expect(rows.length).toBe(12 * (DEMO_STAT_TO - DEMO_STAT_FROM + 1));
      expect(rows.every((r) => r.version === 1)).toBe(true);
    });

    it('reproduces the published 2016 Shanxi intensity change and colours every city', async () => {
      const b = await new TargetService(db.db).barometer(province, 2016);
      expect(b.parent.row.intensityChangePct).toBe('-4.22');
      expect(b.rows).toHaveLength(11);
      expect(b.rows.every((r) => r.intensityChangePct !== null)).toBe(true);
    });

    it('loads the bundled plans, allocates the 12th-FYP intensity target to the cities and colours a quarter', async () => {
      const targets = new TargetService(db.db);
      const plans = await targets.plans();
      expect(plans.map((p) => p.id)).toContain('shanxi-2012-energy-saving-emission-reduction');
      const alloc = await targets.allocations(
        province,
        'shanxi-2012-energy-saving-emission-reduction',
        'energy_intensity',
      );
      expect(alloc.items).toHaveLength(11);
      expect(alloc.check?.consistent).toBe(true);
      const q3 = await targets.barometer(province, DEMO_STAT_TO + 1, 'Q3');
      expect(q3.rows.filter((r) => r.intensityLevel !== null)).toHaveLength(11);
    });

    it('has reports in every state of the workflow and approved figures in the overview', async () => {
      const statuses = await db.db.selectFrom('energy_report').select('status').distinct().execute();
      expect(statuses.map((s) => s.status).sort()).toEqual(
        ['approved', 'city_approved', 'county_approved', 'draft', 'submitted'].sort(),
      );
      const overview = await new OverviewService(db.db, new TargetService(db.db)).overview(province);
      expect(overview.year).toBe(DEMO_STAT_TO);
      expect(Number(overview.reports.approvedAnnualTce)).toBeGreaterThan(0);
      expect(overview.trend).toHaveLength(10);
      expect(Number(overview.completeness.ratePct)).toBe(100);
    });
  });
}
