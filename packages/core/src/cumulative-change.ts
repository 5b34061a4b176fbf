import { CalcError, pointer } from './calc-error.js';
import { Dec, type Decimal, type DecimalInput, plain } from './decimal.js';
import type { Explain } from './explain.js';
import { changePct, positive } from './guards.js';

export interface CumulativeChangeResult {
  cumulativeChangePct: Decimal;
  averageAnnualChangePct: Decimal;
  years: number;
  explain: Explain;
}

/**
 * Average annual change that compounds to a cumulative change over `years`:
 * `((1 + cum/100)^(1/years) − 1) × 100`.
 *
 * @example
 * averageAnnualChangePct(-16, 5).toFixed(2); // '-3.43'
 */
export function averageAnnualChangePct(cumulativeChangePct: DecimalInput, years: DecimalInput): Decimal {
  const cum = changePct(cumulativeChangePct, '/cumulativeChangePct', 'cumulativeChangePct');
  const n = positive(years, '/years', 'years');
  return cum.div(100).plus(1).pow(new Dec(1).div(n)).minus(1).times(100);
}

/**
 * Cumulative change over consecutive years by chaining, never by adding:
 * `cum = ∏(1 + c_i/100) − 1`, and the average annual change `(1 + cum)^(1/n) − 1`.
 *
 * @example
 * const r = cumulativeChange({ changesPct: [-4.22, -3.37] });
 * r.cumulativeChangePct.toFixed(2);     // '-7.45'
 * r.averageAnnualChangePct.toFixed(2);  // '-3.80'
 */
export function cumulativeChange(input: { changesPct: readonly DecimalInput[] }): CumulativeChangeResult {
  if (!Array.isArray(input.changesPct) || input.changesPct.length === 0) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      'expected changesPct to list at least one yearly change in %',
      '/changesPct',
    );
  }
  const changes = input.changesPct.map((c, i) => changePct(c, pointer('/changesPct', i), `changesPct[${i}]`));
  const product = changes.reduce((acc, c) => acc.times(c.div(100).plus(1)), new Dec(1));
  const cumulative = product.minus(1).times(100);
  const years = changes.length;
  return {
    cumulativeChangePct: cumulative,
    averageAnnualChangePct: averageAnnualChangePct(cumulative, years),
    years,
    explain: {
      formula:
        'cumulativeChangePct = (∏(1 + c_i/100) − 1) × 100; averageAnnualChangePct = ((1 + cum/100)^(1/n) − 1) × 100',
      inputs: Object.fromEntries(changes.map((c, i) => [`changesPct/${i}`, plain(c)])),
      notes: ['Yearly percentages are chained, never summed.'],
    },
  };
}
