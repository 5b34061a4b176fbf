import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { formatGbt8170, roundGbt8170, roundToNumber } from './rounding.js';
import { expectCalcError } from './test-helpers.js';

describe('roundGbt8170', () => {
  it('drops a 5 that follows an even digit (四舍六入五成双)', () => {
    expect(roundGbt8170('2.345', 2).toFixed(2)).toBe('2.34');
  });

  it('rounds a 5 up when it follows an odd digit', () => {
    expect(roundGbt8170('2.355', 2).toFixed(2)).toBe('2.36');
  });

  it('rounds up when anything non-zero follows the 5', () => {
    expect(roundGbt8170('2.3451', 2).toFixed(2)).toBe('2.35');
  });

  it('treats a 5 followed only by zeros as an exact half', () => {
    expect(roundGbt8170('2.3450000', 2).toFixed(2)).toBe('2.34');
  });

  it('rounds below 5 down and above 5 up', () => {
    expect(roundGbt8170('2.344', 2).toFixed(2)).toBe('2.34');
    expect(roundGbt8170('2.346', 2).toFixed(2)).toBe('2.35');
  });

  it('rounds negative numbers on their absolute value', () => {
    expect(roundGbt8170(-2.345, 2).toFixed(2)).toBe('-2.34');
    expect(roundGbt8170('-2.355', 2).toFixed(2)).toBe('-2.36');
  });

  it('takes a JS number by its shortest decimal string, not its binary expansion', () => {
    // 1.015 is stored as 1.01499999…; as written it is an exact half after an odd digit.
    expect((1.015).toFixed(2)).toBe('1.01');
    expect(roundGbt8170(1.015, 2).toFixed(2)).toBe('1.02');
  });

  it('rounds to tens and hundreds with negative digits', () => {
    expect(roundGbt8170(1250, -2).toFixed()).toBe('1200');
    expect(roundGbt8170(1350, -2).toFixed()).toBe('1400');
    expect(roundGbt8170('-25', -1).toFixed()).toBe('-20');
  });

  it('never returns a negative zero', () => {
    expect(roundGbt8170('-0.001', 2).toFixed(2)).toBe('0.00');
    expect(Object.is(roundToNumber('-0.001', 2), -0)).toBe(false);
  });

  it('rejects a value that is not a number', () => {
    expectCalcError(() => roundGbt8170('two', 2), 'CALC_INVALID_INPUT', '/value');
    expectCalcError(() => roundGbt8170(Number.NaN, 2), 'CALC_INVALID_INPUT', '/value');
    expectCalcError(() => roundGbt8170(Number.POSITIVE_INFINITY, 2), 'CALC_INVALID_INPUT', '/value');
    expectCalcError(() => roundGbt8170('0x1f', 2), 'CALC_INVALID_INPUT', '/value');
  });

  it('rejects digits that are not an integer', () => {
    expectCalcError(() => roundGbt8170('1.5', 1.5), 'CALC_INVALID_INPUT', '/digits');
  });
});

describe('formatGbt8170', () => {
  it('keeps trailing zeros because they are significant in a published figure', () => {
    expect(formatGbt8170(2, 2)).toBe('2.00');
    expect(formatGbt8170('714.3', 4)).toBe('714.3000');
  });
});

/** Decimal strings with up to 12 fractional digits, built from integers so they are exact. */
const decimalString = fc
  .tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 12 }))
  .map(([n, scale]) => new Dec(n.toString()).div(new Dec(10).pow(scale)).toFixed());

describe('roundGbt8170 properties', () => {
  it('never leaves more decimals than asked for', () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: 0, max: 8 }), (x, d) => {
        expect(roundGbt8170(x, d).decimalPlaces()).toBeLessThanOrEqual(d);
      }),
    );
  });

  it('moves a value by at most half a unit of the last kept digit', () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: -3, max: 8 }), (x, d) => {
        const halfUnit = new Dec(10).pow(-d).div(2);
        expect(roundGbt8170(x, d).minus(x).abs().lte(halfUnit)).toBe(true);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: -3, max: 8 }), (x, d) => {
        const once = roundGbt8170(x, d);
        expect(roundGbt8170(once, d).eq(once)).toBe(true);
      }),
    );
  });

  it('is symmetric for negative numbers', () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: -3, max: 8 }), (x, d) => {
        expect(roundGbt8170(new Dec(x).neg(), d).eq(roundGbt8170(x, d).neg())).toBe(true);
      }),
    );
  });

  it('leaves an even last digit when the value is exactly halfway', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 0, max: 6 }),
        (n, d) => {
          const half = new Dec(n.toString()).plus('0.5').div(new Dec(10).pow(d));
          const lastDigit = roundGbt8170(half, d).times(new Dec(10).pow(d)).abs().mod(2);
          expect(lastDigit.toNumber()).toBe(0);
        },
      ),
    );
  });
});
