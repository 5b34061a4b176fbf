import { CalcError } from './calc-error.js';
import type { Decimal } from './decimal.js';
import { toDecimal } from './decimal.js';

/** Reads a value that must be ≥ 0 (an amount, a concentration, a flow, hours). */
export function nonNegative(value: unknown, path: string, what: string): Decimal {
  const d = toDecimal(value, path);
  if (d.isNegative() && !d.isZero()) {
    throw new CalcError('CALC_IMPOSSIBLE_VALUE', `${what} cannot be negative, got ${d.toFixed()}`, path);
  }
  return d;
}

/** Reads a value that must be > 0 (a GDP, a calorific value, a period length). */
export function positive(value: unknown, path: string, what: string): Decimal {
  const d = toDecimal(value, path);
  if (!d.isPositive() || d.isZero()) {
    throw new CalcError('CALC_IMPOSSIBLE_VALUE', `${what} must be greater than 0, got ${d.toFixed()}`, path);
  }
  return d;
}

/** Reads a signed percentage change that must be > −100 % (a quantity cannot fall below zero). */
export function changePct(value: unknown, path: string, what: string): Decimal {
  const d = toDecimal(value, path);
  if (d.lte(-100)) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `${what} must be greater than -100 % (a quantity cannot fall to zero or below), got ${d.toFixed()}`,
      path,
    );
  }
  return d;
}

/** Reads any finite decimal (signed), with the same signature as the other readers. */
export function toDecimalIn(value: unknown, path: string, _what?: string): Decimal {
  return toDecimal(value, path);
}
