import {
  cumulativeChange,
  type Decimal,
  type Explain,
  intensityChange,
  intensityChangeFromValues,
} from '@ecep/core';
import type { StatisticSeries } from './statistic-series.js';

export type ChangeResult =
  | { ok: true; changePct: Decimal; explain: Explain }
  | { ok: false; missing: string[] };

/** What "intensity" means for each intensity target: energy (or CO2) per unit of GDP at comparable prices. */
export const NUMERATOR = { energy: 'energy_total_10k_tce', co2: 'co2_energy_10k_t' } as const;
export type Numerator = keyof typeof NUMERATOR;

/**
 * Year-on-year change of intensity for a region: from the GDP index at comparable prices when present
 * (as the bulletins do), else from comparable GDP of both years at one price base.
 */
export function annualIntensityChange(
  s: StatisticSeries,
  region: string,
  year: number,
  numerator: Numerator = 'energy',
  period = 'Y',
): ChangeResult {
  const ind = NUMERATOR[numerator];
  const e1 = s.get(region, year, ind, period);
  const e0 = s.get(region, year - 1, ind, period);
  const index = s.get(region, year, 'gdp_index', period);
  const missing: string[] = [];
  if (!e1) missing.push(`${region}/${year}/${ind}`);
  if (!e0) missing.push(`${region}/${year - 1}/${ind}`);
  if (e1 && e0 && index) {
    const r = intensityChange({
      energyGrowthPct: e1.div(e0).minus(1).times(100),
      gdpRealGrowthPct: index.minus(100),
    });
    return { ok: true, changePct: r.intensityChangePct, explain: r.explain };
  }
  const g1 = s.get(region, year, 'gdp_comparable_100m_yuan', period);
  const g0 = s.get(region, year - 1, 'gdp_comparable_100m_yuan', period);
  if (e1 && e0 && g1 && g0) {
    const r = intensityChangeFromValues({ energyTce: [e0, e1], gdpComparableYuan10k: [g0, g1] });
    return { ok: true, changePct: r.intensityChangePct, explain: r.explain };
  }
  if (!index && !(g1 && g0)) missing.push(`${region}/${year}/gdp_index`);
  return { ok: false, missing };
}

/** Cumulative change from `baseYear` to `toYear`, chained year by year (never added). */
export function cumulativeIntensityChange(
  s: StatisticSeries,
  region: string,
  baseYear: number,
  toYear: number,
  numerator: Numerator = 'energy',
): ChangeResult & { years?: Array<{ year: number; changePct: string }> } {
  const changes: Decimal[] = [];
  const years: Array<{ year: number; changePct: string }> = [];
  const missing: string[] = [];
  for (let y = baseYear + 1; y <= toYear; y++) {
    const r = annualIntensityChange(s, region, y, numerator);
    if (r.ok) {
      changes.push(r.changePct);
      years.push({ year: y, changePct: r.changePct.toFixed(4) });
    } else missing.push(...r.missing);
  }
  if (missing.length > 0 || changes.length === 0)
    return { ok: false, missing: missing.length ? missing : [`${region}/${baseYear + 1}`] };
  const cum = cumulativeChange({ changesPct: changes });
  return { ok: true, changePct: cum.cumulativeChangePct, explain: cum.explain, years };
}
