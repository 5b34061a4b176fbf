import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { COMPLETENESS_THRESHOLD_PCT, completenessPct } from './completeness.js';
import { computeSlots, isGapSlot, type MeterSpec, type Reading, recomputeWindow } from './consumption.js';
import { DAY_MS, dayStartMs, daysBetween, shanghaiDay } from './periods.js';

const CHUNK = 1000;

export interface StoreOutcome {
  accepted: number;
  duplicate: number;
  overwritten: number;
  /** Readings whose stored value was replaced: latest wins, the caller audits each. */
  overwrites: Array<{ time: string; before: number; after: number }>;
  minMs: number;
  maxMs: number;
}

/**
 * Stores readings of one meter: new instants are inserted, a resend with the same value is a duplicate,
 * a resend with another value replaces the stored one (latest wins, `revisions` + 1). Within one batch the
 * last reading of an instant wins.
 */
export async function storeReadings(
  db: Kysely<Database>,
  meterId: string,
  readings: readonly Reading[],
  source: 'http' | 'mqtt' | 'demo',
  receivedAt: Date,
): Promise<StoreOutcome> {
  const latest = new Map<number, number>();
  let duplicate = 0;
  let overwritten = 0;
  const overwrites: StoreOutcome['overwrites'] = [];
  for (const r of readings) {
    const seen = latest.get(r.timeMs);
    if (seen !== undefined) {
      if (seen === r.value) duplicate++;
      else {
        overwritten++;
        overwrites.push({ time: new Date(r.timeMs).toISOString(), before: seen, after: r.value });
      }
    }
    latest.set(r.timeMs, r.value);
  }
  const times = [...latest.keys()];
  const existing = new Map<number, number>();
  for (let i = 0; i < times.length; i += CHUNK) {
    const rows = await db
      .selectFrom('energy_reading')
      .select(['time', 'value'])
      .where('meter_id', '=', meterId)
      .where(
        'time',
        'in',
        times.slice(i, i + CHUNK).map((t) => new Date(t)),
      )
      .execute();
    for (const r of rows) existing.set(new Date(r.time).getTime(), r.value);
  }
  const fresh: Array<{
    meter_id: string;
    time: Date;
    value: number;
    source: typeof source;
    received_at: Date;
  }> = [];
  for (const [t, value] of latest) {
    const stored = existing.get(t);
    if (stored === undefined) {
      fresh.push({ meter_id: meterId, time: new Date(t), value, source, received_at: receivedAt });
    } else if (stored === value) {
      duplicate++;
    } else {
      overwritten++;
      overwrites.push({ time: new Date(t).toISOString(), before: stored, after: value });
      await db
        .updateTable('energy_reading')
        .set((eb) => ({ value, source, received_at: receivedAt, revisions: eb('revisions', '+', 1) }))
        .where('meter_id', '=', meterId)
        .where('time', '=', new Date(t))
        .execute();
    }
  }
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await db
      .insertInto('energy_reading')
      .values(fresh.slice(i, i + CHUNK))
      .execute();
  }
  return {
    accepted: fresh.length,
    duplicate,
    overwritten,
    overwrites,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
  };
}

/**
 * Recomputes the 15-min slots that readings in [minMs, maxMs] can affect, then the days they lie in, then
 * the completeness alarms of those days that have closed by `nowMs`. Idempotent: the same stored readings
 * always give the same buckets, whatever order they arrived in.
 */
