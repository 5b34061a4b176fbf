import { buildDataPackets, createSplitReassembler, encodeFrame } from '@ecep/hj212';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/create-db.js';
import { DeviceDirectory } from '../devices/device-directory.js';
import { backends } from '../test-support/test-db.js';
import { FactorDictionary } from './factor-dictionary.js';
import { measurementRow } from './measurement-rows.js';
import { storeMeasurementRows } from './measurement-upsert.js';
import { restorePendingSplits } from './pending-splits.js';

const NOW = Date.UTC(2026, 10, 24, 4, 5);
const WAIT_MS = 10 * 60_000;

function parts(mn: string, dataTime: string) {
  return buildDataPackets(
    {
      st: '31',
      cn: '2051',
      mn,
      pw: '123456',
      qn: `${dataTime}001`,
      flag: 5,
      dataTime,
      factors: {
        a21026: { avg: 12.5, flag: 'N' },
        a21002: { avg: 30, flag: 'N' },
        a34013: { avg: 3, flag: 'N' },
        a19001: { avg: 9.5, flag: 'N' },
        a00000: { avg: 120, flag: 'N' },
        a01012: { avg: 115, flag: 'N' },
        a01013: { avg: -0.1, flag: 'N' },
        a01014: { avg: 6, flag: 'N' },
      },
    },
    { maxSegmentBytes: 200 },
  ).map((p) => encodeFrame(p));
}

for (const backend of backends()) {
  describe(`restoring acknowledged split parts on ${backend.name}`, () => {
    let db: DbHandle;
    beforeAll(async () => {
      db = await backend.open();
      await db.db
        .insertInto('monitoring_device')
        .values({ mn: 'MN-SPLIT', password: '123456', name: '1号炉', st: '31' })
        .execute();
    });
    afterAll(async () => {
      await db.close();
    });

    const partial = (raw: string, dataTimeIso: string, receivedMs: number) => ({
      received_at: new Date(receivedMs),
      connection_id: 'c1',
      remote: 'r',
      mn: 'MN-SPLIT',
      cn: '2051',
      qn: '1',
      data_time: new Date(dataTimeIso),
      outcome: 'partial' as const,
      raw,
    });

    it('restores only recent parts of sets not yet stored, skipping unreadable ones', async () => {
      const pending = parts('MN-SPLIT', '20261124120000'); // 04:00 UTC, not stored
      const done = parts('MN-SPLIT', '20261124110000'); // 03:00 UTC, stored already
      const old = parts('MN-SPLIT', '20261124100000'); // received long ago
      expect(pending.length).toBeGreaterThan(2);
      await db.db
        .insertInto('hj212_packet')
        .values([
          partial(pending[0]!, '2026-11-24T04:00:00Z', NOW - 60_000),
          partial(pending[1]!, '2026-11-24T04:00:00Z', NOW - 50_000),
          partial(done[0]!, '2026-11-24T03:00:00Z', NOW - 40_000),
          partial(old[0]!, '2026-11-24T02:00:00Z', NOW - WAIT_MS - 60_000),
          partial('##0010garbage', '2026-11-24T04:00:00Z', NOW - 30_000),
        ])
        .execute();
      await storeMeasurementRows(db.db, new FactorDictionary(db.db), [
        {
          row: measurementRow({
            mn: 'MN-SPLIT',
            dataTimeMs: Date.parse('2026-11-24T03:00:00Z'),
            factor: 'a21026',
            avg: 12.5,
            flag: 'N',
          }),
          packetId: 0,
          receivedAt: new Date(NOW),
        },
      ]);
      const reassembler = createSplitReassembler({ maxAgeMs: WAIT_MS });
      const restored = await restorePendingSplits(
        db.db,
        new DeviceDirectory(db.db),
        reassembler,
        NOW,
        WAIT_MS,
        9999,
      );
      expect(restored).toBe(2);
      expect(reassembler.pendingCount).toBe(1);
    });
  });
}
