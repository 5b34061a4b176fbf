/**
 * Pure consumption rules for energy meters: from stored readings to 15-minute (or `intervalS`) slots.
 * No clock, no I/O; the repository feeds it readings and stores what it returns.
 *
 * Slots are numbered by `index = time ÷ interval`; slot `n` covers [n·I, (n+1)·I). A reading belongs to the
 * boundary nearest to it (`round(time ÷ I)`), so a counter read at 10:15:02 still closes the 10:00 slot.
 */

export type MeterKind = 'cumulative' | 'interval';
export type SlotStatus = 'ok' | 'gap' | 'reset' | 'rollover' | 'decrease';

export interface MeterSpec {
  kind: MeterKind;
  /** consumption = Δ raw value × multiplier (CT/PT ratio, pulse weight…). */
  multiplier: number;
  /** Raw value at which the register wraps to zero; null when unknown. */
  rolloverMax: number | null;
  intervalS: number;
}

export interface Reading {
  timeMs: number;
  value: number;
}

export interface Slot {
  index: number;
  /** Physical consumption in the meter's unit (after the multiplier); null when unknown (a gap slot). */
  consumption: number | null;
  status: SlotStatus;
  /** When set, `consumption` is the whole gap [spanStartIndex·I, (index+1)·I), booked on this slot. */
  spanStartIndex: number | null;
}

/**
 * A drop to below this share of the previous value (without a rollover) is a counter reset (meter replaced
 * or cleared): the new counter starts from 0. A smaller drop is a correction or read noise: it is booked as
 * the (negative) difference and marked `decrease`, so sums over longer periods still equal last − first and
 * every pair of readings is judged on its own (which keeps results independent of arrival order).
 */
export const RESET_RATIO = 0.5;

/** The boundary index nearest to an instant. */
export const boundaryIndex = (timeMs: number, intervalMs: number) => Math.round(timeMs / intervalMs);

const STATUS_RANK: Record<SlotStatus, number> = { ok: 0, gap: 1, decrease: 2, rollover: 3, reset: 4 };

interface Delta {
  amount: number;
  status: SlotStatus;
}

/** The counter difference from `previous` to `value`, with reset, rollover and decrease handled. */
export function counterDelta(previous: number, value: number, rolloverMax: number | null): Delta {
  if (value >= previous) return { amount: value - previous, status: 'ok' };
  if (rolloverMax !== null && previous - value > rolloverMax / 2) {
    return { amount: rolloverMax - previous + value, status: 'rollover' };
  }
  if (value < previous * RESET_RATIO) return { amount: value, status: 'reset' };
  return { amount: value - previous, status: 'decrease' };
}

/**
 * Computes the slots the readings determine. `readings` must be sorted by time with unique times.
 * - cumulative: each consecutive pair books its difference on the slot that ends at the later reading;
 *   when slots lie between them (missing readings), those slots are marked `gap` with no consumption and
 *   the whole difference is booked on the last slot with `spanStartIndex` — never spread silently.
 * - interval: each reading is the consumption of the slot it starts; slots between readings are gaps.
 * Returns slots sorted by index; several readings in one slot are summed.
 */
export function computeSlots(spec: MeterSpec, readings: readonly Reading[]): Slot[] {
  const intervalMs = spec.intervalS * 1000;
  const slots = new Map<number, Slot>();
  const book = (index: number, amount: number | null, status: SlotStatus, spanStart: number | null) => {
    const s = slots.get(index);
    if (!s) {
      slots.set(index, { index, consumption: amount, status, spanStartIndex: spanStart });
      return;
    }
    if (amount !== null) s.consumption = (s.consumption ?? 0) + amount;
    if (STATUS_RANK[status] > STATUS_RANK[s.status]) s.status = status;
    if (spanStart !== null) s.spanStartIndex = Math.min(s.spanStartIndex ?? spanStart, spanStart);
  };
  if (spec.kind === 'interval') {
    let previous: number | null = null;
    for (const r of readings) {
      const n = boundaryIndex(r.timeMs, intervalMs);
      if (previous !== null) for (let i = previous + 1; i < n; i++) book(i, null, 'gap', null);
      book(n, Math.max(0, r.value) * spec.multiplier, 'ok', null);
      previous = n;
    }
  } else {
    let previous: number | null = null;
    let previousIndex = 0;
    for (const r of readings) {
      const n = boundaryIndex(r.timeMs, intervalMs);
      if (previous !== null) {
        const d = counterDelta(previous, r.value, spec.rolloverMax);
        const isGap = n - previousIndex >= 2;
        for (let i = previousIndex; i < n - 1; i++) book(i, null, 'gap', null);
        book(n - 1, d.amount * spec.multiplier, d.status, isGap ? previousIndex : null);
      }
      previous = r.value;
      previousIndex = n;
    }
  }
  return [...slots.values()].sort((a, b) => a.index - b.index);
}

/** Whether a slot lacks its own measurement: inside a gap, or the end of a gap span. */
export const isGapSlot = (s: Pick<Slot, 'status' | 'spanStartIndex'>) =>
  s.status === 'gap' || s.spanStartIndex !== null;

export interface RecomputeWindow {
  /** First and last slot index to replace (inclusive). */
  fromIndex: number;
  toIndex: number;
  /** Load the readings with time in [loadFromMs, loadToMs), plus the one reading just before. */
  loadFromMs: number;
  loadToMs: number;
}

/**
 * The slots that new or changed readings in [minMs, maxMs] can affect, given the stored neighbours just
 * outside (`previousMs` before `minMs`, `nextMs` after `maxMs`; null when none). Replacing exactly these
 * slots with {@link computeSlots} over the loaded readings gives the same result in any arrival order.
 */
export function recomputeWindow(
  spec: Pick<MeterSpec, 'kind' | 'intervalS'>,
  minMs: number,
  maxMs: number,
  previousMs: number | null,
  nextMs: number | null,
): RecomputeWindow {
  const intervalMs = spec.intervalS * 1000;
  const lo = boundaryIndex(previousMs ?? minMs, intervalMs);
  const hi = boundaryIndex(nextMs ?? maxMs, intervalMs);
  // Cumulative pairs book on the slot before the later reading; interval readings on their own slot.
  const shift = spec.kind === 'cumulative' ? 1 : 0;
  return {
    fromIndex: lo - shift,
    toIndex: hi - shift,
    loadFromMs: (lo - 0.5) * intervalMs,
    loadToMs: (hi + 0.5) * intervalMs,
  };
}
