import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { bearer, testApp, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';
import { closeDays } from './consumption.repository.js';
import { dayStartMs, shanghaiDay } from './periods.js';

const Q = 900_000;
/** A whole Shanghai day ten days ago: closed, and far enough back for any reading to be in the past. */
const DAY = shanghaiDay(Date.now() - 10 * 86_400_000);
const D0 = dayStartMs(DAY);
const iso = (ms: number) => new Date(ms).toISOString();
/** Boundary `k` (15-min steps) of DAY, written with the +08:00 offset the meters use. */
const at = (k: number) => {
  const local = new Date(D0 + k * Q + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
};

for (const backend of backends()) {
  describe(`energy metering API on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    const t: Record<string, string> = {};
    const ent: Record<string, string> = {};
    const meter: Record<string, string> = {};

    const post = (token: string, url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, headers: bearer(token), payload: payload as object });
    const get = (token: string, url: string) => app.inject({ method: 'GET', url, headers: bearer(token) });
    const readings = (token: string, meterId: string, list: unknown[]) =>
      post(token, '/api/energy/readings', { meterId, readings: list });
    const createMeter = async (token: string, body: Record<string, unknown>) => {
      const res = await post(token, '/api/energy/meters', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };

    beforeAll(async () => {
      db = await backend.open();
      app = await testApp(db);
      for (const [key, name, region, code] of [
        ['ty', '太原测试钢铁有限公司', '140105', '91140105TEST00001X'],
        ['ty2', '太原测试焦化有限公司', '140106', '91140106TEST00002X'],
        ['dt', '大同测试煤业有限公司', '140213', '91140213TEST00003X'],
      ] as const) {
        const row = await db.db
          .insertInto('enterprise')
          .values({ name, credit_code: code, region_code: region, industry_code: '31' })
          .returning('id')
          .executeTakeFirstOrThrow();
        ent[key] = row.id;
      }
      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.datong = await userWithToken(app, db, { username: 'dt', role: 'city_admin', regionCode: '140200' });
      t.auditor = await userWithToken(app, db, { username: 'aud', role: 'auditor', regionCode: '140000' });
      t.public = await userWithToken(app, db, { username: 'pub', role: 'public' });
      t.ent = await userWithToken(app, db, {
        username: 'ent',
        role: 'enterprise_user',
        regionCode: '140105',
        enterpriseId: ent.ty,
      });
      t.ent2 = await userWithToken(app, db, {
        username: 'ent2',
        role: 'enterprise_user',
        regionCode: '140106',
        enterpriseId: ent.ty2,
      });
      meter.elec = await createMeter(t.ent!, {
        code: 'E-01',
        name: '总进线电表',
        energyCode: 'electricity',
        unit: 'kWh',
        kind: 'cumulative',
        multiplier: 10,
      });
      meter.coal = await createMeter(t.ent!, {
        code: 'C-01',
        name: '入炉煤皮带秤',
        energyCode: 'raw-coal',
        unit: 't',
        kind: 'interval',
      });
      meter.other = await createMeter(t.ent2!, {
        code: 'E-01',
        name: '焦化总电表',
        energyCode: 'electricity',
        unit: 'kWh',
        kind: 'cumulative',
        rolloverMax: 100_000,
      });
      meter.datong = await createMeter(t.datong!, {
        enterpriseId: ent.dt,
        code: 'G-01',
        name: '天然气表',
        energyCode: 'natural-gas',
        unit: 'm3',
        kind: 'cumulative',
      });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('registers meters for the enterprise user’s own enterprise and refuses a unit the energy is not measured in', async () => {
      const own = await get(t.ent!, `/api/energy/meters/${meter.elec}`);
      expect(own.json()).toMatchObject({
        enterpriseId: ent.ty,
        expectedIntervalS: 900,
        multiplier: 10,
        version: 1,
      });
      const bad = await post(t.ent!, '/api/energy/meters', {
        code: 'X-1',
        name: '错单位',
        energyCode: 'raw-coal',
        unit: 'kWh',
        kind: 'cumulative',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'ENERGY_METER_INVALID', details: { field: 'unit' } });
      const taken = await post(t.ent!, '/api/energy/meters', {
        code: 'E-01',
        name: '重复',
        energyCode: 'electricity',
        unit: 'kWh',
        kind: 'cumulative',
      });
      expect(taken.json().error.code).toBe('ENERGY_METER_CODE_TAKEN');
      const foreign = await post(t.ent!, '/api/energy/meters', {
        enterpriseId: ent.ty2,
        code: 'Z-1',
        name: '别家的表',
        energyCode: 'electricity',
        unit: 'kWh',
        kind: 'cumulative',
      });
      expect(foreign.statusCode).toBe(404);
    });

    it('lists meters by scope: a city admin their city, an enterprise user their own', async () => {
      const ids = async (token: string) =>
        ((await get(token, '/api/energy/meters')).json().items as Array<{ id: string }>)
          .map((m) => m.id)
          .sort();
      expect(await ids(t.taiyuan!)).toEqual([meter.elec, meter.coal, meter.other].sort());
      expect(await ids(t.datong!)).toEqual([meter.datong]);
      expect(await ids(t.ent!)).toEqual([meter.elec, meter.coal].sort());
      expect(await ids(t.province!)).toHaveLength(4);
      expect((await get(t.public!, '/api/energy/meters')).statusCode).toBe(403);
    });

    it('answers 404 when an enterprise user posts readings for another enterprise’s meter, and stores nothing', async () => {
      const res = await readings(t.ent!, meter.other!, [{ time: at(0), value: 1 }]);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('ENERGY_METER_NOT_FOUND');
      const stored = await db.db
        .selectFrom('energy_reading')
        .select('time')
        .where('meter_id', '=', meter.other!)
        .execute();
      expect(stored).toHaveLength(0);
      expect((await readings(t.datong!, meter.elec!, [{ time: at(0), value: 1 }])).statusCode).toBe(404);
      expect((await readings(t.auditor!, meter.elec!, [{ time: at(0), value: 1 }])).statusCode).toBe(403);
    });

    it('names the index and field of each bad reading, stores the good ones and counts duplicates', async () => {
      const res = await readings(t.ent!, meter.elec!, [
        { time: at(0), value: 100 },
        { time: '2026-11-24 10:00', value: 1 },
        { time: at(1), value: -5 },
        'nonsense',
        { time: at(1), value: 101 },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ accepted: 2, duplicate: 0, overwritten: 0, rejected: 3 });
      expect(res.json().errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
        [1, 'time'],
        [2, 'value'],
        [3, ''],
      ]);
      const again = await readings(t.ent!, meter.elec!, [{ time: at(0), value: 100 }]);
      expect(again.json()).toMatchObject({ accepted: 0, duplicate: 1, rejected: 0 });
      const none = await readings(t.ent!, meter.elec!, [{ time: 'yesterday', value: 1 }]);
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('ENERGY_READINGS_INVALID');
      expect(none.json().error.details[0]).toMatchObject({ index: 0, field: 'time' });
    });

    it('recomputes 15-min consumption from out-of-order readings, marks the gap and books the gap’s consumption on its span', async () => {
      // Arrival order: boundary 4, then 2, then 3 (late), then 8 after a gap. Multiplier 10.
      for (const batch of [
        [{ time: at(4), value: 104 }],
        [{ time: at(2), value: 102 }],
        [{ time: at(3), value: 103 }],
      ]) {
        expect((await readings(t.ent!, meter.elec!, batch)).statusCode).toBe(200);
      }
      await readings(t.ent!, meter.elec!, [{ time: at(8), value: 112 }]);
      const res = await get(
        t.taiyuan!,
        `/api/energy/meters/${meter.elec}/consumption?granularity=15min&from=${iso(D0)}&to=${iso(D0 + 8 * Q)}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as Array<Record<string, unknown>>;
      expect(items.map((i) => i.consumptionPhysical)).toEqual([
        '10.000',
        '10.000',
        '10.000',
        '10.000',
        null,
        null,
        null,
        '80.000',
      ]);
      expect(items[0]).toMatchObject({ unit: 'kWh', complete: true, gap: false, energyTce: '0.0012' });
      expect(items[4]).toMatchObject({ gap: true, complete: false, marks: ['gap'] });
      expect(items[7]).toMatchObject({ gap: true, marks: ['gap-span'], gapSpanStart: at(4) });
      // 80 kWh × 0.1229 kgce/kWh ÷ 1000 = 0.009832 tce → 0.0098
      expect(items[7]?.energyTce).toBe('0.0098');
      expect(res.json().coefficient).toMatchObject({ value: '0.1229', unit: 'kgce/kWh' });

      const hours = await get(
        t.ent!,
        `/api/energy/meters/${meter.elec}/consumption?granularity=hour&from=${iso(D0)}&to=${iso(D0 + 3 * 3_600_000)}`,
      );
      expect(
        hours.json().items.map((i: { consumptionPhysical: string | null }) => i.consumptionPhysical),
      ).toEqual(['40.000', '80.000', null]);
      expect(hours.json().items[0]).toMatchObject({
        complete: true,
        slotsWithConsumption: 4,
        slotsExpected: 4,
      });
      expect(hours.json().items[1]).toMatchObject({ complete: false, gap: true });
    });

    it('overwrites a resent reading with a different value (latest wins), audits it and recomputes the buckets', async () => {
      const res = await readings(t.ent!, meter.elec!, [{ time: at(3), value: 103.5 }]);
      expect(res.json()).toMatchObject({ accepted: 0, overwritten: 1 });
      const audit = await db.db
        .selectFrom('audit_event')
        .select(['before', 'after'])
        .where('action', '=', 'energy-reading-overwrite')
        .where('entity_id', '=', meter.elec!)
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0]?.before)).toContain('103');
      const row = await db.db
        .selectFrom('energy_reading')
        .select(['value', 'revisions'])
        .where('meter_id', '=', meter.elec!)
        .where('time', '=', new Date(D0 + 3 * Q))
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ value: 103.5, revisions: 1 });
      const items = (
        await get(
          t.ent!,
          `/api/energy/meters/${meter.elec}/consumption?granularity=15min&from=${iso(D0 + 2 * Q)}&to=${iso(D0 + 4 * Q)}`,
        )
      ).json().items;
      expect(items.map((i: { consumptionPhysical: string }) => i.consumptionPhysical)).toEqual([
        '15.000',
        '5.000',
      ]);
    });

    it('handles a rollover near the counter capacity and a reset far below the previous value', async () => {
      await readings(t.ent2!, meter.other!, [
        { time: at(0), value: 99_900 },
        { time: at(1), value: 50 },
        { time: at(2), value: 80 },
        { time: at(3), value: 5 },
      ]);
      const items = (
        await get(
          t.ent2!,
          `/api/energy/meters/${meter.other}/consumption?granularity=15min&from=${iso(D0)}&to=${iso(D0 + 3 * Q)}`,
        )
      ).json().items;
      expect(
        items.map((i: { consumptionPhysical: string; marks: string[] }) => [i.consumptionPhysical, i.marks]),
      ).toEqual([
        ['150.000', ['rollover']],
        ['30.000', []],
        ['5.000', ['reset']],
      ]);
    });

    it('totals an enterprise’s day by energy type in tce through the calculation engine, with the explanation', async () => {
      // Raw coal: interval meter, 0.5 t in each of two slots = 1 t → 1000 kg × 0.7143 kgce/kg ÷ 1000 = 0.7143 tce.
      await readings(t.ent!, meter.coal!, [
        { time: at(0), value: 0.5 },
        { time: at(1), value: 0.5 },
      ]);
      const res = await get(
        t.ent!,
        `/api/energy/enterprises/${ent.ty}/consumption?granularity=day&from=${iso(D0)}&to=${iso(D0 + 86_400_000)}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const [day] = res.json().items;
      expect(day.period).toBe(DAY);
      // Electricity: counter 100 → 112 × 10 = 120 kWh → 0.014748 tce.
      expect(day.byEnergy).toEqual([
        {
          energyCode: 'electricity',
          nameZh: '电力',
          consumptionPhysical: '120.000',
          unit: 'kWh',
          energyTce: '0.0147',
        },
        {
          energyCode: 'raw-coal',
          nameZh: '原煤',
          consumptionPhysical: '1.000',
          unit: 't',
          energyTce: '0.7143',
        },
      ]);
      expect(day.totalTce).toBe('0.7290');
      expect(day.complete).toBe(false);
      expect(day.explain.formula).toContain('Σ');
      expect(JSON.stringify(day.explain.coefficients)).toContain('0.7143');
      const foreign = await get(
        t.ent2!,
        `/api/energy/enterprises/${ent.ty}/consumption?granularity=day&from=${iso(D0)}&to=${iso(D0 + 86_400_000)}`,
      );
      expect(foreign.statusCode).toBe(404);
    });

    it('adds up city and province totals from the enterprises, and hides another city’s totals', async () => {
      const q = `granularity=month&from=${iso(D0)}&to=${iso(D0 + 86_400_000)}`;
      const city = await get(t.taiyuan!, `/api/energy/regions/140100/consumption?${q}`);
      expect(city.statusCode, city.body).toBe(200);
      expect(city.json().enterprises).toBe(2);
      const month = city.json().items[0];
      // Electricity: 120 kWh (钢铁) + 150 + 30 + 5 kWh (焦化: rollover, normal, reset).
      const elec = month.byEnergy.find((e: { energyCode: string }) => e.energyCode === 'electricity');
      expect(elec.consumptionPhysical).toBe('305.000');
      expect(city.json().byChildRegion.map((c: { regionCode: string }) => c.regionCode)).toEqual([
        '140105',
        '140106',
      ]);
      const other = await get(t.datong!, `/api/energy/regions/140100/consumption?${q}`);
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('ENERGY_REGION_NOT_FOUND');
      const province = await get(t.province!, `/api/energy/regions/140000/consumption?${q}`);
      expect(province.json().byChildRegion.map((c: { regionCode: string }) => c.regionCode)).toEqual([
        '140100',
      ]);
      expect((await get(t.ent!, `/api/energy/regions/140100/consumption?${q}`)).statusCode).toBe(403);
    });

    it('reports completeness per day and raises an alarm for a closed day below 90 %, resolved when late data arrive', async () => {
      const gas = meter.datong!;
      // 80 of 96 boundaries: 83.3 %.
      await readings(
        t.datong!,
        gas,
        Array.from({ length: 80 }, (_, k) => ({ time: at(k), value: 1000 + k })),
      );
      const c = await get(
        t.datong!,
        `/api/energy/meters/${gas}/completeness?from=${iso(D0)}&to=${iso(D0 + 86_400_000)}`,
      );
      expect(c.statusCode, c.body).toBe(200);
      expect(c.json().days).toEqual([
        { day: DAY, slotsExpected: 96, slotsReceived: 80, completenessPct: '83.3', ok: false, closed: true },
      ]);
      const alarms = await get(t.datong!, '/api/energy/alarms?open=true');
      expect(alarms.json().items).toHaveLength(1);
      expect(alarms.json().items[0]).toMatchObject({
        meterId: gas,
        day: DAY,
        completenessPct: '83.3',
        resolvedAt: null,
      });
      // 太原's admin sees the alarms of 太原's sparse test meters, never 大同's.
      const taiyuan = (await get(t.taiyuan!, '/api/energy/alarms')).json().items as Array<{
        meterId: string;
      }>;
      expect(taiyuan.length).toBeGreaterThan(0);
      expect(taiyuan.some((a) => a.meterId === gas)).toBe(false);
      // 7 late readings: 87 of 96 = 90.6 % ≥ 90 %.
      await readings(
        t.datong!,
        gas,
        Array.from({ length: 7 }, (_, k) => ({ time: at(80 + k), value: 1080 + k })),
      );
      const after = await get(t.datong!, '/api/energy/alarms');
      expect(after.json().items[0].resolvedAt).not.toBeNull();
      expect((await get(t.datong!, '/api/energy/alarms?open=true')).json().items).toHaveLength(0);
    });

    it('closes silent days of active meters with a zero-completeness alarm', async () => {
      const silent = await createMeter(t.province!, {
        enterpriseId: ent.dt,
        code: 'S-01',
        name: '无数据的表',
        energyCode: 'heat',
        unit: 'GJ',
        kind: 'interval',
      });
      await db.db
        .updateTable('energy_meter')
        .set({ created_at: new Date(D0 - 86_400_000) })
        .where('id', '=', silent)
        .execute();
      await closeDays(db.db, D0 + 2 * 86_400_000, 7);
      const alarms = (await get(t.province!, `/api/energy/alarms?enterpriseId=${ent.dt}`)).json().items;
      const mine = alarms.filter((a: { meterId: string }) => a.meterId === silent);
      expect(mine.map((a: { day: string; completenessPct: string }) => [a.day, a.completenessPct])).toEqual([
        [shanghaiDay(D0 + 86_400_000), '0.0'],
        [DAY, '0.0'],
        [shanghaiDay(D0 - 86_400_000), '0.0'],
      ]);
      // Closing again writes nothing new: the days have their rows.
      expect(await closeDays(db.db, D0 + 2 * 86_400_000, 7)).toBe(0);
    });

    it('rebuilds the buckets when the multiplier changes, and refuses readings for a deactivated meter', async () => {
      const before = (await get(t.ent!, `/api/energy/meters/${meter.elec}`)).json();
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/energy/meters/${meter.elec}`,
        headers: bearer(t.ent!),
        payload: { version: before.version, multiplier: 1 },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      const first = (
        await get(
          t.ent!,
          `/api/energy/meters/${meter.elec}/consumption?granularity=15min&from=${iso(D0)}&to=${iso(D0 + Q)}`,
        )
      ).json().items[0];
      expect(first.consumptionPhysical).toBe('1.000');
      const stale = await app.inject({
        method: 'PATCH',
        url: `/api/energy/meters/${meter.elec}`,
        headers: bearer(t.ent!),
        payload: { version: before.version, active: false },
      });
      expect(stale.json().error.code).toBe('ENERGY_METER_VERSION_CONFLICT');
      await app.inject({
        method: 'PATCH',
        url: `/api/energy/meters/${meter.elec}`,
        headers: bearer(t.ent!),
        payload: { version: before.version + 1, active: false },
      });
      const refused = await readings(t.ent!, meter.elec!, [{ time: at(20), value: 200 }]);
      expect(refused.json().error.code).toBe('ENERGY_METER_INACTIVE');
    });
  });
}
