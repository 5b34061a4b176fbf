import { CalcError } from './calc-error.js';
import type { CalculationDefinition } from './calculation.js';
import { digits, out } from './calculation.js';
import { emissionLoadKg } from './emission-load.js';
import {
  enumField,
  integerField,
  numberField,
  optionalNumberField,
  readObject,
  stringField,
} from './input-reader.js';
import { o2Correct } from './o2-correction.js';
import { isDayValid, isHourValid, isMinuteValid, isMonthValid, validityThresholds } from './validity.js';
import { wasteUtilizationRate } from './waste-utilization.js';

const o2: CalculationDefinition = {
  name: 'o2-correction',
  titleZh: '基准氧含量折算',
  titleEn: 'O2 reference correction',
  description:
    'Converts a measured dry concentration to the standard’s reference O2: C × (21 − O2ref) ÷ (21 − O2measured) (HJ 75-2017 A9), and flags an exceedance of limitMgPerM3.',
  exampleInput: { measuredMgPerM3: 40, measuredO2Pct: 10, referenceO2Pct: 6, limitMgPerM3: 35 },
  run(input) {
    const obj = readObject(input, '', ['measuredMgPerM3', 'measuredO2Pct', 'referenceO2Pct', 'limitMgPerM3']);
    const limit = optionalNumberField(obj, 'limitMgPerM3', '');
    const r = o2Correct({
      measuredMgPerM3: numberField(obj, 'measuredMgPerM3', ''),
      measuredO2Pct: numberField(obj, 'measuredO2Pct', ''),
      referenceO2Pct: numberField(obj, 'referenceO2Pct', ''),
      ...(limit === undefined ? {} : { limitMgPerM3: limit }),
    });
    return {
      correctedMgPerM3: out(r.correctedMgPerM3, digits.concentration),
      ...(r.exceeds === undefined ? {} : { exceeds: r.exceeds }),
      ...(r.exceedanceMultiple === undefined ? {} : { exceedanceMultiple: out(r.exceedanceMultiple, 2) }),
      explain: r.explain,
    };
  },
};

const load: CalculationDefinition = {
  name: 'emission-load',
  titleZh: '污染物排放量',
  titleEn: 'Emission load',
  description:
    'Mass emitted: measured dry concentration (mg/m3, not O2-corrected) × dry standard flow (m3/h) × hours × 10⁻⁶ → kg.',
  exampleInput: { concentrationMgPerM3: 100, flowM3PerH: 500000, hours: 1 },
  run(input) {
    const obj = readObject(input, '', ['concentrationMgPerM3', 'flowM3PerH', 'hours']);
    const r = emissionLoadKg({
      concentrationMgPerM3: numberField(obj, 'concentrationMgPerM3', ''),
      flowM3PerH: numberField(obj, 'flowM3PerH', ''),
      hours: numberField(obj, 'hours', ''),
    });
    return { loadKg: out(r.loadKg, digits.kg), loadT: out(r.loadT, digits.kg + 3), explain: r.explain };
  },
};

const waste: CalculationDefinition = {
  name: 'waste-utilization',
  titleZh: '一般工业固体废物综合利用率',
  titleEn: 'Solid-waste utilisation rate',
  description:
    'utilised ÷ (generated + utilised from earlier years’ stock) × 100; utilizedT includes the part taken from stock.',
  exampleInput: { generatedT: 1000, utilizedT: 900, utilizedFromStockT: 100 },
  run(input) {
    const obj = readObject(input, '', ['generatedT', 'utilizedT', 'utilizedFromStockT']);
    const stock = optionalNumberField(obj, 'utilizedFromStockT', '');
    const r = wasteUtilizationRate({
      generatedT: numberField(obj, 'generatedT', ''),
      utilizedT: numberField(obj, 'utilizedT', ''),
      ...(stock === undefined ? {} : { utilizedFromStockT: stock }),
    });
    return { utilizationRatePct: out(r.utilizationRatePct, digits.pct), explain: r.explain };
  },
};

const validity: CalculationDefinition = {
  name: 'validity',
  titleZh: '自动监测数据有效性',
  titleEn: 'CEMS data validity',
  description:
    'HJ 76-2017 appendix B: a minute is valid with flag N; an hour with ≥ 45 valid minutes; a day with ≥ 20 valid hours; a month with ≥ 25 valid days (February ≥ 23). Give period and flag or validCount (and month for a month).',
  exampleInput: { period: 'hour', validCount: 45 },
  run(input) {
    const obj = readObject(input, '', ['period', 'flag', 'validCount', 'month']);
    const period = enumField(obj, 'period', '', ['minute', 'hour', 'day', 'month'] as const);
    if (period === undefined) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        'expected period: "minute", "hour", "day" or "month"',
        '/period',
      );
    }
    const source = 'HJ 76-2017 附录B (HJ 75-2017)';
    if (period === 'minute') {
      const flag = stringField(obj, 'flag', '');
      return {
        valid: isMinuteValid(flag),
        explain: { formula: 'valid = (flag = "N")', inputs: { period, flag }, notes: [source] },
      };
    }
    const validCount = integerField(obj, 'validCount', '');
    let valid: boolean;
    let required: number;
    const inputs: Record<string, string | number> = { period, validCount };
    if (period === 'hour') {
      valid = isHourValid(validCount, '/validCount');
      required = validityThresholds.hourMinValidMinutes;
    } else if (period === 'day') {
      valid = isDayValid(validCount, '/validCount');
      required = validityThresholds.dayMinValidHours;
    } else {
      const month = integerField(obj, 'month', '');
      inputs['month'] = month;
      valid = isMonthValid(validCount, month, '/validCount');
      required = month === 2 ? validityThresholds.februaryMinValidDays : validityThresholds.monthMinValidDays;
    }
    return {
      valid,
      required,
      explain: { formula: `valid = validCount ≥ ${required}`, inputs, notes: [source] },
    };
  },
};

export const environmentCalculations: readonly CalculationDefinition[] = [o2, load, waste, validity];
