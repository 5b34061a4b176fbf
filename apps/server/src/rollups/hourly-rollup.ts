import { emissionLoadKg, isHourValid, o2Correct } from '@ecep/core';

/** One minute value of one factor, as stored from a 2051 packet. */
export interface MinuteValue {
  factor: string;
  dataTimeMs: number;
  avg: number | null;
  min: number | null;
  max: number | null;
  flag: string | null;
}

export interface DeviceSettings {
  /** Reference O2 (%) of the applicable standard, e.g. 6 for coal-fired boilers; none: no correction. */
  referenceO2Pct?: number;
  /** Emission limits by factor code (mg/m³ or mg/L), compared with the corrected hourly average. */
  limits?: Record<string, number>;
  /** Seconds between minute packets the device is expected to send (offline detection, rates). */
  expectedIntervalS?: number;
  standardProfile?: string;
}

export interface HourFactor {
  factor: string;
  avg: number | null;
  min: number | null;
  max: number | null;
  validMinutes: number;
  receivedMinutes: number;
  valid: boolean;
  correctedAvg: number | null;
  loadKg: number | null;
  /** Minutes by data flag other than N (D fault, C calibration, M maintenance, F stopped…). */
  flagMinutes: Record<string, number>;
  explain: Record<string, unknown>;
}

const O2 = 'a19001';
const GAS_FLOW = 'a00000';
const WATER_FLOW = 'w00000';
/** Flue-gas pollutants whose standards define a reference O2. */
const O2_CORRECTED = new Set(['a21026', 'a21002', 'a21003', 'a21004', 'a34013', 'a21005', 'a21024']);
/** Parameters that are not pollutants: no load. */
const NOT_POLLUTANTS = new Set([
  GAS_FLOW,
  WATER_FLOW,
  O2,
  'a01011',
  'a01012',
  'a01013',
  'a01014',
  'a01901',
  'a01902',
  'w01001',
  'w01010',
]);

/**
 * Magnitudes beyond this (or below its inverse, other than 0) are no measurement: they are treated as invalid,
 * which also keeps the database's float arithmetic (which raises on overflow and underflow) safe.
 */
export const PLAUSIBLE_MAGNITUDE = 1e100;

/** A minute counts when flagged N (HJ 75/76); 2005-style packets without a flag are taken as N. */
const isValidMinute = (m: MinuteValue) =>
  (m.flag ?? 'N') === 'N' &&
  m.avg !== null &&
  (m.avg === 0 || (Math.abs(m.avg) < PLAUSIBLE_MAGNITUDE && Math.abs(m.avg) > 1 / PLAUSIBLE_MAGNITUDE));

/**
 * What an hour of one factor reduces to before any rule is applied: counts, mean/min/max over the valid
 * minutes, and Σc·q and Σq over the valid minutes that have a valid flow at the same minute. The database
 * computes the same figures in one GROUP BY (`minute-aggregates.ts`); this is the in-memory reference.
 */
export interface HourAggregate {
  factor: string;
  hourMs: number;
  receivedMinutes: number;
  validMinutes: number;
  avg: number | null;
  min: number | null;
  max: number | null;
  /** Valid minutes of this factor with a valid flow (a00000 for gas, w00000 for water) at the same minute. */
  flowMinutes: number;
  sumCq: number;
  sumQ: number;
  /** Minutes by data flag other than N (D fault, C calibration, M maintenance, F stopped…). */
  flagMinutes: Record<string, number>;
}

/** The flow factor a pollutant's load is computed with: water codes start with `w`. */
export const flowFactorOf = (factor: string) => (factor.startsWith('w') ? WATER_FLOW : GAS_FLOW);

const HOUR_MS = 3_600_000;

