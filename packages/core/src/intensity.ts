import { CalcError, pointer } from './calc-error.js';
import { type Decimal, type DecimalInput, plain } from './decimal.js';
import type { Explain } from './explain.js';
import { changePct, nonNegative, positive } from './guards.js';

const COMPARABLE_NOTE =
  'GDP at comparable (constant) prices of the plan’s base year; growth from the GDP index, not nominal GDP.';

export interface EnergyIntensityResult {
  intensityTcePerYuan10k: Decimal;
  explain: Explain;
}

/**
 * 万元GDP能耗: energy per 10 000 yuan of GDP at comparable prices.
 *
 * @example
 * energyIntensity({ energyTce: 2235, gdpComparableYuan10k: 1000 }).intensityTcePerYuan10k.toFixed(); // '2.235'
 */
export function energyIntensity(input: {
  energyTce: DecimalInput;
  gdpComparableYuan10k: DecimalInput;
}): EnergyIntensityResult {
  const energy = nonNegative(input.energyTce, '/energyTce', 'energyTce');
  const gdp = positive(input.gdpComparableYuan10k, '/gdpComparableYuan10k', 'gdpComparableYuan10k');
  return {
    intensityTcePerYuan10k: energy.div(gdp),
    explain: {
      formula: 'intensity (tce/10^4 yuan) = energyTce ÷ gdpComparableYuan10k',
      inputs: { energyTce: plain(energy), gdpComparableYuan10k: plain(gdp) },
      notes: [COMPARABLE_NOTE],
    },
  };
}

export interface IntensityChangeResult {
  /** Signed year-on-year change in %, negative = intensity fell. */
  intensityChangePct: Decimal;
  explain: Explain;
}

/**
 * Year-on-year change of energy intensity from growth rates:
 * `r = (1 + gE) / (1 + gGDP,real) − 1`.
 *
 * @example
 * // Shanxi 2020: energy +0.6 %, real GDP +3.6 % → −2.90 % (published −2.88 %)
 * intensityChange({ energyGrowthPct: 0.6, gdpRealGrowthPct: 3.6 }).intensityChangePct.toFixed(2); // '-2.90'
 */
export function intensityChange(input: {
  energyGrowthPct: DecimalInput;
  gdpRealGrowthPct: DecimalInput;
}): IntensityChangeResult {
  const gE = changePct(input.energyGrowthPct, '/energyGrowthPct', 'energyGrowthPct');
  const gG = changePct(input.gdpRealGrowthPct, '/gdpRealGrowthPct', 'gdpRealGrowthPct');
  const r = gE.div(100).plus(1).div(gG.div(100).plus(1)).minus(1);
  return {
    intensityChangePct: r.times(100),
    explain: {
      formula: 'intensityChangePct = ((1 + energyGrowthPct/100) ÷ (1 + gdpRealGrowthPct/100) − 1) × 100',
      inputs: { energyGrowthPct: plain(gE), gdpRealGrowthPct: plain(gG) },
      notes: [COMPARABLE_NOTE, 'Chained, never subtracted: r ≠ gE − gGDP.'],
    },
  };
}

/** Reads [previous, current]; the previous value divides, so it must be > 0. */
function pair(value: readonly DecimalInput[], path: string, name: string): readonly [Decimal, Decimal] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new CalcError('CALC_INVALID_INPUT', `expected ${name} as [previous, current]`, path);
  }
  const current = name === 'energyTce' ? nonNegative : positive;
  return [
    positive(value[0], pointer(path, 0), `${name} of the previous year`),
    current(value[1], pointer(path, 1), `${name} of the current year`),
  ];
}

/**
 * Year-on-year change of energy intensity from absolute values:
 * `r = (E_t / GDP_t) ÷ (E_t−1 / GDP_t−1) − 1`, GDP at comparable prices.
 *
 * @example
 * intensityChangeFromValues({ energyTce: [1000, 1006], gdpComparableYuan10k: [1000, 1036] })
 *   .intensityChangePct.toFixed(2); // '-2.90'
 */
export function intensityChangeFromValues(input: {
  energyTce: readonly DecimalInput[];
  gdpComparableYuan10k: readonly DecimalInput[];
}): IntensityChangeResult {
  const [e0, e1] = pair(input.energyTce, '/energyTce', 'energyTce');
  const [g0, g1] = pair(input.gdpComparableYuan10k, '/gdpComparableYuan10k', 'gdpComparableYuan10k');
  const i0 = e0.div(g0);
  const i1 = e1.div(g1);
  return {
    intensityChangePct: i1.div(i0).minus(1).times(100),
    explain: {
      formula: 'intensityChangePct = ((E1 ÷ GDP1) ÷ (E0 ÷ GDP0) − 1) × 100',
      inputs: {
        E0: plain(e0),
        E1: plain(e1),
        GDP0: plain(g0),
        GDP1: plain(g1),
        intensity0: i0.toSignificantDigits(12).toFixed(),
        intensity1: i1.toSignificantDigits(12).toFixed(),
      },
      notes: [COMPARABLE_NOTE],
    },
  };
}

export interface IntensityTargetResult {
  targetIntensity: Decimal;
  explain: Explain;
}

/**
 * Target intensity from a base-year intensity and a signed target change.
 *
 * @example
 * intensityTarget({ baseIntensity: 2.235, targetChangePct: -16 }).targetIntensity.toFixed(); // '1.8774'
 */
export function intensityTarget(input: {
  baseIntensity: DecimalInput;
  targetChangePct: DecimalInput;
}): IntensityTargetResult {
  const base = positive(input.baseIntensity, '/baseIntensity', 'baseIntensity');
  const change = changePct(input.targetChangePct, '/targetChangePct', 'targetChangePct');
  return {
    targetIntensity: base.times(change.div(100).plus(1)),
    explain: {
      formula: 'targetIntensity = baseIntensity × (1 + targetChangePct/100)',
      inputs: { baseIntensity: plain(base), targetChangePct: plain(change) },
    },
  };
}
