import { usccCheckChar } from '@ecep/contract';
import { buildDataPacket, encodeFrame } from '@ecep/hj212';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { DbHandle } from '../db/create-db.js';
import { DeviceDirectory } from '../devices/device-directory.js';
import { type Hj212Gateway, startHj212Gateway } from '../gateway/hj212-server.js';
import { TestDataUnit } from '../test-support/hj212-client.js';
import { bearer, userWithToken } from '../test-support/test-app.js';
import { backends } from '../test-support/test-db.js';
import { LiveFeed } from './live-feed.js';

const creditCode = (region: string, n: number) => {
  const first17 = `91${region}${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

interface SseMessage {
  event: string;
  data: string;
  id?: string;
  comment?: string;
}

/** Reads an event stream with fetch, as a browser's EventSource would. */
async function openStream(url: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: bearer(token), signal: controller.signal });
  const messages: SseMessage[] = [];
  let buffer = '';
  let waiters: Array<() => void> = [];
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const msg: SseMessage = { event: 'message', data: '' };
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) msg.comment = line.slice(1).trim();
              else if (line.startsWith('event: ')) msg.event = line.slice(7);
              else if (line.startsWith('data: ')) msg.data += line.slice(6);
              else if (line.startsWith('id: ')) msg.id = line.slice(4);
            }
            messages.push(msg);
            cut = buffer.indexOf('\n\n');
          }
          for (const w of waiters.splice(0)) w();
        }
      } catch {
        // Aborted by the test.
      }
    })();
  }
  return {
    res,
    messages,
    async waitFor(pred: (m: SseMessage) => boolean, timeoutMs = 5000): Promise<SseMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = messages.find(pred);
        if (hit) return hit;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event; got ${JSON.stringify(messages)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(left, 100));
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    close() {
      waiters = [];
      controller.abort();
    },
  };
}

let qn = 0;
function minuteFrame(mn: string, ms: number, so2: number, flag = 'N') {
  return encodeFrame(
    buildDataPacket({
      st: '31',
      cn: '2051',
      mn,
      pw: '123456',
      qn: `2026112400${String(++qn).padStart(7, '0')}`,
      flag: 5,
      dataTime: ms,
      factors: { a21026: { avg: so2, min: so2, max: so2, flag }, a19001: { avg: 9.5, flag: 'N' } },
    }),
  );
}

const until = async (check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

for (const backend of backends()) {
  describe(`live monitoring stream and overview on ${backend.name}`, () => {
    let db: DbHandle;
    let app: FastifyInstance;
    let gateway: Hj212Gateway;
    let base: string;
    const feed = new LiveFeed();
    const t: Record<string, string> = {};
    const ent: Record<string, string> = {};
    const minuteNow = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;

    const send = async (mn: string, ms: number, so2: number) => {
      const unit = await TestDataUnit.connect(gateway.port);
      await unit.write(minuteFrame(mn, ms, so2));
      await unit.waitForAcks(1);
      unit.close();
    };

    beforeAll(async () => {
      db = await backend.open();
      let gatewayRef: Hj212Gateway | null = null;
      const config = loadConfig({ logLevel: 'silent', dataDir: 'memory://' }, {});
      app = await buildApp(config, {
        db,
        live: { connectionOf: (mn) => gatewayRef?.connectionOf(mn) ?? null },
        liveFeed: feed,
        liveOptions: { heartbeatMs: 100 },
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      gateway = await startHj212Gateway(db, new DeviceDirectory(db.db), {
        port: 0,
        host: '127.0.0.1',
        onStored: (items) => feed.publish(items),
      });
      gatewayRef = gateway;

      t.province = await userWithToken(app, db, {
        username: 'prov',
        role: 'province_admin',
        regionCode: '140000',
      });
      for (const [key, region, n] of [
        ['ty', '140105', 1],
        ['ty2', '140106', 3],
        ['dt', '140213', 2],
      ] as const) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/enterprises',
          headers: bearer(t.province),
          payload: {
            name: `${key}测试企业`,
            creditCode: creditCode(region, n),
            regionCode: region,
            industryCode: '44',
          },
        });
        expect(res.statusCode, res.body).toBe(201);
        ent[key] = res.json().id;
      }
      t.taiyuan = await userWithToken(app, db, { username: 'ty', role: 'city_admin', regionCode: '140100' });
      t.datong = await userWithToken(app, db, { username: 'dt', role: 'city_admin', regionCode: '140200' });
      t.entTy = await userWithToken(app, db, {
        username: 'ent',
        role: 'enterprise_user',
        enterpriseId: ent.ty,
        regionCode: '140105',
      });
      t.public = await userWithToken(app, db, { username: 'pub', role: 'public' });
      for (const [mn, key] of [
        ['TY-1', 'ty'],
        ['TY-2', 'ty2'],
        ['DT-1', 'dt'],
      ] as const) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/monitoring/devices',
          headers: bearer(t.province),
          payload: { mn, password: '123456', name: `${mn} 锅炉`, st: '31', enterpriseId: ent[key] },
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      const put = await app.inject({
        method: 'PUT',
        url: '/api/monitoring/devices/TY-1',
        headers: bearer(t.province),
        payload: { standardProfile: 'GB13223-2011-ultra-low', referenceO2Pct: 6, limits: { a21026: 35 } },
      });
      expect(put.statusCode, put.body).toBe(200);
    });
    afterAll(async () => {
      await gateway?.close();
      await app?.close();
      await db?.close();
    });

    it('streams a stored minute packet of the device as a measurement event with Beijing time and flags', async () => {
      const stream = await openStream(`${base}/api/monitoring/live?mn=TY-1`, t.entTy!);
      try {
        expect(stream.res.status).toBe(200);
        expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
        await stream.waitFor((m) => m.event === 'ready');
        await send('TY-1', minuteNow, 21.7);
        const msg = await stream.waitFor((m) => m.event === 'measurement');
        const event = JSON.parse(msg.data);
        expect(event).toMatchObject({
          mn: 'TY-1',
          cn: '2051',
          values: { a21026: { avg: 21.7, min: 21.7, max: 21.7, flag: 'N' }, a19001: { avg: 9.5, flag: 'N' } },
        });
        expect(event.dataTime).toMatch(/\+08:00$/);
        expect(Date.parse(event.dataTime)).toBe(minuteNow);
        expect(msg.id).toBe(String(event.seq));
      } finally {
        stream.close();
      }
    });

    it('never sends an enterprise user the data of another enterprise’s device', async () => {
      const stream = await openStream(`${base}/api/monitoring/live`, t.entTy!);
      try {
        await stream.waitFor((m) => m.event === 'ready');
        // The other device's packet is committed and published first; only then our own.
        await send('TY-2', minuteNow, 5);
        await send('DT-1', minuteNow, 6);
        await send('TY-1', minuteNow + 60_000, 7);
        await stream.waitFor((m) => m.event === 'measurement' && JSON.parse(m.data).mn === 'TY-1');
        const mns = stream.messages
          .filter((m) => m.event === 'measurement')
          .map((m) => JSON.parse(m.data).mn);
        expect(mns).toEqual(['TY-1']);
      } finally {
        stream.close();
      }
    });

    it('gives a city user all devices of the city in one stream but none of another city', async () => {
      const stream = await openStream(`${base}/api/monitoring/live`, t.taiyuan!);
      try {
        await stream.waitFor((m) => m.event === 'ready');
        await send('DT-1', minuteNow + 60_000, 6);
        await send('TY-2', minuteNow + 60_000, 5);
        await stream.waitFor((m) => m.event === 'measurement' && JSON.parse(m.data).mn === 'TY-2');
        const mns = stream.messages
          .filter((m) => m.event === 'measurement')
          .map((m) => JSON.parse(m.data).mn);
        expect(mns).toEqual(['TY-2']);
      } finally {
        stream.close();
      }
    });

    it('answers 404 for a device outside the caller’s scope and 403 for the public role', async () => {
      const other = await fetch(`${base}/api/monitoring/live?mn=DT-1`, { headers: bearer(t.taiyuan!) });
      expect(other.status).toBe(404);
      expect((await other.json()).error.code).toBe('DEVICE_NOT_FOUND');
      const pub = await fetch(`${base}/api/monitoring/live`, { headers: bearer(t.public!) });
      expect(pub.status).toBe(403);
      const anonymous = await fetch(`${base}/api/monitoring/live`);
      expect(anonymous.status).toBe(401);
    });

    it('sends heartbeat comments and unsubscribes when the client goes away', async () => {
      const before = feed.subscriberCount;
      const stream = await openStream(`${base}/api/monitoring/live?mn=TY-1`, t.province!);
      await stream.waitFor((m) => m.comment === 'heartbeat', 2000);
      expect(feed.subscriberCount).toBe(before + 1);
      stream.close();
      await until(() => feed.subscriberCount === before);
    });

    it('lists the sources in scope with online, offline and alarm status and counts', async () => {
      await db.db
        .insertInto('monitoring_alarm')
        .values({
          mn: 'TY-2',
          type: 'exceedance',
          factor: 'a21026',
          start_at: new Date(minuteNow - 3_600_000),
          end_at: new Date(minuteNow),
          value: 40,
          limit_value: 35,
          details: JSON.stringify({}),
        })
        .execute();
      const ty = await app.inject({
        method: 'GET',
        url: '/api/monitoring/overview',
        headers: bearer(t.taiyuan!),
      });
      expect(ty.statusCode, ty.body).toBe(200);
      const body = ty.json();
      expect(body.items.map((s: { mn: string }) => s.mn)).toEqual(['TY-1', 'TY-2']);
      const ty1 = body.items[0];
      expect(ty1).toMatchObject({
        status: 'online',
        online: true,
        cityCode: '140100',
        cityName: '太原市',
        industryCode: '44',
        industrySection: 'D',
        standardProfile: 'GB13223-2011-ultra-low',
        openAlarms: 0,
      });
      expect(ty1.lastDataTime).toMatch(/\+08:00$/);
      expect(body.items[1]).toMatchObject({ status: 'alarm', openAlarms: 1 });
      expect(body.counts).toEqual({ total: 2, online: 2, offline: 0, alarm: 1 });

      // A device that never reported is offline; an acknowledged alarm no longer counts.
      await db.db
        .updateTable('monitoring_alarm')
        .set({ acknowledged_at: new Date(), acknowledged_by: 'ty', ack_comment: '已处理' })
        .where('mn', '=', 'TY-2')
        .execute();
      await app.inject({
        method: 'POST',
        url: '/api/monitoring/devices',
        headers: bearer(t.province!),
        payload: { mn: 'TY-3', password: '123456', name: '未上线', st: '32', enterpriseId: ent.ty },
      });
      const after = (
        await app.inject({ method: 'GET', url: '/api/monitoring/overview', headers: bearer(t.taiyuan!) })
      ).json();
      expect(after.counts).toEqual({ total: 3, online: 2, offline: 1, alarm: 0 });
      expect(after.items.find((s: { mn: string }) => s.mn === 'TY-3')).toMatchObject({
        status: 'offline',
        lastPacketAt: null,
      });
      const dt = (
        await app.inject({ method: 'GET', url: '/api/monitoring/overview', headers: bearer(t.datong!) })
      ).json();
      expect(dt.items.map((s: { mn: string }) => s.mn)).toEqual(['DT-1']);
      const own = (
        await app.inject({ method: 'GET', url: '/api/monitoring/overview', headers: bearer(t.entTy!) })
      ).json();
      expect(own.items.map((s: { mn: string }) => s.mn)).toEqual(['TY-1', 'TY-3']);
    });

    it('shows a device’s stored settings to readers in scope and names factor units', async () => {
      const settings = await app.inject({
        method: 'GET',
        url: '/api/monitoring/devices/TY-1/settings',
        headers: bearer(t.entTy!),
      });
      expect(settings.json()).toEqual({
        standardProfile: 'GB13223-2011-ultra-low',
        referenceO2Pct: 6,
        limits: { a21026: 35 },
        // The PUT schema fills in the default interval.
        expectedIntervalS: 60,
      });
      const hidden = await app.inject({
        method: 'GET',
        url: '/api/monitoring/devices/DT-1/settings',
        headers: bearer(t.entTy!),
      });
      expect(hidden.statusCode).toBe(404);
      const factors = (
        await app.inject({ method: 'GET', url: '/api/monitoring/factors', headers: bearer(t.entTy!) })
      ).json();
      expect(factors.items.find((f: { code: string }) => f.code === 'a21026')).toMatchObject({
        name: '二氧化硫',
        unit: 'mg/m³',
      });
    });

    it('closes open streams when the app closes', async () => {
      const stream = await openStream(`${base}/api/monitoring/live`, t.province!);
      await stream.waitFor((m) => m.event === 'ready');
      const extra = await buildApp(loadConfig({ logLevel: 'silent', dataDir: 'memory://' }, {}), {
        db,
        liveFeed: new LiveFeed(),
      });
      await extra.listen({ port: 0, host: '127.0.0.1' });
      const addr = extra.server.address();
      const other = await openStream(
        `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/monitoring/live`,
        t.province!,
      );
      await other.waitFor((m) => m.event === 'ready');
      const started = Date.now();
      await extra.close();
      expect(Date.now() - started).toBeLessThan(3000);
      other.close();
      stream.close();
    });
  });
}
