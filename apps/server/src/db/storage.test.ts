import { validateUscc } from '@ecep/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.js';
import { backends } from '../test-support/test-db.js';
import type { DbHandle } from './create-db.js';
import { migrateToLatest } from './migrate.js';

for (const backend of backends()) {
  describe(`storage on ${backend.name}`, () => {
    let db: DbHandle;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('migrates an empty database and a second run applies nothing', async () => {
      const again = await migrateToLatest(db.db);
      expect(again.applied).toEqual([]);
    });

    it('loads every province and the 11 prefecture-level cities of Shanxi with their GB/T 2260 codes', async () => {
      const provinces = await db.db
        .selectFrom('region')
        .select('code')
        .where('level', '=', 'province')
        .execute();
      expect(provinces).toHaveLength(31);
      const shanxi = await db.db
        .selectFrom('region')
        .select(['code', 'name'])
        .where('parent_code', '=', '140000')
        .orderBy('code')
        .execute();
      expect(shanxi.map((r) => r.code)).toEqual([
        '140100',
        '140200',
        '140300',
        '140400',
        '140500',
        '140600',
        '140700',
        '140800',
        '140900',
        '141000',
        '141100',
      ]);
      expect(shanxi[0]?.name).toBe('太原市');
      const xiaodian = await db.db
        .selectFrom('region')
        .selectAll()
        .where('code', '=', '140105')
        .executeTakeFirst();
      expect(xiaodian).toMatchObject({ name: '小店区', level: 'county', parent_code: '140100' });
    });

    it('refuses a second live enterprise with the same credit code', async () => {
      const values = {
        name: '甲',
        credit_code: '91350100M000100Y43',
        region_code: '140105',
        industry_code: '31',
      };
      await db.db.insertInto('enterprise').values(values).execute();
      await expect(
        db.db
          .insertInto('enterprise')
          .values({ ...values, name: '乙' })
          .execute(),
      ).rejects.toThrow(/unique|duplicate/i);
    });

    it('seeds the demo province idempotently with valid credit codes in Shanxi', async () => {
      const first = await seedDemo(db.db);
      const second = await seedDemo(db.db);
      expect(first.seeded).toBe(true);
      expect(second.seeded).toBe(false);
      expect(first.enterprises).toBeGreaterThanOrEqual(200);
      expect(second.enterprises).toBe(first.enterprises);
      const rows = await db.db
        .selectFrom('enterprise')
        .select(['credit_code', 'region_code', 'industry_code'])
        .where('is_demo', '=', true)
        .execute();
      expect(rows.every((r) => validateUscc(r.credit_code).ok)).toBe(true);
      expect(rows.every((r) => r.region_code.startsWith('14'))).toBe(true);
      const cities = new Set(rows.map((r) => r.region_code.slice(0, 4)));
      expect(cities.size).toBe(11);
      const industries = new Set(rows.map((r) => r.industry_code));
      for (const code of ['06', '25', '31', '44', '30', '26', '32']) expect(industries).toContain(code);
      const devices = await db.db
        .selectFrom('monitoring_device')
        .select(['st', 'settings'])
        .where('is_demo', '=', true)
        .execute();
      expect(devices.length).toBeGreaterThanOrEqual(20);
      const flue = devices.find((d) => d.st === '31')?.settings as {
        referenceO2Pct?: number;
        limits?: Record<string, number>;
      };
      expect(flue).toMatchObject({ referenceO2Pct: 6, limits: { a21026: 35, a21002: 50, a34013: 10 } });
      const users = await db.db.selectFrom('app_user').select('role').where('is_demo', '=', true).execute();
      expect(new Set(users.map((u) => u.role))).toEqual(
        new Set(['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor', 'public']),
      );
    });

    it('keeps timestamps as timestamptz and returns Date objects', async () => {
      const row = await db.db.selectFrom('enterprise').select('created_at').executeTakeFirstOrThrow();
      expect(row.created_at).toBeInstanceOf(Date);
    });
  });
}
