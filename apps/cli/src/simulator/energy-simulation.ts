import type { RunningServer } from '@ecep/server';

const Q = 900_000;
/** After a long stop the simulator does not replay days: it resumes six hours back (the hole stays a gap). */
const MAX_CATCH_UP_MS = 6 * 3_600_000;

interface SimMeter {
  id: string;
  kind: 'cumulative' | 'interval';
  /** Time of the last reading sent (cumulative: the instant; interval: the start of its slot). */
  cursor: number;
  value: number;
  perSlot: number;
}

/** A publish that hangs (broker unreachable) must not stop the simulator: it tries again next tick. */
function withTimeout<T>(p: Promise<T>, ms = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`MQTT publish timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** Day-shift load shape, the same idea as the seeded history. */
const shape = (ms: number) => {
  const hour = (((ms / 3_600_000 + 8) % 24) + 24) % 24;
  return 0.75 + 0.2 * Math.sin(((hour - 6) / 24) * 2 * Math.PI) + (hour >= 8 && hour < 18 ? 0.1 : 0);
};

/**
 * Publishes readings of the demo energy meters over MQTT (`ecep/energy/<meterId>`, QoS 1) every `tickMs`
 * of wall time: each tick sends the next 15-min reading of every meter whose next boundary has passed.
 * The seeded history stops a few hours before now, so after start-up a new 15-min bar appears every tick
 * until the meters have caught up with the clock; from then on one reading per meter every 15 minutes.
 */
export async function startEnergySimulation(
  server: RunningServer,
  opts: { tickMs?: number; now?: () => number } = {},
): Promise<{ meters: number; stop: () => void }> {
  const now = opts.now ?? Date.now;
  const db = server.db.db;
  const rows = await db
    .selectFrom('energy_meter')
    .select(['id', 'kind'])
    .where('is_demo', '=', true)
    .where('active', '=', true)
    .execute();
  const meters: SimMeter[] = [];
  for (const r of rows) {
    const last = await db
      .selectFrom('energy_reading')
      .select(['time', 'value'])
      .where('meter_id', '=', r.id)
      .orderBy('time', 'desc')
      .limit(2)
      .execute();
    const [a, b] = last;
    if (!a) continue;
    const aMs = new Date(a.time).getTime();
    const slots = b ? Math.max(1, Math.round((aMs - new Date(b.time).getTime()) / Q)) : 1;
    const perSlot = r.kind === 'interval' ? a.value : b ? Math.max(0, (a.value - b.value) / slots) : 1;
    meters.push({ id: r.id, kind: r.kind, cursor: aMs, value: a.value, perSlot: perSlot / shape(aMs) || 1 });
  }
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const t = now();
      for (const m of meters) {
        if (t - m.cursor > MAX_CATCH_UP_MS + Q) m.cursor = Math.floor((t - MAX_CATCH_UP_MS) / Q) * Q;
        const next = m.cursor + Q;
        // An interval reading is sent once its slot has ended.
        if (next + (m.kind === 'interval' ? Q : 0) > t) continue;
        const amount = m.perSlot * shape(next) * (0.9 + Math.random() * 0.2);
        m.value = m.kind === 'cumulative' ? m.value + amount : amount;
        m.cursor = next;
        await withTimeout(
          server.energy.publish(m.id, {
            time: new Date(next).toISOString(),
            value: Math.round(m.value * 1000) / 1000,
          }),
        );
      }
    } catch (err) {
      console.error(`能耗模拟发布失败 / energy simulation publish failed: ${String(err)}`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.tickMs ?? 15_000);
  void tick();
  return { meters: meters.length, stop: () => clearInterval(timer) };
}
