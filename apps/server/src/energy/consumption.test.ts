import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeSlots,
  counterDelta,
  isGapSlot,
  type MeterSpec,
  type Reading,
  recomputeWindow,
  type Slot,
} from './consumption.js';

const I = 900_000;
const T0 = Date.UTC(2026, 10, 24, 16); // 2026-11-25 00:00 Beijing
const counter: MeterSpec = { kind: 'cumulative', multiplier: 1, rolloverMax: null, intervalS: 900 };
const at = (slot: number, value: number): Reading => ({ timeMs: T0 + slot * I, value });
const sum = (slots: readonly Slot[]) => slots.reduce((s, x) => s + (x.consumption ?? 0), 0);
const idx = (slot: number) => T0 / I + slot;

/** A store that recomputes only the window around each batch, as the repository does. */
function incremental(spec: MeterSpec, batches: readonly (readonly Reading[])[]) {
  const readings = new Map<number, number>();
  const slots = new Map<number, Slot>();
  for (const batch of batches) {
    if (batch.length === 0) continue;
    for (const r of batch) readings.set(r.timeMs, r.value);
    const times = batch.map((r) => r.timeMs);
    const minMs = Math.min(...times);
    const maxMs = Math.max(...times);
    const stored = [...readings.keys()].sort((a, b) => a - b);
    const previous = stored.filter((t) => t < minMs).at(-1) ?? null;
    const next = stored.find((t) => t > maxMs) ?? null;
    const w = recomputeWindow(spec, minMs, maxMs, previous, next);
    const before = stored.filter((t) => t < w.loadFromMs).at(-1);
    const loaded = stored
      .filter((t) => (t >= w.loadFromMs && t < w.loadToMs) || t === before)
      .map((t) => ({ timeMs: t, value: readings.get(t) as number }));
    for (const k of [...slots.keys()]) if (k >= w.fromIndex && k <= w.toIndex) slots.delete(k);
    for (const s of computeSlots(spec, loaded)) {
      if (s.index >= w.fromIndex && s.index <= w.toIndex) slots.set(s.index, s);
    }
  }
  return [...slots.values()].sort((a, b) => a.index - b.index);
}

describe('counter differences', () => {
  it('books each difference on the slot that the later reading closes', () => {
    const slots = computeSlots(counter, [at(0, 100), at(1, 112.5), at(2, 130)]);
    expect(slots.map((s) => [s.index - idx(0), s.consumption, s.status])).toEqual([
      [0, 12.5, 'ok'],
      [1, 17.5, 'ok'],
    ]);
  });

  it('applies the multiplier to every difference', () => {
    const slots = computeSlots({ ...counter, multiplier: 200 }, [at(0, 10), at(1, 10.5)]);
    expect(slots[0]?.consumption).toBe(100);
  });

  it('assigns a reading a few seconds late to the boundary it belongs to', () => {
    const slots = computeSlots(counter, [at(0, 1), { timeMs: T0 + I + 4000, value: 3 }]);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ index: idx(0), consumption: 2, status: 'ok' });
  });

  it('treats a drop near the counter capacity as a rollover and adds the capacity', () => {
    const d = counterDelta(99_990, 15, 100_000);
    expect(d).toEqual({ amount: 25, status: 'rollover' });
  });

  it('treats a drop far below the previous value as a reset to a new counter from zero', () => {
    expect(counterDelta(5_000, 40, null)).toEqual({ amount: 40, status: 'reset' });
    // A capacity is configured but the drop is not near it: still a reset.
    expect(counterDelta(5_000, 40, 1_000_000).status).toBe('reset');
  });

  it('books a small backward step as a marked negative difference, so the day still sums to last minus first', () => {
    const slots = computeSlots(counter, [at(0, 1000), at(1, 999), at(2, 1001)]);
    expect(slots.map((s) => [s.consumption, s.status])).toEqual([
      [-1, 'decrease'],
      [2, 'ok'],
    ]);
    expect(sum(slots)).toBe(1);
  });

  it('marks the slots of a gap and books the consumption over the gap on its last slot', () => {
    const slots = computeSlots(counter, [at(0, 0), at(1, 10), at(5, 50)]);
    expect(slots.map((s) => [s.index - idx(0), s.consumption, s.status, s.spanStartIndex])).toEqual([
      [0, 10, 'ok', null],
      [1, null, 'gap', null],
      [2, null, 'gap', null],
      [3, null, 'gap', null],
      [4, 40, 'ok', idx(1)],
    ]);
    expect(slots.filter(isGapSlot)).toHaveLength(4);
  });

  it('marks missing slots of an interval meter as gaps without inventing consumption', () => {
    const spec: MeterSpec = { ...counter, kind: 'interval', multiplier: 2 };
    const slots = computeSlots(spec, [at(0, 5), at(3, 7)]);
    expect(slots.map((s) => [s.index - idx(0), s.consumption, s.status])).toEqual([
      [0, 10, 'ok'],
      [1, null, 'gap'],
      [2, null, 'gap'],
      [3, 14, 'ok'],
    ]);
  });
});

