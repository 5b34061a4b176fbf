import type { StackKind } from '@ecep/hj212';
import { SimulatedDevice } from './simulated-device.js';

export interface LiveDevice {
  mn: string;
  password: string;
  st: string;
}

/**
 * Keeps simulated data units reporting on the wall clock, as the demo needs: each device first catches
 * up the last `backfillHours` of minute data (at most `burstPerTick` packets a tick), then sends one 2051
 * packet as each minute closes. Returns a stop function.
 */
export async function startLiveSimulation(
  devices: readonly LiveDevice[],
  gateway: { host: string; port: number },
  options: { backfillHours?: number; burstPerTick?: number } = {},
): Promise<() => void> {
  const now = Date.now();
  const start = Math.floor(now / 60_000) * 60_000 - (options.backfillHours ?? 6) * 3_600_000;
  const units = devices.map(
    (d, i) =>
      new SimulatedDevice(
        {
          host: gateway.host,
          port: gateway.port,
          mn: d.mn,
          password: d.password,
          st: d.st,
          kind: (d.st === '32' ? 'waste-water' : 'flue-gas') as StackKind,
          seed: 1000 + i,
          cns: ['2051'],
          ackTimeoutMs: 10_000,
          maxResends: 5,
        },
        start,
      ),
  );
  await Promise.all(units.map((u) => u.connect().catch(() => {})));
  const burst = options.burstPerTick ?? 30;
  const timer = setInterval(() => {
    // A minute's packet is due once that minute has closed.
    const due = Date.now() - 60_000;
    for (const u of units) {
      for (let k = 0; k < burst && u.nextDataTimeOf('2051') <= due; k++) u.sendNext('2051');
      u.resendOverdue();
    }
  }, 200);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const u of units) u.stop();
  };
}
