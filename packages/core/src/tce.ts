import { CalcError, pointer } from './calc-error.js';
import { Dec, type Decimal, type DecimalInput, plain } from './decimal.js';
import {
  type EnergyBasis,
  type EnergyCoefficient,
  energyCoefficients,
  findEnergyCoefficient,
  KJ_PER_KGCE,
} from './energy-coefficients.js';
import type { Explain, ExplainCoefficient } from './explain.js';
import { nonNegative, positive } from './guards.js';
import { convertUnit, requireUnit, type UnitCode, units, unitsOf } from './units.js';

export interface TceItemInput {
  /** Energy code from {@link energyCoefficients}, e.g. `raw-coal`. */
  energy: string;
  amount: DecimalInput;
  /** `t`, `kg`, `10^4 t`, `m3`, `10^4 m3`, `kWh`, `MWh`, `10^4 kWh`, `GJ`, `MJ` (or 万t, 万kWh, m³…). */
  unit: string;
  /** Measured net calorific value in kJ per kg (solid/liquid fuels) or per m³ (gases); overrides the table. */
  ncvKJPerUnit?: DecimalInput;
}

export interface TceInput {
  items: readonly TceItemInput[];
  /** Default `equivalent` (当量值, 0.1229 kgce/kWh). */
  electricityBasis?: EnergyBasis;
  /** Generation coal rate for the 等价值 basis, kgce/kWh (e.g. 0.3). Required for `equal-value`. */
  equalValueKgcePerKWh?: DecimalInput;
}

export interface TceItemResult {
  energy: string;
  nameZh: string;
  amount: Decimal;
  unit: UnitCode;
  /** The amount expressed in the unit the coefficient refers to. */
  amountInCoefficientUnit: Decimal;
  coefficientUnit: UnitCode;
  coefficientKgcePerUnit: Decimal;
  coefficientFrom: 'table' | 'measured-ncv' | 'equal-value-input';
  basis: EnergyBasis;
  isEnergyWorkingMedium: boolean;
  source: string;
  tce: Decimal;
  explain: Explain;
}

export interface TceResult {
  totalTce: Decimal;
  items: TceItemResult[];
  explain: Explain;
}

/** The strongest fuel (hydrogen) has ≈120 000 kJ/kg; anything far above is an NCV given per t or per 10^4 m3. */
const MAX_NCV_KJ = 150_000;

/**
 * Finds the coefficient row of an energy code.
 *
 * @throws {CalcError} CALC_UNKNOWN_ENERGY when the code is not in the table.
 */
export function requireEnergy(code: unknown, path: string): EnergyCoefficient {
  const row = typeof code === 'string' ? findEnergyCoefficient(code) : undefined;
  if (row === undefined) {
    const some = energyCoefficients
      .slice(0, 6)
      .map((r) => r.code)
      .join(', ');
    throw new CalcError(
      'CALC_UNKNOWN_ENERGY',
      `expected a GB/T 2589 energy code (${some}, … see energyCoefficients), got ${JSON.stringify(code)}`,
      path,
    );
  }
  return row;
}

/** Reads an item's unit and converts its amount to the unit of the coefficient row. */
export function amountInRowUnit(
  row: EnergyCoefficient,
  amount: DecimalInput,
  unitText: unknown,
  path: string,
): { amount: Decimal; unit: UnitCode; converted: Decimal } {
  const a = nonNegative(amount, pointer(path, 'amount'), 'amount');
  const unit = requireUnit(unitText, pointer(path, 'unit'));
  const dimension = units[row.unit].dimension;
  if (units[unit].dimension !== dimension) {
    throw new CalcError(
      'CALC_UNIT_MISMATCH',
      `${row.code} (${row.nameZh}) is measured by ${dimension}: expected one of ${unitsOf(dimension).join(', ')}, got ${unit}`,
      pointer(path, 'unit'),
    );
  }
  return { amount: a, unit, converted: convertUnit(a, unit, row.unit, pointer(path, 'unit')) };
}

/** Reads a measured NCV (kJ per kg or m³) and checks it is plausible for a fuel row. */
export function measuredNcv(row: EnergyCoefficient, value: DecimalInput, path: string): Decimal {
  if (row.category !== 'fuel') {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `ncvKJPerUnit applies to fuels only; ${row.code} (${row.nameZh}) is ${row.category}`,
      path,
    );
  }
  const ncv = positive(value, path, 'ncvKJPerUnit');
  if (ncv.gt(MAX_NCV_KJ)) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `ncvKJPerUnit is per ${row.unit}; ${ncv.toFixed()} kJ/${row.unit} exceeds any fuel (hydrogen ≈ 120 000 kJ/kg) — was it given per t or per 10^4 m3?`,
      path,
    );
  }
  return ncv;
}

function coefficientFor(
  row: EnergyCoefficient,
  item: TceItemInput,
  path: string,
  equalValue: Decimal | undefined,
): Pick<TceItemResult, 'coefficientKgcePerUnit' | 'coefficientFrom' | 'basis' | 'source'> {
  if (item.ncvKJPerUnit !== undefined) {
    const ncv = measuredNcv(row, item.ncvKJPerUnit, pointer(path, 'ncvKJPerUnit'));
    return {
      coefficientKgcePerUnit: ncv.div(KJ_PER_KGCE),
      coefficientFrom: 'measured-ncv',
      basis: 'equivalent',
      source: `measured NCV ${ncv.toFixed()} kJ/${row.unit} ÷ 29 307 kJ/kgce (GB/T 2589)`,
    };
  }
  if (row.category === 'electricity' && equalValue !== undefined) {
    return {
      coefficientKgcePerUnit: equalValue,
      coefficientFrom: 'equal-value-input',
      basis: 'equal-value',
      source: 'GB/T 2589 电力等价值: generation standard-coal consumption rate given as input',
    };
  }
  return {
    coefficientKgcePerUnit: new Dec(row.coefficientKgcePerUnit),
    coefficientFrom: 'table',
    basis: row.basis,
    source: row.source,
  };
}

