import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageAnnualChangePct, cumulativeChange } from './cumulative-change.js';
import { roundGbt8170 } from './rounding.js';
import { expectCalcError } from './test-helpers.js';

const r2 = (d: Parameters<typeof roundGbt8170>[0]) => roundGbt8170(d, 2).toFixed(2);

describe('cumulativeChange', () => {
  it('chains −4.22 % and −3.37 % into −7.45 %, −3.80 % a year', () => {
    const r = cumulativeChange({ changesPct: [-4.22, -3.37] });
    expect(r2(r.cumulativeChangePct)).toBe('-7.45');
    expect(r2(r.averageAnnualChangePct)).toBe('-3.80');
    expect(r.years).toBe(2);
  });

  it('never adds percentages: two falls of 10 % are 19 %, not 20 %', () => {
    expect(cumulativeChange({ changesPct: [-10, -10] }).cumulativeChangePct.toFixed()).toBe('-19');
  });

  it('rejects an empty list and a change of −100 % or less', () => {
    expectCalcError(() => cumulativeChange({ changesPct: [] }), 'CALC_INVALID_INPUT', '/changesPct');
    expectCalcError(
      () => cumulativeChange({ changesPct: [-3, -100] }),
      'CALC_IMPOSSIBLE_VALUE',
      '/changesPct/1',
    );
  });

  it('returns the common rate when every year changes by the same rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9000, max: 9000 }), fc.integer({ min: 1, max: 10 }), (c100, n) => {
        const c = c100 / 100;
        const r = cumulativeChange({ changesPct: Array.from({ length: n }, () => c) });
        expect(r.averageAnnualChangePct.minus(c).abs().lte('1e-30')).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the years', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1, maxLength: 8 }), (cs) => {
        const pct = cs.map((c) => c / 100);
        const forward = cumulativeChange({ changesPct: pct }).cumulativeChangePct;
        const backward = cumulativeChange({ changesPct: [...pct].reverse() }).cumulativeChangePct;
        expect(forward.eq(backward)).toBe(true);
      }),
    );
  });
});

describe('averageAnnualChangePct', () => {
  it('turns five-year targets into yearly rates: 16 % → 3.43, 15 % → 3.20, 20 % → 4.36', () => {
    expect(r2(averageAnnualChangePct(-16, 5))).toBe('-3.43');
    expect(r2(averageAnnualChangePct(-15, 5))).toBe('-3.20');
    expect(r2(averageAnnualChangePct(-20, 5))).toBe('-4.36');
  });
});