/** Reduces minute values (any hours, any factors of one device) to one aggregate per factor and hour. */
export function aggregateMinutes(minutes: readonly MinuteValue[]): HourAggregate[] {
  const flows = new Map<string, number>();
  for (const m of minutes) {
    if ((m.factor === GAS_FLOW || m.factor === WATER_FLOW) && isValidMinute(m))
      flows.set(`${m.factor}@${m.dataTimeMs}`, m.avg as number);
  }
  const out = new Map<string, HourAggregate>();
  for (const m of minutes) {
    const hourMs = Math.floor(m.dataTimeMs / HOUR_MS) * HOUR_MS;
    const key = `${m.factor}@${hourMs}`;
    let a = out.get(key);
    if (!a) {
      a = {
        factor: m.factor,
        hourMs,
        receivedMinutes: 0,
        validMinutes: 0,
        avg: null,
        min: null,
        max: null,
        flowMinutes: 0,
        sumCq: 0,
        sumQ: 0,
        flagMinutes: {},
      };
      out.set(key, a);
    }
    a.receivedMinutes++;
    const flag = m.flag ?? 'N';
    if (flag !== 'N') a.flagMinutes[flag] = (a.flagMinutes[flag] ?? 0) + 1;
    if (!isValidMinute(m)) continue;
    const v = m.avg as number;
    a.validMinutes++;
    a.avg = (a.avg ?? 0) + v; // the sum until the end
    a.min = Math.min(a.min ?? Number.POSITIVE_INFINITY, m.min ?? v);
    a.max = Math.max(a.max ?? Number.NEGATIVE_INFINITY, m.max ?? v);
    const q = flows.get(`${flowFactorOf(m.factor)}@${m.dataTimeMs}`);
    if (q !== undefined) {
      a.flowMinutes++;
      a.sumCq += v * q;
      a.sumQ += q;
    }
  }
  for (const a of out.values()) if (a.avg !== null) a.avg /= a.validMinutes;
  return [...out.values()];
}

/**
 * Rolls the minute values of one device and one hour up per factor. See `rollupHourAggregates`.
 */
export function rollupHour(minutes: readonly MinuteValue[], settings: DeviceSettings): HourFactor[] {
  return rollupHourAggregates(aggregateMinutes(minutes), settings);
}

/**
 * Applies the rules to the aggregates of one device and one hour: the HJ 75 validity (≥ 45 valid minutes),
 * the O2-corrected mean, and the emission load Σ c·q·Δt — the last two through `@ecep/core`, whose
 * explanations are kept.
 */
export function rollupHourAggregates(
  aggregates: readonly HourAggregate[],
  settings: DeviceSettings,
): HourFactor[] {
  const o2 = aggregates.find((a) => a.factor === O2);
  const o2Avg = o2 && o2.validMinutes > 0 ? o2.avg : null;

  const out: HourFactor[] = [];
  for (const a of aggregates) {
    const factor = a.factor;
    const avg = a.validMinutes > 0 ? a.avg : null;
    const hourValid = isHourValid(a.validMinutes);
    const explain: Record<string, unknown> = {
      validity: `HJ 75-2017: 有效分钟数 ${a.validMinutes} ${hourValid ? '≥' : '<'} 45 → ${hourValid ? '有效小时' : '无效小时'}`,
    };
    let correctedAvg: number | null = null;
    if (
      avg !== null &&
      settings.referenceO2Pct !== undefined &&
      O2_CORRECTED.has(factor) &&
      o2Avg !== null &&
      o2Avg < 21
    ) {
      const r = o2Correct({
        measuredMgPerM3: avg,
        measuredO2Pct: o2Avg,
        referenceO2Pct: settings.referenceO2Pct,
      });
      correctedAvg = r.correctedMgPerM3.toNumber();
      explain.o2Correction = r.explain;
    }
    let loadKg: number | null = null;
    if (!NOT_POLLUTANTS.has(factor) && a.flowMinutes > 0 && a.sumQ > 0) {
      const isWater = factor.startsWith('w');
      // Σ c·q over minutes with both values, written as flow-weighted concentration × mean flow × hours,
      // which equals the sum exactly and lets the core explain one figure per hour.
      // Water: mg/L → mg/m³ (×1000) and L/s → m³/h (×3.6); gas: mg/m³ and m³/s → m³/h (×3600).
      const cFactor = isWater ? 1000 : 1;
      const qFactor = isWater ? 3.6 : 3600;
      const r = emissionLoadKg({
        concentrationMgPerM3: (a.sumCq / a.sumQ) * cFactor,
        flowM3PerH: (a.sumQ / a.flowMinutes) * qFactor,
        hours: a.flowMinutes / 60,
      });
      loadKg = r.loadKg.toNumber();
      explain.load = r.explain;
    }
    const limit = settings.limits?.[factor];
    if (limit !== undefined) explain.limit = limit;
    out.push({
      factor,
      avg,
      min: a.validMinutes > 0 ? a.min : null,
      max: a.validMinutes > 0 ? a.max : null,
      validMinutes: a.validMinutes,
      receivedMinutes: a.receivedMinutes,
      valid: hourValid,
      correctedAvg,
      loadKg,
      flagMinutes: a.flagMinutes,
      explain,
    });
  }
  return out;
}
