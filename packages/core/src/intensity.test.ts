import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { energyIntensity, intensityChange, intensityChangeFromValues, intensityTarget } from './intensity.js';
import { roundGbt8170 } from './rounding.js';
import { expectCalcError } from './test-helpers.js';

describe('energyIntensity', () => {
  it('divides energy by GDP at comparable prices', () => {
    expect(
      energyIntensity({ energyTce: 2235, gdpComparableYuan10k: 1000 }).intensityTcePerYuan10k.toFixed(),
    ).toBe('2.235');
  });

  it('rejects a GDP of zero', () => {
    expectCalcError(
      () => energyIntensity({ energyTce: 1, gdpComparableYuan10k: 0 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/gdpComparableYuan10k',
    );
  });
});

describe('intensityChange', () => {
  it('reproduces Shanxi 2020: energy +0.6 %, real GDP +3.6 % → −2.90 %', () => {
    const r = intensityChange({ energyGrowthPct: 0.6, gdpRealGrowthPct: 3.6 });
    expect(roundGbt8170(r.intensityChangePct, 2).toFixed(2)).toBe('-2.90');
    expect(r.explain.inputs).toEqual({ energyGrowthPct: '0.6', gdpRealGrowthPct: '3.6' });
  });

  it('chains the rates rather than subtracting them', () => {
    const r = intensityChange({ energyGrowthPct: 10, gdpRealGrowthPct: 10 });
    expect(r.intensityChangePct.isZero()).toBe(true);
    const s = intensityChange({ energyGrowthPct: 0, gdpRealGrowthPct: 25 });
    expect(s.intensityChangePct.toFixed()).toBe('-20');
  });

  it('rejects a growth rate of −100 % or less', () => {
    expectCalcError(
      () => intensityChange({ energyGrowthPct: 1, gdpRealGrowthPct: -100 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/gdpRealGrowthPct',
    );
  });
});

describe('intensityChangeFromValues', () => {
  it('computes the change from [previous, current] energy and GDP', () => {
    const r = intensityChangeFromValues({ energyTce: [1000, 1006], gdpComparableYuan10k: [1000, 1036] });
    expect(roundGbt8170(r.intensityChangePct, 2).toFixed(2)).toBe('-2.90');
  });

  it('requires exactly two values and a positive previous year', () => {
    expectCalcError(
      () => intensityChangeFromValues({ energyTce: [1], gdpComparableYuan10k: [1, 2] }),
      'CALC_INVALID_INPUT',
      '/energyTce',
    );
    expectCalcError(
      () => intensityChangeFromValues({ energyTce: [0, 1], gdpComparableYuan10k: [1, 2] }),
      'CALC_IMPOSSIBLE_VALUE',
      '/energyTce/0',
    );
    expectCalcError(
      () => intensityChangeFromValues({ energyTce: [1, 1], gdpComparableYuan10k: [1, -2] }),
      'CALC_IMPOSSIBLE_VALUE',
      '/gdpComparableYuan10k/1',
    );
  });

  it('agrees with the growth-rate form for any values', () => {
    const positive = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(positive, positive, positive, positive, (e0, e1, g0, g1) => {
        const fromValues = intensityChangeFromValues({ energyTce: [e0, e1], gdpComparableYuan10k: [g0, g1] });
        const fromRates = intensityChange({
          energyGrowthPct: new Dec(e1).div(e0).minus(1).times(100),
          gdpRealGrowthPct: new Dec(g1).div(g0).minus(1).times(100),
        });
        const diff = fromValues.intensityChangePct.minus(fromRates.intensityChangePct).abs();
        const scale = fromValues.intensityChangePct.abs().plus(100);
        expect(diff.lte(scale.times('1e-40'))).toBe(true);
      }),
    );
  });
});

describe('intensityTarget', () => {
  it('applies a −16 % target to a base of 2.235 → 1.8774', () => {
    expect(intensityTarget({ baseIntensity: 2.235, targetChangePct: -16 }).targetIntensity.toFixed()).toBe(
      '1.8774',
    );
  });

  it('reproduces the 12th-FYP national target: 1.034 × (1 − 16 %) → 0.869 tce/10^4 yuan', () => {
    const r = intensityTarget({ baseIntensity: 1.034, targetChangePct: -16 });
    expect(roundGbt8170(r.targetIntensity, 3).toFixed(3)).toBe('0.869');
  });

  it('rejects a base intensity that is not positive', () => {
    expectCalcError(
      () => intensityTarget({ baseIntensity: 0, targetChangePct: -16 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/baseIntensity',
    );
  });
});
