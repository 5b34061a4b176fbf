import { usccCheckChar } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';

const code = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

for (const backend of backends()) {
  describe(`emission totals API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    const ids: string[] = [];

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      t.datong = await userWithToken(app, db, { username: 'dt', role: 'city_admin', regionCode: '140200' });
      for (const [i, region] of ['140105', '140106', '140213'].entries()) {
        const ent = await app.inject({
          method: 'POST',
          url: '/api/enterprises',
          headers: bearer(t.province),
          payload: {
            name: `测试电厂${i + 1}有限公司`,
            creditCode: code(region, i + 1),
            regionCode: region,
            industryCode: '44',
          },
        });
        expect(ent.statusCode, ent.body).toBe(201);
        ids.push(ent.json().id);
        const dev = await app.inject({
          method: 'POST',
          url: '/api/monitoring/devices',
          headers: bearer(t.province),
          payload: { mn: `EM-${i}`, password: '123456', name: '烟囱', st: '31', enterpriseId: ent.json().id },
        });
        expect(dev.statusCode, dev.body).toBe(201);
      }
      // February 2026 (28 days): outlet 0 has 2 valid days of 1 t SO2 and 1 invalid day; outlet 1 one valid day of 2 t;
      // outlet 2 (Datong) only an invalid day.
      const rows = [
        ['EM-0', '2026-02-01', true, 1000],
        ['EM-0', '2026-02-02', true, 1000],
        ['EM-0', '2026-02-03', false, 50],
        ['EM-1', '2026-02-01', true, 2000],
        ['EM-2', '2026-02-01', false, 10],
      ] as const;
      await db.db
        .insertInto('rollup_day')
        .values(
          rows.map(([mn, day, valid, load]) => ({
            mn,
            factor: 'a21026',
            day,
            avg: 1,
            min: 1,
            max: 1,
            valid_hours: valid ? 24 : 5,
            valid,
            corrected_avg: 1,
            load_kg: load,
          })),
        )
        .execute();
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    it('estimates the invalid and missing days of each outlet by its mean valid day and sums by city', async () => {
      const res = await app.inject({
        url: '/api/monitoring/emissions?period=2026-02&groupBy=city',
        headers: bearer(t.province),
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.days).toBe(28);
      expect(body.method).toContain('均值替代');
      const taiyuan = body.items.find((i: { key: string }) => i.key === '140100');
      // outlet 0: measured 2 t + 26 days × 1 t; outlet 1: 2 t + 27 days × 2 t
      expect(taiyuan.factors.a21026).toMatchObject({
        measuredT: '4.0000',
        estimatedT: '80.0000',
        totalT: '84.0000',
        outlets: 2,
      });
      const datong = body.items.find((i: { key: string }) => i.key === '140200');
      expect(datong.factors.a21026).toMatchObject({
        measuredT: '0.0000',
        totalT: null,
        outletsWithoutEstimate: 1,
      });
    });

    it('shows a city only its own enterprises', async () => {
      const res = await app.inject({
        url: '/api/monitoring/emissions?period=2026&groupBy=enterprise',
        headers: bearer(t.datong),
      });
      expect(res.json().items.map((i: { key: string }) => i.key)).toEqual([ids[2]]);
    });
  });
}
