import { usccCheckChar } from '@ecep/contract';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { XLSX_MIME } from '../excel/index.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';

const creditCode = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

/** A balanced month: `fresh` of this month's waste utilised, `fromStock` taken from the stockpile. */
const month = (over: Record<string, unknown> = {}) => ({
  generatedT: 1000,
  utilizedT: 900,
  utilizedFromStockT: 100,
  routes: { buildingMaterialsT: 600, backfillT: 200, roadBaseT: 100 },
  disposedT: 50,
  storedT: 150,
  ...over,
});

for (const backend of backends()) {
  describe(`solid-waste ledger API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    const ent: Record<string, { id: string; code: string }> = {};

    const post = (token: string, body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/api/ledgers/solid-waste/entries',
        headers: bearer(token),
        payload: body,
      });
    const get = (token: string, url: string) => app.inject({ url, headers: bearer(token) });

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      const specs = [
        ['sz', '朔州测试煤电有限公司', '140602'],
        ['ty', '太原测试钢铁有限公司', '140105'],
        ['jc', '晋城测试电力有限公司', '140502'],
      ] as const;
      for (const [i, [key, name, region]] of specs.entries()) {
        const code = creditCode(region, i + 1);
        const row = await db.db
          .insertInto('enterprise')
          .values({ name, credit_code: code, region_code: region, industry_code: '44' })
          .returning('id')
          .executeTakeFirstOrThrow();
        ent[key] = { id: row.id, code };
      }
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      t.shuozhou = await userWithToken(app, db, { username: 'sz', role: 'city_admin', regionCode: '140600' });
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.ent = await userWithToken(app, db, {
        username: 'ent',
        role: 'enterprise_user',
        regionCode: '140602',
        enterpriseId: ent.sz?.id ?? null,
      });
      t.public = await userWithToken(app, db, { username: 'pub', role: 'public' });
      t.auditor = await userWithToken(app, db, { username: 'aud', role: 'auditor', regionCode: '140000' });
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    it('rejects an entry that breaks the balance, naming the numbers that do not add up, and writes nothing', async () => {
      const res = await post(t.ent as string, {
        enterpriseId: ent.sz?.id,
        wasteType: 'coal_gangue',
        period: '2024-12',
        openingStockT: 5000,
        ...month({ storedT: 160 }),
      });
      expect(res.statusCode).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('LEDGER_BALANCE_MISMATCH');
      expect(err.message).toContain('产生量 1000 t');
      expect(err.message).toContain('= 1010 t');
      expect(err.details[0].numbers).toMatchObject({
        generatedT: '1000',
        accountedT: '1010',
        differenceT: '-10',
      });
      const list = await get(t.province as string, '/api/ledgers/solid-waste/entries');
      expect(list.json().total).toBe(0);
    });

    it('chains each month to the previous closing stock and refuses an opening stock that does not continue it', async () => {
      const dec = await post(t.ent as string, {
        enterpriseId: ent.sz?.id,
        wasteType: 'coal_gangue',
        period: '2024-12',
        openingStockT: 5000,
        ...month(),
      });
      expect(dec.statusCode, dec.body).toBe(201);
      expect(dec.json()).toMatchObject({ closingStockT: '5050', version: 1, periodType: 'month' });
      const wrong = await post(t.ent as string, {
        enterpriseId: ent.sz?.id,
        wasteType: 'coal_gangue',
        period: '2025-01',
        openingStockT: 5000,
        ...month(),
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('LEDGER_BALANCE_MISMATCH');
      expect(wrong.json().error.message).toContain('2024-12');
      expect(wrong.json().error.message).toContain('5050');
      const jan = await post(t.ent as string, {
        enterpriseId: ent.sz?.id,
        wasteType: 'coal_gangue',
        period: '2025-01',
        ...month({ utilizedFromStockT: 0, utilizedT: 800, routes: { powerT: 800 }, storedT: 150 }),
      });
      expect(jan.statusCode, jan.body).toBe(201);
      expect(jan.json()).toMatchObject({ openingStockT: '5050', closingStockT: '5200' });
      const again = await post(t.ent as string, {
        enterpriseId: ent.sz?.id,
        wasteType: 'coal_gangue',
        period: '2025-01',
        ...month(),
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({
        code: 'LEDGER_ENTRY_EXISTS',
        details: { id: jan.json().id },
      });
    });

    it('keeps the old version when an entry is corrected and refuses a correction that breaks the next period', async () => {
      const list = await get(t.ent as string, '/api/ledgers/solid-waste/entries?from=2024-12&to=2024-12');
      const dec = list.json().items[0];
      expect(dec.period).toBe('2024-12');
      const breaking = await app.inject({
        method: 'PUT',
        url: `/api/ledgers/solid-waste/entries/${dec.id}`,
        headers: bearer(t.ent as string),
        payload: {
          ...month({ generatedT: 1100, storedT: 250 }),
          openingStockT: 5000,
          baseVersion: 1,
          reason: '复核',
        },
      });
      expect(breaking.statusCode).toBe(400);
      expect(breaking.json().error.message).toContain('2025-01');
      const ok = await app.inject({
        method: 'PUT',
        url: `/api/ledgers/solid-waste/entries/${dec.id}`,
        headers: bearer(t.ent as string),
        payload: {
          ...month({ generatedT: 1010, disposedT: 60 }),
          openingStockT: 5000,
          baseVersion: 1,
          reason: '处置量复核',
        },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ version: 2, disposedT: '60', reason: '处置量复核' });
      const stale = await app.inject({
        method: 'PUT',
        url: `/api/ledgers/solid-waste/entries/${dec.id}`,
        headers: bearer(t.ent as string),
        payload: { ...month(), openingStockT: 5000, baseVersion: 1, reason: 'x' },
      });
      expect(stale.json().error.code).toBe('LEDGER_VERSION_CONFLICT');
      const versions = await get(t.ent as string, `/api/ledgers/solid-waste/entries/${dec.id}/versions`);
      expect(
        versions.json().items.map((v: { version: number; disposedT: string }) => [v.version, v.disposedT]),
      ).toEqual([
        [2, '60'],
        [1, '50'],
      ]);
      const audit = await db.db
        .selectFrom('audit_event')
        .select('action')
        .where('entity', '=', 'solid_waste_entry')
        .where('entity_id', '=', dec.id)
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['correct', 'create']);
    });

    it('lets each user see and write only the enterprises in scope', async () => {
      const other = await post(t.ent as string, {
        enterpriseId: ent.ty?.id,
        wasteType: 'fly_ash',
        period: '2025-01',
        ...month(),
      });
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('ENTERPRISE_NOT_FOUND');
      const byTaiyuan = await post(t.taiyuan as string, {
        enterpriseId: ent.ty?.id,
        wasteType: 'fly_ash',
        period: '2025-01',
        openingStockT: 200,
        ...month(),
      });
      expect(byTaiyuan.statusCode, byTaiyuan.body).toBe(201);
      const tyList = await get(t.taiyuan as string, '/api/ledgers/solid-waste/entries');
      expect(tyList.json().items.map((e: { enterpriseId: string }) => e.enterpriseId)).toEqual([ent.ty?.id]);
      const entList = await get(t.ent as string, '/api/ledgers/solid-waste/entries');
      expect(new Set(entList.json().items.map((e: { enterpriseId: string }) => e.enterpriseId))).toEqual(
        new Set([ent.sz?.id]),
      );
      const hidden = await get(
        t.taiyuan as string,
        `/api/ledgers/solid-waste/entries/${entList.json().items[0].id}`,
      );
      expect(hidden.statusCode).toBe(404);
      expect((await get(t.public as string, '/api/ledgers/solid-waste/entries')).statusCode).toBe(403);
      const auditorWrite = await post(t.auditor as string, {
        enterpriseId: ent.ty?.id,
        wasteType: 'fly_ash',
        period: '2025-02',
        ...month(),
      });
      expect(auditorWrite.statusCode).toBe(403);
    });

    it('computes utilisation rates through the engine by enterprise, city and province, split by waste type', async () => {
      const jc = await post(t.province as string, {
        enterpriseId: ent.jc?.id,
        wasteType: 'fly_ash',
        period: '2025-01',
        openingStockT: 0,
        generatedT: 400,
        utilizedT: 100,
        utilizedFromStockT: 0,
        routes: { buildingMaterialsT: 100 },
        disposedT: 0,
        storedT: 300,
      });
      expect(jc.statusCode, jc.body).toBe(201);
      const byCity = await get(
        t.province as string,
        '/api/ledgers/solid-waste/rates?period=2025-01&groupBy=city',
      );
      expect(byCity.statusCode, byCity.body).toBe(200);
      const rows = Object.fromEntries(
        byCity.json().items.map((r: { key: string; utilizationRatePct: string }) => [r.key, r]),
      );
      // Shuozhou January: 800 utilised of 1000 generated, nothing from stock → 80 %.
      expect(rows['140600']).toMatchObject({
        name: '朔州市',
        utilizationRatePct: '80.00',
        generatedT: '1000',
      });
      // Taiyuan: 900 of (1000 + 100 from stock) → 81.82 %.
      expect(rows['140100']).toMatchObject({ utilizationRatePct: '81.82', utilizedFromStockT: '100' });
      expect(rows['140100'].explain.formula).toContain('utilizedFromStockT');
      expect(rows['140500']).toMatchObject({ utilizationRatePct: '25.00' });
      const province = await get(
        t.province as string,
        '/api/ledgers/solid-waste/rates?period=2025&groupBy=province&byWasteType=true',
      );
      const byType = Object.fromEntries(
        province.json().items.map((r: { wasteType: string; utilizationRatePct: string }) => [r.wasteType, r]),
      );
      // Fly ash: (900 + 100) of (1000 + 100 + 400) = 66.67 %; coal gangue (Shuozhou, January only in 2025) 80 %.
      expect(byType.fly_ash).toMatchObject({ utilizationRatePct: '66.67', enterprises: 2 });
      expect(byType.coal_gangue).toMatchObject({ utilizationRatePct: '80.00', closingStockT: '5200' });
      const mine = await get(
        t.ent as string,
        '/api/ledgers/solid-waste/rates?period=2025&groupBy=enterprise',
      );
      expect(mine.json().items.map((r: { key: string }) => r.key)).toEqual([ent.sz?.id]);
    });

    it('shows progress against the Shanxi targets with the three national bases', async () => {
      const res = await get(t.province as string, '/api/ledgers/solid-waste/progress?year=2025');
      expect(res.statusCode, res.body).toBe(200);
      const items = Object.fromEntries(res.json().items.map((i: { code: string }) => [i.code, i]));
      // All 2025 entries: utilised 800 + 900 + 100 = 1800 of generated 2400 + 100 from stock = 72 %.
      expect(items.industrial_solid_waste_utilization_rate).toMatchObject({
        targetValue: '65',
        actualValue: '72.00',
        met: true,
        completionPct: '110.77',
      });
      expect(items.fly_ash_utilization_rate).toMatchObject({
        targetValue: '80',
        actualValue: '66.67',
        met: false,
      });
      expect(items.coal_gangue_utilized).toMatchObject({
        targetValue: '6500',
        actualValue: '0.08',
        met: false,
      });
      expect(items.red_mud_utilized).toBeUndefined();
      expect(
        res.json().bases.map((b: { name: string; utilizedWanT: string }) => [b.name, b.utilizedWanT]),
      ).toEqual([
        ['朔州市', '0.08'],
        ['晋城市', '0.01'],
        ['长治市', '0.00'],
      ]);
    });

    it('registers utilisation enterprises with capacity by waste type and certification validity', async () => {
      const save = await app.inject({
        method: 'PUT',
        url: '/api/ledgers/solid-waste/utilizers',
        headers: bearer(t.province as string),
        payload: {
          enterpriseId: ent.jc?.id,
          capacities: { fly_ash: 300000, desulfurization_gypsum: '50000.5' },
          products: '蒸压粉煤灰砖',
          certification: '资源综合利用产品认定',
          certifiedUntil: '2000-01-01',
        },
      });
      expect(save.statusCode, save.body).toBe(200);
      expect(save.json()).toMatchObject({ totalCapacityTPerYr: '350000.5', certificationValid: false });
      const bad = await app.inject({
        method: 'PUT',
        url: '/api/ledgers/solid-waste/utilizers',
        headers: bearer(t.shuozhou as string),
        payload: { enterpriseId: ent.jc?.id, capacities: { fly_ash: 1 } },
      });
      expect(bad.statusCode).toBe(404);
      const list = await get(t.province as string, '/api/ledgers/solid-waste/utilizers?wasteType=fly_ash');
      expect(list.json().items).toHaveLength(1);
      const none = await get(t.province as string, '/api/ledgers/solid-waste/utilizers?wasteType=red_mud');
      expect(none.json().items).toHaveLength(0);
    });

    it('imports a filled template row by row: all-or-nothing refuses bad rows, valid-rows writes the good ones', async () => {
      const tpl = await get(t.province as string, '/api/ledgers/solid-waste/template.xlsx');
      expect(tpl.statusCode).toBe(200);
      expect(tpl.headers['content-type']).toBe(XLSX_MIME);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('固废台账');
      if (!ws) throw new Error('no ledger sheet');
      const jc = ent.jc?.code as string;
      // creditCode, name, period, type, opening, generated, utilised, fromStock, 6 routes, disposed, stored, closing
      ws.getRow(3).values = [jc, '', '2025-02', '粉煤灰', '', 400, 200, 0, 200, '', '', '', '', '', 0, 200];
      ws.getRow(4).values = [jc, '', '2025-03', '粉煤灰', '', 400, 200, 0, 150, '', '', '', '', '', 0, 200];
      ws.getRow(5).values = [jc, '', '2025-13', '赤泥', '', 1, 1, 0, 1, '', '', '', '', '', 0, 0];
      ws.getRow(6).values = [
        '91140000MA0000000X',
        '',
        '2025-02',
        '煤矸石',
        '',
        1,
        1,
        0,
        1,
        '',
        '',
        '',
        '',
        '',
        0,
        0,
      ];
      const upload = async (mode: string) =>
        app.inject({
          method: 'POST',
          url: `/api/ledgers/solid-waste/import?mode=${mode}`,
          headers: { ...bearer(t.province as string), 'content-type': XLSX_MIME },
          payload: Buffer.from(await wb.xlsx.writeBuffer()),
        });
      const refused = await upload('all-or-nothing');
      expect(refused.statusCode).toBe(400);
      const err = refused.json().error;
      expect(err.code).toBe('EXCEL_IMPORT_INVALID');
      expect(err.details.map((d: { row: number; column: string }) => `${d.row}${d.column}`)).toEqual([
        '4G',
        '5C',
        '6A',
      ]);
      expect(err.details[0].header).toBe('综合利用量（吨）');
      expect(err.details[1].header).toBe('期别');
      const feb = await get(
        t.province as string,
        `/api/ledgers/solid-waste/entries?enterpriseId=${ent.jc?.id}&from=2025-02`,
      );
      expect(feb.json().total).toBe(0);

      const partial = await upload('valid-rows');
      expect(partial.statusCode, partial.body).toBe(200);
      expect(partial.json()).toMatchObject({ mode: 'valid-rows', rows: 4, written: 1, rejected: 3 });
      const after = await get(
        t.province as string,
        `/api/ledgers/solid-waste/entries?enterpriseId=${ent.jc?.id}&from=2025-02`,
      );
      expect(after.json().items).toMatchObject([
        { period: '2025-02', openingStockT: '300', closingStockT: '500' },
      ]);

      const exported = await get(
        t.province as string,
        `/api/ledgers/solid-waste/export.xlsx?enterpriseId=${ent.jc?.id}`,
      );
      expect(exported.statusCode).toBe(200);
      const back = await app.inject({
        method: 'POST',
        url: '/api/ledgers/solid-waste/import',
        headers: { ...bearer(t.province as string), 'content-type': XLSX_MIME },
        payload: exported.rawPayload,
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ rows: 2, written: 0, rejected: 0 });
    });
  });
}
