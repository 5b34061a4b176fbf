import { decodeFrame, type SplitReassembler } from '@ecep/hj212';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DeviceDirectory } from '../devices/device-directory.js';

/**
 * Puts the parts of split packets that were acknowledged but not yet completed back into the reassembler after a
 * restart. Each part was acked once its raw text committed (outcome 'partial'), so the data unit will not send it
 * again: without this, a restart between two parts would lose the whole packet. Parts older than the
 * reassembler's wait, or whose packet has since been stored, are left alone. Returns the number of parts restored.
 */
export async function restorePendingSplits(
  db: Kysely<Database>,
  directory: DeviceDirectory,
  reassembler: SplitReassembler,
  nowMs: number,
  maxAgeMs: number,
  maxSegmentBytes: number,
): Promise<number> {
  const partials = await db
    .selectFrom('hj212_packet')
    .select([
      'mn',
      'cn',
      'data_time',
      'raw',
      sql<number>`(extract(epoch from received_at) * 1000)::float8`.as('received_ms'),
    ])
    .where('outcome', '=', 'partial')
    .where('received_at', '>=', new Date(nowMs - maxAgeMs))
    .orderBy('id')
    .execute();
  let restored = 0;
  const completed = new Map<string, boolean>();
  for (const p of partials) {
    if (!p.mn) continue;
    // A packet whose rows are stored was completed before the restart (a later part carried it).
    const storedKey = `${p.mn}\u0000${p.cn}\u0000${p.data_time === null ? '' : new Date(p.data_time).getTime()}`;
    let done = completed.get(storedKey);
    if (done === undefined) {
      done =
        p.data_time !== null &&
        p.cn !== null &&
        (await db
          .selectFrom('measurement')
          .select('mn')
          .where('mn', '=', p.mn)
          .where('cn', '=', Number(p.cn)) // parts are data packets: a 4-digit CN
          .where('data_time', '=', new Date(p.data_time))
          .limit(1)
          .executeTakeFirst()) !== undefined;
      completed.set(storedKey, done);
    }
    if (done) continue;
    const device = await directory.get(p.mn);
    if (!device) continue;
    const decoded = decodeFrame(new TextEncoder().encode(p.raw), {
      crcMode: device.crcMode,
      maxSegmentBytes,
    });
    if (!decoded.ok || !decoded.packet.split) continue;
    // Parts only: the part that completes a set is stored with the set, so a restored set stays pending.
    if (reassembler.add(decoded.packet, Number(p.received_ms)).status === 'pending') restored++;
  }
  return restored;
}
