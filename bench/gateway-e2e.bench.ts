/**
 * End-to-end HJ 212 gateway benchmark: simulated data units (a child process, one TCP connection each,
 * Flag A, waiting for 9014) against the gateway running in this process, on PGlite and on PostgreSQL.
 * Reports sustained acknowledged packets/s, p50/p99 ack latency, gateway memory per connection, and the
 * ratio to a raw COPY of the same number of rows into the same database (the storage ceiling).
 *
 *   node --expose-gc --conditions=source --import tsx bench/gateway-e2e.bench.ts [connections=1000,10000] [seconds=20] [backends=pglite,postgres]
 *
 * PostgreSQL is used when DATABASE_URL is set; WRITE_LANES=n and BATCH_FRAMES=n set the gateway's write lanes
 * (default 2 on PostgreSQL) and frames per batch (default 2000), QUEUED_FRAMES=n the frames admitted into the pipeline
 * at once, WINDOW=n the unacknowledged packets a simulated device may have out (default 20; 0 = open loop),
 * REPLAY=1 runs the simulator in its load-test mode (`--replay`: recorded packets, new QN/DataTime/CRC per send),
 * PROFILE=prefix writes a CPU profile of the gateway while the simulator runs.
 */
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { simulatedMn } from '../apps/cli/src/simulator/run-simulation.js';
import { DeviceDirectory } from '../apps/server/src/devices/device-directory.js';
import { BinaryCopyWriter } from '../apps/server/src/gateway/binary-copy.js';
import { startHj212Gateway } from '../apps/server/src/gateway/hj212-server.js';
import type { DbHandle } from '../apps/server/src/index.js';
import { LiveFeed } from '../apps/server/src/live/live-feed.js';
import { openBenchDb } from './bench-db.js';

const CLI = fileURLToPath(new URL('../apps/cli/src/main.ts', import.meta.url));
const [connArg = '1000,10000', secondsArg = '20', backendArg = 'pglite,postgres'] = process.argv.slice(2);
const connectionCounts = connArg.split(',').map(Number);
const seconds = Number(secondsArg);
// Unacknowledged packets a simulated device may have out at once (WINDOW=0: no limit, pure open loop).
const window = Number(process.env.WINDOW ?? 20);
// REPLAY=1: the simulator repeats recorded packets (only QN, DataTime, CRC change) and needs far less CPU.
const replay = process.env.REPLAY === '1';
const backends = backendArg.split(',').filter((b) => b !== 'postgres' || process.env.DATABASE_URL);

