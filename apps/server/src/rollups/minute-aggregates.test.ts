import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { FactorDictionary } from '../gateway/factor-dictionary.js';
import { measurementRow } from '../gateway/measurement-rows.js';
import { storeMeasurementRows } from '../gateway/measurement-upsert.js';
import { backends, registerDevices } from '../test-support/test-db.js';
import { aggregateMinutes, type HourAggregate, type MinuteValue } from './hourly-rollup.js';
import { minuteAggregates } from './minute-aggregates.js';

const H0 = Date.UTC(2026, 10, 24, 2);
const FACTORS = ['a21026', 'a19001', 'a00000', 'w01018', 'w00000'] as const;

/** A stored minute: avg or only rtd (2011-style), min/max sometimes missing, flags N/D/C or none. */
const storedMinute = fc.record({
  factor: fc.constantFrom(...FACTORS),
  minute: fc.integer({ min: 0, max: 149 }), // two and a half hours
  // Mostly plausible values; now and then one that no instrument reports (treated as invalid by both).
  value: fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom(0, 1e-200, 1e150)),
  asRtd: fc.boolean(),
  spread: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }),
  flag: fc.constantFrom('N', 'N', 'N', 'D', 'C', null),
});

const byKey = (list: HourAggregate[]) => new Map(list.map((a) => [`${a.factor}@${a.hourMs}`, a] as const));

function expectSame(actual: HourAggregate[], expected: HourAggregate[]) {
  const a = byKey(actual);
  expect([...a.keys()].sort()).toEqual([...byKey(expected).keys()].sort());
  for (const e of expected) {
    const got = a.get(`${e.factor}@${e.hourMs}`)!;
    expect(got).toMatchObject({
      receivedMinutes: e.receivedMinutes,
      validMinutes: e.validMinutes,
      flowMinutes: e.flowMinutes,
      flagMinutes: e.flagMinutes,
    });
    for (const k of ['avg', 'min', 'max', 'sumCq', 'sumQ'] as const) {
      if (e[k] === null) expect(got[k]).toBeNull();
      // Sums in another order differ in the last bits only.
      else
        expect(Math.abs((got[k] as number) - (e[k] as number))).toBeLessThanOrEqual(
          1e-9 * (1 + Math.abs(e[k] as number)),
        );
    }
  }
}

for (const backend of backends()) {
  describe(`hour aggregates in SQL on ${backend.name}`, () => {
    let db: DbHandle;
    let factors: FactorDictionary;
    beforeAll(async () => {
      db = await backend.open();
      await registerDevices(db.db, ['MN-AGG', 'MN-OTHER']);
      factors = new FactorDictionary(db.db);
    });
    afterAll(async () => {
      await db.close();
    });

    it('equal the in-memory reference for any minutes, flags and flows', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(storedMinute, { selector: (m) => `${m.factor}@${m.minute}`, maxLength: 120 }),
          async (stored) => {
            await sql`delete from measurement_value`.execute(db.db);
            const rows = stored.map((m) => {
              const t = H0 + m.minute * 60_000;
              return {
                row: measurementRow({
                  mn: 'MN-AGG',
                  dataTimeMs: t,
                  factor: m.factor,
                  avg: m.asRtd ? null : m.value,
                  rtd: m.asRtd ? m.value : null,
                  min: m.spread === null ? null : m.value - m.spread,
                  max: m.spread === null ? null : m.value + m.spread,
                  flag: m.flag,
                }),
                packetId: 0,
                receivedAt: new Date(t),
              };
            });
            await storeMeasurementRows(db.db, factors, rows);
            const reference = aggregateMinutes(
              stored.map(
                (m): MinuteValue => ({
                  factor: m.factor,
                  dataTimeMs: H0 + m.minute * 60_000,
                  avg: m.value,
                  min: m.spread === null ? null : m.value - m.spread,
                  max: m.spread === null ? null : m.value + m.spread,
                  flag: m.flag,
                }),
              ),
            );
            expectSame(await minuteAggregates(db.db, 'MN-AGG', H0, H0 + 3 * 3_600_000), reference);
          },
        ),
        { numRuns: 30 },
      );
    });

    it('reads only the asked range and device', async () => {
      await sql`delete from measurement_value`.execute(db.db);
      const row = (mn: string, minute: number) => ({
        row: measurementRow({ mn, dataTimeMs: H0 + minute * 60_000, factor: 'a21026', avg: 10, flag: 'N' }),
        packetId: 0,
        receivedAt: new Date(),
      });
      await storeMeasurementRows(db.db, factors, [
        row('MN-AGG', 0),
        row('MN-AGG', 59),
        row('MN-AGG', 60),
        row('MN-OTHER', 1),
      ]);
      const first = await minuteAggregates(db.db, 'MN-AGG', H0, H0 + 3_600_000);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ hourMs: H0, receivedMinutes: 2, validMinutes: 2, avg: 10 });
    });
  });
}
