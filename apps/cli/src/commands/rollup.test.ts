import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDb,
  FactorDictionary,
  measurementRow,
  migrateToLatest,
  storeMeasurementRows,
} from '@ecep/server';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { parseInstant } from './rollup.js';

const H = Date.UTC(2026, 9, 1, 2); // 2026-10-01 10:00 Beijing

describe('ecep rollup', () => {
  it('reads Beijing dates and ISO times with an offset, and names the flag of a bad value', () => {
    expect(parseInstant('from', '2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(parseInstant('to', '2026-10-01T12:00:00+08:00').toISOString()).toBe('2026-10-01T04:00:00.000Z');
    expect(() => parseInstant('from', '2026-10-01 12:00')).toThrow(/--from "2026-10-01 12:00"/);
    expect(() => parseInstant('to', undefined)).toThrow(/--to 必填/);
  });

  it('recomputes the hours, days and months of stored minutes on the embedded database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ecep-rollup-'));
    const seed = await createDb({ databaseUrl: null, dataDir });
    await migrateToLatest(seed.db);
    await seed.db
      .insertInto('monitoring_device')
      .values({ mn: 'MN-CLI', password: '123456', name: '1号炉', st: '31', settings: '{"referenceO2Pct":6}' })
      .execute();
    // 50 valid minutes of SO2 at 40 mg/m³ with O2 at 10 %: corrected 40 × 15 / 11.
    const minutes = Array.from({ length: 50 }, (_, i) => new Date(H + i * 60_000));
    await storeMeasurementRows(
      seed.db,
      new FactorDictionary(seed.db),
      minutes.flatMap((t) =>
        [
          { factor: 'a21026', avg: 40 },
          { factor: 'a19001', avg: 10 },
        ].map((v) => ({
          row: measurementRow({ mn: 'MN-CLI', dataTimeMs: t.getTime(), flag: 'N', ...v }),
          packetId: 0,
          receivedAt: t,
        })),
      ),
    );
    await seed.close();

    const run = await runCli(
      ['rollup', '--data-dir', dataDir, '--from', '2026-10-01', '--to', '2026-10-02'],
      undefined,
      { DATABASE_URL: '' },
    );
    expect(run.stderr).toMatch(/1\/1 台设备/);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ devices: 1, hours: 1 });

    const check = await createDb({ databaseUrl: null, dataDir });
    try {
      const hour = await check.db
        .selectFrom('rollup_hour')
        .selectAll()
        .where('factor', '=', 'a21026')
        .execute();
      expect(hour).toHaveLength(1);
      expect(hour[0]).toMatchObject({ valid_minutes: 50, valid: true });
      expect(hour[0]!.corrected_avg).toBeCloseTo((40 * 15) / 11, 9);
      const day = await check.db
        .selectFrom('rollup_day')
        .select(['valid_hours'])
        .where('factor', '=', 'a21026')
        .execute();
      expect(day).toEqual([{ valid_hours: 1 }]);
      const month = await check.db
        .selectFrom('rollup_month')
        .select('month')
        .where('factor', '=', 'a21026')
        .execute();
      expect(month.map((m) => m.month)).toEqual(['2026-10']);
    } finally {
      await check.close();
    }

    const unknown = await runCli(
      ['rollup', '--data-dir', dataDir, '--from', '2026-10-01', '--to', '2026-10-02', '--mn', 'MN-NONE'],
      undefined,
      { DATABASE_URL: '' },
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/设备 MN-NONE 未登记/);
    const backwards = await runCli(
      ['rollup', '--data-dir', dataDir, '--from', '2026-10-02', '--to', '2026-10-01'],
      undefined,
      {
        DATABASE_URL: '',
      },
    );
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toMatch(/--to 必须晚于 --from/);
  }, 60_000);
});
