import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import type { Database } from '../db/schema.js';
import { recomputeConsumption } from '../energy/consumption.repository.js';
import { meterSpec } from '../energy/energy-meter.repository.js';
import { DAY_MS, dayStartMs, shanghaiDay } from '../energy/periods.js';
import { withMeterLock } from '../energy/reading-ingest.js';
import { prng } from './demo-enterprises.js';

const MARKER = 'demo.energy.seeded';
const VERSION = 1;
export const DEMO_ENERGY_ENTERPRISES = 30;
export const DEMO_ENERGY_DAYS = 60;
const Q = 900_000;
/** Backfill step: five days of 15-min readings of one meter per transaction. */
const CHUNK_SLOTS = 5 * 96;
/** The live simulator replays the last hours after start-up, so the newest bars move while one watches. */
export const DEMO_ENERGY_LIVE_LAG_MS = 6 * 3_600_000;

type Kind = 'cumulative' | 'interval';

interface MeterPlan {
  code: string;
  name: string;
  energy: string;
  unit: string;
  kind: Kind;
  /** Mean consumption per 15 min in `unit`. */
  perSlot: number;
  rolloverMax: number | null;
  start: number;
}

/** What the marker keeps so the background backfill can resume after a restart. */
interface MarkerValue {
  version: number;
  firstMs: number;
  syncFromMs: number;
  endMs: number;
  meters: Array<{ id: string; k: number; plan: MeterPlan }>;
  backfilled: string[];
  done: boolean;
}

/** What each industry meters online (GB 17167 level 1: energy entering the unit). */
function plansFor(industry: string, size: number): Array<Omit<MeterPlan, 'rolloverMax' | 'start'>> {
  const plans: Array<Omit<MeterPlan, 'rolloverMax' | 'start'>> = [
    {
      code: 'E-01',
      name: '总进线电能表',
      energy: 'electricity',
      unit: 'kWh',
      kind: 'cumulative',
      perSlot: 2500 * size,
    },
  ];
  if (['06', '25', '44', '30'].includes(industry)) {
    plans.push({
      code: 'C-01',
      name: '入厂原煤皮带秤',
      energy: 'raw-coal',
      unit: 't',
      kind: 'interval',
      perSlot: 6 * size,
    });
  }
  if (['26', '31', '32', '25'].includes(industry)) {
    plans.push({
      code: 'G-01',
      name: '天然气总表',
      energy: 'natural-gas',
      unit: 'm3',
      kind: 'cumulative',
      perSlot: 900 * size,
    });
  }
  if (['25', '44', '26', '31'].includes(industry)) {
    plans.push({
      code: 'H-01',
      name: '蒸汽热量表',
      energy: 'heat',
      unit: 'GJ',
      kind: 'cumulative',
      perSlot: 40 * size,
    });
  }
  return plans;
}

/** Daily load shape: lower at night, higher on the day shift. */
export const demoLoadShape = (ms: number) => {
  const hour = (((ms / 3_600_000 + 8) % 24) + 24) % 24;
  return 0.75 + 0.2 * Math.sin(((hour - 6) / 24) * 2 * Math.PI) + (hour >= 8 && hour < 18 ? 0.1 : 0);
};

/** The last boundary the seeded history reaches; the live simulator continues from there. */
export function demoEnergyBackfillEnd(nowMs: number): number {
  const todayStart = dayStartMs(shanghaiDay(nowMs));
  return Math.floor(Math.max(todayStart, nowMs - DEMO_ENERGY_LIVE_LAG_MS) / Q) * Q;
}

/**
 * The whole deterministic history of meter `k` from `firstMs` to `endMs`: the same on every run, so the
 * recent part (seeded at once) and the older part (backfilled later) join without a seam. Outages: meter 3
 * loses six hours five days back, meter 7 a whole day twelve days back, and ≈ 0.5 % of readings get lost;
 * meter 11 is replaced twenty days back (its new register starts from zero).
 */
