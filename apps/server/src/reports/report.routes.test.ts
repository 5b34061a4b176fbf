import { usccCheckChar } from '@ecep/contract';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';

const code = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

const content = (coalT: number, extra: Record<string, unknown> = {}) => ({
  energy: [
    {
      energyCode: 'raw-coal',
      unit: 't',
      openingStock: 100,
      purchased: coalT,
      consumed: coalT,
      closingStock: 100,
    },
    { energyCode: 'electricity', unit: '10^4 kWh', purchased: 50, consumed: 50 },
  ],
  products: [{ name: '焦炭', unit: 't', output: 1000 }],
  outputValue10kYuan: 2000,
  ...extra,
});

for (const backend of backends()) {
  describe(`energy report workflow API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const post = (token: string, url: string, payload?: unknown) =>
      app.inject({ method: 'POST', url, headers: bearer(token), payload: payload ?? {} });

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      for (const [key, name, region] of [
        ['xd', '小店焦化测试有限公司', '140105'],
        ['dt', '大同电力测试有限公司', '140213'],
      ] as const) {
        const res = await post(t.province, '/api/enterprises', {
          name,
          creditCode: code(region, key === 'xd' ? 1 : 2),
          regionCode: region,
          industryCode: '25',
          keyEnergyUser: true,
        });
        expect(res.statusCode, res.body).toBe(201);
        ids[key] = res.json().id;
      }
      t.ent = await userWithToken(app, db, {
        username: 'ent',
        role: 'enterprise_user',
        regionCode: '140105',
        enterpriseId: ids.xd,
      });
      t.entDt = await userWithToken(app, db, {
        username: 'entdt',
        role: 'enterprise_user',
        regionCode: '140213',
        enterpriseId: ids.dt,
      });
      t.county = await userWithToken(app, db, {
        username: 'xdq',
        role: 'county_admin',
        regionCode: '140105',
      });
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.datong = await userWithToken(app, db, { username: 'dtc', role: 'city_admin', regionCode: '140200' });
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    it('computes totals through the calculation engine when a draft is created', async () => {
      const res = await post(t.ent, '/api/reports', {
        periodType: 'year',
        period: '2025',
        content: content(10_000),
      });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json();
      ids.report = r.id;
      // 10 000 t raw coal × 0.7143 + 50×10^4 kWh × 1.229 tce/10^4 kWh (equivalent basis)
      expect(r.totals.comprehensiveTce).toBe('7204.450');
      expect(r.totals.unitProduct[0]).toMatchObject({ product: '焦炭', kgcePerUnit: '7204.450' });
      expect(r).toMatchObject({
        status: 'draft',
        currentVersion: 1,
        awaiting: 'enterprise',
        approvedVersion: null,
      });
    });

    it('rejects content whose stock does not balance, naming the row and the numbers', async () => {
      const bad = content(10_000);
      bad.energy[0] = { ...bad.energy[0], closingStock: 400 } as (typeof bad.energy)[0];
      const res = await app.inject({
        method: 'PUT',
        url: `/api/reports/${ids.report}`,
        headers: bearer(t.ent),
        payload: { content: bad, version: 1 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('REPORT_INVALID');
      expect(res.json().error.details[0].field).toBe('energy/0/closingStock');
      expect(res.json().error.message).toContain('400');
    });

    it('refuses an enterprise approving, a city acting before the county, and another city reviewing', async () => {
      expect((await post(t.ent, `/api/reports/${ids.report}/submit`)).statusCode).toBe(200);
      expect((await post(t.ent, `/api/reports/${ids.report}/approve`)).statusCode).toBe(403);
      const early = await post(t.taiyuan, `/api/reports/${ids.report}/approve`);
      expect(early.statusCode).toBe(403);
      expect(early.json().error.code).toBe('REPORT_NOT_YOUR_TURN');
      expect((await post(t.datong, `/api/reports/${ids.report}/approve`)).statusCode).toBe(404);
      expect(
        (await app.inject({ url: `/api/reports/${ids.report}`, headers: bearer(t.entDt) })).statusCode,
      ).toBe(404);
      const edit = await app.inject({
        method: 'PUT',
        url: `/api/reports/${ids.report}`,
        headers: bearer(t.ent),
        payload: { content: content(9000), version: 1 },
      });
      expect(edit.statusCode).toBe(403);
    });

    it('returns with a reason, takes a new version and goes county → city → province', async () => {
      const noReason = await post(t.county, `/api/reports/${ids.report}/return`, { reason: '' });
      expect(noReason.statusCode).toBe(400);
      const returned = await post(t.county, `/api/reports/${ids.report}/return`, {
        reason: '原煤消费量与购进量不符，请核实',
      });
      expect(returned.json()).toMatchObject({
        status: 'returned',
        returnedReason: '原煤消费量与购进量不符，请核实',
      });
      const edited = await app.inject({
        method: 'PUT',
        url: `/api/reports/${ids.report}`,
        headers: bearer(t.ent),
        payload: { content: content(9000), version: 1 },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().currentVersion).toBe(2);
      const stale = await app.inject({
        method: 'PUT',
        url: `/api/reports/${ids.report}`,
        headers: bearer(t.ent),
        payload: { content: content(9100), version: 1 },
      });
      expect(stale.json().error.code).toBe('REPORT_VERSION_CONFLICT');
      await post(t.ent, `/api/reports/${ids.report}/submit`);
      const queue = await app.inject({ url: '/api/reports?awaitingMe=true', headers: bearer(t.county) });
      expect(queue.json().items.map((r: { id: string }) => r.id)).toEqual([ids.report]);
      expect((await post(t.county, `/api/reports/${ids.report}/approve`)).json().status).toBe(
        'county_approved',
      );
      expect(
        (await app.inject({ url: '/api/reports?awaitingMe=true', headers: bearer(t.county) })).json().items,
      ).toEqual([]);
      expect((await post(t.taiyuan, `/api/reports/${ids.report}/approve`)).json().status).toBe(
        'city_approved',
      );
      const approved = (
        await post(t.province, `/api/reports/${ids.report}/approve`, { comment: '同意' })
      ).json();
      expect(approved).toMatchObject({ status: 'approved', approvedVersion: 2, awaiting: null });
      expect(approved.events.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'submit',
        'return',
        'edit',
        'submit',
        'approve',
        'approve',
        'approve',
      ]);
      expect(approved.events.at(-1)).toMatchObject({
        actor: 'prov',
        actorRole: 'province_admin',
        fromStatus: 'city_approved',
        toStatus: 'approved',
      });
    });

    it('never edits an approved report; a correction is a new version that keeps the approved one', async () => {
      const edit = await app.inject({
        method: 'PUT',
        url: `/api/reports/${ids.report}`,
        headers: bearer(t.ent),
        payload: { content: content(8000), version: 2 },
      });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.code).toBe('REPORT_ALREADY_APPROVED');
      const corrected = await post(t.ent, `/api/reports/${ids.report}/corrections`, {
        content: content(8500),
        reason: '补录12月原煤消费',
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
      expect(corrected.json()).toMatchObject({ status: 'submitted', currentVersion: 3, approvedVersion: 2 });
      const v2 = await app.inject({
        url: `/api/reports/${ids.report}/versions/2`,
        headers: bearer(t.taiyuan),
      });
      expect(v2.json().content.energy[0].consumed).toBe(9000);
      expect(
        corrected
          .json()
          .versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason]),
      ).toEqual([
        [3, '补录12月原煤消费'],
        [2, null],
        [1, null],
      ]);
    });

    it('refuses a second report for the same period and a report for a period not yet begun', async () => {
      const dup = await post(t.ent, '/api/reports', {
        periodType: 'year',
        period: '2025',
        content: content(1),
      });
      expect(dup.json().error.code).toBe('REPORT_EXISTS');
      const future = await post(t.ent, '/api/reports', {
        periodType: 'year',
        period: '2099',
        content: content(1),
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.details[0].field).toBe('period');
      const unknown = await post(t.ent, '/api/reports', {
        periodType: 'month',
        period: '2025-01',
        content: { energy: [{ energyCode: 'unobtainium', unit: 't', purchased: 1, consumed: 1 }] },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.code).toBe('REPORT_INVALID');
    });

    it('imports a filled workbook: a wrong cell is named by sheet, row and column, a good one becomes a draft', async () => {
      const tpl = await app.inject({ url: '/api/reports/template.xlsx', headers: bearer(t.ent) });
      expect(tpl.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const energy = wb.getWorksheet('能源');
      if (!energy) throw new Error('the template has no energy sheet');
      energy.getRow(3).getCell(5).value = 'lots';
      const bad = Buffer.from(await wb.xlsx.writeBuffer());
      const xlsx = {
        ...bearer(t.ent),
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
      const res = await app.inject({
        method: 'POST',
        url: '/api/reports/import?periodType=month&period=2025-03',
        headers: xlsx,
        payload: bad,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({
        sheet: '能源',
        row: 3,
        column: 'E',
        header: '购进量',
      });
      energy.getRow(3).getCell(5).value = 3600;
      const good = Buffer.from(await wb.xlsx.writeBuffer());
      const ok = await app.inject({
        method: 'POST',
        url: '/api/reports/import?periodType=month&period=2025-03',
        headers: xlsx,
        payload: good,
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ status: 'draft', period: '2025-03' });
      expect(ok.json().content.energy).toHaveLength(2);
      const again = await app.inject({
        method: 'POST',
        url: '/api/reports/import?periodType=month&period=2025-03',
        headers: xlsx,
        payload: good,
      });
      expect(again.json().currentVersion).toBe(2);
    });
  });
}
