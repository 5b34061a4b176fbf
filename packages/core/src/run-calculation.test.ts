import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calcErrorCodes } from './calc-error.js';
import { type CalcResult, calculationCatalog, runCalculation } from './run-calculation.js';

function output(name: string, input: unknown): Record<string, unknown> {
  const r = runCalculation(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
  return r.output;
}

function error(name: string, input: unknown): { code: string; path: string; message: string } {
  const r = runCalculation(name, input);
  if (r.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(r.output)}`);
  return r.error;
}

describe('runCalculation: the documented rows', () => {
  it('rounds 2.345 to "2.34"', () => {
    expect(output('round', { value: '2.345', digits: 2 }).value).toBe('2.34');
    expect(output('round', { value: '2.3450000', digits: 2 }).value).toBe('2.34');
    expect(output('round', { value: 2, digits: 2 }).value).toBe('2.00');
  });

  it('converts 1000 t of raw coal to 714.3 tce with its coefficient and source', () => {
    const out = output('tce', { items: [{ energy: 'raw-coal', amount: 1000, unit: 't' }] });
    expect(out.totalTce).toBe(714.3);
    const [item] = out.items as Array<Record<string, unknown>>;
    expect(item).toMatchObject({
      energy: 'raw-coal',
      coefficient: 0.7143,
      tce: 714.3,
      coefficientUnit: 'kgce/kg',
    });
    expect(String(item?.source)).toContain('GB/T 2589');
  });

  it('converts electricity on the equal-value basis', () => {
    const out = output('tce', {
      items: [{ energy: 'electricity', amount: '100', unit: '万kWh' }],
      electricityBasis: 'equal-value',
      equalValueKgcePerKWh: 0.3,
    });
    expect(out.totalTce).toBe(300);
  });

  it('computes the intensity change from growth rates and from values alike', () => {
    expect(
      output('intensity-change', { energyGrowthPct: 0.6, gdpRealGrowthPct: 3.6 }).intensityChangePct,
    ).toBe(-2.9);
    expect(
      output('intensity-change', { energyTce: [1000, 1006], gdpComparableYuan10k: [1000, 1036] })
        .intensityChangePct,
    ).toBe(-2.9);
  });

  it('chains cumulative changes', () => {
    expect(output('cumulative-change', { changesPct: [-4.22, -3.37] })).toMatchObject({
      cumulativeChangePct: -7.45,
      averageAnnualChangePct: -3.8,
    });
  });

  it('computes the target intensity', () => {
    expect(output('intensity-target', { baseIntensity: 2.235, targetChangePct: -16 }).targetIntensity).toBe(
      1.8774,
    );
  });

  it('computes progress against the time schedule', () => {
    expect(
      output('progress', { achievedChangePct: -7.64, targetChangePct: -16, yearsElapsed: 1, periodYears: 5 }),
    ).toMatchObject({ completionPct: 45.58, requiredPct: 20, onTrack: true });
    expect(
      output('progress', {
        achievedChangePct: -7.64,
        targetChangePct: -16,
        yearsElapsed: 1,
        periodYears: 5,
        method: 'linear',
      }).completionPct,
    ).toBe(47.75);
  });

  it('grades warning levels per region and marks the total level inferred', () => {
    const out = output('warning', {
      regions: [
        { code: '140000', intensityChangePct: -2.1, requiredIntensityChangePct: -3.0 },
        {
          code: '620000',
          intensityChangePct: 0,
          requiredIntensityChangePct: -3.0,
          energyGrowthPct: 3.7,
          energyGrowthLimitPct: 2.5,
        },
      ],
    });
    const regions = out.regions as Array<Record<string, unknown>>;
    expect(regions[0]).toMatchObject({ code: '140000', intensityLevel: 2 });
    expect(regions[0]).not.toHaveProperty('totalLevel');
    expect(regions[1]).toMatchObject({
      code: '620000',
      intensityLevel: 2,
      totalLevel: 1,
      totalInferred: true,
    });
    expect(out.totalRule).toMatchObject({ inferred: true, elapsedShare: 1 });
  });

  it('grades an assessment score', () => {
    expect(output('assessment', { score: 93, intensityTargetMet: true })).toMatchObject({
      grade: 'completed',
      label: '完成',
    });
    expect(output('assessment', { score: 99, intensityTargetMet: false }).grade).toBe('not-completed');
  });

  it('scores a sheet given by id or by definition', () => {
    expect(
      output('assessment-sheet', {
        sheetId: 'guofa-2007-36',
        scores: { 'intensity-target': 40, measures: 41 },
      }),
    ).toMatchObject({ totalScore: 81, grade: 'completed' });
    const sheet = { items: [{ id: 'a', group: 'target', maxPoints: 100, vetoBelowPoints: 50 }] };
    expect(output('assessment-sheet', { sheet, scores: { a: 49 } })).toMatchObject({
      grade: 'not-completed',
      vetoed: true,
    });
  });

  it('corrects to reference O2 and flags the exceedance', () => {
    expect(
      output('o2-correction', {
        measuredMgPerM3: 40,
        measuredO2Pct: 10,
        referenceO2Pct: 6,
        limitMgPerM3: 35,
      }),
    ).toMatchObject({ correctedMgPerM3: 54.55, exceeds: true });
  });

  it('computes the emission load', () => {
    expect(output('emission-load', { concentrationMgPerM3: 100, flowM3PerH: 500000, hours: 1 }).loadKg).toBe(
      50,
    );
  });

  it('computes the solid-waste utilisation rate', () => {
    expect(
      output('waste-utilization', { generatedT: 1000, utilizedT: 900, utilizedFromStockT: 100 })
        .utilizationRatePct,
    ).toBe(81.82);
  });

  it('computes CO2 from fuels and electricity', () => {
    const out = output('co2', {
      items: [
        { energy: 'raw-coal', amount: 1, unit: 't' },
        { energy: 'electricity', amount: 1000, unit: 'MWh' },
      ],
      gridFactorTPerMWh: 0.5703,
    });
    expect(out.totalCo2T).toBe(572.2003);
    expect((out.items as Array<Record<string, unknown>>).map((i) => i.co2T)).toEqual([1.9003, 570.3]);
  });

  it('checks data validity', () => {
    expect(output('validity', { period: 'month', validCount: 23, month: 2 })).toMatchObject({
      valid: true,
      required: 23,
    });
    expect(output('validity', { period: 'minute', flag: 'D' }).valid).toBe(false);
  });

  it('converts units', () => {
    expect(output('unit-convert', { amount: 1.5, from: '10^4 t', to: 't' }).amount).toBe('15000');
  });
});

describe('runCalculation: errors', () => {
  it('reports an unknown calculation', () => {
    expect(error('nope', {})).toMatchObject({ code: 'CALC_UNKNOWN', path: '' });
  });

  it('reports input that is not an object at the root path', () => {
    expect(error('round', 'oops')).toMatchObject({ code: 'CALC_INVALID_INPUT', path: '' });
    expect(error('round', null)).toMatchObject({ code: 'CALC_INVALID_INPUT', path: '' });
  });

  it('names a missing field', () => {
    const e = error('o2-correction', { measuredMgPerM3: 40, referenceO2Pct: 6 });
    expect(e).toMatchObject({ code: 'CALC_INVALID_INPUT', path: '/measuredO2Pct' });
  });

  it('names a field of the wrong type and says what was expected', () => {
    const e = error('tce', { items: [{ energy: 'coke', amount: true, unit: 't' }] });
    expect(e).toMatchObject({ code: 'CALC_INVALID_INPUT', path: '/items/0/amount' });
    expect(e.message).toContain('number');
    expect(error('tce', { items: [{ energy: 'coke', amount: '12,5', unit: 't' }] })).toMatchObject({
      code: 'CALC_INVALID_INPUT',
      path: '/items/0/amount',
    });
  });

  it('rejects an unexpected field so that a misspelt option is never silently ignored', () => {
    expect(
      error('tce', { items: [{ energy: 'coke', amount: 1, unit: 't', ncvKjPerUnit: 1 }] }),
    ).toMatchObject({
      code: 'CALC_INVALID_INPUT',
      path: '/items/0/ncvKjPerUnit',
    });
  });

  it('reports an unknown energy code at its path', () => {
    expect(error('tce', { items: [{ energy: 'peat', amount: 1, unit: 't' }] })).toMatchObject({
      code: 'CALC_UNKNOWN_ENERGY',
      path: '/items/0/energy',
    });
  });

  it('reports a unit that does not fit the energy', () => {
    expect(error('tce', { items: [{ energy: 'raw-coal', amount: 1, unit: 'kWh' }] })).toMatchObject({
      code: 'CALC_UNIT_MISMATCH',
      path: '/items/0/unit',
    });
    expect(error('unit-convert', { amount: 1, from: 't', to: 'm3' })).toMatchObject({
      code: 'CALC_UNIT_MISMATCH',
      path: '/to',
    });
  });

  it('reports an unknown unit', () => {
    expect(error('tce', { items: [{ energy: 'raw-coal', amount: 1, unit: 'ton' }] })).toMatchObject({
      code: 'CALC_UNKNOWN_UNIT',
      path: '/items/0/unit',
    });
  });

  it('reports physically impossible values', () => {
    expect(
      error('o2-correction', { measuredMgPerM3: 40, measuredO2Pct: 21, referenceO2Pct: 6 }),
    ).toMatchObject({
      code: 'CALC_IMPOSSIBLE_VALUE',
      path: '/measuredO2Pct',
    });
    expect(
      error('tce', {
        items: [
          { energy: 'coke', amount: 1, unit: 't' },
          { energy: 'coke', amount: -5, unit: 't' },
        ],
      }),
    ).toMatchObject({ code: 'CALC_IMPOSSIBLE_VALUE', path: '/items/1/amount' });
    expect(
      error('warning', {
        regions: [{ code: '1', intensityChangePct: -1, requiredIntensityChangePct: -2 }],
        totalRule: { elapsedShare: 2 },
      }),
    ).toMatchObject({ code: 'CALC_IMPOSSIBLE_VALUE', path: '/totalRule/elapsedShare' });
  });

  it('reports a missing emission factor', () => {
    expect(error('co2', { items: [{ energy: 'steam', amount: 1, unit: 't' }] })).toMatchObject({
      code: 'CALC_NO_EMISSION_FACTOR',
      path: '/items/0/energy',
    });
  });

  it('names fields inside arrays of regions', () => {
    expect(
      error('warning', {
        regions: [
          { code: '1', intensityChangePct: -1, requiredIntensityChangePct: -2 },
          { code: '2', intensityChangePct: -1, requiredIntensityChangePct: -2, energyGrowthPct: 1 },
        ],
      }),
    ).toMatchObject({ code: 'CALC_INVALID_INPUT', path: '/regions/1/energyGrowthLimitPct' });
  });

  it('reports an unknown built-in sheet without reading inherited properties', () => {
    expect(error('assessment-sheet', { sheetId: 'toString', scores: {} })).toMatchObject({
      code: 'CALC_INVALID_INPUT',
      path: '/sheetId',
    });
  });

  it('uses only registered error codes', () => {
    const codes = [
      error('nope', {}).code,
      error('round', 1).code,
      error('tce', { items: [{ energy: 'peat', amount: 1, unit: 't' }] }).code,
      error('tce', { items: [{ energy: 'coke', amount: 1, unit: 'kWh' }] }).code,
      error('tce', { items: [{ energy: 'coke', amount: 1, unit: 'ton' }] }).code,
      error('emission-load', { concentrationMgPerM3: -1, flowM3PerH: 1, hours: 1 }).code,
      error('co2', { items: [{ energy: 'oxygen', amount: 1, unit: 'm3' }] }).code,
    ];
    for (const code of codes) expect(Object.keys(calcErrorCodes)).toContain(code);
  });
});

describe('calculationCatalog', () => {
  it('lists every calculation with titles in Chinese and English', () => {
    const names = calculationCatalog.map((c) => c.name);
    for (const name of [
      'round',
      'tce',
      'intensity-change',
      'cumulative-change',
      'intensity-target',
      'progress',
      'warning',
      'assessment',
      'o2-correction',
      'emission-load',
      'waste-utilization',
      'co2',
    ]) {
      expect(names).toContain(name);
    }
    for (const c of calculationCatalog) {
      expect(c.titleZh.length, c.name).toBeGreaterThan(1);
      expect(c.titleEn.length, c.name).toBeGreaterThan(1);
      expect(c.description.length, c.name).toBeGreaterThan(20);
    }
  });

  it('has example inputs that run and return an explanation as plain JSON', () => {
    for (const c of calculationCatalog) {
      const r = runCalculation(c.name, c.exampleInput);
      expect(r.ok, c.name).toBe(true);
      if (!r.ok) continue;
      expect(JSON.parse(JSON.stringify(r.output)), c.name).toEqual(r.output);
      const hasExplain =
        'explain' in r.output ||
        (r.output.regions as Array<Record<string, unknown>> | undefined)?.every((x) => 'explain' in x);
      expect(hasExplain, c.name).toBe(true);
    }
  });
});

describe('runCalculation never throws', () => {
  it('returns a result for any input to any calculation, and never an internal error', () => {
    const names = [...calculationCatalog.map((c) => c.name), 'nope'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.anything(), (name, input) => {
        let r: CalcResult | undefined;
        expect(() => {
          r = runCalculation(name, input);
        }).not.toThrow();
        if (r && !r.ok) expect(r.error.code).not.toBe('CALC_INTERNAL');
      }),
      { numRuns: 2000 },
    );
  });

  it('survives inputs shaped like the examples but with arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...calculationCatalog),
        fc.anything({ maxDepth: 2 }),
        fc.nat(),
        ({ name, exampleInput }, value, k) => {
          const keys = Object.keys(exampleInput);
          const key = keys[k % keys.length] ?? 'x';
          const r = runCalculation(name, { ...exampleInput, [key]: value });
          if (!r.ok) {
            expect(r.error.code).not.toBe('CALC_INTERNAL');
            expect(r.error.path === '' || r.error.path.startsWith('/')).toBe(true);
            expect(Object.keys(calcErrorCodes)).toContain(r.error.code);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
