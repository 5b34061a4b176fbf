/**
 * The gateway's COPY encoding alone: BinaryCopyWriter writing the 17 columns of a 9-factor minute packet's rows
 * (what packet-sink's binaryRows calls), against copying the same bytes already encoded (the memory-bandwidth floor).
 *
 *   npx tsx --conditions=source bench/binary-copy.bench.ts [packets=2000] [rounds=6]
 */
import { BinaryCopyWriter } from '../apps/server/src/gateway/binary-copy.js';

const [packetsArg = '2000', roundsArg = '6'] = process.argv.slice(2);
const packets = Number(packetsArg);
const rounds = Number(roundsArg);
const FACTORS = 9;
const T = Date.UTC(2026, 10, 24, 2, 0);

/** One batch of `packets` minute packets, written as the sink writes measurement rows. */
function encodeBatch(): Buffer[] {
  const w = new BinaryCopyWriter();
  for (let p = 0; p < packets; p++) {
    for (let f = 0; f < FACTORS; f++) {
      w.row(17);
      w.int4(p % 1000);
      w.int2(2051);
      w.timestamptz(T + p * 60_000);
      w.int4(f + 1);
      w.float8(null);
      w.float8(12.5 + f);
      w.float8(10 + f);
      w.float8(15.25);
      w.float8(f === 0 ? 3.5 : null);
      w.float8(null);
      w.float8(f < 3 ? 11.75 : null);
      w.float8(null);
      w.float8(null);
      w.text('N');
      w.jsonb(f === 0 ? '{"Info":"//ok//"}' : null);
      w.int8(1_000_000 + p);
      w.timestamptz(T + p * 60_000 + 5_000);
    }
  }
  return w.finish();
}

const encoded = Buffer.concat(encodeBatch());
const target = Buffer.allocUnsafe(encoded.length);
const perPacketUs = (ns: number, batches: number) => ns / 1000 / (batches * packets);

const results: Array<{ round: number; writerUsPerPacket: number; copyUsPerPacket: number; ratio: number }> =
  [];
for (let round = 1; round <= rounds; round++) {
  const batches = 20;
  let t0 = process.hrtime.bigint();
  for (let b = 0; b < batches; b++) encodeBatch();
  const writer = perPacketUs(Number(process.hrtime.bigint() - t0), batches);
  t0 = process.hrtime.bigint();
  for (let b = 0; b < batches; b++) encoded.copy(target);
  const copy = perPacketUs(Number(process.hrtime.bigint() - t0), batches);
  results.push({
    round,
    writerUsPerPacket: Number(writer.toFixed(2)),
    copyUsPerPacket: Number(copy.toFixed(3)),
    ratio: Number((writer / copy).toFixed(1)),
  });
}
console.log(`${packets} packets × ${FACTORS} rows, ${encoded.length} bytes per batch`);
console.table(results);
