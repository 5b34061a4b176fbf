import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emissionLoadKg } from './emission-load.js';
import { expectCalcError } from './test-helpers.js';

describe('emissionLoadKg', () => {
  it('gives 50 kg for 100 mg/m³ at 500 000 m³/h over one hour', () => {
    const r = emissionLoadKg({ concentrationMgPerM3: 100, flowM3PerH: 500_000, hours: 1 });
    expect(r.loadKg.toFixed()).toBe('50');
    expect(r.explain.notes?.join(' ')).toContain('not the O2-corrected');
  });

  it('gives 1.2 t over 24 valid hours', () => {
    expect(
      emissionLoadKg({ concentrationMgPerM3: 100, flowM3PerH: 500_000, hours: 24 }).loadT.toFixed(),
    ).toBe('1.2');
  });

  it('rejects a negative flow, concentration or duration', () => {
    expectCalcError(
      () => emissionLoadKg({ concentrationMgPerM3: 100, flowM3PerH: -1, hours: 1 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/flowM3PerH',
    );
    expectCalcError(
      () => emissionLoadKg({ concentrationMgPerM3: -1, flowM3PerH: 1, hours: 1 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/concentrationMgPerM3',
    );
    expectCalcError(
      () => emissionLoadKg({ concentrationMgPerM3: 1, flowM3PerH: 1, hours: -0.5 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/hours',
    );
  });

  it('sums over hours: n one-hour loads equal one n-hour load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 1, max: 744 }),
        (c, q, h) => {
          const hourly = emissionLoadKg({ concentrationMgPerM3: c, flowM3PerH: q, hours: 1 }).loadKg;
          expect(
            emissionLoadKg({ concentrationMgPerM3: c, flowM3PerH: q, hours: h }).loadKg.eq(hourly.times(h)),
          ).toBe(true);
        },
      ),
    );
  });
});
