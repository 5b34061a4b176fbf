import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { backends, registerDevices } from '../test-support/test-db.js';
import { FactorDictionary } from './factor-dictionary.js';
import { measurementRow } from './measurement-rows.js';
import { storeMeasurementRows } from './measurement-upsert.js';

const T = Date.UTC(2026, 10, 24, 2, 0);
const stored = (mn: string, avg: number) => ({
  row: measurementRow({ mn, factor: 'a21026', dataTimeMs: T, avg, flag: 'N' }),
  packetId: 1,
  receivedAt: new Date(T),
});

for (const backend of backends()) {
  describe(`storeMeasurementRows on ${backend.name}`, () => {
    let db: DbHandle;
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from measurement_value`.execute(db.db)).rows[0]?.n;

    beforeAll(async () => {
      db = await backend.open();
      await registerDevices(db.db, ['MN-KNOWN']);
    });
    afterAll(async () => {
      await db.close();
    });

    it('refuses rows of an unregistered device, naming it, and stores none of the batch', async () => {
      const factors = new FactorDictionary(db.db);
      await expect(
        storeMeasurementRows(db.db, factors, [stored('MN-KNOWN', 1), stored('MN-NOBODY', 2)]),
      ).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND', message: expect.stringContaining('MN-NOBODY') });
      expect(await count()).toBe(0);
    });

    it('stores rows and replaces a stored key, as a resend would', async () => {
      const factors = new FactorDictionary(db.db);
      await storeMeasurementRows(db.db, factors, [stored('MN-KNOWN', 1)]);
      await storeMeasurementRows(db.db, factors, [stored('MN-KNOWN', 2.5)]);
      const rows = await db.db.selectFrom('measurement').select(['mn', 'cn', 'factor', 'avg']).execute();
      expect(rows).toEqual([{ mn: 'MN-KNOWN', cn: 2051, factor: 'a21026', avg: 2.5 }]);
    });
  });
}
