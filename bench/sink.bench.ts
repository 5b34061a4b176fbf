/**
 * The gateway's storage stage alone: batches of decoded 2051 packets written through the PacketSink, with no
 * sockets, on PGlite and (with DATABASE_URL) PostgreSQL.
 *
 *   [DATABASE_URL=postgres://…] [SINK_BACKEND=pglite|postgres] [DEVICES=1000] npx tsx --conditions=source bench/sink.bench.ts [batches=5] [batchPackets=2000]
 *
 * Packets come from DEVICES devices in turn (one minute of each, then the next minute), as the gateway receives them.
 * PostgreSQL runs in a database of its own, created and dropped by the run.
 */

import { measurementRows } from '../apps/server/src/gateway/measurement-rows.js';
import { createPacketSink, type SinkItem } from '../apps/server/src/gateway/packet-sink.js';
import {
  buildDataPacket,
  createStackSimulator,
  decodeFrame,
  encodeFrame,
} from '../packages/hj212/src/index.js';
import { openBenchDb } from './bench-db.js';

const [batchesArg = '5', sizeArg = '2000'] = process.argv.slice(2);
const batches = Number(batchesArg);
const size = Number(sizeArg);
const devices = Number(process.env.DEVICES ?? 1000);
const sim = createStackSimulator({ kind: 'flue-gas', seed: 1, intervalMinutes: 1 });
const t0 = Date.UTC(2026, 0, 1);

let deviceIds = new Map<string, number>();

function batch(k: number): SinkItem[] {
  return Array.from({ length: size }, (_, i) => {
    const n = k * size + i;
    const dataTime = t0 + Math.floor(n / devices) * 60_000;
    const frame = encodeFrame(
      buildDataPacket({
        st: '31',
        cn: '2051',
        mn: `M${n % devices}`,
        pw: '1',
        qn: '1',
        flag: 5,
        dataTime,
        factors: sim.next(dataTime).factors,
      }),
    );
    const r = decodeFrame(frame);
    if (!r.ok) throw new Error(r.error.message);
    return {
      receivedAtMs: Date.now(),
      connectionId: 'c',
      remote: 'r',
      raw: frame,
      mn: r.packet.mn,
      cn: '2051',
      qn: r.packet.qn,
      dataTimeMs: dataTime,
      outcome: 'stored',
      errorCode: null,
      quarantine: null,
      deviceId: deviceIds.get(`M${n % devices}`)!,
      rows: measurementRows(r.packet),
    };
  });
}

const only = process.env.SINK_BACKEND; // pglite | postgres
for (const kind of ['pglite', 'postgres'] as const) {
  if (kind === 'postgres' && !process.env.DATABASE_URL) continue;
  if (only && only !== kind) continue;
  const { handle, drop } = await openBenchDb(kind, 'ecep_sink');
  const registered = await handle.db
    .insertInto('monitoring_device')
    .values(
      Array.from({ length: devices }, (_, i) => ({ mn: `M${i}`, password: '1', name: `M${i}`, st: '31' })),
    )
    .returning(['id', 'mn'])
    .execute();
  deviceIds = new Map(registered.map((r) => [r.mn, r.id]));
  const sink = createPacketSink(handle);
  let packets = 0;
  let rows = 0;
  let ms = 0;
  for (let k = 0; k < batches; k++) {
    const items = batch(k);
    const s = performance.now();
    await sink.write(items);
    ms += performance.now() - s;
    packets += items.length;
    rows += items.reduce((a, b) => a + b.rows.length, 0);
  }
  console.log(
    `${handle.kind.padEnd(8)} ${batches}×${size} packets: ${Math.round((packets / ms) * 1000)} packets/s, ${Math.round((rows / ms) * 1000)} rows/s`,
  );
  await drop();
}
