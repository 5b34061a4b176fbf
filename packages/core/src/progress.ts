import { CalcError } from './calc-error.js';
import { type Decimal, type DecimalInput, plain } from './decimal.js';
import type { Explain } from './explain.js';
import { changePct, nonNegative, positive } from './guards.js';
import { roundGbt8170 } from './rounding.js';

export type ProgressMethod = 'log' | 'linear';

export interface CompletionResult {
  /** Share of the period target achieved, in %. */
  completionPct: Decimal;
  explain: Explain;
}

function readChanges(achievedChangePct: DecimalInput, targetChangePct: DecimalInput) {
  const achieved = changePct(achievedChangePct, '/achievedChangePct', 'achievedChangePct');
  const target = changePct(targetChangePct, '/targetChangePct', 'targetChangePct');
  if (target.isZero()) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      'progress toward a 0 % target is undefined; expected a non-zero targetChangePct such as -16',
      '/targetChangePct',
    );
  }
  return { achieved, target };
}

/**
 * 完成进度 by the logarithmic method used in the official bulletins:
 * `ln(1 + achieved/100) ÷ ln(1 + target/100) × 100`. Changes are signed (reductions negative).
 *
 * @example
 * // Henan 2016: −7.64 % in year 1 of a −16 % five-year target → 45.58 %
 * progressLog(-7.64, -16).completionPct.toFixed(2); // '45.58'
 */
export function progressLog(
  achievedChangePct: DecimalInput,
  targetChangePct: DecimalInput,
): CompletionResult {
  const { achieved, target } = readChanges(achievedChangePct, targetChangePct);
  return {
    completionPct: achieved.div(100).plus(1).ln().div(target.div(100).plus(1).ln()).times(100),
    explain: {
      formula: 'completionPct = ln(1 + achievedChangePct/100) ÷ ln(1 + targetChangePct/100) × 100',
      inputs: { achievedChangePct: plain(achieved), targetChangePct: plain(target) },
      notes: ['Logarithmic method: equal yearly rates count equally toward a compounded target.'],
    },
  };
}

/**
 * 完成进度 by the linear method: `achieved ÷ target × 100`.
 *
 * @example
 * progressLinear(-7.64, -16).completionPct.toFixed(2); // '47.75'
 */
export function progressLinear(
  achievedChangePct: DecimalInput,
  targetChangePct: DecimalInput,
): CompletionResult {
  const { achieved, target } = readChanges(achievedChangePct, targetChangePct);
  return {
    completionPct: achieved.div(target).times(100),
    explain: {
      formula: 'completionPct = achievedChangePct ÷ targetChangePct × 100',
      inputs: { achievedChangePct: plain(achieved), targetChangePct: plain(target) },
    },
  };
}

export interface ProgressInput {
  /** Cumulative change achieved since the base year, signed %, e.g. −7.64. */
  achievedChangePct: DecimalInput;
  /** Period (five-year) target change, signed %, e.g. −16. */
  targetChangePct: DecimalInput;
  yearsElapsed: DecimalInput;
  periodYears: DecimalInput;
  method?: ProgressMethod;
}

export interface ProgressResult {
  completionPct: Decimal;
  /** 序时进度: yearsElapsed ÷ periodYears × 100. */
  requiredPct: Decimal;
  /** completion ≥ required, compared at 2 decimals as published. */
  onTrack: boolean;
  /** completion − required in percentage points (超/落后序时进度). */
  aheadPct: Decimal;
  method: ProgressMethod;
  explain: Explain;
}

/**
 * Progress against the time schedule (序时进度): completion of the period target (log method by
 * default) versus the share of the period elapsed.
 *
 * @example
 * const p = progress({ achievedChangePct: -7.64, targetChangePct: -16, yearsElapsed: 1, periodYears: 5 });
 * [p.completionPct.toFixed(2), p.requiredPct.toFixed(), p.onTrack]; // ['45.58', '20', true]
 */
export function progress(input: ProgressInput): ProgressResult {
  const method = input.method ?? 'log';
  if (method !== 'log' && method !== 'linear') {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected method to be "log" or "linear", got ${JSON.stringify(method)}`,
      '/method',
    );
  }
  const completion =
    method === 'log'
      ? progressLog(input.achievedChangePct, input.targetChangePct)
      : progressLinear(input.achievedChangePct, input.targetChangePct);
  const period = positive(input.periodYears, '/periodYears', 'periodYears');
  const elapsed = nonNegative(input.yearsElapsed, '/yearsElapsed', 'yearsElapsed');
  if (elapsed.gt(period)) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `yearsElapsed (${elapsed.toFixed()}) cannot exceed periodYears (${period.toFixed()})`,
      '/yearsElapsed',
    );
  }
  const requiredPct = elapsed.div(period).times(100);
  const completionPct = completion.completionPct;
  const onTrack = roundGbt8170(completionPct, 2).gte(roundGbt8170(requiredPct, 2));
  return {
    completionPct,
    requiredPct,
    onTrack,
    aheadPct: completionPct.minus(requiredPct),
    method,
    explain: {
      formula: `${completion.explain.formula}; requiredPct = yearsElapsed ÷ periodYears × 100; onTrack = completionPct ≥ requiredPct`,
      inputs: {
        ...completion.explain.inputs,
        yearsElapsed: plain(elapsed),
        periodYears: plain(period),
        method,
      },
      notes: [
        ...(completion.explain.notes ?? []),
        'Time schedule 20/40/60/80/100 % for a five-year plan (序时进度).',
        'onTrack compares the values rounded to 2 decimals (GB/T 8170), as published.',
      ],
    },
  };
}
