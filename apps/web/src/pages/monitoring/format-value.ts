/**
 * A measured value for display: at most `digits` decimals (rollup averages carry float noise such as
 * 81.315416666…). Exports keep the stored value.
 */
export function formatValue(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return String(Number(v.toFixed(digits)));
}
