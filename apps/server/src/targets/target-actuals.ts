import type { Numerator } from './intensity-series.js';

/**
 * Where the actual value of a plan target comes from. Plan targets name an indicator code (plans/*.yaml);
 * this maps those codes to regional statistics. `factor` converts the statistic's unit into the plan's
 * (e.g. 10k t → kt is × 10).
 */
export type ActualSource =
  | { kind: 'intensity'; numerator: Numerator }
  | { kind: 'statistic'; indicator: string; unit: string }
  | { kind: 'rate'; numerator: string; denominator: string; fromStock?: string };

export const TARGET_ACTUALS: Readonly<Record<string, ActualSource>> = {
  energy_intensity: { kind: 'intensity', numerator: 'energy' },
  co2_intensity: { kind: 'intensity', numerator: 'co2' },
  energy_total: { kind: 'statistic', indicator: 'energy_total_10k_tce', unit: '10k tce' },
  cod_total: { kind: 'statistic', indicator: 'cod_10k_t', unit: '10k t' },
  nh3n_total: { kind: 'statistic', indicator: 'nh3n_10k_t', unit: '10k t' },
  so2_total: { kind: 'statistic', indicator: 'so2_10k_t', unit: '10k t' },
  nox_total: { kind: 'statistic', indicator: 'nox_10k_t', unit: '10k t' },
  smoke_total: { kind: 'statistic', indicator: 'smoke_10k_t', unit: '10k t' },
  industrial_dust_total: { kind: 'statistic', indicator: 'industrial_dust_10k_t', unit: '10k t' },
  solid_waste_utilization_rate: {
    kind: 'rate',
    numerator: 'solid_waste_utilized_10k_t',
    denominator: 'solid_waste_generated_10k_t',
    fromStock: 'solid_waste_utilized_from_stock_10k_t',
  },
  eep_industry_output: { kind: 'statistic', indicator: 'ep_industry_output_100m_yuan', unit: '100m yuan' },
  industrial_solid_waste_utilization_rate: {
    kind: 'rate',
    numerator: 'solid_waste_utilized_10k_t',
    denominator: 'solid_waste_generated_10k_t',
    fromStock: 'solid_waste_utilized_from_stock_10k_t',
  },
};

/** Unit conversions between plan units and statistic units (plan value = statistic value × factor). */
const UNIT_FACTORS: Record<string, Record<string, number>> = {
  '10k t': { '10k t': 1, kt: 10, t: 10_000, Mt: 0.01, '100m t': 0.0001 },
  '10k tce': { '10k tce': 1, Mtce: 0.01, tce: 10_000, '100m tce': 0.0001 },
  '100m yuan': { '100m yuan': 1, '100 million yuan': 1, 'bn yuan': 0.1, '10k yuan': 10_000 },
};

export function unitFactor(statUnit: string, planUnit: string): number | null {
  return UNIT_FACTORS[statUnit]?.[planUnit] ?? null;
}
