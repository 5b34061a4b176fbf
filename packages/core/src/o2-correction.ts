import { CalcError } from './calc-error.js';
import type { Decimal, DecimalInput } from './decimal.js';
import { plain } from './decimal.js';
import type { Explain } from './explain.js';
import { nonNegative } from './guards.js';

export interface O2CorrectionInput {
  /** Measured concentration, dry flue gas at standard state, mg/m³. */
  measuredMgPerM3: DecimalInput;
  /** Measured O2 in dry flue gas, %; must be below 21. */
  measuredO2Pct: DecimalInput;
  /** Reference O2 of the standard, % (6 coal boilers, 3 oil/gas boilers, 15 turbines, 10 cement kilns). */
  referenceO2Pct: DecimalInput;
  /** Emission limit at the reference O2, mg/m³. */
  limitMgPerM3?: DecimalInput;
}

export interface O2CorrectionResult {
  correctedMgPerM3: Decimal;
  /** Present when a limit was given: corrected > limit, by full-value comparison (GB/T 8170 §4.3). */
  exceeds?: boolean;
  /** (corrected − limit) ÷ limit, 超标倍数; present when exceeding. */
  exceedanceMultiple?: Decimal;
  explain: Explain;
}

function o2(value: DecimalInput, path: string, what: string): Decimal {
  const d = nonNegative(value, path, what);
  if (d.gte(21)) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `${what} must be below 21 % (air itself is 21 % O2), got ${d.toFixed()}`,
      path,
    );
  }
  return d;
}

/**
 * Converts a measured concentration to the reference O2 of the standard (折算浓度, HJ 75-2017 A9):
 * `C_ref = C × (21 − O2_ref) ÷ (21 − O2_measured)`, and compares it with the limit.
 *
 * @throws {CalcError} CALC_IMPOSSIBLE_VALUE when an O2 is ≥ 21 % or negative, or a concentration is negative.
 * @example
 * const r = o2Correct({ measuredMgPerM3: 40, measuredO2Pct: 10, referenceO2Pct: 6, limitMgPerM3: 35 });
 * [r.correctedMgPerM3.toFixed(2), r.exceeds]; // ['54.55', true]
 */
export function o2Correct(input: O2CorrectionInput): O2CorrectionResult {
  const c = nonNegative(input.measuredMgPerM3, '/measuredMgPerM3', 'measuredMgPerM3');
  const measured = o2(input.measuredO2Pct, '/measuredO2Pct', 'measuredO2Pct');
  const reference = o2(input.referenceO2Pct, '/referenceO2Pct', 'referenceO2Pct');
  const corrected = c.times(reference.neg().plus(21)).div(measured.neg().plus(21));
  const notes = [
    'Concentration and O2 on dry flue gas at standard state (273.15 K, 101.325 kPa).',
    'Only pollutants whose standard defines a reference O2 are converted (GB 16297 uses measured values).',
  ];
  if (measured.gte('20.5')) {
    notes.push(
      'Measured O2 ≥ 20.5 %: CEMS practice treats this as abnormal (e.g. a stopped unit); check the data.',
    );
  }
  const result: O2CorrectionResult = {
    correctedMgPerM3: corrected,
    explain: {
      formula: 'correctedMgPerM3 = measuredMgPerM3 × (21 − referenceO2Pct) ÷ (21 − measuredO2Pct)',
      inputs: {
        measuredMgPerM3: plain(c),
        measuredO2Pct: plain(measured),
        referenceO2Pct: plain(reference),
      },
      coefficients: [{ name: 'O2 in air', value: 21, unit: '%', source: 'HJ 75-2017 附录A 式(A9)' }],
      notes,
    },
  };
  if (input.limitMgPerM3 !== undefined) {
    const limit = nonNegative(input.limitMgPerM3, '/limitMgPerM3', 'limitMgPerM3');
    result.exceeds = corrected.gt(limit);
    if (result.exceeds && !limit.isZero()) result.exceedanceMultiple = corrected.minus(limit).div(limit);
    result.explain.inputs['limitMgPerM3'] = plain(limit);
    notes.push(
      'exceeds = correctedMgPerM3 > limitMgPerM3 on the full (unrounded) value (GB/T 8170-2008 §4.3).',
    );
  }
  return result;
}
