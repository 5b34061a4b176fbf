import { Dec, formatGbt8170 } from '@ecep/core';

/**
 * 上传数据质量要求: uploaded ÷ expected ≥ 90 % (重点用能单位能耗在线监测系统; see
 * /work/shared/reference/energy-online-monitoring-and-gbt2589.md §5).
 */
export const COMPLETENESS_THRESHOLD_PCT = '90';

/** Completeness of one day in percent (GB/T 8170, one decimal) and whether it meets the threshold. */
export function completenessPct(received: number, expected: number): { pct: string; ok: boolean } {
  if (expected <= 0) return { pct: '0.0', ok: false };
  const ratio = new Dec(Math.min(received, expected)).div(expected).times(100);
  // Judged on the exact ratio, not the rounded figure: 89.96 % shows as 90.0 but is not enough.
  return { pct: formatGbt8170(ratio, 1), ok: ratio.gte(COMPLETENESS_THRESHOLD_PCT) };
}
