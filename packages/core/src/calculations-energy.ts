import { pointer } from './calc-error.js';
import type { CalculationDefinition } from './calculation.js';
import { digits, out } from './calculation.js';
import { co2FromEnergy } from './co2.js';
import { toDecimal } from './decimal.js';
import type { EnergyBasis } from './energy-coefficients.js';
import {
  arrayField,
  enumField,
  integerField,
  numberField,
  optionalNumberField,
  optionalStringField,
  readObject,
  stringField,
} from './input-reader.js';
import { roundGbt8170 } from './rounding.js';
import { type TceItemInput, toTce } from './tce.js';
import { convertUnit, requireUnit } from './units.js';

function readItems(input: Record<string, unknown>): TceItemInput[] {
  return arrayField(input, 'items', '').map((raw, i) => {
    const path = pointer('/items', i);
    const item = readObject(raw, path, ['energy', 'amount', 'unit', 'ncvKJPerUnit']);
    const ncv = optionalNumberField(item, 'ncvKJPerUnit', path);
    return {
      energy: stringField(item, 'energy', path),
      amount: numberField(item, 'amount', path),
      unit: stringField(item, 'unit', path),
      ...(ncv === undefined ? {} : { ncvKJPerUnit: ncv }),
    };
  });
}

const round: CalculationDefinition = {
  name: 'round',
  titleZh: '数值修约 (GB/T 8170)',
  titleEn: 'Rounding (GB/T 8170)',
  description:
    'Rounds a decimal per GB/T 8170-2008 (四舍六入五成双, round half to even) to `digits` decimals; negative digits round to tens, hundreds. The value is returned as a string with its trailing zeros.',
  exampleInput: { value: '2.345', digits: 2 },
  run(input) {
    const obj = readObject(input, '', ['value', 'digits']);
    const value = numberField(obj, 'value', '');
    const places = integerField(obj, 'digits', '');
    const rounded = roundGbt8170(value, places);
    return {
      value: rounded.toFixed(Math.max(places, 0)),
      explain: {
        formula: 'GB/T 8170-2008 数值修约: 拟舍弃数字 < 5 舍, > 5 进, = 5 (其后全为 0) 则末位成双',
        inputs: { value: toDecimal(value, '/value').toFixed(), digits: places },
        notes: ['Negative numbers are rounded on their absolute value, then the sign is restored.'],
      },
    };
  },
};

const unitConvert: CalculationDefinition = {
  name: 'unit-convert',
  titleZh: '计量单位换算',
  titleEn: 'Unit conversion',
  description:
    'Converts an amount between units of the same kind: mass (kg, t, 10^4 t), volume (m3, 10^4 m3) or energy (MJ, GJ, kWh, MWh, 10^4 kWh).',
  exampleInput: { amount: 1.5, from: '10^4 t', to: 't' },
  run(input) {
    const obj = readObject(input, '', ['amount', 'from', 'to']);
    const amount = toDecimal(numberField(obj, 'amount', ''), '/amount');
    const from = requireUnit(obj['from'], '/from');
    const to = requireUnit(obj['to'], '/to');
    const converted = convertUnit(amount, from, to, '/to');
    return {
      amount: converted.toSignificantDigits(20).toFixed(),
      unit: to,
      explain: {
        formula: `amount_${to} = amount_${from} × (${from} in base unit) ÷ (${to} in base unit)`,
        inputs: { amount: amount.toFixed(), from, to },
        notes: ['Base units: kg, m3, kJ (1 kWh = 3 600 kJ).'],
      },
    };
  },
};

const tce: CalculationDefinition = {
  name: 'tce',
  titleZh: '折标准煤 (GB/T 2589-2020)',
  titleEn: 'Energy to tonnes of standard coal (GB/T 2589-2020)',
  description:
    'Converts energy amounts to tce with the GB/T 2589 reference coefficients. Units are converted for you; a measured NCV (ncvKJPerUnit, kJ per kg or m3) overrides the table. Electricity on the equivalent basis (0.1229 kgce/kWh) or, with electricityBasis "equal-value", at equalValueKgcePerKWh.',
  exampleInput: { items: [{ energy: 'raw-coal', amount: 1000, unit: 't' }] },
  run(input) {
    const obj = readObject(input, '', ['items', 'electricityBasis', 'equalValueKgcePerKWh']);
    const items = readItems(obj);
    const basis = enumField<EnergyBasis>(obj, 'electricityBasis', '', ['equivalent', 'equal-value']);
    const equalValue = optionalNumberField(obj, 'equalValueKgcePerKWh', '');
    const result = toTce({
      items,
      ...(basis === undefined ? {} : { electricityBasis: basis }),
      ...(equalValue === undefined ? {} : { equalValueKgcePerKWh: equalValue }),
    });
    return {
      totalTce: out(result.totalTce, digits.tce),
      items: result.items.map((item) => ({
        energy: item.energy,
        nameZh: item.nameZh,
        amount: item.amount.toNumber(),
        unit: item.unit,
        amountInCoefficientUnit: item.amountInCoefficientUnit.toSignificantDigits(20).toNumber(),
        coefficient: out(item.coefficientKgcePerUnit, digits.coefficient),
        coefficientUnit: `kgce/${item.coefficientUnit}`,
        coefficientFrom: item.coefficientFrom,
        basis: item.basis,
        isEnergyWorkingMedium: item.isEnergyWorkingMedium,
        tce: out(item.tce, digits.tce),
        source: item.source,
        explain: item.explain,
      })),
      explain: result.explain,
    };
  },
};

const co2: CalculationDefinition = {
  name: 'co2',
  titleZh: '能源活动二氧化碳排放',
  titleEn: 'CO2 from energy use',
  description:
    'CO2 emissions from the same items as tce: fuels by NCV × carbon content × oxidation rate × 44/12 (GB/T 32150-2015 defaults), electricity by the grid factor you give (t CO2/MWh for the region and year), heat at 0.11 t CO2/GJ.',
  exampleInput: {
    items: [
      { energy: 'raw-coal', amount: 1000, unit: 't' },
      { energy: 'electricity', amount: 100, unit: '10^4 kWh' },
    ],
    gridFactorTPerMWh: 0.5703,
    gridFactorSource: '环办气候函〔2023〕43号 2022年度全国电网平均排放因子',
  },
  run(input) {
    const obj = readObject(input, '', ['items', 'gridFactorTPerMWh', 'gridFactorSource']);
    const items = readItems(obj);
    const grid = optionalNumberField(obj, 'gridFactorTPerMWh', '');
    const source = optionalStringField(obj, 'gridFactorSource', '');
    const result = co2FromEnergy({
      items,
      ...(grid === undefined ? {} : { gridFactorTPerMWh: grid }),
      ...(source === undefined ? {} : { gridFactorSource: source }),
    });
    return {
      totalCo2T: out(result.totalCo2T, digits.t),
      items: result.items.map((item) => ({
        energy: item.energy,
        nameZh: item.nameZh,
        amount: item.amount.toNumber(),
        unit: item.unit,
        method: item.method,
        factor: out(item.factor, digits.coefficient),
        factorUnit: item.factorUnit,
        co2T: out(item.co2T, digits.t),
        source: item.source,
        verified: item.verified,
      })),
      explain: result.explain,
    };
  },
};

export const energyCalculations: readonly CalculationDefinition[] = [round, unitConvert, tce, co2];
