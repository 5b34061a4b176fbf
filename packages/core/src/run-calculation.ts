import { CalcError } from './calc-error.js';
import type { CalculationDefinition } from './calculation.js';
import { energyCalculations } from './calculations-energy.js';
import { environmentCalculations } from './calculations-environment.js';
import { targetCalculations } from './calculations-targets.js';

export type CalcResult =
  | { ok: true; output: Record<string, unknown> }
  | { ok: false; error: { code: string; message: string; path: string } };

export interface CalculationCatalogEntry {
  name: string;
  titleZh: string;
  titleEn: string;
  description: string;
  exampleInput: Record<string, unknown>;
}

const registry: ReadonlyMap<string, CalculationDefinition> = new Map(
  [...energyCalculations, ...targetCalculations, ...environmentCalculations].map((c) => [c.name, c]),
);

/**
 * Every calculation with a title and a runnable example input, for the web 计算器 page and `ecep calc`.
 *
 * @example
 * calculationCatalog.map((c) => c.name); // ['round', 'unit-convert', 'tce', 'co2', …]
 */
export const calculationCatalog: readonly CalculationCatalogEntry[] = [...registry.values()].map((c) => ({
  name: c.name,
  titleZh: c.titleZh,
  titleEn: c.titleEn,
  description: c.description,
  exampleInput: structuredClone(c.exampleInput),
}));

/**
 * Runs a calculation by name on untrusted input (JSON from the CLI, the API or the UI). Never throws:
 * invalid input is `{ ok: false, error: { code, message, path } }` with `path` a JSON pointer.
 *
 * @example
 * runCalculation('round', { value: '2.345', digits: 2 });
 * // { ok: true, output: { value: '2.34', explain: {…} } }
 * runCalculation('o2-correction', { measuredMgPerM3: 40, measuredO2Pct: 21, referenceO2Pct: 6 });
 * // { ok: false, error: { code: 'CALC_IMPOSSIBLE_VALUE', message: '…', path: '/measuredO2Pct' } }
 */
export function runCalculation(name: string, input: unknown): CalcResult {
  try {
    const calc = typeof name === 'string' ? registry.get(name) : undefined;
    if (calc === undefined) {
      return {
        ok: false,
        error: {
          code: 'CALC_UNKNOWN',
          message: `no calculation named ${JSON.stringify(name)}; expected one of ${[...registry.keys()].join(', ')}`,
          path: '',
        },
      };
    }
    return { ok: true, output: calc.run(input) };
  } catch (error) {
    if (error instanceof CalcError) {
      return { ok: false, error: { code: error.code, message: error.message, path: error.path } };
    }
    return {
      ok: false,
      error: {
        code: 'CALC_INTERNAL',
        message: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        path: '',
      },
    };
  }
}
