import {
  buildDataPacket,
  buildDataPackets,
  crc16Hj212,
  crcHex,
  encodeFrame,
  parseDataTime,
} from '@ecep/hj212';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { DeviceDirectory } from '../devices/device-directory.js';
import { sleep, TestDataUnit } from '../test-support/hj212-client.js';
import { backends } from '../test-support/test-db.js';
import type { GatewayOptions } from './gateway-options.js';
import { type Hj212Gateway, startHj212Gateway } from './hj212-server.js';
import { createPacketSink, type PacketSink } from './packet-sink.js';
import { acceptQuarantined } from './quarantine.service.js';

const FACTORS = {
  a21026: { min: 10.1, avg: 12.345, max: 15, flag: 'N' },
  a21002: { min: 30, avg: 35.5, max: 40, flag: 'N' },
  a34013: { min: 2, avg: 3.1, max: 4, flag: 'N' },
  a19001: { min: 8, avg: 9.5, max: 10, flag: 'N' },
  a00000: { min: 100, avg: 120, max: 140, flag: 'N' },
  a01012: { min: 110, avg: 115, max: 120, flag: 'N' },
  a01013: { min: -0.2, avg: -0.1, max: 0, flag: 'N' },
  a01014: { min: 5, avg: 6, max: 7, flag: 'N' },
} as const;

/** A province operator reviewing quarantine. */
const OPERATOR = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'op',
  displayName: 'op',
  role: 'province_admin' as const,
  regionCode: null,
  enterpriseId: null,
};

let qnSeq = 0;
const nextQn = () => `20261124100000${String(++qnSeq).padStart(3, '0')}`;

function minutePacket(
  mn: string,
  minute: number,
  opts: { pw?: string; avgSo2?: number; crc?: 'hj212' | 'modbus-le' } = {},
) {
  const qn = nextQn();
  const segment = buildDataPacket({
    st: '31',
    cn: '2051',
    mn,
    pw: opts.pw ?? '123456',
    qn,
    flag: 5,
    dataTime: `202611241${String(minute).padStart(3, '0').slice(0, 1)}${String(minute % 60).padStart(2, '0')}00`,
    factors: { ...FACTORS, a21026: { ...FACTORS.a21026, avg: opts.avgSo2 ?? FACTORS.a21026.avg } },
  });
  return { qn, frame: encodeFrame(segment, opts.crc ?? 'hj212') };
}

/** A sink whose commits wait until the test lets them through. */
function gatedSink(inner: PacketSink) {
  let open = false;
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const sink: PacketSink = {
    async write(items) {
      if (!open) await gate;
      await inner.write(items);
    },
  };
  return {
    sink,
    open: () => {
      open = true;
      release();
    },
  };
}

