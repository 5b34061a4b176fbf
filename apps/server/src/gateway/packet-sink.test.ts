import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { backends, registerDevices } from '../test-support/test-db.js';
import { FactorDictionary } from './factor-dictionary.js';
import { type MeasurementRow, measurementRow } from './measurement-rows.js';
import { createPacketSink, type PacketSink, type SinkItem } from './packet-sink.js';

const T = Date.UTC(2026, 10, 24, 2, 0);

function row(mn: string, minute: number, factor: string, avg: number): MeasurementRow {
  return measurementRow({
    mn,
    dataTimeMs: T + minute * 60_000,
    factor,
    avg,
    min: avg - 1,
    max: avg + 1,
    flag: 'N',
    // Text that COPY must escape survives as written.
    extra: factor === 'a21026' ? { Info: 'tab\there\\and\nnewline' } : null,
  });
}

let deviceIds = new Map<string, number>();

function item(
  mn: string,
  minute: number,
  values: Record<string, number>,
  over: Partial<SinkItem> = {},
): SinkItem {
  return {
    receivedAtMs: Date.now(),
    connectionId: 'c1',
    remote: '127.0.0.1:5000',
    raw: `##0000QN=1;ST=31;CN=2051;MN=${mn}&&DataTime=…&&0000\r\n`,
    mn,
    cn: '2051',
    qn: '1',
    dataTimeMs: T + minute * 60_000,
    outcome: 'stored',
    errorCode: null,
    quarantine: null,
    deviceId: deviceIds.get(mn) ?? null,
    rows: Object.entries(values).map(([f, v]) => row(mn, minute, f, v)),
    ...over,
  };
}

for (const backend of backends()) {
  describe(`PacketSink on ${backend.name} (the storage stage)`, () => {
    let db: DbHandle;
    let sink: PacketSink;
    const count = async (q: ReturnType<typeof sql<{ n: string }>>) =>
      Number((await q.execute(db.db)).rows[0]?.n ?? 0);

    beforeAll(async () => {
      db = await backend.open();
      deviceIds = await registerDevices(db.db, ['MN-S1', 'MN-S2', 'MN-S3', 'MN-S4', 'MN-S5']);
      sink = createPacketSink(db);
    });
    afterAll(async () => {
      await db.close();
    });

    it('stores every packet and one row per factor, and marks their hours for rollup', async () => {
      await sink.write([
        item('MN-S1', 0, { a21026: 10, a19001: 9 }),
        item('MN-S1', 1, { a21026: 11, a19001: 9 }),
      ]);
      expect(await count(sql`select count(*)::text as n from hj212_packet where mn = 'MN-S1'`)).toBe(2);
      expect(await count(sql`select count(*)::text as n from measurement where mn = 'MN-S1'`)).toBe(4);
      const extra = await db.db
        .selectFrom('measurement')
        .select('extra')
        .where('mn', '=', 'MN-S1')
        .where('factor', '=', 'a21026')
        .executeTakeFirstOrThrow();
      expect(extra.extra).toEqual({ Info: 'tab\there\\and\nnewline' });
      expect(await count(sql`select count(*)::text as n from rollup_dirty_hour where mn = 'MN-S1'`)).toBe(1);
    });

    it('replaces a resent value, within one batch and across batches, keeping the newest', async () => {
      await sink.write([item('MN-S2', 0, { a21026: 1 }), item('MN-S2', 0, { a21026: 2 })]);
      await sink.write([item('MN-S2', 0, { a21026: 3 }), item('MN-S2', 1, { a21026: 4 })]);
      const values = await db.db
        .selectFrom('measurement')
        .select(['avg'])
        .where('mn', '=', 'MN-S2')
        .orderBy('data_time')
        .execute();
      expect(values.map((v) => v.avg)).toEqual([3, 4]);
      expect(await count(sql`select count(*)::text as n from hj212_packet where mn = 'MN-S2'`)).toBe(4);
    });

    it('keeps quarantined and rejected frames as packets, never as measurements', async () => {
      await sink.write([
        item('MN-UNKNOWN', 0, {}, { outcome: 'quarantined', quarantine: 'unknown-mn' }),
        item('MN-S3', 0, {}, { outcome: 'rejected', errorCode: 'HJ212_BAD_CRC' }),
        item('MN-S3', 9, {}, { outcome: 'quarantined', quarantine: 'implausible-time' }),
      ]);
      expect(
        await count(
          sql`select count(*)::text as n from hj212_quarantine where mn = 'MN-S3' and reason = 'implausible-time'`,
        ),
      ).toBe(1);
      expect(await count(sql`select count(*)::text as n from hj212_quarantine where mn = 'MN-UNKNOWN'`)).toBe(
        1,
      );
      expect(
        await count(sql`select count(*)::text as n from hj212_packet where error_code = 'HJ212_BAD_CRC'`),
      ).toBe(1);
      expect(
        await count(sql`select count(*)::text as n from measurement where mn in ('MN-UNKNOWN', 'MN-S3')`),
      ).toBe(0);
    });

    it('keeps a factor code never seen before, numbered once for every process', async () => {
      await sink.write([item('MN-S5', 0, { x99001: 1.5, a21026: 2 })]);
      const stored = await db.db
        .selectFrom('measurement')
        .select(['factor', 'avg'])
        .where('mn', '=', 'MN-S5')
        .orderBy('factor')
        .execute();
      expect(stored).toEqual([
        { factor: 'a21026', avg: 2 },
        { factor: 'x99001', avg: 1.5 },
      ]);
      // Another process (a fresh dictionary) finds the same number and spends none on codes already there.
      const other = new FactorDictionary(db.db);
      await other.ensure(['x99001', 'a21026', 'x99002']);
      const numbers = await db.db
        .selectFrom('measurement_factor')
        .select(['id', 'code'])
        .orderBy('id')
        .execute();
      expect(other.idOf('x99001')).toBe(numbers.find((n) => n.code === 'x99001')!.id);
      const ids = numbers.map((n) => n.id);
      expect(ids).toEqual(ids.map((_, i) => ids[0]! + i)); // no gaps: nothing spent on conflicts
      expect(numbers.at(-1)!.code).toBe('x99002');
    });

    it('writes a batch all or nothing: a failing batch leaves no packet and no row behind', async () => {
      const before = await count(sql`select count(*)::text as n from hj212_packet`);
      // An outcome the table does not allow fails the batch after some of it was written.
      const broken = item('MN-S4', 0, { a21026: 5 }, { outcome: 'bogus' as SinkItem['outcome'] });
      await expect(sink.write([item('MN-S4', 1, { a21026: 6 }), broken])).rejects.toThrow();
      expect(await count(sql`select count(*)::text as n from hj212_packet`)).toBe(before);
      expect(await count(sql`select count(*)::text as n from measurement where mn = 'MN-S4'`)).toBe(0);
      // And the sink keeps working.
      await sink.write([item('MN-S4', 2, { a21026: 7 })]);
      expect(await count(sql`select count(*)::text as n from measurement where mn = 'MN-S4'`)).toBe(1);
    });
  });
}
