import type { StackKind } from '@ecep/hj212';
import { SimulatedDevice } from './simulated-device.js';

export interface SimulationOptions {
  host: string;
  port: number;
  devices: number;
  cns: readonly string[];
  /** Packets per second per device, for each CN. */
  ratePerDevice: number;
  durationS: number;
  mnPrefix: string;
  password: string;
  ackTimeoutMs: number;
  maxResends: number;
  /** Most unacknowledged packets per device (0: no limit). */
  window?: number;
  /** Load-test mode: repeat a few recorded packets per CN, only QN, DataTime and CRC change. */
  replay?: boolean;
  /** Data time of the first packet (ms); packets step forward from it. */
  startDataTimeMs: number;
  /** Called about once a second while running. */
  onProgress?(line: string): void;
}

export interface SimulationReport {
  devices: number;
  connected: number;
  sent: number;
  acked: number;
  resent: number;
  gaveUp: number;
  /** Sends held back by a full window. */
  heldBack: number;
  unacked: number;
  elapsedS: number;
  ackedPerS: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** CPU time this process spent from the first send to the end (user + system), for cost-per-packet figures. */
  cpuMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Simulated MN for device `i`: 24 characters like real data units. */
export const simulatedMn = (prefix: string, i: number) =>
  `${prefix}${String(i).padStart(24 - prefix.length, '0')}`;

/** Runs N simulated data units for a while and reports what was sent and acknowledged. */
export async function runSimulation(o: SimulationOptions): Promise<SimulationReport> {
  const devices: SimulatedDevice[] = [];
  for (let i = 0; i < o.devices; i++) {
    const kind: StackKind = i % 4 === 3 ? 'waste-water' : 'flue-gas';
    devices.push(
      new SimulatedDevice(
        {
          host: o.host,
          port: o.port,
          mn: simulatedMn(o.mnPrefix, i + 1),
          password: o.password,
          st: kind === 'flue-gas' ? '31' : '32',
          kind,
          seed: i + 1,
          cns: o.cns,
          ackTimeoutMs: o.ackTimeoutMs,
          maxResends: o.maxResends,
          window: o.window ?? 0,
          replay: o.replay ?? false,
        },
        o.startDataTimeMs,
      ),
    );
  }
  let connected = 0;
  // Connect in waves so thousands of devices do not all knock at once.
  for (let i = 0; i < devices.length; i += 200) {
    const results = await Promise.allSettled(devices.slice(i, i + 200).map((d) => d.connect()));
    connected += results.filter((r) => r.status === 'fulfilled').length;
  }
  const started = Date.now();
  const cpuAtStart = process.cpuUsage();
  const tickMs = 50;
  const perTick = (o.ratePerDevice * tickMs) / 1000;
  let credit = 0;
  let lastProgress = started;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - started >= o.durationS * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      credit += perTick;
      const due = Math.floor(credit);
      credit -= due;
      // A device's packets of one tick leave in one write (one system call), as a data unit catching up would.
      if (due > 0) for (const d of devices) d.sendBurst(o.cns, due);
      for (const d of devices) d.resendOverdue();
      if (o.onProgress && now - lastProgress >= 1000) {
        lastProgress = now;
        const sent = devices.reduce((s, d) => s + d.counters.sent, 0);
        const acked = devices.reduce((s, d) => s + d.counters.acked, 0);
        o.onProgress(
          `${((now - started) / 1000).toFixed(0)}s sent ${sent} acked ${acked} (${(acked / ((now - started) / 1000)).toFixed(0)}/s)`,
        );
      }
    }, tickMs);
  });
  // Give the last acks a moment.
  const drainUntil = Date.now() + Math.min(5000, o.ackTimeoutMs);
  while (Date.now() < drainUntil && devices.some((d) => d.pending > 0))
    await new Promise((r) => setTimeout(r, 50));
  const elapsedS = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  for (const d of devices) d.stop();
  const lat = devices.flatMap((d) => d.counters.latenciesMs).sort((a, b) => a - b);
  const sum = (f: (d: SimulatedDevice) => number) => devices.reduce((s, d) => s + f(d), 0);
  const acked = sum((d) => d.counters.acked);
  return {
    devices: o.devices,
    connected,
    sent: sum((d) => d.counters.sent),
    acked,
    resent: sum((d) => d.counters.resent),
    gaveUp: sum((d) => d.counters.gaveUp),
    heldBack: sum((d) => d.counters.heldBack),
    unacked: sum((d) => d.pending),
    elapsedS,
    ackedPerS: acked / elapsedS,
    latencyMs: { p50: percentile(lat, 50), p99: percentile(lat, 99), max: lat[lat.length - 1] ?? 0 },
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
}
