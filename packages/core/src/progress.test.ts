import { describe, expect, it } from 'vitest';
import { progress, progressLinear, progressLog } from './progress.js';
import { roundGbt8170 } from './rounding.js';
import { expectCalcError } from './test-helpers.js';

const r2 = (d: Parameters<typeof roundGbt8170>[0]) => roundGbt8170(d, 2).toFixed(2);

describe('progressLog', () => {
  it('reproduces Henan 2016: −7.64 % of a −16 % target is 45.58 % done', () => {
    expect(r2(progressLog(-7.64, -16).completionPct)).toBe('45.58');
  });

  it('reproduces Sanming 2016–17: −10.37 % of a −20 % target is 49.06 % done', () => {
    expect(r2(progressLog(-10.37, -20).completionPct)).toBe('49.06');
  });

  it('counts a full target as 100 %', () => {
    expect(progressLog(-16, -16).completionPct.toFixed()).toBe('100');
  });
});

describe('progressLinear', () => {
  it('divides the changes: −7.64 ÷ −16 = 47.75 %', () => {
    expect(r2(progressLinear(-7.64, -16).completionPct)).toBe('47.75');
  });
});

describe('progress', () => {
  it('compares completion with the time schedule (Henan, year 1 of 5)', () => {
    const p = progress({ achievedChangePct: -7.64, targetChangePct: -16, yearsElapsed: 1, periodYears: 5 });
    expect(r2(p.completionPct)).toBe('45.58');
    expect(p.requiredPct.toFixed()).toBe('20');
    expect(p.onTrack).toBe(true);
    expect(p.method).toBe('log');
  });

  it('reports how far ahead of the schedule a region is (Sanming: 49.06 − 40)', () => {
    const p = progress({ achievedChangePct: -10.37, targetChangePct: -20, yearsElapsed: 2, periodYears: 5 });
    expect(r2(p.requiredPct)).toBe('40.00');
    expect(r2(p.aheadPct)).toBe('9.06');
  });

  it('is on track when completion equals the requirement exactly', () => {
    const p = progress({
      achievedChangePct: -3.2,
      targetChangePct: -16,
      yearsElapsed: 1,
      periodYears: 5,
      method: 'linear',
    });
    expect(p.completionPct.toFixed()).toBe('20');
    expect(p.onTrack).toBe(true);
  });

  it('is behind when completion is below the requirement', () => {
    const p = progress({ achievedChangePct: -5, targetChangePct: -16, yearsElapsed: 2, periodYears: 5 });
    expect(p.onTrack).toBe(false);
  });

  it('rejects a zero target, which has no progress to measure', () => {
    expectCalcError(() => progressLog(-1, 0), 'CALC_IMPOSSIBLE_VALUE', '/targetChangePct');
  });

  it('rejects more years elapsed than the period has', () => {
    expectCalcError(
      () => progress({ achievedChangePct: -1, targetChangePct: -16, yearsElapsed: 6, periodYears: 5 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/yearsElapsed',
    );
  });

  it('rejects a period of zero years and an unknown method', () => {
    expectCalcError(
      () => progress({ achievedChangePct: -1, targetChangePct: -16, yearsElapsed: 0, periodYears: 0 }),
      'CALC_IMPOSSIBLE_VALUE',
      '/periodYears',
    );
    expectCalcError(
      () =>
        progress({
          achievedChangePct: -1,
          targetChangePct: -16,
          yearsElapsed: 1,
          periodYears: 5,
          method: 'cubic' as 'log',
        }),
      'CALC_INVALID_INPUT',
      '/method',
    );
  });
});
