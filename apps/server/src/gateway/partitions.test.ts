import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { backends } from '../test-support/test-db.js';
import { MeasurementPartitions, shanghaiMonth } from './partitions.js';

const DEC_1_BEIJING = Date.parse('2026-12-01T00:00:00+08:00');

describe('shanghaiMonth', () => {
  it('puts an instant in its Beijing calendar month', () => {
    expect(shanghaiMonth(DEC_1_BEIJING)).toEqual({ year: 2026, month: 12 });
    expect(shanghaiMonth(DEC_1_BEIJING - 1)).toEqual({ year: 2026, month: 11 });
  });
});

for (const backend of backends()) {
  describe(`MeasurementPartitions on ${backend.name}`, () => {
    let db: DbHandle;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('creates a Beijing month once and knows exactly which instants it covers', async () => {
      const partitions = new MeasurementPartitions(db.db);
      expect(partitions.covers(DEC_1_BEIJING)).toBe(false);
      await partitions.ensureFor([DEC_1_BEIJING + 3_600_000]);
      expect(partitions.covers(DEC_1_BEIJING)).toBe(true);
      expect(partitions.covers(Date.parse('2026-12-31T23:59:59.999+08:00'))).toBe(true);
      expect(partitions.covers(DEC_1_BEIJING - 1)).toBe(false);
      expect(partitions.covers(Date.parse('2027-01-01T00:00:00+08:00'))).toBe(false);
      const res = await sql<{ name: string }>`
        select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent where p.relname = 'measurement_value' and c.relname like 'measurement_value_y2026m12'
      `.execute(db.db);
      expect(res.rows.map((r) => r.name)).toEqual(['measurement_value_y2026m12']);
      // A row at the first Beijing instant of December lands in December's partition, not November's or the default.
      await sql`insert into measurement_value (device_id, cn, data_time, factor_id, packet_id, received_at)
        values (1, 2051, ${new Date(DEC_1_BEIJING).toISOString()}, 1, 1, now())`.execute(db.db);
      const where = await sql<{ part: string }>`
        select tableoid::regclass::text as part from measurement_value where device_id = 1
      `.execute(db.db);
      expect(where.rows).toEqual([{ part: 'measurement_value_y2026m12' }]);
    });
  });
}
