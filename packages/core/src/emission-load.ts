import type { Decimal, DecimalInput } from './decimal.js';
import { plain } from './decimal.js';
import type { Explain } from './explain.js';
import { nonNegative } from './guards.js';

export interface EmissionLoadInput {
  /** Measured (实测, not O2-corrected) concentration, dry standard state, mg/m³. */
  concentrationMgPerM3: DecimalInput;
  /** Dry standard flue-gas flow, m³/h. */
  flowM3PerH: DecimalInput;
  hours: DecimalInput;
}

export interface EmissionLoadResult {
  loadKg: Decimal;
  loadT: Decimal;
  explain: Explain;
}

/**
 * Emission amount (排放量): `kg = C (mg/m³) × Q (m³/h) × h × 10⁻⁶`, with the measured dry concentration.
 * Multiplying the O2-corrected concentration by the flow overstates the mass — do not.
 *
 * @example
 * emissionLoadKg({ concentrationMgPerM3: 100, flowM3PerH: 500_000, hours: 1 }).loadKg.toFixed(); // '50'
 * emissionLoadKg({ concentrationMgPerM3: 100, flowM3PerH: 500_000, hours: 24 }).loadT.toFixed(); // '1.2'
 */
export function emissionLoadKg(input: EmissionLoadInput): EmissionLoadResult {
  const c = nonNegative(input.concentrationMgPerM3, '/concentrationMgPerM3', 'concentrationMgPerM3');
  const q = nonNegative(input.flowM3PerH, '/flowM3PerH', 'flowM3PerH');
  const h = nonNegative(input.hours, '/hours', 'hours');
  const loadKg = c.times(q).times(h).div(1_000_000);
  return {
    loadKg,
    loadT: loadKg.div(1000),
    explain: {
      formula: 'loadKg = concentrationMgPerM3 × flowM3PerH × hours × 10⁻⁶',
      inputs: { concentrationMgPerM3: plain(c), flowM3PerH: plain(q), hours: plain(h) },
      notes: [
        'Concentration is the measured (实测) dry standard-state value, not the O2-corrected one.',
        'Daily = Σ hourly; monthly = Σ daily (HJ 75-2017; 排污许可 技术规范 附录E).',
      ],
    },
  };
}
