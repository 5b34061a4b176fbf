import { CalcError } from './calc-error.js';
import type { Decimal } from './decimal.js';
import { roundToNumber } from './rounding.js';

/** One entry of the calculation registry shared by the CLI, the API and the web 计算器 page. */
export interface CalculationDefinition {
  name: string;
  titleZh: string;
  titleEn: string;
  description: string;
  exampleInput: Record<string, unknown>;
  /** Validates `input` and computes; throws CalcError, which `runCalculation` turns into a result. */
  run: (input: unknown) => Record<string, unknown>;
}

/** Output digits (GB/T 8170 rounding, once, from the exact value). */
export const digits = {
  pct: 2,
  tce: 4,
  intensity: 4,
  coefficient: 6,
  concentration: 2,
  kg: 3,
  t: 4,
  score: 2,
} as const;

/** An exact Decimal rounded per GB/T 8170 to a JSON number. */
export function out(value: Decimal, places: number): number {
  const n = roundToNumber(value, places);
  if (!Number.isFinite(n)) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `the result ${value.toExponential(6)} is too large to report`,
      '',
    );
  }
  return n;
}
