/**
 * Error codes raised by the calculation engine. `runCalculation` returns them as
 * `{ ok: false, error: { code, message, path } }`; the typed functions throw {@link CalcError}.
 *
 * @example
 * Object.keys(calcErrorCodes); // ['CALC_UNKNOWN', 'CALC_INVALID_INPUT', …]
 */
export const calcErrorCodes = {
  CALC_UNKNOWN: 'No calculation with that name is registered.',
  CALC_INVALID_INPUT: 'The input does not have the expected shape or type.',
  CALC_UNKNOWN_ENERGY: 'The energy code is not in the GB/T 2589 coefficient table.',
  CALC_UNKNOWN_UNIT: 'The unit is not one the engine knows.',
  CALC_UNIT_MISMATCH: 'The unit does not fit the quantity (e.g. raw coal in kWh).',
  CALC_IMPOSSIBLE_VALUE: 'The value is physically or logically impossible (negative amount, O2 ≥ 21 %, …).',
  CALC_NO_EMISSION_FACTOR: 'No default CO2 emission factor exists for this energy.',
  CALC_INTERNAL: 'An unexpected internal error; please report it.',
} as const;

export type CalcErrorCode = keyof typeof calcErrorCodes;

/**
 * The one error type of `@ecep/core`. `path` is a JSON pointer into the input object
 * (`/items/0/amount`; empty for the whole input).
 *
 * @example
 * try { o2Correct({ measuredMgPerM3: 40, measuredO2Pct: 21, referenceO2Pct: 6 }); }
 * catch (e) { if (e instanceof CalcError) console.log(e.code, e.path); } // CALC_IMPOSSIBLE_VALUE /measuredO2Pct
 */
export class CalcError extends Error {
  readonly code: CalcErrorCode;
  readonly path: string;

  constructor(code: CalcErrorCode, message: string, path = '') {
    super(message);
    this.name = 'CalcError';
    this.code = code;
    this.path = path;
  }
}

/** Joins a JSON-pointer parent path and a key, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