for (const backend of backends()) {
  describe(`HJ 212 gateway on ${backend.name} (real sockets)`, () => {
    let db: DbHandle;
    let gateway: Hj212Gateway;
    let directory: DeviceDirectory;

    /** A second gateway on the same database whose commits wait until `open()`; the test closes it. */
    const gatedGateway = async (opts: Partial<GatewayOptions> = {}) => {
      const gated = gatedSink(createPacketSink(db));
      const slow = await startHj212Gateway(
        db,
        directory,
        { port: 0, host: '127.0.0.1' },
        opts,
        null,
        gated.sink,
      );
      return { slow, open: gated.open };
    };

    const count = async (table: string, where = sql`true`) => {
      const res = await sql<{
        n: string;
      }>`select count(*)::text as n from ${sql.table(table)} where ${where}`.execute(db.db);
      return Number(res.rows[0]?.n);
    };

    beforeAll(async () => {
      db = await backend.open();
      await db.db
        .insertInto('monitoring_device')
        .values([
          { mn: 'MN-A', password: '123456', name: '1号锅炉烟囱', st: '31' },
          { mn: 'MN-B', password: '123456', name: '2号锅炉烟囱', st: '31' },
          { mn: 'MN-MODBUS', password: '123456', name: 'Modbus CRC 数采仪', st: '31', crc_mode: 'modbus-le' },
          { mn: 'MN-GBK', password: '123456', name: 'GBK 数采仪', st: '31' },
        ])
        .execute();
      directory = new DeviceDirectory(db.db);
      gateway = await startHj212Gateway(db, directory, { port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await gateway?.close();
      await db?.close();
    });

    it('stores one row per factor and acknowledges with the packet\u2019s QN', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      const p = minutePacket('MN-A', 1);
      await unit.write(p.frame);
      expect(await unit.waitForAcks(1)).toEqual([p.qn]);
      expect(await count('measurement', sql`mn = 'MN-A'`)).toBe(8);
      const so2 = await db.db
        .selectFrom('measurement')
        .selectAll()
        .where('mn', '=', 'MN-A')
        .where('factor', '=', 'a21026')
        .executeTakeFirstOrThrow();
      expect(so2).toMatchObject({ cn: 2051, avg: 12.345, min: 10.1, max: 15, flag: 'N' });
      // DataTime 2026-11-24 10:01:00 Beijing time is 02:01 UTC.
      expect(new Date(so2.data_time).toISOString()).toBe('2026-11-24T02:01:00.000Z');
      unit.close();
    });

    it('reports its counters through GET /api/monitoring/gateway', async () => {
      const { buildApp } = await import('../app.js');
      const { loadConfig } = await import('../config.js');
      const { bearer, userWithToken } = await import('../test-support/test-app.js');
      const app = await buildApp(loadConfig({ logLevel: 'silent', dataDir: 'memory://' }, {}), {
        db,
        directory,
        live: gateway,
      });
      try {
        await app.ready();
        const token = await userWithToken(app, db, {
          username: `gw-${backend.name}`,
          role: 'province_admin',
          regionCode: '140000',
        });
        await db.db
          .insertInto('monitoring_device')
          .values({ mn: 'MN-GW', password: '123456', name: '网关状态测试', st: '31' })
          .execute();
        const before = gateway.gatewayStatus();
        const unit = await TestDataUnit.connect(gateway.port);
        await unit.write(minutePacket('MN-GW', 30).frame);
        await unit.waitForAcks(1);
        const res = await app.inject({
          method: 'GET',
          url: '/api/monitoring/gateway',
          headers: bearer(token),
        });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body).toMatchObject({ running: true, inPipeline: 0, backlogged: 0, pausedConnections: 0 });
        expect(body.acked).toBe(before.acked + 1);
        expect(body.frames).toBe(before.frames + 1);
        expect(body.connectionsOpen).toBeGreaterThanOrEqual(1);
        expect(body.writeLanes).toBe(backend.name === 'postgres' ? 2 : 1);
        unit.close();
      } finally {
        await app.close();
      }
    });

    it('acknowledges only after the batch has committed', async () => {
      const gated = await gatedGateway();
      const { slow } = gated;
      try {
        const unit = await TestDataUnit.connect(slow.port);
        const p = minutePacket('MN-B', 2);
        await unit.write(p.frame);
        await sleep(300);
        expect(unit.ackedQns()).toEqual([]);
        expect(await count('measurement', sql`mn = 'MN-B'`)).toBe(0);
        gated.open();
        expect(await unit.waitForAcks(1)).toEqual([p.qn]);
        expect(await count('measurement', sql`mn = 'MN-B'`)).toBe(8);
        unit.close();
      } finally {
        await slow.close();
      }
    });

    it('keeps at most the configured frames in the pipeline while the writer is stuck, and loses none', async () => {
      const gated = await gatedGateway({ maxQueuedFrames: 5, maxBatchFrames: 5 });
      const { slow } = gated;
      try {
        const units = await Promise.all([TestDataUnit.connect(slow.port), TestDataUnit.connect(slow.port)]);
        const packets = units.map((_, u) =>
          Array.from({ length: 30 }, (_, i) => minutePacket('MN-B', 200 + u * 30 + i)),
        );
        // Each unit sends its 30 packets in one write: far more than the pipeline may hold.
        await Promise.all(units.map((unit, u) => unit.write(packets[u]!.map((p) => p.frame).join(''))));
        await sleep(300);
        expect(slow.admission.inFlight).toBe(5);
        expect(slow.admission.inFlight + slow.admission.backlogged).toBe(60);
        expect(slow.stats.pausedConnections).toBe(2);
        gated.open();
        for (const [u, unit] of units.entries()) {
          expect(new Set(await unit.waitForAcks(30))).toEqual(new Set(packets[u]!.map((p) => p.qn)));
          unit.close();
        }
        expect(slow.admission).toEqual({ inFlight: 0, backlogged: 0 });
      } finally {
        await slow.close();
      }
    });

    it('never acknowledges a bad CRC, keeps the raw packet, and keeps the connection working', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      const bad = minutePacket('MN-A', 3);
      const corrupted = `${bad.frame.slice(0, -6)}${bad.frame.slice(-6, -2) === '0000' ? '1111' : '0000'}\r\n`;
      const good = minutePacket('MN-A', 4);
      await unit.write(corrupted);
      await unit.write(good.frame);
      expect(await unit.waitForAcks(1)).toEqual([good.qn]);
      await sleep(200);
      expect(unit.ackedQns()).toEqual([good.qn]);
      expect(
        await count('hj212_packet', sql`outcome = 'rejected' and error_code = 'HJ212_BAD_CRC'`),
      ).toBeGreaterThanOrEqual(1);
      unit.close();
    });

    it('refuses a frame holding a NUL byte, even with a valid CRC, without failing the good packets of its batch', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      const bad = minutePacket('MN-A', 5);
      // A NUL inside the MN, CRC computed over it: decoding alone would let it through to text columns.
      const segment = bad.frame.slice(6, -6).replace('MN=MN-A', 'MN=MN-\u0000A');
      const withNul = encodeFrame(segment, 'hj212');
      const good = minutePacket('MN-A', 6);
      await unit.write(Buffer.from(withNul + good.frame, 'utf8'));
      expect(await unit.waitForAcks(1)).toEqual([good.qn]);
      const stored = await db.db
        .selectFrom('hj212_packet')
        .select(['raw', 'outcome', 'error_code', 'mn'])
        .where('raw', 'like', `%${bad.qn}%`)
        .execute();
      expect(stored).toEqual([
        {
          raw: withNul.slice(0, -2).replace('\u0000', '\ufffd'),
          outcome: 'rejected',
          error_code: 'HJ212_NUL_BYTE',
          mn: null,
        },
      ]);
      unit.close();
    });

    it('stores a frame that is not valid UTF-8 (GBK text) with U+FFFD in its raw text, beside good packets', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      const gbk = minutePacket('MN-GBK', 8);
      // 清洗 in GBK inside an Info field, the CRC computed over the bytes as sent.
      const [head, tail] = gbk.frame.slice(6, -6).split('&&DataTime=') as [string, string];
      const segment = Buffer.concat([
        Buffer.from(`${head}&&DataTime=${tail.slice(0, 14)};i11001-Info=`),
        Buffer.from([0xc7, 0xe5, 0xcf, 0xb4]),
        Buffer.from(tail.slice(14)),
      ]);
      const frame = Buffer.concat([
        Buffer.from(`##${String(segment.length).padStart(4, '0')}`),
        segment,
        Buffer.from(`${crcHex(crc16Hj212(segment))}\r\n`),
      ]);
      const good = minutePacket('MN-GBK', 9);
      await unit.write(Buffer.concat([frame, Buffer.from(good.frame)]));
      expect((await unit.waitForAcks(2)).sort()).toEqual([gbk.qn, good.qn].sort());
      const stored = await db.db
        .selectFrom('hj212_packet')
        .select(['raw', 'outcome'])
        .where('raw', 'like', `%${gbk.qn}%`)
        .executeTakeFirstOrThrow();
      expect(stored.outcome).toBe('stored');
      expect(stored.raw).toContain('i11001-Info=\ufffd');
      const good8 = await db.db
        .selectFrom('hj212_packet')
        .select(['raw'])
        .where('raw', 'like', `%${good.qn}%`)
        .executeTakeFirstOrThrow();
      expect(good8.raw).toBe(good.frame.slice(0, -2)); // valid UTF-8 is stored byte for byte
      unit.close();
    });

    it('skips garbage between frames and handles a frame split into many writes and many frames in one write', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      const a = minutePacket('MN-A', 5);
      const b = minutePacket('MN-A', 6);
      const c = minutePacket('MN-A', 7);
      await unit.write(`garbage\x00\xff#${a.frame}noise##12${b.frame}`);
      for (const ch of c.frame) {
        await unit.write(ch);
      }
      const acks = await unit.waitForAcks(3);
      expect(acks.sort()).toEqual([a.qn, b.qn, c.qn].sort());
      expect(await count('measurement', sql`mn = 'MN-A' and factor = 'a21026'`)).toBe(5);
      unit.close();
    });

    it('replaces a resent packet instead of duplicating it', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      await unit.write(minutePacket('MN-A', 8, { avgSo2: 20 }).frame);
      await unit.waitForAcks(1);
      const before = await count('measurement', sql`mn = 'MN-A'`);
      await unit.write(minutePacket('MN-A', 8, { avgSo2: 21.5 }).frame);
      await unit.waitForAcks(2);
      expect(await count('measurement', sql`mn = 'MN-A'`)).toBe(before);
      const so2 = await db.db
        .selectFrom('measurement')
        .select('avg')
        .where('mn', '=', 'MN-A')
        .where('factor', '=', 'a21026')
        .where('data_time', '=', new Date('2026-11-24T02:08:00Z'))
        .executeTakeFirstOrThrow();
      expect(so2.avg).toBe(21.5);
      unit.close();
    });

    it('quarantines packets of an unknown MN or with a wrong password, unacknowledged and not stored as data', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      await unit.write(minutePacket('MN-UNKNOWN', 9).frame);
      await unit.write(minutePacket('MN-A', 9, { pw: 'wrong' }).frame);
      const good = minutePacket('MN-A', 10);
      await unit.write(good.frame);
      await unit.waitForAcks(1);
      await sleep(200);
      expect(unit.ackedQns()).toEqual([good.qn]);
      expect(await count('measurement', sql`mn = 'MN-UNKNOWN'`)).toBe(0);
      expect(await count('measurement', sql`mn = 'MN-A' and data_time = '2026-11-24T02:09:00Z'`)).toBe(0);
      const q = await db.db
        .selectFrom('hj212_quarantine')
        .select(['mn', 'reason'])
        .orderBy('mn', 'desc')
        .execute();
      expect(q).toEqual([
        { mn: 'MN-UNKNOWN', reason: 'unknown-mn' },
        { mn: 'MN-A', reason: 'wrong-password' },
      ]);
      unit.close();
    });

    it('acknowledges data dated hours ahead, keeps it out of the values and sets the data unit\u2019s clock', async () => {
      await db.db
        .insertInto('monitoring_device')
        .values({ mn: 'MN-CLOCK', password: '123456', name: '时钟错乱的数采仪', st: '31' })
        .execute();
      const unit = await TestDataUnit.connect(gateway.port);
      const qn = nextQn();
      const future = Date.now() + 3 * 3_600_000;
      const segment = buildDataPacket({
        st: '31',
        cn: '2051',
        mn: 'MN-CLOCK',
        pw: '123456',
        qn,
        flag: 5,
        dataTime: future,
        factors: FACTORS,
      });
      await unit.write(encodeFrame(segment));
      expect(await unit.waitForAcks(1)).toEqual([qn]);
      for (let i = 0; i < 50 && !unit.replies.some((r) => r.cn === '1012'); i++) await sleep(20);
      const setTime = unit.replies.find((r) => r.cn === '1012');
      expect(setTime?.mn).toBe('MN-CLOCK');
      // The platform's clock, not the device's: within a minute of now.
      const setMs = parseDataTime(setTime?.records[0]?.fields.SystemTime ?? '');
      expect(setMs).not.toBeNull();
      expect(Math.abs(setMs! - Date.now())).toBeLessThan(60_000);
      expect(await count('measurement', sql`mn = 'MN-CLOCK'`)).toBe(0);
      expect(
        await count(
          'hj212_quarantine',
          sql`mn = 'MN-CLOCK' and reason = 'implausible-time' and raw like ${`%QN=${qn};%`}`,
        ),
      ).toBe(1);
      // Held back for its clock, the device is still who it says it is: its connection is known.
      expect(gateway.connectionOf('MN-CLOCK')).not.toBeNull();
      unit.close();
      // An operator who knows better takes it in like any quarantined packet.
      expect(await acceptQuarantined(db.db, OPERATOR, 'MN-CLOCK')).toEqual({
        accepted: 1,
        measurements: 8,
        stillRefused: [],
      });
      expect(await count('measurement', sql`mn = 'MN-CLOCK' and data_time > now() + interval '1 hour'`)).toBe(
        8,
      );
    });

    it('takes quarantined packets in once the device is registered', async () => {
      await expect(acceptQuarantined(db.db, OPERATOR, 'MN-UNKNOWN')).rejects.toThrow(/尚未登记/);
      await db.db
        .insertInto('monitoring_device')
        .values({ mn: 'MN-UNKNOWN', password: '123456', name: '后登记', st: '31' })
        .execute();
      const res = await acceptQuarantined(db.db, OPERATOR, 'MN-UNKNOWN');
      expect(res).toEqual({ accepted: 1, measurements: 8, stillRefused: [] });
      expect(await count('measurement', sql`mn = 'MN-UNKNOWN'`)).toBe(8);
      // The wrong-password packet of MN-A stays refused: its PW still does not match.
      const again = await acceptQuarantined(db.db, OPERATOR, 'MN-A');
      expect(again).toMatchObject({ accepted: 0, stillRefused: [{ reason: 'wrong-password' }] });
      expect(await count('hj212_quarantine', sql`resolved_at is null`)).toBe(1);
    });

    it('reassembles a split packet whose parts arrive out of order, acknowledging each part', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      const parts = buildDataPackets(
        {
          st: '31',
          cn: '2051',
          mn: 'MN-B',
          pw: '123456',
          qn: '20261124110000001',
          flag: 5,
          dataTime: '20261124110000',
          factors: FACTORS,
        },
        { maxSegmentBytes: 260 },
      );
      expect(parts.length).toBeGreaterThanOrEqual(3);
      for (const part of [...parts].reverse()) await unit.write(encodeFrame(part));
      await unit.waitForAcks(parts.length);
      await sleep(100);
      expect(await count('measurement', sql`mn = 'MN-B' and data_time = '2026-11-24T03:00:00Z'`)).toBe(8);
      expect(await count('hj212_packet', sql`mn = 'MN-B' and outcome = 'partial'`)).toBe(parts.length - 1);
      unit.close();
    });

    it('lets several MNs share one connection and decodes a Modbus-CRC device with its registered mode', async () => {
      const unit = await TestDataUnit.connect(gateway.port);
      const a = minutePacket('MN-A', 11);
      const m = minutePacket('MN-MODBUS', 11, { crc: 'modbus-le' });
      await unit.write(a.frame + m.frame);
      const acks = await unit.waitForAcks(2);
      expect(acks.sort()).toEqual([a.qn, m.qn].sort());
      expect(await count('measurement', sql`mn = 'MN-MODBUS'`)).toBe(8);
      expect(gateway.connectionOf('MN-MODBUS')).not.toBeNull();
      unit.close();
    });

    it('completes a split packet whose first part was acknowledged before a restart', async () => {
      const parts = buildDataPackets(
        {
          st: '31',
          cn: '2051',
          mn: 'MN-B',
          pw: '123456',
          qn: '20261124120000001',
          flag: 5,
          dataTime: '20261124120000',
          factors: FACTORS,
        },
        { maxSegmentBytes: 260 },
      );
      const before = await TestDataUnit.connect(gateway.port);
      for (const part of parts.slice(0, -1)) await before.write(encodeFrame(part));
      await before.waitForAcks(parts.length - 1);
      before.close();
      await gateway.close();
      gateway = await startHj212Gateway(db, new DeviceDirectory(db.db), { port: 0, host: '127.0.0.1' });
      const after = await TestDataUnit.connect(gateway.port);
      await after.write(encodeFrame(parts[parts.length - 1]!));
      await after.waitForAcks(1);
      await sleep(100);
      expect(await count('measurement', sql`mn = 'MN-B' and data_time = '2026-11-24T04:00:00Z'`)).toBe(8);
      after.close();
    });
  });
}
