import { describe, expect, it } from 'vitest';
import { roundGbt8170 } from './rounding.js';
import { expectCalcError } from './test-helpers.js';
import { wasteUtilizationRate } from './waste-utilization.js';

describe('wasteUtilizationRate', () => {
  it('divides the utilised amount by what was generated', () => {
    expect(wasteUtilizationRate({ generatedT: 1000, utilizedT: 800 }).utilizationRatePct.toFixed()).toBe(
      '80',
    );
  });

  it('adds stock taken from earlier years to the denominator', () => {
    const r = wasteUtilizationRate({ generatedT: 1000, utilizedT: 900, utilizedFromStockT: 100 });
    expect(roundGbt8170(r.utilizationRatePct, 2).toFixed(2)).toBe('81.82');
  });

  it('reaches 100 % when everything generated and taken from stock was used', () => {
    expect(
      wasteUtilizationRate({
        generatedT: 50,
        utilizedT: 70,
        utilizedFromStockT: 20,
      }).utilizationRatePct.toFixed(),
    ).toBe('100');
  });

  it('rejects using more than was available', () => {
    expectCalcError(
      () => wasteUtilizationRate({ generatedT: 10, utilizedT: 11 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/utilizedT',
    );
  });

  it('rejects stock utilisation larger than the total utilised', () => {
    expectCalcError(
      () => wasteUtilizationRate({ generatedT: 10, utilizedT: 5, utilizedFromStockT: 6 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/utilizedFromStockT',
    );
  });

  it('rejects a rate with nothing generated and nothing taken from stock', () => {
    expectCalcError(
      () => wasteUtilizationRate({ generatedT: 0, utilizedT: 0 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/generatedT',
    );
  });

  it('rejects negative tonnages', () => {
    expectCalcError(
      () => wasteUtilizationRate({ generatedT: -1, utilizedT: 0 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/generatedT',
    );
  });
});