function readEqualValue(input: TceInput): Decimal | undefined {
  const basis = input.electricityBasis ?? 'equivalent';
  if (basis !== 'equivalent' && basis !== 'equal-value') {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `expected electricityBasis to be "equivalent" or "equal-value", got ${JSON.stringify(basis)}`,
      '/electricityBasis',
    );
  }
  if (basis === 'equivalent') {
    if (input.equalValueKgcePerKWh !== undefined) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        'equalValueKgcePerKWh applies only when electricityBasis is "equal-value"',
        '/equalValueKgcePerKWh',
      );
    }
    return undefined;
  }
  if (input.equalValueKgcePerKWh === undefined) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      'expected equalValueKgcePerKWh (the generation coal rate in kgce/kWh, e.g. 0.3) for the equal-value basis',
      '/equalValueKgcePerKWh',
    );
  }
  const rate = positive(input.equalValueKgcePerKWh, '/equalValueKgcePerKWh', 'equalValueKgcePerKWh');
  if (rate.lt('0.1229')) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `a generation coal rate below the energy content of electricity (0.1229 kgce/kWh) means over 100 % efficiency, got ${rate.toFixed()}`,
      '/equalValueKgcePerKWh',
    );
  }
  return rate;
}

/**
 * Converts energy amounts to tonnes of standard coal equivalent per GB/T 2589-2020:
 * `tce = amount (in the coefficient's unit) × coefficient (kgce/unit) ÷ 1000`. Units are converted
 * (t → kg, 10^4 kWh → kWh, GJ → MJ); a measured NCV replaces the table value (NCV ÷ 29 307 kJ/kgce).
 * Values are exact; round the total once when you publish it.
 *
 * @throws {CalcError} CALC_UNKNOWN_ENERGY, CALC_UNKNOWN_UNIT, CALC_UNIT_MISMATCH, CALC_IMPOSSIBLE_VALUE, CALC_INVALID_INPUT.
 * @example
 * toTce({ items: [{ energy: 'raw-coal', amount: 1000, unit: 't' }] }).totalTce.toFixed(); // '714.3'
 * toTce({ items: [{ energy: 'electricity', amount: 1, unit: '10^4 kWh' }] }).totalTce.toFixed(); // '1.229'
 */
export function toTce(input: TceInput): TceResult {
  const equalValue = readEqualValue(input);
  const items = input.items.map((item, i): TceItemResult => {
    const path = pointer('/items', i);
    const row = requireEnergy(item.energy, pointer(path, 'energy'));
    const { amount, unit, converted } = amountInRowUnit(row, item.amount, item.unit, path);
    const coefficient = coefficientFor(row, item, path, equalValue);
    const tce = converted.times(coefficient.coefficientKgcePerUnit).div(1000);
    return {
      energy: row.code,
      nameZh: row.nameZh,
      amount,
      unit,
      amountInCoefficientUnit: converted,
      coefficientUnit: row.unit,
      ...coefficient,
      isEnergyWorkingMedium: row.isEnergyWorkingMedium,
      tce,
      explain: {
        formula: `tce = ${converted.toFixed()} ${row.unit} × ${coefficient.coefficientKgcePerUnit.toSignificantDigits(10).toFixed()} kgce/${row.unit} ÷ 1000`,
        inputs: { energy: row.code, amount: plain(amount), unit },
        ...(row.notes === undefined || coefficient.coefficientFrom !== 'table' ? {} : { notes: [row.notes] }),
      },
    };
  });
  const totalTce = items.reduce((sum, item) => sum.plus(item.tce), new Dec(0));
  const coefficients: ExplainCoefficient[] = [];
  for (const item of items) {
    const value = item.coefficientKgcePerUnit.toSignificantDigits(10).toFixed();
    if (!coefficients.some((c) => c.name === item.energy && c.value === value)) {
      coefficients.push({
        name: item.energy,
        value,
        unit: `kgce/${item.coefficientUnit}`,
        source: item.source,
      });
    }
  }
  const notes = [
    `Electricity on the ${equalValue === undefined ? '当量值 (equivalent, 0.1229 kgce/kWh)' : `等价值 (equal-value, ${equalValue.toFixed()} kgce/kWh)`} basis.`,
    '1 kgce = 29 307 kJ; the total is summed from exact item values and rounded once.',
  ];
  if (items.some((item) => item.isEnergyWorkingMedium)) {
    notes.push('Includes 耗能工质 (energy-carrying working media) at their 等价值 coefficients.');
  }
  for (const item of items) notes.push(...(item.explain.notes ?? []).map((n) => `${item.energy}: ${n}`));
  return {
    totalTce,
    items,
    explain: {
      formula: 'totalTce = Σ amount_i × k_i ÷ 1000  (k_i in kgce per unit, GB/T 2589-2020)',
      inputs: Object.fromEntries(
        items.map((item, i) => [`items/${i}`, `${plain(item.amount)} ${item.unit} ${item.energy}`]),
      ),
      coefficients,
      notes,
    },
  };
}
