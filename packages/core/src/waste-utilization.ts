import { CalcError } from './calc-error.js';
import { Dec, type Decimal, type DecimalInput, plain } from './decimal.js';
import type { Explain } from './explain.js';
import { nonNegative } from './guards.js';

export interface WasteUtilizationInput {
  /** 产生量, t. */
  generatedT: DecimalInput;
  /** 综合利用量, t, including what was taken from earlier years' stock. */
  utilizedT: DecimalInput;
  /** 综合利用往年贮存量, t (part of utilizedT). Default 0. */
  utilizedFromStockT?: DecimalInput;
}

export interface WasteUtilizationResult {
  utilizationRatePct: Decimal;
  explain: Explain;
}

/**
 * 一般工业固体废物综合利用率 = utilised ÷ (generated + utilised from earlier years' stock) × 100.
 *
 * @throws {CalcError} CALC_IMPOSSIBLE_VALUE when more is utilised than was available, or nothing was.
 * @example
 * wasteUtilizationRate({ generatedT: 1000, utilizedT: 900, utilizedFromStockT: 100 }).utilizationRatePct.toFixed(2); // '81.82'
 */
export function wasteUtilizationRate(input: WasteUtilizationInput): WasteUtilizationResult {
  const generated = nonNegative(input.generatedT, '/generatedT', 'generatedT');
  const utilized = nonNegative(input.utilizedT, '/utilizedT', 'utilizedT');
  const fromStock =
    input.utilizedFromStockT === undefined
      ? new Dec(0)
      : nonNegative(input.utilizedFromStockT, '/utilizedFromStockT', 'utilizedFromStockT');
  if (fromStock.gt(utilized)) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `utilizedFromStockT (${fromStock.toFixed()}) is part of utilizedT (${utilized.toFixed()}) and cannot exceed it`,
      '/utilizedFromStockT',
    );
  }
  const available = generated.plus(fromStock);
  if (available.isZero()) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      'the rate is undefined when nothing was generated and nothing was taken from stock; expected generatedT > 0',
      '/generatedT',
    );
  }
  if (utilized.gt(available)) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `utilizedT (${utilized.toFixed()}) exceeds generatedT + utilizedFromStockT (${available.toFixed()})`,
      '/utilizedT',
    );
  }
  return {
    utilizationRatePct: utilized.div(available).times(100),
    explain: {
      formula: 'utilizationRatePct = utilizedT ÷ (generatedT + utilizedFromStockT) × 100',
      inputs: {
        generatedT: plain(generated),
        utilizedT: plain(utilized),
        utilizedFromStockT: plain(fromStock),
      },
      notes: ['utilizedT includes the amount taken from earlier years’ stock (综合利用往年贮存量).'],
    },
  };
}