function series(
  plan: MeterPlan,
  k: number,
  firstMs: number,
  endMs: number,
): { times: number[]; values: number[] } {
  const rand = prng(20261125 + k);
  const times: number[] = [];
  const values: number[] = [];
  let counter = plan.start;
  let replaced = false;
  for (let t = firstMs; t <= endMs; t += Q) {
    const daysBack = Math.floor((endMs - t) / DAY_MS);
    const amount = plan.perSlot * demoLoadShape(t) * (0.9 + rand() * 0.2);
    if (plan.kind === 'cumulative') {
      counter += amount;
      if (plan.rolloverMax && counter >= plan.rolloverMax) counter -= plan.rolloverMax;
    }
    const lost = rand() < 0.005;
    if (k === 11 && daysBack === 20 && !replaced) {
      counter = amount;
      replaced = true;
    }
    if (k === 3 && daysBack === 5 && t - dayStartMs(shanghaiDay(t)) < 6 * 3_600_000) continue;
    if (k === 7 && daysBack === 12) continue;
    if (lost) continue;
    times.push(t);
    values.push(Math.round((plan.kind === 'cumulative' ? counter : amount) * 1000) / 1000);
  }
  return { times, values };
}

/** Inserts generated readings in one statement (values are generated numbers and instants, not input). */
async function insertSeries(
  db: Kysely<Database>,
  meterId: string,
  s: { times: number[]; values: number[] },
): Promise<void> {
  if (s.times.length === 0) return;
  const times = s.times.map((t) => new Date(t).toISOString()).join(',');
  const values = s.values.join(',');
  await sql`insert into energy_reading (meter_id, time, value, source)
    select ${meterId}::uuid, t, v, 'demo'
    from unnest(${sql.lit(`{${times}}`)}::timestamptz[], ${sql.lit(`{${values}}`)}::float8[]) as x(t, v)
    on conflict (meter_id, time) do nothing`.execute(db);
}

async function readMarker(db: Kysely<Database>): Promise<MarkerValue | null> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', MARKER).executeTakeFirst();
  return row ? (row.value as MarkerValue) : null;
}

async function writeMarker(db: Kysely<Database>, value: MarkerValue): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key: MARKER, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}

export interface EnergySeedResult {
  seeded: boolean;
  meters: number;
  readings: number;
  ms: number;
}

/**
 * 演示数据: meters of the first 30 demo key energy users with 15-min readings of yesterday and today, loaded
 * at once (a few seconds on PGlite); {@link continueEnergyBackfill} adds the older history of the 60 days in
 * the background once the server runs. Idempotent (marker `demo.energy.seeded`).
 */
export async function seedEnergyDemo(
  db: Kysely<Database>,
  nowMs: number = Date.now(),
): Promise<EnergySeedResult> {
  const started = Date.now();
  const existing = await readMarker(db);
  if (existing && Number(existing.version) >= VERSION) {
    return { seeded: false, meters: existing.meters?.length ?? 0, readings: 0, ms: Date.now() - started };
  }
  const enterprises = await db
    .selectFrom('enterprise')
    .select(['id', 'industry_code'])
    .where('is_demo', '=', true)
    .where('key_energy_user', '=', true)
    .where('deleted_at', 'is', null)
    .orderBy('credit_code')
    .limit(DEMO_ENERGY_ENTERPRISES)
    .execute();
  const endMs = demoEnergyBackfillEnd(nowMs);
  const firstMs = dayStartMs(shanghaiDay(endMs)) - DEMO_ENERGY_DAYS * DAY_MS;
  const syncFromMs = dayStartMs(shanghaiDay(endMs)) - DAY_MS;
  const sizeOf = prng(20261124);
  const marker: MarkerValue = {
    version: VERSION,
    firstMs,
    syncFromMs,
    endMs,
    meters: [],
    backfilled: [],
    done: false,
  };
  let readings = 0;
  await db.transaction().execute(async (trx) => {
    for (const ent of enterprises) {
      const size = 0.4 + sizeOf() * 1.6;
      for (const p of plansFor(ent.industry_code, size)) {
        const k = marker.meters.length;
        // The first meter's register is close to its capacity: it rolls over in the history.
        const rolloverMax = k === 0 ? 10_000_000 : null;
        const start = k === 0 ? 10_000_000 - p.perSlot * 96 * 20 : Math.round(sizeOf() * 500_000);
        const plan: MeterPlan = { ...p, rolloverMax, start };
        const row = await trx
          .insertInto('energy_meter')
          .values({
            enterprise_id: ent.id,
            code: plan.code,
            name: `${plan.name}（演示）`,
            energy_code: plan.energy,
            unit: plan.unit,
            kind: plan.kind,
            rollover_max: plan.rolloverMax,
            is_demo: true,
            // Until the older history is backfilled, completeness is judged from the seeded window only.
            created_at: new Date(syncFromMs),
          })
          .onConflict((oc) => oc.columns(['enterprise_id', 'code']).doNothing())
          .returning(['id', 'kind', 'multiplier', 'rollover_max', 'expected_interval_s'])
          .executeTakeFirst();
        if (!row) continue;
        marker.meters.push({ id: row.id, k, plan });
        const all = series(plan, k, firstMs, endMs);
        const from = all.times.findIndex((t) => t >= syncFromMs);
        const recent = { times: all.times.slice(from), values: all.values.slice(from) };
        await insertSeries(trx, row.id, recent);
        readings += recent.times.length;
        await recomputeConsumption(
          trx,
          row.id,
          meterSpec(row),
          recent.times[0] as number,
          recent.times.at(-1) as number,
          nowMs,
        );
      }
    }
    await recordAudit(
      trx,
      { userId: null, name: 'system' },
      {
        action: 'demo-seed',
        entity: 'system',
        entityId: 'demo-energy',
        before: null,
        after: { meters: marker.meters.length, readings, days: DEMO_ENERGY_DAYS, version: VERSION },
      },
    );
    await writeMarker(trx, marker);
  });
  return { seeded: true, meters: marker.meters.length, readings, ms: Date.now() - started };
}

