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

/** A minute counts when flagged N (HJ 75/76); 2005-style packets without a flag are taken as N. */
const isValidMinute = (m: MinuteValue) => (m.flag ?? 'N') === 'N' && m.avg !== null && Number.isFinite(m.avg);

/**
 * Rolls the minute values of one device and one hour up per factor: mean of valid minutes, min, max, the
 * HJ 75 validity (≥ 45 valid minutes), the O2-corrected mean, and the emission load Σ c·q·Δt — the last two
 * through `@ecep/core`, whose explanations are kept.
 */
export function rollupHour(minutes: readonly MinuteValue[], settings: DeviceSettings): HourFactor[] {
  const byFactor = new Map<string, MinuteValue[]>();
  for (const m of minutes) {
    const list = byFactor.get(m.factor);
    if (list) list.push(m);
    else byFactor.set(m.factor, [m]);
  }
  const validOf = (code: string) => (byFactor.get(code) ?? []).filter(isValidMinute);
  const o2Minutes = validOf(O2);
  const o2Avg =
    o2Minutes.length > 0 ? o2Minutes.reduce((s, m) => s + (m.avg as number), 0) / o2Minutes.length : null;
  const gasFlow = new Map(validOf(GAS_FLOW).map((m) => [m.dataTimeMs, m.avg as number]));
  const waterFlow = new Map(validOf(WATER_FLOW).map((m) => [m.dataTimeMs, m.avg as number]));

  const out: HourFactor[] = [];
  for (const [factor, list] of byFactor) {
    const valid = list.filter(isValidMinute);
    const values = valid.map((m) => m.avg as number);
    const avg = values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : null;
    const mins = valid.map((m) => m.min ?? (m.avg as number));
    const maxs = valid.map((m) => m.max ?? (m.avg as number));
    const hourValid = isHourValid(valid.length);
    const explain: Record<string, unknown> = {
      validity: `HJ 75-2017: 有效分钟数 ${valid.length} ${hourValid ? '≥' : '<'} 45 → ${hourValid ? '有效小时' : '无效小时'}`,
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
    if (!NOT_POLLUTANTS.has(factor) && valid.length > 0) {
      const isWater = factor.startsWith('w');
      const flows = isWater ? waterFlow : gasFlow;
      // Σ c·q over minutes with both values, written as flow-weighted concentration × mean flow × hours,
      // which equals the sum exactly and lets the core explain one figure per hour.
      let sumCq = 0;
      let sumQ = 0;
      let n = 0;
      for (const m of valid) {
        const q = flows.get(m.dataTimeMs);
        if (q === undefined) continue;
        sumCq += (m.avg as number) * q;
        sumQ += q;
        n++;
      }
      if (n > 0 && sumQ > 0) {
        // Water: mg/L → mg/m³ (×1000) and L/s → m³/h (×3.6); gas: mg/m³ and m³/s → m³/h (×3600).
        const cFactor = isWater ? 1000 : 1;
        const qFactor = isWater ? 3.6 : 3600;
        const r = emissionLoadKg({
          concentrationMgPerM3: (sumCq / sumQ) * cFactor,
          flowM3PerH: (sumQ / n) * qFactor,
          hours: n / 60,
        });
        loadKg = r.loadKg.toNumber();
        explain.load = r.explain;
      }
    }
    const flagMinutes: Record<string, number> = {};
    for (const m of list) {
      const flag = m.flag ?? 'N';
      if (flag !== 'N') flagMinutes[flag] = (flagMinutes[flag] ?? 0) + 1;
    }
    const limit = settings.limits?.[factor];
    if (limit !== undefined) explain.limit = limit;
    out.push({
      factor,
      avg,
      min: mins.length > 0 ? Math.min(...mins) : null,
      max: maxs.length > 0 ? Math.max(...maxs) : null,
      validMinutes: valid.length,
      receivedMinutes: list.length,
      valid: hourValid,
      correctedAvg,
      loadKg,
      flagMinutes,
      explain,
    });
  }
  return out;
}
