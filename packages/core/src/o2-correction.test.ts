import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { o2Correct } from './o2-correction.js';
import { roundGbt8170 } from './rounding.js';
import { expectCalcError } from './test-helpers.js';

describe('o2Correct', () => {
  it('converts 40 mg/m³ at 10 % O2 to 54.55 mg/m³ at 6 % and flags it above 35', () => {
    const r = o2Correct({ measuredMgPerM3: 40, measuredO2Pct: 10, referenceO2Pct: 6, limitMgPerM3: 35 });
    expect(roundGbt8170(r.correctedMgPerM3, 2).toFixed(2)).toBe('54.55');
    expect(r.exceeds).toBe(true);
    expect(roundGbt8170(r.exceedanceMultiple!, 2).toFixed(2)).toBe('0.56');
    expect(r.explain.formula).toContain('21 −');
  });

  it('leaves the concentration unchanged when measured O2 equals the reference', () => {
    expect(
      o2Correct({ measuredMgPerM3: 80, measuredO2Pct: 6, referenceO2Pct: 6 }).correctedMgPerM3.toFixed(),
    ).toBe('80');
  });

  it('does not flag a value exactly at the limit', () => {
    const r = o2Correct({ measuredMgPerM3: 35, measuredO2Pct: 6, referenceO2Pct: 6, limitMgPerM3: 35 });
    expect(r.exceeds).toBe(false);
    expect(r.exceedanceMultiple).toBeUndefined();
  });

  it('compares the full value, not the rounded one, with the limit', () => {
    // 35.004 rounds to 35.00 but is above 35 (GB/T 8170 全数值比较法).
    const r = o2Correct({ measuredMgPerM3: '35.004', measuredO2Pct: 6, referenceO2Pct: 6, limitMgPerM3: 35 });
    expect(r.exceeds).toBe(true);
  });

  it('omits the exceedance flag when no limit is given', () => {
    expect(o2Correct({ measuredMgPerM3: 1, measuredO2Pct: 1, referenceO2Pct: 6 }).exceeds).toBeUndefined();
  });

  it('warns about a measured O2 of 20.5 % or more', () => {
    const r = o2Correct({ measuredMgPerM3: 1, measuredO2Pct: 20.5, referenceO2Pct: 6 });
    expect(r.explain.notes?.join(' ')).toContain('abnormal');
  });

  it('rejects a measured O2 of exactly 21 %', () => {
    expectCalcError(
      () => o2Correct({ measuredMgPerM3: 40, measuredO2Pct: 21, referenceO2Pct: 6 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/measuredO2Pct',
    );
  });

  it('rejects a reference O2 of 21 % or more and negative O2 or concentration', () => {
    expectCalcError(
      () => o2Correct({ measuredMgPerM3: 40, measuredO2Pct: 10, referenceO2Pct: 25 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/referenceO2Pct',
    );
    expectCalcError(
      () => o2Correct({ measuredMgPerM3: 40, measuredO2Pct: -1, referenceO2Pct: 6 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/measuredO2Pct',
    );
    expectCalcError(
      () => o2Correct({ measuredMgPerM3: -40, measuredO2Pct: 10, referenceO2Pct: 6 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/measuredMgPerM3',
    );
  });

  it('raises the concentration whenever the flue gas has more O2 than the reference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 2099 }),
        fc.integer({ min: 0, max: 2099 }),
        (c, m, ref) => {
          const r = o2Correct({ measuredMgPerM3: c, measuredO2Pct: m / 100, referenceO2Pct: ref / 100 });
          if (m > ref) expect(r.correctedMgPerM3.gte(c)).toBe(true);
          if (m < ref) expect(r.correctedMgPerM3.lte(c)).toBe(true);
        },
      ),
    );
  });
});