/**
 * Adds the older part of the demo history, one meter at a time (each in its own locked transaction, so the
 * live simulator and the API keep working), and records progress in the marker so a restart resumes.
 * Returns the number of meters backfilled in this call; stops early when `shouldStop` says so.
 */
export async function continueEnergyBackfill(
  db: Kysely<Database>,
  opts: {
    shouldStop?: () => boolean;
    onMeter?: (done: number, total: number) => void;
    nowMs?: () => number;
    /** Pause between steps, leaving the event loop to requests (the server passes one; tests do not). */
    pauseMs?: number;
  } = {},
): Promise<number> {
  const marker = await readMarker(db);
  if (!marker || marker.done) return 0;
  let count = 0;
  for (const m of marker.meters) {
    if (opts.shouldStop?.()) return count;
    if (marker.backfilled.includes(m.id)) continue;
    const row = await db
      .selectFrom('energy_meter')
      .select(['id', 'kind', 'multiplier', 'rollover_max', 'expected_interval_s'])
      .where('id', '=', m.id)
      .executeTakeFirst();
    if (row) {
      const all = series(m.plan, m.k, marker.firstMs, marker.endMs);
      const until = all.times.findIndex((t) => t >= marker.syncFromMs);
      const older = { times: all.times.slice(0, until), values: all.values.slice(0, until) };
      // Newest first, a few days per transaction, pausing in between so the server stays responsive.
      for (let end = older.times.length; end > 0; end -= CHUNK_SLOTS) {
        if (opts.shouldStop?.()) return count;
        const start = Math.max(0, end - CHUNK_SLOTS);
        const part = { times: older.times.slice(start, end), values: older.values.slice(start, end) };
        await withMeterLock(db, m.id, async (trx) => {
          await insertSeries(trx, m.id, part);
          await recomputeConsumption(
            trx,
            m.id,
            meterSpec(row),
            part.times[0] as number,
            part.times.at(-1) as number,
            opts.nowMs?.() ?? Date.now(),
          );
        });
        if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
      }
      await db
        .updateTable('energy_meter')
        .set({ created_at: new Date(marker.firstMs) })
        .where('id', '=', m.id)
        .execute();
    }
    marker.backfilled.push(m.id);
    await writeMarker(db, marker);
    count++;
    opts.onMeter?.(marker.backfilled.length, marker.meters.length);
  }
  marker.done = true;
  await writeMarker(db, marker);
  return count;
}
