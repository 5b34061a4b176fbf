import type { ConsumptionItem, EnergyMeter, EnergyPeriodTotal, MeterCompletenessDay } from '@ecep/contract';

/** Local dates of the platform are Asia/Shanghai (UTC+8, no daylight saving), whatever the browser's zone. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const SLOT_MS = 15 * 60_000;

/** `YYYY-MM-DD` of the Shanghai day holding `ms`. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai day starts. */
export function shanghaiDayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** `day` moved by `n` whole days. */
export function addDays(day: string, n: number): string {
  return shanghaiDay(shanghaiDayStartMs(day) + n * DAY_MS);
}

/** `YYYY-MM` moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The query range of Shanghai days `fromDay` … `toDay` (both included), as instants with +08:00. */
export function dayRange(fromDay: string, toDay: string): { from: string; to: string } {
  return { from: `${fromDay}T00:00:00+08:00`, to: `${addDays(toDay, 1)}T00:00:00+08:00` };
}

/** The query range of months `fromMonth` … `toMonth` (both included). */
export function monthRange(fromMonth: string, toMonth: string): { from: string; to: string } {
  return { from: `${fromMonth}-01T00:00:00+08:00`, to: `${addMonths(toMonth, 1)}-01T00:00:00+08:00` };
}

/**
 * How a 15-min slot of the load curve is shown:
 * - `ok`: its own measured consumption;
 * - `gap-span`: the consumption of a preceding gap booked here (readings resumed), so it is not a load;
 * - `gap`: no reading closed the slot, so no consumption is known;
 * - `pending`: the slot has not ended yet, nothing is missing.
 */
export type SlotState = 'ok' | 'gap-span' | 'gap' | 'pending';

export interface LoadSlot {
  /** `HH:mm`, Shanghai. */
  time: string;
  startMs: number;
  value: number | null;
  state: SlotState;
  marks: string[];
  energyTce: string | null;
}

/**
 * The 96 slots of a Shanghai day from the 15-min items of one meter, each with its state. Slots the answer
 * leaves out count as gaps once they have ended; a slot still running when `nowMs` is read is pending.
 */
export function loadSlots(day: string, items: readonly ConsumptionItem[], nowMs: number): LoadSlot[] {
  const byStart = new Map<number, ConsumptionItem>();
  for (const item of items) byStart.set(Date.parse(item.periodStart), item);
  const dayStart = shanghaiDayStartMs(day);
  const slots: LoadSlot[] = [];
  for (let i = 0; i < 96; i++) {
    const startMs = dayStart + i * SLOT_MS;
    const item = byStart.get(startMs);
    const value = item?.consumptionPhysical == null ? null : Number(item.consumptionPhysical);
    const marks = item?.marks ?? [];
    let state: SlotState;
    if (value === null) state = startMs + SLOT_MS > nowMs ? 'pending' : 'gap';
    else if (marks.includes('gap-span')) state = 'gap-span';
    else state = 'ok';
    slots.push({
      time: `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
      startMs,
      value,
      state,
      marks,
      energyTce: item?.energyTce ?? null,
    });
  }
  return slots;
}

/** Counts of the slot states of a day, for the curve's caption. */
export function countSlots(slots: readonly LoadSlot[]): Record<SlotState, number> {
  const counts: Record<SlotState, number> = { ok: 0, 'gap-span': 0, gap: 0, pending: 0 };
  for (const s of slots) counts[s.state]++;
  return counts;
}

/** A completeness day: `ok` (≥ 90 %), `low` (a closed day below 90 %, which raises an alarm) or `open` (today, still filling). */
export type CompletenessLevel = 'ok' | 'low' | 'open';

export function completenessLevel(day: Pick<MeterCompletenessDay, 'ok' | 'closed'>): CompletenessLevel {
  if (day.ok) return 'ok';
  return day.closed ? 'low' : 'open';
}

export const COMPLETENESS_COLORS: Record<CompletenessLevel, string> = {
  ok: '#52c41a',
  low: '#f5222d',
  open: '#1677ff',
};

export const COMPLETENESS_LABELS: Record<CompletenessLevel, string> = {
  ok: '达标（≥ 90 %）',
  low: '不达标（< 90 %）',
  open: '当日进行中',
};

export interface EnterpriseMeters {
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  meters: number;
  activeMeters: number;
  energyCodes: string[];
}

/** The enterprises of a meter list, each with its meter count and energies, by name. */
export function groupMetersByEnterprise(meters: readonly EnergyMeter[]): EnterpriseMeters[] {
  const map = new Map<string, EnterpriseMeters>();
  for (const m of meters) {
    let e = map.get(m.enterpriseId);
    if (!e) {
      e = {
        enterpriseId: m.enterpriseId,
        enterpriseName: m.enterpriseName,
        regionCode: m.regionCode,
        meters: 0,
        activeMeters: 0,
        energyCodes: [],
      };
      map.set(m.enterpriseId, e);
    }
    e.meters++;
    if (m.active) e.activeMeters++;
    if (!e.energyCodes.includes(m.energyCode)) e.energyCodes.push(m.energyCode);
  }
  for (const e of map.values()) e.energyCodes.sort();
  return [...map.values()].sort((a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'));
}

/** The last slot with a known consumption, if any (the meter's latest 15-min figure). */
export function lastKnownSlot(slots: readonly LoadSlot[]): LoadSlot | null {
  for (let i = slots.length - 1; i >= 0; i--) {
    const s = slots[i];
    if (s && s.value !== null) return s;
  }
  return null;
}

export interface EnergyColumn {
  key: string;
  energyCode: string;
  nameZh: string;
  unit: string;
}

/** The figures of energy `c` in period `p`, if it had any. */
export function energyCell(
  p: EnergyPeriodTotal,
  c: EnergyColumn,
): EnergyPeriodTotal['byEnergy'][number] | undefined {
  return p.byEnergy.find((e) => e.energyCode === c.energyCode && e.unit === c.unit);
}

/** The energy types present in a report, in a stable order, each with its unit. */
export function energyColumns(items: readonly EnergyPeriodTotal[]): EnergyColumn[] {
  const map = new Map<string, EnergyColumn>();
  for (const p of items) {
    for (const e of p.byEnergy) {
      const key = `${e.energyCode}|${e.unit}`;
      if (!map.has(key)) map.set(key, { key, energyCode: e.energyCode, nameZh: e.nameZh, unit: e.unit });
    }
  }
  return [...map.values()].sort((a, b) => a.key.localeCompare(b.key));
}
