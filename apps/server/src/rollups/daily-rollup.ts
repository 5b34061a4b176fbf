import { isDayValid, isMonthValid } from '@ecep/core';

/** An hourly or daily rollup row of one factor, as the next level up reads it. */
export interface PeriodRow {
  factor: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  valid: boolean;
  correctedAvg: number | null;
  loadKg: number | null;
}
export type HourRow = PeriodRow;
export type DayRow = PeriodRow;

export interface PeriodFactor {
  factor: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  /** Valid hours of a day, or valid days of a month. */
  validParts: number;
  valid: boolean;
  correctedAvg: number | null;
  loadKg: number | null;
}

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((s, v) => s + v, 0) / xs.length : null);

/**
 * One period from its parts: means over valid parts, min/max of them, load = sum over valid parts (invalid
 * parts are left out, not estimated; `validParts` says how many there were), validity by `isValid`.
 */
function rollupPeriod(parts: readonly PeriodRow[], isValid: (validParts: number) => boolean): PeriodFactor[] {
  const byFactor = new Map<string, PeriodRow[]>();
  for (const p of parts) byFactor.set(p.factor, [...(byFactor.get(p.factor) ?? []), p]);
  const out: PeriodFactor[] = [];
  for (const [factor, list] of byFactor) {
    const valid = list.filter((p) => p.valid && p.avg !== null);
    const loads = valid.map((p) => p.loadKg).filter((v): v is number => v !== null);
    const corrected = valid.map((p) => p.correctedAvg).filter((v): v is number => v !== null);
    out.push({
      factor,
      avg: mean(valid.map((p) => p.avg as number)),
      min: valid.length > 0 ? Math.min(...valid.map((p) => p.min ?? (p.avg as number))) : null,
      max: valid.length > 0 ? Math.max(...valid.map((p) => p.max ?? (p.avg as number))) : null,
      validParts: valid.length,
      valid: isValid(valid.length),
      correctedAvg: corrected.length === valid.length ? mean(corrected) : null,
      loadKg: loads.length > 0 ? loads.reduce((s, v) => s + v, 0) : null,
    });
  }
  return out;
}

/** A day from its hours (HJ 75/76): valid with ≥ 20 valid hours. */
export const rollupDay = (hours: readonly HourRow[]) => rollupPeriod(hours, (n) => isDayValid(n));

/** A month from its days: valid with ≥ 25 valid days (≥ 23 in February). */
export const rollupMonth = (days: readonly DayRow[], month: number) =>
  rollupPeriod(days, (n) => isMonthValid(n, month));
