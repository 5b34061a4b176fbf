import { Dec, type Decimal, formatGbt8170 } from '@ecep/core';

/** Pollutants whose totals the plans cap (SO2, NOx, particulate, COD, NH3-N), by HJ 212-2017 code. */
export const TOTAL_FACTORS: Record<string, string> = {
  a21026: '二氧化硫',
  a21002: '氮氧化物',
  a34013: '颗粒物（烟尘）',
  w01018: '化学需氧量',
  w21003: '氨氮',
};

export const ESTIMATE_METHOD =
  '无效或缺失日的排放量按同一排放口同一因子本期有效日的日均排放量替代（均值替代法，参照 HJ 75-2017 缺失数据处理）；本期无有效日时不估算并标明';

export interface DayLoad {
  day: string;
  valid: boolean;
  loadKg: number | null;
}

export interface FactorTotal {
  measuredKg: Decimal;
  estimatedKg: Decimal | null;
  validDays: number;
  invalidDays: number;
  missingDays: number;
}

/**
 * The emission of one outlet and factor over `expectedDays` days: valid days' loads as measured, the other days
 * (invalid or with no data) estimated by the mean valid daily load.
 */
export function outletTotal(days: readonly DayLoad[], expectedDays: number): FactorTotal {
  const valid = days.filter((d) => d.valid && d.loadKg !== null);
  const measuredKg = valid.reduce((acc, d) => acc.plus(d.loadKg as number), new Dec(0));
  const invalidDays = days.length - valid.length;
  const missingDays = Math.max(expectedDays - days.length, 0);
  const toEstimate = invalidDays + missingDays;
  const estimatedKg =
    toEstimate === 0
      ? new Dec(0)
      : valid.length === 0
        ? null
        : measuredKg.div(valid.length).times(toEstimate);
  return { measuredKg, estimatedKg, validDays: valid.length, invalidDays, missingDays };
}

export interface TotalCell {
  measuredT: string;
  estimatedT: string | null;
  totalT: string | null;
  validDays: number;
  invalidDays: number;
  missingDays: number;
  outlets: number;
  outletsWithoutEstimate: number;
}

/** Sums outlet totals into a group (enterprise, city, province); tonnes rounded per GB/T 8170 to 4 places. */
export function sumTotals(parts: readonly FactorTotal[]): TotalCell {
  const measured = parts.reduce((acc, p) => acc.plus(p.measuredKg), new Dec(0));
  const withoutEstimate = parts.filter((p) => p.estimatedKg === null).length;
  const estimated = parts.reduce((acc, p) => acc.plus(p.estimatedKg ?? 0), new Dec(0));
  return {
    measuredT: formatGbt8170(measured.div(1000), 4),
    estimatedT: formatGbt8170(estimated.div(1000), 4),
    totalT:
      withoutEstimate > 0 && parts.length === withoutEstimate
        ? null
        : formatGbt8170(measured.plus(estimated).div(1000), 4),
    validDays: parts.reduce((a, p) => a + p.validDays, 0),
    invalidDays: parts.reduce((a, p) => a + p.invalidDays, 0),
    missingDays: parts.reduce((a, p) => a + p.missingDays, 0),
    outlets: parts.length,
    outletsWithoutEstimate: withoutEstimate,
  };
}

/** The Asia/Shanghai days of a period (`YYYY` or `YYYY-MM`) up to and including `today`. */
export function periodDays(period: string, today: string): string[] {
  const year = Number(period.slice(0, 4));
  const months =
    period.length === 7 ? [Number(period.slice(5, 7))] : Array.from({ length: 12 }, (_, i) => i + 1);
  const days: string[] = [];
  for (const m of months) {
    const n = new Date(Date.UTC(year, m, 0)).getUTCDate();
    for (let d = 1; d <= n; d++) {
      const day = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (day <= today) days.push(day);
    }
  }
  return days;
}
