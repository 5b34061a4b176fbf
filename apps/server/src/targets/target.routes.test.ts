import { usccCheckChar } from '@ecep/contract';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';
import { storePlanVersion } from './plan.repository.js';

const intensityTarget = {
  code: 'energy_intensity',
  name: '单位地区生产总值能耗',
  type: 'intensity',
  unit: 'tce/10k yuan',
  scopeCode: '140000',
  direction: 'decrease',
  baseYear: 2010,
  baseValue: '2.235',
  targetYear: 2015,
  targetValue: '1.877',
  changePct: '-16',
  priceBase: '2005',
  sourceText: '单位地区生产总值能耗下降16%',
  details: {},
};

/** Energy and GDP index for a region: energy grows by `eg` % a year, real GDP by `gg` %. */
function yearly(region: string, eg: number, gg: number) {
  const items = [];
  let e = 1000;
  items.push({ regionCode: region, year: 2010, indicator: 'energy_total_10k_tce', value: e, source: 'test' });
  for (let y = 2011; y <= 2012; y++) {
    e = Number((e * (1 + eg / 100)).toFixed(4));
    items.push({ regionCode: region, year: y, indicator: 'energy_total_10k_tce', value: e, source: 'test' });
    items.push({ regionCode: region, year: y, indicator: 'gdp_index', value: 100 + gg, source: 'test' });
  }
  return items;
}

