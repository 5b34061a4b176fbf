/**
 * Does holding many idle HJ 212 connections slow the active ones? A fixed active load (`ecep hj212 simulate`:
 * A devices, Flag A, R packets/s each) runs twice against the same gateway: first alone, then with N idle
 * connections held open by another child process (each has sent half a frame, as a data unit between writes).
 * Reports the active load's acked packets/s and p50/p99 ack latency in both runs and their ratio.
 *
 *   [DATABASE_URL=postgres://…] node --conditions=source --import tsx bench/gateway-idle-latency.bench.ts \
 *     [idle=19000] [active=200] [ratePerDevice=1] [seconds=20]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simulatedMn } from '../apps/cli/src/simulator/run-simulation.js';
import { DeviceDirectory } from '../apps/server/src/devices/device-directory.js';
import { startHj212Gateway } from '../apps/server/src/gateway/hj212-server.js';
import { openBenchDb } from './bench-db.js';

const CLI = fileURLToPath(new URL('../apps/cli/src/main.ts', import.meta.url));
const [idleArg = '19000', activeArg = '200', rateArg = '1', secondsArg = '20'] = process.argv.slice(2);
const idle = Number(idleArg);
const active = Number(activeArg);
const rate = Number(rateArg);
const seconds = Number(secondsArg);

const IDLE_CLIENT = `
const net = require('node:net');
const [port, n] = process.argv.slice(1).map(Number);
const half = '##0512QN=20261124000000001;ST=31;CN=2051;PW=123456;MN=IDLE';
let open = 0;
let i = 0;
function connect() {
  const s = net.connect(port, '127.0.0.1', () => {
    s.write(half);
    if (++open === n) process.stdout.write('open\\n');
  });
  s.on('error', () => {});
  s.on('data', () => {});
}
(function batch() { for (let k = 0; k < 200 && i < n; k++, i++) connect(); if (i < n) setTimeout(batch, 20); })();
process.stdin.on('data', () => process.exit(0));
`;

function simulate(
  port: number,
  start: string,
): Promise<{ ackedPerS: number; latencyMs: { p50: number; p99: number } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        CLI,
        'hj212',
        'simulate',
        '--port',
        String(port),
        '--devices',
        String(active),
        '--rate',
        String(rate),
        '--duration',
        String(seconds),
        '--mn-prefix',
        'ACTIVE',
        '--start',
        start,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
      } catch (err) {
        reject(new Error(`simulator output: ${out} ${String(err)}`));
      }
    });
  });
}

const { handle, drop } = await openBenchDb(process.env.DATABASE_URL ? 'postgres' : 'pglite', 'ecep_idle');
try {
  await handle.db
    .insertInto('monitoring_device')
    .values(
      Array.from({ length: active }, (_, i) => ({
        mn: simulatedMn('ACTIVE', i + 1),
        password: '123456',
        name: `active ${i + 1}`,
        st: '31',
      })),
    )
    .execute();
  const gateway = await startHj212Gateway(handle, new DeviceDirectory(handle.db), {
    port: 0,
    host: '127.0.0.1',
  });
  const alone = await simulate(gateway.port, '2026-01-01T00:00:00Z');

  const holder = spawn(process.execPath, ['-e', IDLE_CLIENT, String(gateway.port), String(idle)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
  const deadline = Date.now() + 60_000;
  while (gateway.stats.connectionsOpen < idle && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  const held = gateway.stats.connectionsOpen;
  // Other data times than the first run, so nothing is a resend.
  const withIdle = await simulate(gateway.port, '2026-02-01T00:00:00Z');
  const stillHeld = gateway.stats.connectionsOpen; // the simulator has closed its own
  holder.stdin.write('exit\n');
  await new Promise((r) => holder.once('exit', r));
  await gateway.close();

  console.log(
    `${process.env.DATABASE_URL ? 'postgres' : 'pglite'}: ${active} active devices × ${rate}/s for ${seconds} s; idle connections held ${held} (still ${stillHeld} at the end)`,
  );
  console.log('| run | acked packets/s | p50 ack ms | p99 ack ms |');
  console.log('|---|---|---|---|');
  console.log(
    `| active alone | ${alone.ackedPerS.toFixed(0)} | ${alone.latencyMs.p50} | ${alone.latencyMs.p99} |`,
  );
  console.log(
    `| with ${held} idle | ${withIdle.ackedPerS.toFixed(0)} | ${withIdle.latencyMs.p50} | ${withIdle.latencyMs.p99} |`,
  );
  console.log(
    `| ratio (with / alone) | ${(withIdle.ackedPerS / alone.ackedPerS).toFixed(2)} | ${(withIdle.latencyMs.p50 / alone.latencyMs.p50).toFixed(2)} | ${(withIdle.latencyMs.p99 / alone.latencyMs.p99).toFixed(2)} |`,
  );
} finally {
  await drop();
}
