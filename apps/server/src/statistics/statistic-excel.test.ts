import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';
import { XLSX_MIME } from './statistic-excel.js';

/** Fills the downloaded template's data sheet with `rows` (below the example row, which stays). */
async function filled(template: Buffer, rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('数据');
  if (!ws) throw new Error('template has no data sheet');
  rows.forEach((r, i) => {
    ws.getRow(3 + i).values = r as ExcelJS.CellValue[];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const backend of backends()) {
  describe(`statistics Excel import and export on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    let token: string;
    let template: Buffer;
    const upload = (body: Buffer, mode = 'all-or-nothing') =>
      app.inject({
        method: 'POST',
        url: `/api/statistics/import?mode=${mode}`,
        headers: { ...bearer(token), 'content-type': XLSX_MIME },
        payload: body,
      });

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      token = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      const res = await app.inject({ url: '/api/statistics/template.xlsx', headers: bearer(token) });
      expect(res.statusCode).toBe(200);
      template = res.rawPayload;
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    const good = ['140200', '大同市', 2024, 'Y', 'so2_10k_t', '', 3.25, '', '', 'final', '大同统计公报', ''];

    it('reports every bad row with row, column and reason and writes nothing', async () => {
      const body = await filled(template, [
        good,
        ['140200', '', 2024, 'Y', 'nox_10k_t', '', 'abc', '', '', '', '公报', ''],
        ['14020', '', 2024, 'Y', 'cod_10k_t', '', 1.2, '', '', '', '公报', ''],
        ['140200', '', 2024, 'Y', 'gdp_comparable_100m_yuan', '', 1500, '', '', '', '公报', ''],
      ]);
      const res = await upload(body);
      expect(res.statusCode).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('STATISTIC_IMPORT_INVALID');
      expect(err.details.map((d: { row: number; column: string }) => `${d.row}${d.column}`)).toEqual([
        '4G',
        '5A',
        '6I',
      ]);
      expect(err.details[0].header).toBe('数值');
      const list = await app.inject({ url: '/api/statistics?region=140200', headers: bearer(token) });
      expect(list.json().items).toEqual([]);
    });

    it('writes the valid rows when asked to, reporting the others', async () => {
      const body = await filled(template, [
        good,
        ['140200', '', 2024, 'Q5', 'nox_10k_t', '', 2, '', '', '', '公报', ''],
      ]);
      const res = await upload(body, 'valid-rows');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ created: 1, rejected: 1 });
      expect(res.json().issues[0]).toMatchObject({ row: 4, column: 'D', header: '期别' });
    });

    it('exports the filtered list in the template layout, which imports again without changes', async () => {
      const exported = await app.inject({
        url: '/api/statistics/export.xlsx?region=140200',
        headers: bearer(token),
      });
      expect(exported.statusCode).toBe(200);
      const again = await upload(exported.rawPayload);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ created: 0, unchanged: 1, rejected: 0 });
    });

    it('rejects a file that is not a workbook', async () => {
      const res = await upload(Buffer.from('not a spreadsheet'));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('STATISTIC_IMPORT_INVALID');
    });
  });
}