for (const backend of backends()) {
  describe(`targets, barometer, assessment and bulletin API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.public = await userWithToken(app, db, { username: 'pub', role: 'public' });
      await storePlanVersion(
        db.db,
        {
          id: 'shanxi-test',
          title: '测试规划',
          digest: 'd1',
          sourceFile: 'x.yaml',
          document: { tasks: [] },
          targets: [intensityTarget],
        },
        'test',
      );
      const put = await app.inject({
        method: 'PUT',
        url: '/api/statistics',
        headers: bearer(t.province),
        payload: {
          items: [
            ...yearly('140000', 4, 8),
            ...yearly('140100', 2, 9), // falls ≈ 6.4 %/yr: level 3
            ...yearly('140200', 6, 8), // falls ≈ 1.9 %/yr: level 2
            ...yearly('140300', 9, 7), // rises: level 1
          ],
        },
      });
      expect(put.statusCode, put.body).toBe(200);
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    it('evaluates the province target with the log method and explains it', async () => {
      const res = await app.inject({
        url: '/api/targets/evaluations?year=2012',
        headers: bearer(t.province),
      });
      expect(res.statusCode, res.body).toBe(200);
      const [e] = res.json().items;
      const cum = (1.04 / 1.08) ** 2 - 1;
      expect(e).toMatchObject({ code: 'energy_intensity', asOfYear: 2012, requiredPct: '40.00' });
      expect(Number(e.actualChangePct)).toBeCloseTo(cum * 100, 2);
      expect(Number(e.completionPct)).toBeCloseTo((Math.log(1 + cum) / Math.log(0.84)) * 100, 1);
      expect(e.explain.formula).toContain('ln');
    });

    it('colours the cities of the barometer by the NDRC rule against the annual requirement', async () => {
      const res = await app.inject({ url: '/api/targets/barometer?year=2012', headers: bearer(t.province) });
      expect(res.statusCode, res.body).toBe(200);
      const levels = Object.fromEntries(
        res
          .json()
          .rows.filter((r: { intensityLevel: number | null }) => r.intensityLevel !== null)
          .map((r: { regionCode: string; intensityLevel: number }) => [r.regionCode, r.intensityLevel]),
      );
      expect(levels).toEqual({ '140100': 3, '140200': 2, '140300': 1 });
      const city = await app.inject({ url: '/api/targets/barometer?year=2012', headers: bearer(t.taiyuan) });
      expect(city.json().rows.map((r: { regionCode: string }) => r.regionCode)).toEqual(['140100']);
      expect(
        (await app.inject({ url: '/api/targets/barometer?year=2012', headers: bearer(t.public) })).statusCode,
      ).toBe(403);
    });

    it('grades the year-end assessment once measure points are entered, vetoing a missed target', async () => {
      const before = await app.inject({
        url: '/api/targets/assessment?year=2012',
        headers: bearer(t.province),
      });
      const ty = before.json().rows.find((r: { regionCode: string }) => r.regionCode === '140100');
      expect(ty.gradeZh).toBe('待录入措施得分');
      const denied = await app.inject({
        method: 'PUT',
        url: '/api/targets/assessment/measures',
        headers: bearer(t.taiyuan),
        payload: { year: 2012, regionCode: '140100', measures: 50 },
      });
      expect(denied.statusCode).toBe(403);
      for (const regionCode of ['140100', '140200']) {
        const res = await app.inject({
          method: 'PUT',
          url: '/api/targets/assessment/measures',
          headers: bearer(t.province),
          payload: { year: 2012, regionCode, measures: 55 },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const after = await app.inject({
        url: '/api/targets/assessment?year=2012',
        headers: bearer(t.province),
      });
      const rows = Object.fromEntries(
        after.json().rows.map((r: { regionCode: string }) => [r.regionCode, r]),
      );
      expect(rows['140100']).toMatchObject({ gradeZh: '超额完成', vetoed: false });
      expect(rows['140200']).toMatchObject({ gradeZh: '未完成', vetoed: true });
    });

    it('checks a decomposition to the cities and flags the gap', async () => {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/targets/allocations',
        headers: bearer(t.province),
        payload: {
          planId: 'shanxi-test',
          targetCode: 'energy_intensity',
          parentCode: '140000',
          items: [
            { regionCode: '140100', changePct: -16 },
            { regionCode: '140200', changePct: -10 },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const check = res.json().check;
      expect(check.consistent).toBe(false);
      // weights are the 2010 energy totals (1000 each) → (−16 − 10) / 2 = −13
      expect(check.impliedValue).toBe('-13.00');
      expect(check.missingParts).toContain('140300');
      const bad = await app.inject({
        method: 'PUT',
        url: '/api/targets/allocations',
        headers: bearer(t.province),
        payload: {
          planId: 'shanxi-test',
          targetCode: 'energy_intensity',
          parentCode: '140000',
          items: [{ regionCode: '620100', changePct: -16 }],
        },
      });
      expect(bad.json().error.code).toBe('ALLOCATION_INVALID');
    });

    it('lets a city divide its allocated target among its key energy users and checks the parts', async () => {
      const ids: string[] = [];
      for (const [i, region] of ['140105', '140106', '140213'].entries()) {
        const first17 = `91${region}${String(i + 1).padStart(9, '0')}`;
        const res = await app.inject({
          method: 'POST',
          url: '/api/enterprises',
          headers: bearer(t.province),
          payload: {
            name: `重点用能测试${i + 1}有限公司`,
            creditCode: first17 + usccCheckChar(first17),
            regionCode: region,
            industryCode: '31',
            keyEnergyUser: true,
          },
        });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json().id);
      }
      const put = (items: unknown[]) =>
        app.inject({
          method: 'PUT',
          url: '/api/targets/allocations',
          headers: bearer(t.taiyuan),
          payload: {
            level: 'enterprise',
            planId: 'shanxi-test',
            targetCode: 'energy_intensity',
            parentCode: '140100',
            items,
          },
        });
      const res = await put([
        { regionCode: ids[0], changePct: -16, weightValue: 100 },
        { regionCode: ids[1], changePct: -10, weightValue: 300 },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      // Taiyuan's own target is the −16 % the province allocated to it; the parts give (−1600 − 3000) / 400.
      expect(res.json().check).toMatchObject({
        parentValue: '-16',
        impliedValue: '-11.50',
        consistent: false,
        missingParts: [],
      });
      const other = await put([{ regionCode: ids[2], changePct: -16 }]);
      expect(other.json().error.code).toBe('ALLOCATION_INVALID');
      const datong = await app.inject({
        method: 'PUT',
        url: '/api/targets/allocations',
        headers: bearer(t.taiyuan),
        payload: {
          level: 'enterprise',
          planId: 'shanxi-test',
          targetCode: 'energy_intensity',
          parentCode: '140200',
          items: [{ regionCode: ids[2], changePct: -16 }],
        },
      });
      expect(datong.statusCode).toBe(403);
    });

    it('exports the bulletin as a workbook with the cities and their levels', async () => {
      const res = await app.inject({ url: '/api/bulletins/2012/xlsx', headers: bearer(t.province) });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const names: string[] = [];
      ws?.eachRow((row) => names.push(String(row.getCell(1).value)));
      expect(names).toEqual(expect.arrayContaining(['山西省', '太原市', '大同市', '阳泉市']));
      const levelOf = (name: string) => {
        let level = '';
        ws?.eachRow((row) => {
          if (row.getCell(1).value === name) level = String(row.getCell(6).value);
        });
        return level;
      };
      expect(levelOf('阳泉市')).toContain('一级');
    });

    it('keeps a new result in the history when the data behind it changes', async () => {
      const key = '140000/2012/Y';
      const before = (
        await app.inject({
          url: `/api/targets/history?kind=barometer&key=${key}`,
          headers: bearer(t.province),
        })
      ).json().items.length;
      await app.inject({
        method: 'PUT',
        url: '/api/statistics',
        headers: bearer(t.province),
        payload: {
          items: [
            { regionCode: '140300', year: 2012, indicator: 'gdp_index', value: 115, source: 'revised' },
          ],
        },
      });
      // The write itself recomputes the results that depend on it; no read is needed for the history to grow.
      const after = (
        await app.inject({
          url: `/api/targets/history?kind=barometer&key=${key}`,
          headers: bearer(t.province),
        })
      ).json().items;
      expect(after.length).toBe(before + 1);
    });
  });
}
