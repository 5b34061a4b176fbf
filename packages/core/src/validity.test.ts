import { describe, expect, it } from 'vitest';
import { expectCalcError } from './test-helpers.js';
import { isDayValid, isHourValid, isMinuteValid, isMonthValid } from './validity.js';

describe('validity helpers (HJ 76-2017 appendix B)', () => {
  it('accepts only minutes flagged N', () => {
    expect(isMinuteValid('N')).toBe(true);
    for (const flag of ['F', 'M', 'S', 'D', 'C', 'T', 'B', 'n', ''])
      expect(isMinuteValid(flag), flag).toBe(false);
  });

  it('needs 45 valid minutes for a valid hour', () => {
    expect(isHourValid(45)).toBe(true);
    expect(isHourValid(44)).toBe(false);
    expect(isHourValid(60)).toBe(true);
  });

  it('needs 20 valid hours for a valid day', () => {
    expect(isDayValid(20)).toBe(true);
    expect(isDayValid(19)).toBe(false);
  });

  it('needs 25 valid days for a valid month, 23 in February', () => {
    expect(isMonthValid(25, 1)).toBe(true);
    expect(isMonthValid(24, 3)).toBe(false);
    expect(isMonthValid(23, 2)).toBe(true);
    expect(isMonthValid(22, 2)).toBe(false);
  });

  it('rejects counts that cannot occur', () => {
    expectCalcError(() => isHourValid(61), 'CALC_IMPOSSIBLE_VALUE', '/validMinutes');
    expectCalcError(() => isDayValid(-1), 'CALC_IMPOSSIBLE_VALUE', '/validHours');
    expectCalcError(() => isDayValid(20.5), 'CALC_IMPOSSIBLE_VALUE', '/validHours');
    expectCalcError(() => isMonthValid(30, 2), 'CALC_IMPOSSIBLE_VALUE', '/validDays');
    expectCalcError(() => isMonthValid(31, 4), 'CALC_IMPOSSIBLE_VALUE', '/validDays');
    expectCalcError(() => isMonthValid(20, 13), 'CALC_IMPOSSIBLE_VALUE', '/month');
    expectCalcError(() => isMonthValid(20, 0), 'CALC_IMPOSSIBLE_VALUE', '/month');
  });
});
