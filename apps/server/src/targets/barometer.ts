import type { BarometerRow } from '@ecep/contract';
import {
  Dec,
  type Decimal,
  type Explain,
  formatGbt8170,
  intensityWarningLevel,
  totalWarningLevel,
} from '@ecep/core';
import { annualIntensityChange } from './intensity-series.js';
import type { StatisticSeries } from './statistic-series.js';

export interface BarometerRequirement {
  /** Required year-on-year intensity change, % (negative = reduction). */
  requiredChangePct: Decimal;
  /** Where the requirement came from, shown with the figure. */
  basis: string;
  /** Yearly allowance for the increase of total energy use, 10k tce; null when no total target exists. */
  incrementAllowance10kTce: Decimal | null;
}

/**
 * The 晴雨表 for one region and period: intensity level by the NDRC rule (rose → 1; fell less than
 * required → 2; else 3), and the total level (inferred rule) when a total allowance is known.
 */
export function barometerRow(
  s: StatisticSeries,
  region: { code: string; name: string },
  year: number,
  period: string,
  req: BarometerRequirement | null,
): BarometerRow {
  const row: BarometerRow = {
    regionCode: region.code,
    regionName: region.name,
    year,
    period,
    energyGrowthPct: null,
    gdpGrowthPct: null,
    intensityChangePct: null,
    requiredChangePct: req ? formatGbt8170(req.requiredChangePct, 2) : null,
    requirementBasis: req?.basis ?? null,
    intensityLevel: null,
    intensityColor: null,
    intensityLabelZh: null,
    totalLevel: null,
    totalColor: null,
    totalLabelZh: null,
    missing: [],
    explain: null,
  };
  const e1 = s.get(region.code, year, 'energy_total_10k_tce', period);
  const e0 = s.get(region.code, year - 1, 'energy_total_10k_tce', period);
  const idx = s.get(region.code, year, 'gdp_index', period);
  if (e1 && e0) row.energyGrowthPct = formatGbt8170(e1.div(e0).minus(1).times(100), 2);
  if (idx) row.gdpGrowthPct = formatGbt8170(idx.minus(100), 2);
  const change = annualIntensityChange(s, region.code, year, 'energy', period);
  if (!change.ok) return { ...row, missing: change.missing };
  row.intensityChangePct = formatGbt8170(change.changePct, 2);
  if (!req) return { ...row, missing: ['requirement'], explain: change.explain };
  const level = intensityWarningLevel(change.changePct, req.requiredChangePct);
  row.intensityLevel = level.level;
  row.intensityColor = level.color;
  row.intensityLabelZh = level.labelZh;
  const explain: Explain = {
    formula: `${change.explain.formula}; ${level.explain.formula}`,
    inputs: { ...change.explain.inputs, ...level.explain.inputs, requirementBasis: req.basis },
    notes: [...(change.explain.notes ?? []), ...(level.explain.notes ?? [])],
  };
  if (req.incrementAllowance10kTce && e1 && e0) {
    // Part-year periods compare with the share of the annual allowance (H1 = 1/2, Q1 = 1/4 …).
    const share =
      period === 'Y' ? new Dec(1) : period === 'H1' ? new Dec(0.5) : new Dec(Number(period.slice(1)) / 4);
    const total = totalWarningLevel({
      energyIncrementTce: e1.minus(e0).times(10_000),
      incrementAllowanceTce: req.incrementAllowance10kTce.times(10_000).times(share),
    });
    row.totalLevel = total.level;
    row.totalColor = total.color;
    row.totalLabelZh = total.labelZh;
    explain.notes = [
      ...(explain.notes ?? []),
      `total: ${total.explain.formula}`,
      ...(total.explain.notes ?? []),
    ];
  }
  return { ...row, explain };
}
