import { CalcError } from './calc-error.js';
import { Dec, type Decimal, type DecimalInput, toDecimal } from './decimal.js';

/**
 * Units the engine converts between. `10^4` is 万.
 *
 * @example
 * unitCodes.includes('10^4 kWh'); // true
 */
export const unitCodes = [
  't',
  'kg',
  '10^4 t',
  'm3',
  '10^4 m3',
  'kWh',
  'MWh',
  '10^4 kWh',
  'GJ',
  'MJ',
] as const;
export type UnitCode = (typeof unitCodes)[number];

export type Dimension = 'mass' | 'volume' | 'energy';

export interface UnitDefinition {
  code: UnitCode;
  nameZh: string;
  dimension: Dimension;
  /** Size of one unit in the dimension's base unit: kg, m³ or kJ (integers, so scaling is exact). */
  inBaseUnit: string;
}

/**
 * The unit table. Base units: kg (mass), m³ (volume), kJ (energy); 1 kWh = 3 600 kJ.
 *
 * @example
 * units['10^4 t'].inBaseUnit; // '10000000' (kg)
 */
export const units: Readonly<Record<UnitCode, UnitDefinition>> = {
  kg: { code: 'kg', nameZh: '千克', dimension: 'mass', inBaseUnit: '1' },
  t: { code: 't', nameZh: '吨', dimension: 'mass', inBaseUnit: '1000' },
  '10^4 t': { code: '10^4 t', nameZh: '万吨', dimension: 'mass', inBaseUnit: '10000000' },
  m3: { code: 'm3', nameZh: '立方米', dimension: 'volume', inBaseUnit: '1' },
  '10^4 m3': { code: '10^4 m3', nameZh: '万立方米', dimension: 'volume', inBaseUnit: '10000' },
  MJ: { code: 'MJ', nameZh: '兆焦', dimension: 'energy', inBaseUnit: '1000' },
  GJ: { code: 'GJ', nameZh: '吉焦', dimension: 'energy', inBaseUnit: '1000000' },
  kWh: { code: 'kWh', nameZh: '千瓦时', dimension: 'energy', inBaseUnit: '3600' },
  MWh: { code: 'MWh', nameZh: '兆瓦时', dimension: 'energy', inBaseUnit: '3600000' },
  '10^4 kWh': { code: '10^4 kWh', nameZh: '万千瓦时', dimension: 'energy', inBaseUnit: '36000000' },
};

const aliases: Readonly<Record<string, UnitCode>> = {
  'm³': 'm3',
  万t: '10^4 t',
  '10^4t': '10^4 t',
  '10^4 m³': '10^4 m3',
  '10^4m3': '10^4 m3',
  万m3: '10^4 m3',
  '万m³': '10^4 m3',
  万kWh: '10^4 kWh',
  '10^4kWh': '10^4 kWh',
};

/**
 * Resolves a unit string (canonical code or a common alias such as `万t`, `m³`) to its code.
 *
 * @example
 * parseUnit('万kWh'); // '10^4 kWh'
 * parseUnit('barrel'); // undefined
 */
export function parseUnit(text: string): UnitCode | undefined {
  if (Object.hasOwn(units, text)) return text as UnitCode;
  return Object.hasOwn(aliases, text) ? aliases[text] : undefined;
}

/** Like {@link parseUnit} but throws CALC_UNKNOWN_UNIT naming the accepted units. */
export function requireUnit(text: unknown, path: string): UnitCode {
  const code = typeof text === 'string' ? parseUnit(text) : undefined;
  if (code === undefined) {
    throw new CalcError(
      'CALC_UNKNOWN_UNIT',
      `expected one of ${unitCodes.join(', ')}, got ${JSON.stringify(text)}`,
      path,
    );
  }
  return code;
}

/**
 * Converts an amount between units of the same dimension (mass/mass, volume/volume, energy/energy).
 * Scaling is exact; only energy conversions that divide by 3 600 (GJ → kWh) are non-terminating and
 * carry 50 significant digits.
 *
 * @throws {CalcError} CALC_UNIT_MISMATCH when the dimensions differ (t → m3).
 * @example
 * convertUnit(1, '10^4 t', 'kg').toFixed(); // '10000000'
 * convertUnit(1, 'MWh', 'GJ').toFixed();    // '3.6'
 */
export function convertUnit(amount: DecimalInput, from: UnitCode, to: UnitCode, path = '/unit'): Decimal {
  const a = toDecimal(amount, '/amount');
  const f = units[from];
  const t = units[to];
  if (f.dimension !== t.dimension) {
    throw new CalcError(
      'CALC_UNIT_MISMATCH',
      `cannot convert ${from} (${f.dimension}) to ${to} (${t.dimension}); expected a ${t.dimension} unit`,
      path,
    );
  }
  if (from === to) return a;
  return a.times(new Dec(f.inBaseUnit)).div(new Dec(t.inBaseUnit));
}

/** Units of a dimension, for messages: `kg, t, 10^4 t`. */
export function unitsOf(dimension: Dimension): UnitCode[] {
  return unitCodes.filter((c) => units[c].dimension === dimension);
}
