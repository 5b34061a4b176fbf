/**
 * HJ 212 decoder throughput, one core: an 8-factor 2051 minute packet (~800 bytes).
 *
 *   npx tsx bench/hj212-decode.bench.ts [--seconds 1]
 *
 * Rows: the package decoder (table CRC, byte-level framing), framing alone (the ceiling), and a naive decoder
 * (bitwise CRC, regex + split on strings) as the baseline. Each row reports the best of 5 timed runs.
 */
import {
  buildDataPacket,
  crc16Hj212Bitwise,
  createFramer,
  decodeFrame,
  decodeStream,
  encodeFrame,
} from '../packages/hj212/src/index.ts';

const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 1;

const factor = (avg: number, extra: Record<string, number> = {}) => ({
  cou: Number((avg * 0.0573).toFixed(4)),
  min: Number((avg * 0.91).toFixed(2)),
  avg,
  max: Number((avg * 1.12).toFixed(2)),
  ...extra,
  flag: 'N',
});
const segment = buildDataPacket({
  st: '31',
  cn: '2051',
  mn: '010000A8900016F000169DC0',
  pw: '123456',
  qn: '20240501081000123',
  flag: 5,
  dataTime: '20240501080000',
  factors: {
    a21026: factor(18.37, { zsMin: 20.11, zsAvg: 22.4, zsMax: 25.93 }),
    a21002: factor(35.42, { zsMin: 39.8, zsAvg: 43.18, zsMax: 48.27 }),
    a34013: factor(3.58, { zsMin: 3.92, zsAvg: 4.36, zsMax: 4.88 }),
    a19001: factor(7.52),
    a00000: factor(95.21),
    a01012: factor(50.3),
    a01013: factor(0.352),
    a01014: factor(9.47),
  },
});
const frameText = encodeFrame(segment);
const frame = new TextEncoder().encode(frameText);

// --- naive baseline: strings, regex, split, bitwise CRC ------------------------------------------------
const FRAME_RE = /^##(\d{4})(.*)([0-9A-Fa-f]{4})\r\n$/s;
function naiveDecode(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  const m = FRAME_RE.exec(text);
  if (!m) return null;
  const seg = m[2]!;
  const segBytes = new TextEncoder().encode(seg);
  if (segBytes.length !== Number(m[1])) return null;
  if (crc16Hj212Bitwise(segBytes) !== Number.parseInt(m[3]!, 16)) return null;
  const cpAt = seg.indexOf('CP=&&');
  const header: Record<string, string> = {};
  for (const kv of seg.slice(0, cpAt).split(';')) {
    const [k, v] = kv.split('=');
    if (k) header[k] = v ?? '';
  }
  const factors: Record<string, Record<string, number | string>> = {};
  const cp: Record<string, string> = {};
  for (const group of seg.slice(cpAt + 5, seg.lastIndexOf('&&')).split(';')) {
    for (const item of group.split(',')) {
      const [k, v = ''] = item.split('=');
      if (!k) continue;
      cp[k] = v;
      const [code, suffix] = k.split('-');
      if (code && suffix) {
        factors[code] ??= {};
        factors[code][suffix] = suffix === 'Flag' ? v : Number.parseFloat(v);
      }
    }
  }
  return { header, cp, factors };
}

// --- harness -------------------------------------------------------------------------------------------
function measure(run: () => number): number {
  let best = 0;
  for (let round = 0; round < 6; round++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < (SECONDS * 1000) / 5) {
      n += run();
      elapsed = performance.now() - start;
    }
    if (round > 0) best = Math.max(best, (n / elapsed) * 1000); // round 0 warms up
  }
  return best;
}

let sink = 0;
const BATCH = 200;
const framer = createFramer();
const many = new Uint8Array(frame.length * BATCH);
for (let i = 0; i < BATCH; i++) many.set(frame, i * frame.length);

const rows: [string, number][] = [
  [
    'decodeFrame (table CRC)',
    measure(() => {
      for (let i = 0; i < BATCH; i++) {
        const r = decodeFrame(frame);
        if (r.ok) sink += r.packet.records.length;
      }
      return BATCH;
    }),
  ],
  [
    'framer.push + decodeFrame',
    measure(() => {
      for (let i = 0; i < BATCH; i++) {
        for (const ev of framer.push(frame)) {
          if (ev.type === 'frame') {
            const r = decodeFrame(ev.frame);
            if (r.ok) sink += 1;
          }
        }
      }
      return BATCH;
    }),
  ],
  [
    `decodeStream (${BATCH} frames a buffer)`,
    measure(() => {
      sink += decodeStream(many).length;
      return BATCH;
    }),
  ],
  [
    'framing only (framer.push)',
    measure(() => {
      for (let i = 0; i < BATCH; i++) sink += framer.push(frame).length;
      return BATCH;
    }),
  ],
  [
    'naive decode (bitwise CRC)',
    measure(() => {
      for (let i = 0; i < BATCH; i++) if (naiveDecode(frame)) sink += 1;
      return BATCH;
    }),
  ],
];

const ours = rows[0]![1];
const naive = rows.at(-1)![1];
const framingOnly = rows[3]![1];
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`HJ 212 decode, ${frame.length}-byte frame (${frame.length - 12}-byte segment, 8 factors, CN=2051)`);
console.log(`node ${process.version}, ${SECONDS} s per row, best of 5\n`);
console.log(`| ${'case'.padEnd(36)} | ${'packets/s'.padStart(12)} | ${'MB/s'.padStart(7)} | vs decodeFrame |`);
console.log(`| ${'-'.repeat(36)} | ${'-'.repeat(12)} | ${'-'.repeat(7)} | -------------- |`);
for (const [name, pps] of rows) {
  const mbs = ((pps * frame.length) / 1e6).toFixed(1);
  console.log(`| ${name.padEnd(36)} | ${fmt(pps).padStart(12)} | ${mbs.padStart(7)} | ${(pps / ours).toFixed(2).padStart(13)}× |`);
}
console.log(`\ndecodeFrame vs naive decode: ${(ours / naive).toFixed(1)}× (target ≥ 4×)`);
console.log(`decodeFrame vs framing only: ${(ours / framingOnly).toFixed(3)}× (framing is the ceiling)`);
console.log(`target ≥ 200 000 packets/s: ${ours >= 200_000 ? 'met' : 'NOT met'} (${fmt(ours)})`);
if (sink === -1) console.log(sink);
