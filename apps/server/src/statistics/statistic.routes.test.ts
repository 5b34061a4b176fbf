import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';

for (const backend of backends()) {
  describe(`regional statistics API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    const put = (token: string, items: unknown[]) =>
      app.inject({ method: 'PUT', url: '/api/statistics', headers: bearer(token), payload: { items } });

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.datong = await userWithToken(app, db, { username: 'dt', role: 'city_admin', regionCode: '140200' });
      t.county = await userWithToken(app, db, { username: 'xd', role: 'county_admin', regionCode: '140105' });
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    it('records a value as version 1 and a changed final value as a revised version 2, keeping both', async () => {
      const first = await put(t.province, [
        {
          regionCode: '140100',
          year: 2024,
          indicator: 'energy_total_10k_tce',
          value: 4321.5,
          status: 'final',
          source: '太原统计年鉴2025',
        },
      ]);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ created: 1, unchanged: 0 });
      expect(first.json().items[0]).toMatchObject({
        version: 1,
        value: '4321.5',
        unit: '10k tce',
        status: 'final',
      });

      const again = await put(t.province, [
        {
          regionCode: '140100',
          year: 2024,
          indicator: 'energy_total_10k_tce',
          value: '4321.50',
          status: 'final',
          source: '太原统计年鉴2025',
        },
      ]);
      expect(again.json()).toMatchObject({ created: 0, unchanged: 1 });

      const revised = await put(t.province, [
        {
          regionCode: '140100',
          year: 2024,
          indicator: 'energy_total_10k_tce',
          value: 4330.1,
          source: '太原统计年鉴2025',
        },
      ]);
      expect(revised.json().items[0]).toMatchObject({
        version: 2,
        value: '4330.1',
        status: 'revised',
        recordedBy: 'prov',
      });

      const history = await app.inject({
        url: '/api/statistics/history?region=140100&year=2024&indicator=energy_total_10k_tce',
        headers: bearer(t.taiyuan),
      });
      expect(history.statusCode, history.body).toBe(200);
      expect(
        history.json().items.map((i: { version: number; value: string }) => [i.version, i.value]),
      ).toEqual([
        [2, '4330.1'],
        [1, '4321.5'],
      ]);
      const current = await app.inject({
        url: '/api/statistics?region=140100&indicator=energy_total_10k_tce',
        headers: bearer(t.taiyuan),
      });
      expect(current.json().items).toHaveLength(1);
      expect(current.json().items[0].value).toBe('4330.1');
    });

    it('rejects the whole batch when one item is wrong, naming the item and field', async () => {
      const res = await put(t.province, [
        { regionCode: '140100', year: 2023, indicator: 'so2_10k_t', value: 12.1, source: '公报' },
        {
          regionCode: '140100',
          year: 2023,
          indicator: 'gdp_comparable_100m_yuan',
          value: 5000,
          source: '公报',
        },
        { regionCode: '140100', year: 2023, indicator: 'nox_10k_t', value: -1, source: '公报' },
        { regionCode: '140100', year: 2023, indicator: 'so2_10k_t', value: 1, unit: 't', source: '公报' },
      ]);
      expect(res.statusCode).toBe(400);
      const body = res.json().error;
      expect(body.code).toBe('STATISTIC_INVALID');
      const fields = body.details.map((d: { index: number; field: string }) => `${d.index}:${d.field}`);
      expect(fields).toEqual(expect.arrayContaining(['1:priceBase', '2:value', '3:unit', '3:indicator']));
      const stored = await app.inject({
        url: '/api/statistics?region=140100&fromYear=2023&toYear=2023',
        headers: bearer(t.province),
      });
      expect(stored.json().items).toEqual([]);
    });

    it('lets a city record its own figures but not another city\u2019s, and keeps county admins read-only', async () => {
      const own = await put(t.taiyuan, [
        { regionCode: '140105', year: 2024, indicator: 'cod_10k_t', value: 0.8, source: '区统计局' },
      ]);
      expect(own.statusCode, own.body).toBe(200);
      const other = await put(t.taiyuan, [
        { regionCode: '140200', year: 2024, indicator: 'cod_10k_t', value: 0.8, source: 'x' },
      ]);
      expect(other.statusCode).toBe(400);
      expect(other.json().error.details[0]).toMatchObject({ index: 0, field: 'regionCode' });
      const county = await put(t.county, [
        { regionCode: '140105', year: 2024, indicator: 'cod_10k_t', value: 0.9, source: 'x' },
      ]);
      expect(county.statusCode).toBe(403);
    });

    it('shows a city its own figures and the province total but not another city\u2019s', async () => {
      await put(t.province, [
        { regionCode: '140000', year: 2024, indicator: 'so2_10k_t', value: 20.5, source: '省公报' },
        { regionCode: '140200', year: 2024, indicator: 'so2_10k_t', value: 3.1, source: '大同公报' },
      ]);
      const province = await app.inject({
        url: '/api/statistics?region=140000&indicator=so2_10k_t',
        headers: bearer(t.taiyuan),
      });
      expect(province.statusCode).toBe(200);
      expect(province.json().items[0].value).toBe('20.5');
      const datong = await app.inject({ url: '/api/statistics?region=140200', headers: bearer(t.taiyuan) });
      expect(datong.statusCode).toBe(403);
      const all = await app.inject({
        url: '/api/statistics?indicator=so2_10k_t',
        headers: bearer(t.taiyuan),
      });
      expect(all.json().items.map((i: { regionCode: string }) => i.regionCode)).toEqual(['140000']);
      const children = await app.inject({
        url: '/api/statistics?region=140000&children=true&indicator=so2_10k_t',
        headers: bearer(t.datong),
      });
      expect(children.json().items.map((i: { regionCode: string }) => i.regionCode)).toEqual(['140200']);
    });
  });
}
