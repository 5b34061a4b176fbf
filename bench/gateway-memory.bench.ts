/**
 * Memory per HJ 212 connection: opens N long-lived connections (a child process holds the client side, so its
 * memory is not counted) to a gateway in this process, each having sent one valid but unregistered frame and
 * half of a second one (so its framer holds a partial buffer, as a real data unit between writes does), and
 * compares the gateway's V8 heap (after full GC) and RSS with N connections open and before any was opened.
 *
 *   node --expose-gc --conditions=source --import tsx bench/gateway-memory.bench.ts [counts=1000,5000,19000]
 */
import { spawn } from 'node:child_process';
import { buildDataPacket, encodeFrame } from '@ecep/hj212';
import { DeviceDirectory } from '../apps/server/src/devices/device-directory.js';
import { startHj212Gateway } from '../apps/server/src/gateway/hj212-server.js';
import { createDb, migrateToLatest } from '../apps/server/src/index.js';

const counts = (process.argv[2] ?? '1000,5000,19000').split(',').map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function frame(i: number): string {
  return encodeFrame(
    buildDataPacket({
      st: '31',
      cn: '2051',
      mn: `MEMBENCH${String(i).padStart(16, '0')}`,
      pw: '123456',
      qn: `20261124000000${String(i % 1000).padStart(3, '0')}`,
      flag: 4,
      dataTime: Date.UTC(2026, 10, 24),
      factors: {
        a21026: { avg: 20, flag: 'N' },
        a21002: { avg: 30, flag: 'N' },
        a00000: { avg: 100, flag: 'N' },
      },
    }),
  );
}

const CLIENT = `
const net = require('node:net');
const [port, n] = process.argv.slice(1).map(Number);
const whole = JSON.parse(process.env.FRAMES);
let open = 0;
const sockets = [];
function connect(i) {
  const s = net.connect(port, '127.0.0.1', () => {
    if (++open === n) process.stdout.write('open\\n');
  });
  s.on('error', () => {});
  s.on('data', () => {});
  sockets.push(s);
}
let i = 0;
(function batch() { for (let k = 0; k < 100 && i < n; k++) connect(i++); if (i < n) setTimeout(batch, 25); })();
process.stdin.on('data', (d) => {
  if (String(d).startsWith('send')) {
    sockets.forEach((s, j) => { s.write(whole[j % whole.length]); s.write(whole[j % whole.length].slice(0, 200)); });
    process.stdout.write('sent\\n');
  } else process.exit(0);
});
`;

async function settle(): Promise<{ heap: number; rss: number }> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 100));
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

const db = await createDb({ databaseUrl: null, dataDir: 'memory://' });
await migrateToLatest(db.db);
const gateway = await startHj212Gateway(db, new DeviceDirectory(db.db), { port: 0, host: '127.0.0.1' });
const frames = Array.from({ length: 50 }, (_, i) => frame(i));
console.log('| connections | heap Δ per connection | RSS Δ per connection | connections held |');
console.log('|---|---|---|---|');
for (const n of counts) {
  const before = await settle();
  const child = spawn(process.execPath, ['-e', CLIENT, String(gateway.port), String(n)], {
    env: { ...process.env, FRAMES: JSON.stringify(frames) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  // All connections first (accepting is cheap), then one frame and a half on each, so the gateway reads,
  // quarantines and answers every first frame and keeps the partial second one in its framer.
  let deadline = Date.now() + 60_000;
  while (gateway.stats.connectionsOpen < n && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  const framesBefore = gateway.stats.frames;
  child.stdin.write('send\n');
  deadline = Date.now() + 120_000;
  while (gateway.stats.frames - framesBefore < gateway.stats.connectionsOpen && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = await settle();
  const held = gateway.stats.connectionsOpen;
  if (held < n)
    console.error(
      `only ${held} of ${n} held (accepted in total ${gateway.stats.connectionsTotal}, frames ${gateway.stats.frames}, quarantined ${gateway.stats.quarantined})`,
    );
  console.log(
    `| ${n} | ${((after.heap - before.heap) / held).toFixed(0)} B | ${((after.rss - before.rss) / held / 1024).toFixed(1)} KB | ${held} |`,
  );
  child.stdin.write('exit\n');
  await new Promise((r) => child.once('exit', r));
  while (gateway.stats.connectionsOpen > 0) await new Promise((r) => setTimeout(r, 200));
}
await gateway.close();
await db.close();
