import { Decimal } from 'decimal.js';
import { CalcError } from './calc-error.js';

/**
 * The engine's own Decimal constructor: 50 significant digits, ROUND_HALF_EVEN. A private clone
 * so that a caller's `Decimal.set(...)` cannot change our results.
 *
 * @example
 * new Dec('0.1').plus('0.2').toFixed(); // '0.3'
 */
export const Dec: typeof Decimal = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});

export type { Decimal };

/** A number as accepted by the engine: a decimal string, a finite JS number or a Decimal. */
export type DecimalInput = string | number | Decimal;

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Converts input to an exact Decimal. Numbers go through their shortest round-trip decimal string
 * (`0.1` → `"0.1"`), never through their binary expansion.
 *
 * @throws {CalcError} CALC_INVALID_INPUT when the value is not a finite decimal number.
 * @example
 * toDecimal('2.345').toString(); // '2.345'
 * toDecimal(0.1).plus(0.2).toString(); // '0.3'
 */
export function toDecimal(value: unknown, path = ''): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new CalcError('CALC_INVALID_INPUT', `expected a finite number, got ${String(value)}`, path);
    }
    return new Dec(String(value));
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (!DECIMAL_PATTERN.test(text)) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        `expected a decimal number such as "2.345", got ${JSON.stringify(value)}`,
        path,
      );
    }
    const d = new Dec(text);
    if (!d.isFinite()) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        `expected a number of sensible size, got ${JSON.stringify(value)}`,
        path,
      );
    }
    return d;
  }
  if (Decimal.isDecimal(value)) {
    const d = value as Decimal;
    if (!d.isFinite()) {
      throw new CalcError('CALC_INVALID_INPUT', `expected a finite number, got ${d.toString()}`, path);
    }
    return new Dec(d);
  }
  throw new CalcError(
    'CALC_INVALID_INPUT',
    `expected a number or a decimal string, got ${value === null ? 'null' : typeof value}`,
    path,
  );
}

/** Converts a percentage to a fraction: 3.6 → 0.036. */
export function pctToFraction(pct: Decimal): Decimal {
  return pct.div(100);
}

/** Plain decimal notation (no exponent) of an exact value, for `explain.inputs`. */
export function plain(value: Decimal): string {
  return value.toFixed();
}
