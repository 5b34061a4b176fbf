import { CalcError, pointer } from './calc-error.js';
import { type Co2FuelFactor, co2FuelFactors, co2HeatFactor } from './co2-factors.js';
import { Dec, type Decimal, type DecimalInput, plain } from './decimal.js';
import type { Explain, ExplainCoefficient } from './explain.js';
import { nonNegative } from './guards.js';
import { amountInRowUnit, measuredNcv, requireEnergy, type TceItemInput } from './tce.js';
import { convertUnit, type UnitCode } from './units.js';

export interface Co2Input {
  /** Same items as for {@link toTce}. */
  items: readonly TceItemInput[];
  /** Grid emission factor for the region and year, t CO2/MWh (e.g. 0.5703). Required for electricity. */
  gridFactorTPerMWh?: DecimalInput;
  /** Where the grid factor comes from, shown in the explanation. */
  gridFactorSource?: string;
}

export interface Co2ItemResult {
  energy: string;
  nameZh: string;
  amount: Decimal;
  unit: UnitCode;
  method: 'combustion' | 'grid' | 'heat';
  /** kg CO2 per `factorUnit` for fuels; t CO2/MWh for electricity; t CO2/GJ for heat. */
  factor: Decimal;
  factorUnit: string;
  co2T: Decimal;
  source: string;
  /** False when the factor is flagged as unverified in the reference notes. */
  verified: boolean;
}

export interface Co2Result {
  totalCo2T: Decimal;
  items: Co2ItemResult[];
  explain: Explain;
}

const factorsByEnergy = new Map<string, Co2FuelFactor>(co2FuelFactors.map((x) => [x.energy, x]));
const C_TO_CO2 = new Dec(44).div(12);

function readGridFactor(input: Co2Input): Decimal {
  if (input.gridFactorTPerMWh === undefined) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      'expected gridFactorTPerMWh (t CO2/MWh for the region and year, e.g. 0.5703) because the items include electricity',
      '/gridFactorTPerMWh',
    );
  }
  return nonNegative(input.gridFactorTPerMWh, '/gridFactorTPerMWh', 'gridFactorTPerMWh');
}

/**
 * CO2 emissions from energy use. Fuels: `t = amount × NCV × CC × OF × 44/12 × 10⁻⁹` (GB/T 32150-2015;
 * a measured NCV replaces the default); electricity: `t = MWh × gridFactorTPerMWh`; heat:
 * `t = GJ × 0.11`. Energies without a default factor are an error, never a silent zero.
 *
 * @throws {CalcError} CALC_NO_EMISSION_FACTOR, CALC_UNKNOWN_ENERGY, CALC_UNIT_MISMATCH, CALC_IMPOSSIBLE_VALUE, CALC_INVALID_INPUT.
 * @example
 * co2FromEnergy({ items: [{ energy: 'raw-coal', amount: 1, unit: 'kg' }] }).totalCo2T.toSignificantDigits(5).toFixed(); // '0.0019003'
 * co2FromEnergy({ items: [{ energy: 'electricity', amount: 1000, unit: 'MWh' }], gridFactorTPerMWh: 0.5703 })
 *   .totalCo2T.toFixed(); // '570.3'
 */
export function co2FromEnergy(input: Co2Input): Co2Result {
  const items = input.items.map((item, i): Co2ItemResult => {
    const path = pointer('/items', i);
    const row = requireEnergy(item.energy, pointer(path, 'energy'));
    const { amount, unit, converted } = amountInRowUnit(row, item.amount, item.unit, path);
    const base = { energy: row.code, nameZh: row.nameZh, amount, unit };
    if (row.code === 'electricity') {
      const factor = readGridFactor(input);
      return {
        ...base,
        method: 'grid',
        factor,
        factorUnit: 't CO2/MWh',
        co2T: convertUnit(amount, unit, 'MWh').times(factor),
        source: input.gridFactorSource ?? 'grid emission factor given as input',
        verified: true,
      };
    }
    if (row.code === 'heat') {
      const factor = new Dec(co2HeatFactor.tCo2PerGJ);
      return {
        ...base,
        method: 'heat',
        factor,
        factorUnit: 't CO2/GJ',
        co2T: convertUnit(amount, unit, 'GJ').times(factor),
        source: co2HeatFactor.source,
        verified: co2HeatFactor.verified,
      };
    }
    const fuel = factorsByEnergy.get(row.code);
    if (fuel === undefined) {
      throw new CalcError(
        'CALC_NO_EMISSION_FACTOR',
        `no default CO2 factor for ${row.code} (${row.nameZh}); fuels with factors: ${co2FuelFactors.map((x) => x.energy).join(', ')}, plus electricity and heat`,
        pointer(path, 'energy'),
      );
    }
    const ncv =
      item.ncvKJPerUnit === undefined
        ? new Dec(fuel.ncvKJPerUnit)
        : measuredNcv(row, item.ncvKJPerUnit, pointer(path, 'ncvKJPerUnit'));
    const kgPerUnit = ncv
      .times(fuel.carbonContentTCPerTJ)
      .times(fuel.oxidationRate)
      .times(C_TO_CO2)
      .div(1_000_000);
    return {
      ...base,
      method: 'combustion',
      factor: kgPerUnit,
      factorUnit: `kg CO2/${fuel.unit}`,
      co2T: converted.times(kgPerUnit).div(1000),
      source:
        item.ncvKJPerUnit === undefined
          ? fuel.source
          : `measured NCV ${ncv.toFixed()} kJ/${fuel.unit}; carbon content and oxidation rate: ${fuel.source}`,
      verified: fuel.verified,
    };
  });
  const totalCo2T = items.reduce((sum, x) => sum.plus(x.co2T), new Dec(0));
  const coefficients: ExplainCoefficient[] = items.map((x) => ({
    name: x.energy,
    value: x.factor.toSignificantDigits(8).toFixed(),
    unit: x.factorUnit,
    source: x.source,
  }));
  const notes = ['Totals are summed from exact item values and rounded once.'];
  if (items.some((x) => !x.verified)) {
    notes.push('Some factors are marked unverified in the reference notes; confirm them before publishing.');
  }
  if (items.some((x) => x.method === 'grid')) {
    notes.push('Do not mix the carbon-market grid factor series with the location-based (MEE + NBS) series.');
  }
  return {
    totalCo2T,
    items,
    explain: {
      formula:
        'fuel: t = amount × NCV × CC × OF × 44/12 × 10⁻⁹; electricity: t = MWh × gridFactorTPerMWh; heat: t = GJ × 0.11',
      inputs: Object.fromEntries(
        items.map((x, i) => [`items/${i}`, `${plain(x.amount)} ${x.unit} ${x.energy}`]),
      ),
      coefficients,
      notes,
    },
  };
}
