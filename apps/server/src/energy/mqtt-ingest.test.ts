import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { backends } from '../test-support/test-db.js';
import { type EmbeddedBroker, startEmbeddedBroker } from './embedded-broker.js';
import { type MqttIngest, parsePayload, startMqttIngest } from './mqtt-ingest.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the MQTT messages to be stored');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('MQTT payloads', () => {
  it('reads a single reading, a readings list or a bare array, and names what is wrong otherwise', () => {
    expect(parsePayload(Buffer.from('{"time":"2026-11-24T10:00:00+08:00","value":1}'))).toMatchObject({
      ok: true,
    });
    expect(parsePayload(Buffer.from('{"readings":[{"time":"x","value":1},{}]}'))).toMatchObject({
      ok: true,
      items: [{ time: 'x', value: 1 }, {}],
    });
    expect(parsePayload(Buffer.from('not json'))).toEqual({ ok: false, reason: 'payload is not JSON' });
    expect(parsePayload(Buffer.from('{"readings":[]}'))).toMatchObject({ ok: false });
    expect(parsePayload(Buffer.from('42'))).toMatchObject({ ok: false });
  });
});

for (const backend of backends()) {
  // CI sets MQTT_URL to its Mosquitto; elsewhere an in-process aedes broker stands in.
  describe(`MQTT ingestion on ${backend.name} via ${process.env.MQTT_URL ? 'MQTT_URL' : 'embedded aedes'}`, () => {
    let db: DbHandle;
    let broker: EmbeddedBroker | null = null;
    let url: string;
    let ingest: MqttIngest;
    let publisher: mqtt.MqttClient;
    let meterId: string;
    const now = Date.now();
    const slot = (k: number) =>
      new Date(Math.floor(now / 900_000) * 900_000 - (10 - k) * 900_000).toISOString();

    beforeAll(async () => {
      db = await backend.open();
      if (process.env.MQTT_URL) url = process.env.MQTT_URL;
      else {
        broker = await startEmbeddedBroker();
        url = broker.url;
      }
      const ent = await db.db
        .insertInto('enterprise')
        .values({
          name: 'MQTT 测试企业',
          credit_code: '91140105MQTT00001X',
          region_code: '140105',
          industry_code: '44',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const meter = await db.db
        .insertInto('energy_meter')
        .values({
          enterprise_id: ent.id,
          code: 'M-1',
          name: '电表',
          energy_code: 'electricity',
          unit: 'kWh',
          kind: 'cumulative',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      meterId = meter.id;
      ingest = startMqttIngest(db.db, url, quiet, { clientId: `ecep-test-${randomUUID()}`, clean: true });
      await ingest.ready;
      publisher = await mqtt.connectAsync(url, { clientId: `ecep-test-pub-${randomUUID()}` });
    });
    afterAll(async () => {
      await publisher?.endAsync();
      await ingest?.close();
      await broker?.close();
      await db?.close();
    });

    it('stores readings published on ecep/energy/<meterId> and computes their consumption', async () => {
      await publisher.publishAsync(`ecep/energy/${meterId}`, JSON.stringify({ time: slot(0), value: 10 }), {
        qos: 1,
      });
      await publisher.publishAsync(
        `ecep/energy/${meterId}`,
        JSON.stringify({
          readings: [
            { time: slot(2), value: 30 },
            { time: slot(1), value: 15 },
          ],
        }),
        { qos: 1 },
      );
      await until(() => ingest.stats().readingsAccepted >= 3);
      const rows = await db.db
        .selectFrom('energy_reading')
        .select(['value', 'source'])
        .where('meter_id', '=', meterId)
        .orderBy('time')
        .execute();
      expect(rows).toEqual([
        { value: 10, source: 'mqtt' },
        { value: 15, source: 'mqtt' },
        { value: 30, source: 'mqtt' },
      ]);
      const slots = await db.db
        .selectFrom('energy_consumption_slot')
        .select('consumption')
        .where('meter_id', '=', meterId)
        .orderBy('slot_start')
        .execute();
      expect(slots.map((s) => s.consumption)).toEqual([5, 15]);
    });

    it('counts and drops bad payloads and unknown meters without stopping, then keeps storing', async () => {
      const before = ingest.stats();
      await publisher.publishAsync(`ecep/energy/${meterId}`, 'not json', { qos: 1 });
      await publisher.publishAsync(
        `ecep/energy/${randomUUID()}`,
        JSON.stringify({ time: slot(3), value: 1 }),
        { qos: 1 },
      );
      await publisher.publishAsync('ecep/energy/not-a-uuid', JSON.stringify({ time: slot(3), value: 1 }), {
        qos: 1,
      });
      await publisher.publishAsync(`ecep/energy/${meterId}`, JSON.stringify({ time: slot(3), value: -1 }), {
        qos: 1,
      });
      await publisher.publishAsync(`ecep/energy/${meterId}`, JSON.stringify({ time: slot(3), value: 40 }), {
        qos: 1,
      });
      await until(() => ingest.stats().readingsAccepted >= before.readingsAccepted + 1);
      const after = ingest.stats();
      expect(after.bad - before.bad).toBe(4);
      expect(after.lastBadReason).toMatch(/value/);
      const n = await db.db
        .selectFrom('energy_reading')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('meter_id', '=', meterId)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(4);
    });

    it('treats a resent message as a duplicate, so at-least-once delivery stores each reading once', async () => {
      const before = ingest.stats();
      await publisher.publishAsync(`ecep/energy/${meterId}`, JSON.stringify({ time: slot(3), value: 40 }), {
        qos: 1,
      });
      await until(() => ingest.stats().readingsDuplicate > before.readingsDuplicate);
      expect(ingest.stats().readingsAccepted).toBe(before.readingsAccepted);
    });
  });
}