function simulate(
  port: number,
  devices: number,
  rate: number,
): Promise<Record<string, number & { p50?: number }>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // PROFILE also profiles the simulator (node writes it into the directory PROFILE-simulator at exit).
        ...(process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}-simulator`] : []),
        '--conditions=source',
        '--import',
        'tsx',
        CLI,
        'hj212',
        'simulate',
        '--port',
        String(port),
        '--devices',
        String(devices),
        '--rate',
        String(rate),
        '--duration',
        String(seconds),
        '--mn-prefix',
        'BENCH',
        '--ack-timeout',
        '30000',
        '--start',
        '2026-01-01T00:00:00Z',
        '--window',
        String(window),
        ...(replay ? ['--replay'] : []),
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

/**
 * The storage ceiling: COPY `rows` rows shaped like `measurement_value` into a plain table (no key) of the same
 * database, in binary like the gateway's own rows. Only the COPY is timed; the rows are encoded before.
 */
async function copyCeiling(
  kind: string,
  handle: DbHandle,
  url: string | undefined,
  rows: number,
): Promise<number> {
  const w = new BinaryCopyWriter();
  for (let k = 0; k < rows; k++) {
    w.row(17);
    w.int4((k % 1000) + 1);
    w.int2(2051);
    w.timestamptz(Date.UTC(2025, 0, 1) + k * 60_000);
    w.int4((k % 8) + 1);
    w.null();
    w.float8(12.5);
    w.float8(10);
    w.float8(15);
    for (let n = 0; n < 5; n++) w.null();
    w.text('N');
    w.null();
    w.int8(k);
    w.timestamptz(Date.UTC(2026, 0, 1));
  }
  const chunks = w.finish();
  const ddl = 'create table copy_ceiling (like measurement_value)';
  if (kind === 'pglite') {
    await handle.pglite!.exec(ddl);
    const started = performance.now();
    await handle.pglite!.query("copy copy_ceiling from '/dev/blob' with (format binary)", [], {
      blob: new Blob(chunks),
    });
    return rows / ((performance.now() - started) / 1000);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(ddl);
  const started = performance.now();
  await pipeline(
    Readable.from(chunks),
    client.query(copyStreams.from('copy copy_ceiling from stdin with (format binary)')),
  );
  const rate = rows / ((performance.now() - started) / 1000);
  await client.end();
  return rate;
}

/** CPU time (ms) of all PostgreSQL server processes on this machine, from /proc (0 where there is no /proc). */
async function postgresCpuMs(): Promise<number> {
  const { readdir, readFile } = await import('node:fs/promises');
  let ticks = 0;
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const close = stat.lastIndexOf(')');
    if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
    const fields = stat.slice(close + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** PROFILE=prefix: a CPU profile of this process (the gateway) while the simulator runs, written to prefix-….cpuprofile. */
async function startProfile() {
  const inspector = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      process.stderr.write(`\nCPU profile: ${file}\n`);
    },
  };
}

const results: Array<Record<string, string | number>> = [];
for (const backend of backends) {
  for (const connections of connectionCounts) {
    const { handle, drop, url } = await openBenchDb(backend as 'pglite' | 'postgres');
    const devices = Array.from({ length: connections }, (_, i) => ({
      mn: simulatedMn('BENCH', i + 1),
      password: '123456',
      name: `bench ${i + 1}`,
      st: i % 4 === 3 ? '32' : '31',
    }));
    for (let i = 0; i < devices.length; i += 1000) {
      await handle.db
        .insertInto('monitoring_device')
        .values(devices.slice(i, i + 1000))
        .execute();
    }
    const liveFeed = new LiveFeed();
    const gateway = await startHj212Gateway(
      handle,
      new DeviceDirectory(handle.db),
      // As `ecep serve` runs it: every committed batch goes to the live feed (here with nobody subscribed).
      { port: 0, host: '127.0.0.1', onStored: (items) => liveFeed.publish(items) },
      // WRITE_LANES=1 gives the single-writer baseline.
      {
        ...(process.env.WRITE_LANES ? { writeLanes: Number(process.env.WRITE_LANES) } : {}),
        ...(process.env.BATCH_FRAMES ? { maxBatchFrames: Number(process.env.BATCH_FRAMES) } : {}),
        ...(process.env.QUEUED_FRAMES ? { maxQueuedFrames: Number(process.env.QUEUED_FRAMES) } : {}),
      },
    );
    global.gc?.();
    const memBefore = process.memoryUsage();
    // Offer about 30 000 packets/s in total, more than either backend can take, so the figure is the ceiling.
    const rate = Math.max(0.2, 30_000 / connections);
    const memProbe = setInterval(() => {
      if (
        gateway.stats.connectionsOpen >= connections * 0.99 &&
        !results.find((r) => r.probe === `${backend}-${connections}`)
      ) {
        const m = process.memoryUsage();
        results.push({
          probe: `${backend}-${connections}`,
          kbPerConnection: Number(((m.rss - memBefore.rss) / connections / 1024).toFixed(1)),
        });
      }
    }, 500);
    // Gateway side of the run, once a second on stderr: what waits where, and the heap.
    const gwProbe = setInterval(() => {
      const m = process.memoryUsage();
      process.stderr.write(
        `\n[gateway] open ${gateway.stats.connectionsOpen} paused ${gateway.stats.pausedConnections} frames ${gateway.stats.frames} acked ${gateway.stats.acked} queued ${gateway.batcher.queued} inPipeline ${gateway.admission.inFlight} backlog ${gateway.admission.backlogged} batches ${gateway.batcher.stats.batches} heapMB ${Math.round(m.heapUsed / 1e6)} rssMB ${Math.round(m.rss / 1e6)}\n`,
      );
    }, 1000);
    const profiler = process.env.PROFILE ? await startProfile() : null;
    // CPU per packet of each party, counted once the connections are open (the simulator connects every device
    // before its first send and counts its own CPU from then): connection set-up is not packet cost.
    let gatewayCpu0: NodeJS.CpuUsage | null = null;
    let pgCpu0 = 0;
    const cpuStart = setInterval(() => {
      if (gatewayCpu0 || gateway.stats.connectionsOpen < connections) return;
      gatewayCpu0 = process.cpuUsage();
      void postgresCpuMs().then((ms) => {
        pgCpu0 = ms;
      });
    }, 50);
    const sim = await simulate(gateway.port, connections, rate);
    clearInterval(cpuStart);
    const gatewayCpu = process.cpuUsage(gatewayCpu0 ?? undefined);
    const pgCpuMs = (await postgresCpuMs()) - pgCpu0;
    if (profiler) await profiler.stop(`${process.env.PROFILE}-${backend}-${connections}.cpuprofile`);
    clearInterval(memProbe);
    clearInterval(gwProbe);
    await gateway.close();
    const factorsPerPacket = 7.5; // 3 in 4 outlets flue gas (8 factors), 1 in 4 waste water (6)
    const rows = Math.max(10_000, Math.round((sim.acked as number) * factorsPerPacket));
    const ceilingRowsPerS = await copyCeiling(backend, handle, url, Math.min(rows, 1_000_000));
    const ackedRowsPerS = (sim.ackedPerS as number) * factorsPerPacket;
    const probe = results.find((r) => r.probe === `${backend}-${connections}`);
    const row = {
      backend,
      connections,
      connected: sim.connected as number,
      sent: sim.sent as number,
      acked: sim.acked as number,
      ackedPacketsPerS: Math.round(sim.ackedPerS as number),
      p50AckMs: (sim.latencyMs as unknown as { p50: number }).p50,
      p99AckMs: (sim.latencyMs as unknown as { p99: number }).p99,
      kbPerConnection: (probe?.kbPerConnection as number) ?? NaN,
      // Microseconds of CPU per acknowledged packet.
      gatewayCpuUs: Math.round(((gatewayCpu.user + gatewayCpu.system) / (sim.acked as number)) * 10) / 10,
      simulatorCpuUs: Math.round((((sim.cpuMs as number) * 1000) / (sim.acked as number)) * 10) / 10,
      postgresCpuUs: Math.round(((pgCpuMs * 1000) / (sim.acked as number)) * 10) / 10,
      copyCeilingRowsPerS: Math.round(ceilingRowsPerS),
      simulator: replay ? 'replay' : 'built',
      ratioToCopy: Number((ackedRowsPerS / ceilingRowsPerS).toFixed(2)),
      batches: gateway.batcher.stats.batches,
      maxBatch: gateway.batcher.stats.maxBatch,
    };
    console.log(JSON.stringify(row));
    results.push(row);
    await drop();
  }
}
console.table(results.filter((r) => !('probe' in r)));
