import { CalcError } from './calc-error.js';

/**
 * HJ 76-2017 appendix B (adopted by HJ 75-2017): minimum valid sub-periods for a valid value.
 *
 * @example
 * validityThresholds.hourMinValidMinutes; // 45
 */
export const validityThresholds = {
  hourMinValidMinutes: 45,
  dayMinValidHours: 20,
  monthMinValidDays: 25,
  februaryMinValidDays: 23,
} as const;

function count(value: number, max: number, name: string, path: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `expected ${name} to be an integer from 0 to ${max}, got ${value}`,
      path,
    );
  }
  return value;
}

/**
 * A minute value is valid when its data flag is `N` (normal); F/M/S/D/C/T/B and other marks are not.
 *
 * @example
 * isMinuteValid('N'); // true
 * isMinuteValid('C'); // false (calibration)
 */
export function isMinuteValid(flag: string): boolean {
  return flag === 'N';
}

/**
 * An hourly value is valid with ≥ 45 valid minute values.
 *
 * @example
 * isHourValid(45); // true
 * isHourValid(44); // false
 */
export function isHourValid(validMinutes: number, path = '/validMinutes'): boolean {
  return count(validMinutes, 60, 'validMinutes', path) >= validityThresholds.hourMinValidMinutes;
}

/**
 * A daily value is valid with ≥ 20 valid hourly values.
 *
 * @example
 * isDayValid(20); // true
 */
export function isDayValid(validHours: number, path = '/validHours'): boolean {
  return count(validHours, 24, 'validHours', path) >= validityThresholds.dayMinValidHours;
}

/**
 * A monthly value is valid with ≥ 25 valid days, or ≥ 23 in February (`month` is 1–12).
 *
 * @example
 * isMonthValid(23, 2); // true
 * isMonthValid(24, 3); // false
 */
export function isMonthValid(validDays: number, month: number, path = '/validDays'): boolean {
  const m = count(month, 12, 'month', '/month');
  if (m === 0)
    throw new CalcError('CALC_IMPOSSIBLE_VALUE', 'expected month to be from 1 to 12, got 0', '/month');
  const min = m === 2 ? validityThresholds.februaryMinValidDays : validityThresholds.monthMinValidDays;
  const daysInMonth = m === 2 ? 29 : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return count(validDays, daysInMonth, 'validDays', path) >= min;
}
