import { isDayValid, isMonthValid } from '@ecep/core';

export interface HourRow {
  factor: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  valid: boolean;
  correctedAvg: number | null;
  loadKg: number | null;
}

export interface DayFactor {
  factor: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  validHours: number;
  valid: boolean;
  correctedAvg: number | null;
  loadKg: number | null;
}

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((s, v) => s + v, 0) / xs.length : null);

/**
 * A day from its hours (HJ 75/76): means over valid hours, valid with ≥ 20 valid hours, load = the sum of the
 * valid hours' loads (invalid hours are left out, not estimated, and the day says how many hours it has).
 */
export function rollupDay(hours: readonly HourRow[]): DayFactor[] {
  const byFactor = new Map<string, HourRow[]>();
  for (const h of hours) byFactor.set(h.factor, [...(byFactor.get(h.factor) ?? []), h]);
  const out: DayFactor[] = [];
  for (const [factor, list] of byFactor) {
    const valid = list.filter((h) => h.valid && h.avg !== null);
    const loads = valid.map((h) => h.loadKg).filter((v): v is number => v !== null);
    const corrected = valid.map((h) => h.correctedAvg).filter((v): v is number => v !== null);
    out.push({
      factor,
      avg: mean(valid.map((h) => h.avg as number)),
      min: valid.length > 0 ? Math.min(...valid.map((h) => h.min ?? (h.avg as number))) : null,
      max: valid.length > 0 ? Math.max(...valid.map((h) => h.max ?? (h.avg as number))) : null,
      validHours: valid.length,
      valid: isDayValid(valid.length),
      correctedAvg: corrected.length === valid.length ? mean(corrected) : null,
      loadKg: loads.length > 0 ? loads.reduce((s, v) => s + v, 0) : null,
    });
  }
  return out;
}

export interface DayRow {
  factor: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  valid: boolean;
  correctedAvg: number | null;
  loadKg: number | null;
}

export interface MonthFactor {
  factor: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  validDays: number;
  valid: boolean;
  correctedAvg: number | null;
  loadKg: number | null;
}

/** A month from its days: valid with ≥ 25 valid days (≥ 23 in February); load = sum over valid days. */
export function rollupMonth(days: readonly DayRow[], month: number): MonthFactor[] {
  const byFactor = new Map<string, DayRow[]>();
  for (const d of days) byFactor.set(d.factor, [...(byFactor.get(d.factor) ?? []), d]);
  const out: MonthFactor[] = [];
  for (const [factor, list] of byFactor) {
    const valid = list.filter((d) => d.valid && d.avg !== null);
    const corrected = valid.map((d) => d.correctedAvg).filter((v): v is number => v !== null);
    const loads = valid.map((d) => d.loadKg).filter((v): v is number => v !== null);
    out.push({
      factor,
      avg: mean(valid.map((d) => d.avg as number)),
      min: valid.length > 0 ? Math.min(...valid.map((d) => d.min ?? (d.avg as number))) : null,
      max: valid.length > 0 ? Math.max(...valid.map((d) => d.max ?? (d.avg as number))) : null,
      validDays: valid.length,
      valid: isMonthValid(valid.length, month),
      correctedAvg: corrected.length === valid.length ? mean(corrected) : null,
      loadKg: loads.length > 0 ? loads.reduce((s, v) => s + v, 0) : null,
    });
  }
  return out;
}
