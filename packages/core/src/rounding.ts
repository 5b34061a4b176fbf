import { CalcError } from './calc-error.js';
import { Dec, type Decimal, type DecimalInput, toDecimal } from './decimal.js';

function checkDigits(digits: number, path: string): void {
  if (!Number.isInteger(digits) || digits < -20 || digits > 30) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected digits to be an integer between -20 and 30, got ${String(digits)}`,
      path,
    );
  }
}

/**
 * Rounds per GB/T 8170-2008 数值修约规则 (四舍六入五成双, "round half to even") to `digits`
 * decimal places; negative `digits` rounds to tens, hundreds, …. Negative numbers round on their
 * absolute value. Works on exact decimals: numbers are taken by their shortest decimal string.
 * Round once, from the full value (GB/T 8170 forbids successive rounding).
 *
 * @throws {CalcError} CALC_INVALID_INPUT for a non-numeric value or a non-integer `digits`.
 * @example
 * roundGbt8170('2.345', 2).toFixed(2);  // '2.34'
 * roundGbt8170('2.355', 2).toFixed(2);  // '2.36'
 * roundGbt8170('2.3451', 2).toFixed(2); // '2.35'
 * roundGbt8170(-2.345, 2).toFixed(2);   // '-2.34'
 * roundGbt8170(1250, -2).toFixed();     // '1200'
 */
export function roundGbt8170(value: DecimalInput, digits: number, path = '/value'): Decimal {
  checkDigits(digits, '/digits');
  const d = toDecimal(value, path);
  let rounded: Decimal;
  if (digits >= 0) {
    rounded = d.toDecimalPlaces(digits, Dec.ROUND_HALF_EVEN);
  } else {
    const unit = new Dec(10).pow(-digits);
    rounded = d.div(unit).toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).times(unit);
  }
  // No "-0.00": a value that rounds to zero is zero.
  return rounded.isZero() ? new Dec(0) : rounded;
}

/**
 * Rounds per GB/T 8170 and formats with exactly `digits` decimals, keeping trailing zeros
 * (they are significant in a published figure).
 *
 * @example
 * formatGbt8170('2.3450000', 2); // '2.34'
 * formatGbt8170(2, 2);           // '2.00'
 */
export function formatGbt8170(value: DecimalInput, digits: number): string {
  const rounded = roundGbt8170(value, digits);
  return rounded.toFixed(Math.max(digits, 0));
}

/**
 * Rounds per GB/T 8170 and returns the JS number nearest to the rounded decimal, for JSON output.
 *
 * @example
 * roundToNumber('54.5454545', 2); // 54.55
 */
export function roundToNumber(value: DecimalInput, digits: number): number {
  return roundGbt8170(value, digits).toNumber();
}
