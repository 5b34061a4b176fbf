import { buildDataPacket, encodeFrame } from '@ecep/hj212';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { DeviceDirectory } from '../devices/device-directory.js';
import { type Hj212Gateway, startHj212Gateway } from '../gateway/hj212-server.js';
import { TestDataUnit } from '../test-support/hj212-client.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';
import { RollupService } from './rollup.service.js';

const HOUR1 = Date.UTC(2026, 10, 24, 2); // 10:00 Beijing
const HOUR2 = HOUR1 + 3_600_000;

let qn = 0;
function minute(mn: string, ms: number, so2: number, flag: string) {
  return encodeFrame(
    buildDataPacket({
      st: '31',
      cn: '2051',
      mn,
      pw: '123456',
      qn: `2026112400${String(++qn).padStart(7, '0')}`,
      flag: 5,
      dataTime: ms,
      factors: {
        a21026: { avg: so2, min: so2, max: so2, flag },
        a19001: { avg: 10, flag: 'N' },
        a00000: { avg: 100, flag: 'N' },
      },
    }),
  );
}

for (const backend of backends()) {
  describe(`hourly rollups fed through the gateway on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    let gateway: Hj212Gateway;
    let token: string;
    const rollups = () => new RollupService(db.db);

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      token = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      const reg = await app.inject({
        method: 'POST',
        url: '/api/monitoring/devices',
        headers: bearer(token),
        payload: { mn: 'ROLL-1', password: '123456', name: '锅炉', st: '31' },
      });
      expect(reg.statusCode).toBe(201);
      const put = await app.inject({
        method: 'PUT',
        url: '/api/monitoring/devices/ROLL-1',
        headers: bearer(token),
        payload: { referenceO2Pct: 6, limits: { a21026: 35 } },
      });
      expect(put.statusCode, put.body).toBe(200);
      gateway = await startHj212Gateway(db, new DeviceDirectory(db.db), { port: 0, host: '127.0.0.1' });
      // Hour 1: 45 valid minutes of 30 mg/m³ (corrected 40.9 > 35). Hour 2: 44 valid minutes of 30, 16 flagged D.
      const unit = await TestDataUnit.connect(gateway.port);
      let frames = '';
      for (let i = 0; i < 60; i++) frames += minute('ROLL-1', HOUR1 + i * 60_000, 30, i < 45 ? 'N' : 'D');
      for (let i = 0; i < 60; i++) frames += minute('ROLL-1', HOUR2 + i * 60_000, 30, i < 44 ? 'N' : 'D');
      await unit.write(frames);
      await unit.waitForAcks(120);
      unit.close();
    });
    afterAll(async () => {
      await gateway?.close();
      await app?.close();
      await db?.close();
    });

    const hourly = async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/monitoring/devices/ROLL-1/hourly?from=${new Date(HOUR1).toISOString()}&to=${new Date(HOUR2 + 3_600_000).toISOString()}`,
        headers: bearer(token),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Array<{ hour: string; factors: Record<string, Record<string, unknown>> }>;
    };

    it('rolls up closed hours marked by the gateway, not the open hour', async () => {
      // At 10:30 hour 1 is still open and hour 2 has not begun: nothing is rolled up yet.
      expect(await rollups().processDirty(HOUR1 + 30 * 60_000)).toBe(0);
      expect(await rollups().processDirty(HOUR2 + 2 * 3_600_000)).toBe(2);
      const items = await hourly();
      expect(items.map((i) => i.hour)).toEqual(['2026-11-24T10:00:00+08:00', '2026-11-24T11:00:00+08:00']);
      expect(await rollups().processDirty(HOUR2 + 2 * 3_600_000)).toBe(0);
    });

    it('marks 45 valid minutes valid and 44 invalid, and judges exceedance only on the valid hour', async () => {
      const [h1, h2] = await hourly();
      expect(h1!.factors.a21026).toMatchObject({
        validMinutes: 45,
        valid: true,
        avg: 30,
        limit: 35,
        exceeds: true,
      });
      expect(h1!.factors.a21026!.correctedAvg as number).toBeCloseTo((30 * 15) / 11, 9);
      expect(h2!.factors.a21026).toMatchObject({ validMinutes: 44, valid: false, exceeds: null });
      // Load: 30 mg/m³ × 100 m³/s × 60 s × 45 minutes.
      expect(h1!.factors.a21026!.loadKg as number).toBeCloseTo((30 * 100 * 60 * 45) / 1e6, 9);
    });

    it('recomputes an hour after a resend changes its minutes', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      // Minute 50 of hour 2 is resent as valid: now 45 valid minutes.
      await unit.write(minute('ROLL-1', HOUR2 + 50 * 60_000, 30, 'N'));
      await unit.waitForAcks(1);
      unit.close();
      expect(await rollups().processDirty(HOUR2 + 2 * 3_600_000)).toBe(1);
      const [, h2] = await hourly();
      expect(h2!.factors.a21026).toMatchObject({ validMinutes: 45, valid: true, exceeds: true });
    });

    it('recomputes a range on demand and refuses a backwards range', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/monitoring/rollups',
        headers: bearer(token),
        payload: {
          from: new Date(HOUR1).toISOString(),
          to: new Date(HOUR2 + 3_600_000).toISOString(),
          mn: 'ROLL-1',
        },
      });
      expect(res.json()).toEqual({ devices: 1, hours: 2 });
      const bad = await app.inject({
        method: 'POST',
        url: '/api/monitoring/rollups',
        headers: bearer(token),
        payload: { from: new Date(HOUR2).toISOString(), to: new Date(HOUR1).toISOString() },
      });
      expect(bad.statusCode).toBe(400);
    });

    it('refuses settings with an impossible reference O2, naming the field', async () => {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/monitoring/devices/ROLL-1',
        headers: bearer(token),
        payload: { referenceO2Pct: 21 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body/referenceO2Pct');
    });
  });
}
