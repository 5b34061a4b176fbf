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

    it('raises an exceedance alarm only for the valid exceeding hour, and flag alarms for ≥ 15 D minutes', async () => {
      // Back to the original data for hour 2 (minute 50 flagged D again).
      const unit = await TestDataUnit.connect(gateway.port);
      await unit.write(minute('ROLL-1', HOUR2 + 50 * 60_000, 30, 'D'));
      await unit.waitForAcks(1);
      unit.close();
      await rollups().processDirty(HOUR2 + 2 * 3_600_000);
      const res = await app.inject({
        method: 'GET',
        url: '/api/monitoring/alarms?mn=ROLL-1',
        headers: bearer(token),
      });
      const items = res.json().items as Array<Record<string, unknown>>;
      const exceedances = items.filter((a) => a.type === 'exceedance');
      expect(exceedances).toHaveLength(1);
      expect(exceedances[0]).toMatchObject({
        factor: 'a21026',
        start: '2026-11-24T10:00:00+08:00',
        end: '2026-11-24T11:00:00+08:00',
        limit: 35,
      });
      expect(exceedances[0]!.value as number).toBeCloseTo((30 * 15) / 11, 9);
      expect((exceedances[0]!.links as { rollup: string }).rollup).toContain(
        '/api/monitoring/devices/ROLL-1/hourly?',
      );
      // 15 D minutes in hour 1 and 16 in hour 2 both reach the 15-minute threshold.
      const flags = items
        .filter((a) => a.type === 'flag')
        .map((a) => [a.start, a.value, (a.details as { flag: string }).flag]);
      expect(flags.sort()).toEqual([
        ['2026-11-24T10:00:00+08:00', 15, 'D'],
        ['2026-11-24T11:00:00+08:00', 16, 'D'],
      ]);
    });

    it('acknowledges an alarm once, with a comment, and audits it', async () => {
      const list = await app.inject({
        method: 'GET',
        url: '/api/monitoring/alarms?type=exceedance',
        headers: bearer(token),
      });
      const id = list.json().items[0].id as string;
      const ack = await app.inject({
        method: 'POST',
        url: `/api/monitoring/alarms/${id}/ack`,
        headers: bearer(token),
        payload: { comment: '已电话核实，企业正在整改' },
      });
      expect(ack.statusCode, ack.body).toBe(200);
      expect(ack.json().acknowledged).toMatchObject({ by: 'prov', comment: '已电话核实，企业正在整改' });
      const again = await app.inject({
        method: 'POST',
        url: `/api/monitoring/alarms/${id}/ack`,
        headers: bearer(token),
        payload: { comment: '再次' },
      });
      expect(again.statusCode).toBe(409);
      const empty = await app.inject({
        method: 'POST',
        url: `/api/monitoring/alarms/${id}/ack`,
        headers: bearer(token),
        payload: { comment: '' },
      });
      expect(empty.statusCode).toBe(400);
      const open = await app.inject({
        method: 'GET',
        url: '/api/monitoring/alarms?acknowledged=false&type=exceedance',
        headers: bearer(token),
      });
      expect(open.json().items).toEqual([]);
    });

    it('hides the alarms of a device outside the caller’s scope', async () => {
      const datong = await userWithToken(app, db, {
        username: 'dt',
        role: 'city_admin',
        regionCode: '140200',
      });
      // ROLL-1 belongs to no enterprise: only province-level users see it.
      const res = await app.inject({ method: 'GET', url: '/api/monitoring/alarms', headers: bearer(datong) });
      expect(res.json().items).toEqual([]);
      const list = await app.inject({ method: 'GET', url: '/api/monitoring/alarms', headers: bearer(token) });
      const id = list.json().items[0].id as string;
      const ack = await app.inject({
        method: 'POST',
        url: `/api/monitoring/alarms/${id}/ack`,
        headers: bearer(datong),
        payload: { comment: 'x' },
      });
      expect(ack.statusCode).toBe(404);
    });

    it('opens an offline alarm after 3 silent intervals and closes it when packets resume', async () => {
      const { syncOfflineAlarms } = await import('../alarms/alarm.repository.js');
      const last = await db.db
        .selectFrom('hj212_packet')
        .select((eb) => eb.fn.max('received_at').as('t'))
        .where('mn', '=', 'ROLL-1')
        .executeTakeFirstOrThrow();
      const lastMs = new Date(last.t as Date).getTime();
      expect(await syncOfflineAlarms(db.db, lastMs + 170_000, 3)).toEqual({ opened: 0, closed: 0 });
      expect(await syncOfflineAlarms(db.db, lastMs + 181_000, 3)).toEqual({ opened: 1, closed: 0 });
      expect(await syncOfflineAlarms(db.db, lastMs + 240_000, 3)).toEqual({ opened: 0, closed: 0 });
      const unit = await TestDataUnit.connect(gateway.port);
      await unit.write(minute('ROLL-1', HOUR2 + 3_600_000, 30, 'N'));
      await unit.waitForAcks(1);
      unit.close();
      expect(await syncOfflineAlarms(db.db, Date.now(), 3)).toEqual({ opened: 0, closed: 1 });
      const offline = await app.inject({
        method: 'GET',
        url: '/api/monitoring/alarms?type=offline',
        headers: bearer(token),
      });
      expect(offline.json().items).toHaveLength(1);
      expect(offline.json().items[0].end).not.toBeNull();
    });

    it('reports daily transmission and validity rates in Shanghai days', async () => {
      // 10:00–12:00 Beijing on 2026-11-24: 120 minutes expected and received (the 12:00 minute is outside), 45 + 44 all-N.
      const res = await app.inject({
        method: 'GET',
        url: `/api/monitoring/devices/ROLL-1/rates?from=${new Date(HOUR1).toISOString()}&to=${new Date(HOUR2 + 3_600_000).toISOString()}`,
        headers: bearer(token),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toEqual([
        {
          day: '2026-11-24',
          expected: 120,
          received: 120,
          valid: 89,
          transmissionRatePct: '100.00',
          validityRatePct: '74.17',
          effectiveTransmissionRatePct: '74.17',
        },
      ]);
    });

    it('keeps a daily rollup in step with the hours: too few valid hours make an invalid day', async () => {
      const hours = await hourly();
      const validHours = hours.filter((h) => h.factors.a21026?.valid).length;
      const validLoad = hours
        .filter((h) => h.factors.a21026?.valid)
        .reduce((s, h) => s + (h.factors.a21026!.loadKg as number), 0);
      const res = await app.inject({
        method: 'GET',
        url: '/api/monitoring/devices/ROLL-1/daily?from=2026-11-23T16:00:00Z&to=2026-11-24T16:00:00Z',
        headers: bearer(token),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toHaveLength(1);
      const day = res.json().items[0];
      expect(day.day).toBe('2026-11-24');
      expect(day.factors.a21026).toMatchObject({ validHours, valid: false, limit: 35, exceeds: null });
      expect(day.factors.a21026.loadKg).toBeCloseTo(validLoad, 9);
      const month = await app.inject({
        method: 'GET',
        url: '/api/monitoring/devices/ROLL-1/monthly?from=2026-10-31T16:00:00Z&to=2026-11-30T16:00:00Z',
        headers: bearer(token),
      });
      expect(month.json().items).toEqual([
        {
          month: '2026-11',
          factors: expect.objectContaining({
            a21026: expect.objectContaining({ validDays: 0, valid: false }),
          }),
        },
      ]);
    });

    it('raises a constant-value alarm for a factor stuck at one value for four hours, not for a varying one', async () => {
      const reg = await app.inject({
        method: 'POST',
        url: '/api/monitoring/devices',
        headers: bearer(token),
        payload: { mn: 'STUCK-1', password: '123456', name: '卡值排口', st: '31' },
      });
      expect(reg.statusCode, reg.body).toBe(201);
      const start = HOUR1 + 24 * 3_600_000;
      let frames = '';
      for (let i = 0; i < 4 * 60; i++) {
        frames += encodeFrame(
          buildDataPacket({
            st: '31',
            cn: '2051',
            mn: 'STUCK-1',
            pw: '123456',
            qn: `2026112500${String(++qn).padStart(7, '0')}`,
            flag: 5,
            dataTime: start + i * 60_000,
            factors: { a21026: { avg: 0, flag: 'N' }, a00000: { avg: 100 + (i % 7), flag: 'N' } },
          }),
        );
      }
      const unit = await TestDataUnit.connect(gateway.port);
      await unit.write(frames);
      await unit.waitForAcks(240);
      unit.close();
      await rollups().processDirty(start + 5 * 3_600_000);
      const res = await app.inject({
        url: '/api/monitoring/alarms?mn=STUCK-1&type=constant',
        headers: bearer(token),
      });
      const items = res.json().items as Array<Record<string, unknown>>;
      expect(items.map((a) => [a.factor, a.start, a.end, a.value])).toEqual([
        ['a21026', '2026-11-25T10:00:00+08:00', '2026-11-25T14:00:00+08:00', 0],
      ]);
    });

    it('lists the raw packets of a device with their decoded fields, newest first, and hides them from others', async () => {
      const res = await app.inject({
        url: '/api/monitoring/devices/ROLL-1/packets?limit=3',
        headers: bearer(token),
      });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as Array<{
        raw: string;
        receivedAt: string;
        decoded: { ok: boolean; mn?: string; cn?: string; cp?: Record<string, unknown> };
      }>;
      expect(items).toHaveLength(3);
      expect(items[0]?.raw.startsWith('##')).toBe(true);
      expect(items[0]?.decoded).toMatchObject({ ok: true, mn: 'ROLL-1', cn: '2051' });
      expect(Object.keys(items[0]?.decoded.cp ?? {})).toContain('a21026-Avg');
      expect(items[0]!.receivedAt >= items[2]!.receivedAt).toBe(true);
      const datong = await userWithToken(app, db, {
        username: 'dt-packets',
        role: 'city_admin',
        regionCode: '140200',
      });
      const denied = await app.inject({
        url: '/api/monitoring/devices/ROLL-1/packets',
        headers: bearer(datong),
      });
      // ROLL-1 has no enterprise: only the province level sees it.
      expect(denied.statusCode).toBe(404);
    });

    it('refuses an unknown standard profile and lists the known ones', async () => {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/monitoring/devices/ROLL-1',
        headers: bearer(token),
        payload: { standardProfile: 'GB0000-bogus' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body/standardProfile');
      const list = await app.inject({ url: '/api/monitoring/standards', headers: bearer(token) });
      expect(list.json().items.map((p: { code: string }) => p.code)).toContain('GB16171-2012-coke-oven');
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