export async function recomputeConsumption(
  db: Kysely<Database>,
  meterId: string,
  spec: MeterSpec,
  minMs: number,
  maxMs: number,
  nowMs: number,
): Promise<number> {
  const intervalMs = spec.intervalS * 1000;
  const [previous, next] = await Promise.all([
    db
      .selectFrom('energy_reading')
      .select('time')
      .where('meter_id', '=', meterId)
      .where('time', '<', new Date(minMs))
      .orderBy('time', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('energy_reading')
      .select('time')
      .where('meter_id', '=', meterId)
      .where('time', '>', new Date(maxMs))
      .orderBy('time')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const w = recomputeWindow(
    spec,
    minMs,
    maxMs,
    previous ? new Date(previous.time).getTime() : null,
    next ? new Date(next.time).getTime() : null,
  );
  const [before, inside] = await Promise.all([
    db
      .selectFrom('energy_reading')
      .select(['time', 'value'])
      .where('meter_id', '=', meterId)
      .where('time', '<', new Date(w.loadFromMs))
      .orderBy('time', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('energy_reading')
      .select(['time', 'value'])
      .where('meter_id', '=', meterId)
      .where('time', '>=', new Date(w.loadFromMs))
      .where('time', '<', new Date(w.loadToMs))
      .orderBy('time')
      .execute(),
  ]);
  const readings = [...(before ? [before] : []), ...inside].map((r) => ({
    timeMs: new Date(r.time).getTime(),
    value: r.value,
  }));
  const slots = computeSlots(spec, readings).filter((s) => s.index >= w.fromIndex && s.index <= w.toIndex);
  const fromMs = w.fromIndex * intervalMs;
  const toMs = (w.toIndex + 1) * intervalMs;
  await db
    .deleteFrom('energy_consumption_slot')
    .where('meter_id', '=', meterId)
    .where('slot_start', '>=', new Date(fromMs))
    .where('slot_start', '<', new Date(toMs))
    .execute();
  for (let i = 0; i < slots.length; i += CHUNK) {
    await db
      .insertInto('energy_consumption_slot')
      .values(
        slots.slice(i, i + CHUNK).map((s) => ({
          meter_id: meterId,
          slot_start: new Date(s.index * intervalMs),
          consumption: s.consumption,
          status: s.status,
          span_start: s.spanStartIndex === null ? null : new Date(s.spanStartIndex * intervalMs),
        })),
      )
      .execute();
  }
  // Readings count for completeness on the day of the boundary they belong to.
  const days = daysBetween(Math.min(fromMs, minMs - intervalMs), Math.max(toMs, maxMs + intervalMs));
  await recomputeDays(db, meterId, spec, days, nowMs);
  return slots.length;
}

export interface DayFigures {
  day: string;
  consumption: number | null;
  slotsExpected: number;
  slotsReceived: number;
  slotsWithConsumption: number;
  gapSlots: number;
  marks: string[];
}

/**
 * Rebuilds the day rows of a meter from its stored slots and readings, then syncs completeness alarms.
 * Days without any slot or reading are written only with `includeEmpty` (closing silent days), so the
 * neighbours of a recomputed range are not judged before the meter's data begin.
 */
export async function recomputeDays(
  db: Kysely<Database>,
  meterId: string,
  spec: MeterSpec,
  days: readonly string[],
  nowMs: number,
  opts: { includeEmpty?: boolean } = {},
): Promise<DayFigures[]> {
  if (days.length === 0) return [];
  const intervalMs = spec.intervalS * 1000;
  const sorted = [...new Set(days)].sort();
  const fromMs = dayStartMs(sorted[0] as string);
  const toMs = dayStartMs(sorted.at(-1) as string) + DAY_MS;
  const [slots, readings] = await Promise.all([
    db
      .selectFrom('energy_consumption_slot')
      .select(['slot_start', 'consumption', 'status', 'span_start'])
      .where('meter_id', '=', meterId)
      .where('slot_start', '>=', new Date(fromMs))
      .where('slot_start', '<', new Date(toMs))
      .execute(),
    db
      .selectFrom('energy_reading')
      .select('time')
      .where('meter_id', '=', meterId)
      .where('time', '>=', new Date(fromMs - intervalMs / 2))
      .where('time', '<', new Date(toMs - intervalMs / 2))
      .execute(),
  ]);
  const wanted = new Set(sorted);
  const figures = new Map<string, DayFigures>();
  const expected = Math.round(86_400 / spec.intervalS);
  const dayOf = (ms: number) => sorted.find((d) => ms >= dayStartMs(d) && ms < dayStartMs(d) + DAY_MS);
  const fig = (day: string) => {
    let f = figures.get(day);
    if (!f) {
      f = {
        day,
        consumption: null,
        slotsExpected: expected,
        slotsReceived: 0,
        slotsWithConsumption: 0,
        gapSlots: 0,
        marks: [],
      };
      figures.set(day, f);
    }
    return f;
  };
  if (opts.includeEmpty) for (const d of sorted) fig(d);
  const boundaries = new Set<number>();
  for (const r of readings) boundaries.add(Math.round(new Date(r.time).getTime() / intervalMs));
  for (const n of boundaries) {
    const day = dayOf(n * intervalMs);
    if (day && wanted.has(day)) fig(day).slotsReceived++;
  }
  for (const s of slots) {
    const day = dayOf(new Date(s.slot_start).getTime());
    if (!day) continue;
    const f = fig(day);
    const slot = { status: s.status, spanStartIndex: s.span_start === null ? null : 0 };
    if (s.consumption !== null) f.consumption = (f.consumption ?? 0) + s.consumption;
    if (isGapSlot(slot)) f.gapSlots++;
    else if (s.consumption !== null) f.slotsWithConsumption++;
    const marks = [s.status === 'ok' ? null : s.status, s.span_start === null ? null : 'gap-span'];
    for (const m of marks) if (m && !f.marks.includes(m)) f.marks.push(m);
  }
  const rows = [...figures.values()];
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('energy_consumption_day')
      .values(
        rows.slice(i, i + CHUNK).map((f) => ({
          meter_id: meterId,
          day: f.day,
          consumption: f.consumption,
          slots_expected: f.slotsExpected,
          slots_received: Math.min(f.slotsReceived, f.slotsExpected),
          slots_with_consumption: f.slotsWithConsumption,
          gap_slots: f.gapSlots,
          marks: JSON.stringify(f.marks.sort()),
          computed_at: new Date(nowMs),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['meter_id', 'day']).doUpdateSet((eb) => ({
          consumption: eb.ref('excluded.consumption'),
          slots_expected: eb.ref('excluded.slots_expected'),
          slots_received: eb.ref('excluded.slots_received'),
          slots_with_consumption: eb.ref('excluded.slots_with_consumption'),
          gap_slots: eb.ref('excluded.gap_slots'),
          marks: eb.ref('excluded.marks'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
  await syncCompletenessAlarms(
    db,
    meterId,
    rows.filter((f) => dayStartMs(f.day) + DAY_MS <= nowMs),
    nowMs,
  );
  return rows;
}

/**
 * Raises a completeness alarm for each closed day below the threshold (updating its figure when late data
 * changed it) and resolves the alarm of a day that late readings lifted to the threshold.
 */
export async function syncCompletenessAlarms(
  db: Kysely<Database>,
  meterId: string,
  closedDays: readonly Pick<DayFigures, 'day' | 'slotsReceived' | 'slotsExpected'>[],
  nowMs: number,
): Promise<void> {
  const low = closedDays
    .map((d) => ({ day: d.day, pct: completenessPct(d.slotsReceived, d.slotsExpected) }))
    .filter((d) => !d.pct.ok);
  const okDays = closedDays
    .filter((d) => completenessPct(d.slotsReceived, d.slotsExpected).ok)
    .map((d) => d.day);
  for (let i = 0; i < low.length; i += CHUNK) {
    await db
      .insertInto('energy_meter_alarm')
      .values(
        low.slice(i, i + CHUNK).map((d) => ({
          meter_id: meterId,
          type: 'completeness' as const,
          day: d.day,
          completeness_pct: d.pct.pct,
          threshold_pct: COMPLETENESS_THRESHOLD_PCT,
          raised_at: new Date(nowMs),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['meter_id', 'type', 'day']).doUpdateSet((eb) => ({
          completeness_pct: eb.ref('excluded.completeness_pct'),
          resolved_at: null,
        })),
      )
      .execute();
  }
  for (let i = 0; i < okDays.length; i += CHUNK) {
    await db
      .updateTable('energy_meter_alarm')
      .set({ resolved_at: new Date(nowMs) })
      .where('meter_id', '=', meterId)
      .where('type', '=', 'completeness')
      .where('day', 'in', okDays.slice(i, i + CHUNK))
      .where('resolved_at', 'is', null)
      .execute();
  }
}

/**
 * Closes the days of active meters up to the day before `nowMs` (looking back `lookbackDays`): a day
 * without any reading gets a zero row and, like every closed day below the threshold, an alarm. Days before
 * a meter was registered and before its first reading are not judged.
 */
export async function closeDays(db: Kysely<Database>, nowMs: number, lookbackDays = 7): Promise<number> {
  const meters = await db
    .selectFrom('energy_meter as m')
    .select([
      'm.id',
      'm.kind',
      'm.multiplier',
      'm.rollover_max',
      'm.expected_interval_s',
      'm.created_at',
      (eb) =>
        eb
          .selectFrom('energy_reading as r')
          .select((r) => r.fn.min('r.time').as('t'))
          .whereRef('r.meter_id', '=', 'm.id')
          .as('first_reading'),
    ])
    .where('m.active', '=', true)
    .execute();
  const lastClosed = dayStartMs(shanghaiDay(nowMs));
  let written = 0;
  for (const m of meters) {
    const firstMs = Math.min(
      new Date(m.created_at).getTime(),
      m.first_reading ? new Date(m.first_reading as Date).getTime() : Number.POSITIVE_INFINITY,
    );
    // The day a meter starts on is partial by nature; only whole days are closed here.
    const firstWholeDay =
      dayStartMs(shanghaiDay(firstMs)) === firstMs ? firstMs : dayStartMs(shanghaiDay(firstMs)) + DAY_MS;
    const days = daysBetween(Math.max(firstWholeDay, lastClosed - lookbackDays * DAY_MS), lastClosed);
    if (days.length === 0) continue;
    const have = await db
      .selectFrom('energy_consumption_day')
      .select('day')
      .where('meter_id', '=', m.id)
      .where('day', 'in', days)
      .execute();
    const known = new Set(have.map((h) => h.day));
    const missing = days.filter((d) => !known.has(d));
    if (missing.length === 0) continue;
    const spec = {
      kind: m.kind,
      multiplier: m.multiplier,
      rolloverMax: m.rollover_max,
      intervalS: m.expected_interval_s,
    };
    await recomputeDays(db, m.id, spec, missing, nowMs, { includeEmpty: true });
    written += missing.length;
  }
  return written;
}

/** Rebuilds every bucket of a meter from its readings (after its multiplier, capacity or interval changed). */
export async function recomputeAll(
  db: Kysely<Database>,
  meterId: string,
  spec: MeterSpec,
  nowMs: number,
): Promise<number> {
  const range = await db
    .selectFrom('energy_reading')
    .select((eb) => [eb.fn.min('time').as('first'), eb.fn.max('time').as('last')])
    .where('meter_id', '=', meterId)
    .executeTakeFirst();
  await db.deleteFrom('energy_consumption_slot').where('meter_id', '=', meterId).execute();
  await db.deleteFrom('energy_consumption_day').where('meter_id', '=', meterId).execute();
  if (!range?.first || !range.last) return 0;
  return recomputeConsumption(
    db,
    meterId,
    spec,
    new Date(range.first as Date).getTime(),
    new Date(range.last as Date).getTime(),
    nowMs,
  );
}
