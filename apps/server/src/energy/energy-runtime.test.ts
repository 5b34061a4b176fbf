import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { backends } from '../test-support/test-db.js';
import { type EnergyRuntime, startEnergyRuntime } from './energy-runtime.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('energy runtime with an embedded broker', () => {
  let db: DbHandle;
  let runtime: EnergyRuntime;
  let meterId: string;
  beforeAll(async () => {
    db = await backends()[0]!.open();
    const ent = await db.db
      .insertInto('enterprise')
      .values({
        name: '运行时测试',
        credit_code: '91140105RUNT00001X',
        region_code: '140105',
        industry_code: '44',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const meter = await db.db
      .insertInto('energy_meter')
      .values({
        enterprise_id: ent.id,
        code: 'R-1',
        name: '电表',
        energy_code: 'electricity',
        unit: 'kWh',
        kind: 'cumulative',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    meterId = meter.id;
    runtime = await startEnergyRuntime(db.db, { mqttUrl: null, embeddedBroker: true }, quiet);
  });
  afterAll(async () => {
    await runtime?.close();
    await db?.close();
  });

  it('starts an in-process broker when no URL is configured, and readings published on it are stored', async () => {
    expect(runtime.embeddedBroker).toBe(true);
    expect(runtime.mqttUrl).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
    const t0 = Math.floor(Date.now() / 900_000) * 900_000 - 3_600_000;
    const deadline = Date.now() + 10_000;
    // Published until stored: the subscription may still be on its way when the first message goes out.
    while ((runtime.stats()?.readingsAccepted ?? 0) < 1) {
      if (Date.now() > deadline) throw new Error('reading never stored');
      await runtime.publish(meterId, { time: new Date(t0).toISOString(), value: 5 });
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = await db.db
      .selectFrom('energy_reading')
      .select(['value', 'source'])
      .where('meter_id', '=', meterId)
      .execute();
    expect(rows).toEqual([{ value: 5, source: 'mqtt' }]);
  });
});