/** Strictly increasing slot positions (with holes) and counter steps of at least `minStep` eighths. */
const series = (minStep: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: minStep, max: 10_000 })), {
      minLength: 2,
      maxLength: 60,
    })
    .map((steps) => {
      let slot = 0;
      let value = 1000;
      return steps.map(([ds, dv]) => {
        slot += ds;
        value += dv / 8; // exact binary fractions: sums compare exactly
        return at(slot, value);
      });
    });
const monotoneSeries = series(0);
/** Small backward steps (corrections) among the increases. */
const noisySeries = series(-40);

describe('consumption properties', () => {
  it('sums the 15-min consumption of a monotone counter to last minus first', () => {
    fc.assert(
      fc.property(monotoneSeries, fc.constantFrom(1, 2, 40), (readings, multiplier) => {
        const slots = computeSlots({ ...counter, multiplier }, readings);
        const first = readings[0] as Reading;
        const last = readings.at(-1) as Reading;
        expect(sum(slots)).toBe((last.value - first.value) * multiplier);
      }),
    );
  });

  it('gives the same slots whatever the order, batching and resending of readings, corrections included', () => {
    fc.assert(
      fc.property(
        noisySeries.chain((readings) =>
          fc.tuple(
            fc.constant(readings),
            fc.shuffledSubarray(readings, { minLength: readings.length, maxLength: readings.length }),
            fc.array(fc.integer({ min: 1, max: 5 }), { minLength: readings.length }),
          ),
        ),
        fc.constantFrom<MeterSpec['kind']>('cumulative', 'interval'),
        ([readings, arrival, sizes], kind) => {
          const spec = { ...counter, kind };
          const batches: Reading[][] = [];
          let i = 0;
          for (const size of sizes) {
            if (i >= arrival.length) break;
            batches.push(arrival.slice(i, i + size));
            i += size;
          }
          // Duplicates (a resend of the first batch) change nothing either.
          batches.push(batches[0] ?? []);
          expect(incremental(spec, batches)).toEqual(computeSlots(spec, readings));
        },
      ),
    );
  });

  it('gives the same slots in any arrival order when the counter resets and rolls over', () => {
    const spec: MeterSpec = { ...counter, rolloverMax: 10_000 };
    const readings = [at(0, 9_000), at(1, 9_900), at(2, 50), at(3, 400), at(6, 10), at(7, 30), at(8, 29)];
    fc.assert(
      fc.property(fc.shuffledSubarray(readings, { minLength: 7, maxLength: 7 }), (arrival) => {
        expect(
          incremental(
            spec,
            arrival.map((r) => [r]),
          ),
        ).toEqual(computeSlots(spec, readings));
      }),
    );
    const slots = computeSlots(spec, readings);
    expect(slots.map((s) => s.status)).toEqual([
      'ok',
      'rollover',
      'ok',
      'gap',
      'gap',
      'reset',
      'ok',
      'decrease',
    ]);
    expect(sum(slots)).toBe(900 + 150 + 350 + 10 + 20 - 1);
  });
});
