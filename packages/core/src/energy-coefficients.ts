import type { UnitCode } from './units.js';

/** 当量值 (equivalent: energy content) or 等价值 (equal value: primary energy used to make it). */
export type EnergyBasis = 'equivalent' | 'equal-value';

/** What kind of energy a row is: fuels take a measured NCV; the others do not. */
export type EnergyCategory = 'fuel' | 'electricity' | 'heat' | 'working-medium';

/** One row of the GB/T 2589 reference table. Numbers are decimal strings (exact). */
export interface EnergyCoefficient {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The unit the coefficient refers to (kgce per this unit). */
  unit: UnitCode;
  coefficientKgcePerUnit: string;
  /** When the standard gives a range, its bounds; `coefficientKgcePerUnit` is then the lower bound. */
  rangeKgcePerUnit?: readonly [string, string];
  /**
   * Average net calorific value (低位发热量) in kJ per `unit`: the table's kcal figure × 4.1868 kJ/kcal,
   * the 2020 edition's convention (computed in the reference notes, not checked against the 2020 text).
   * Informational: the coefficient is the authoritative figure.
   */
  ncvKJPerUnit?: string;
  basis: EnergyBasis;
  category: EnergyCategory;
  /** 耗能工质 (energy-carrying working medium such as water or compressed air), not an energy. */
  isEnergyWorkingMedium: boolean;
  source: string;
  /** ISO date from which the source applies; `validTo` null = still in force. */
  validFrom: string;
  validTo: string | null;
  notes?: string;
}

/**
 * 1 kgce = 29 307 kJ (7 000 kcal), GB/T 2589.
 *
 * @example
 * new Dec(20934).div(KJ_PER_KGCE).toFixed(4); // '0.7143'
 */
export const KJ_PER_KGCE = '29307';

const APPENDIX_A =
  'GB/T 2589-2020 附录A 参考折标准煤系数 (coefficient as in GB/T 2589-2008 附录A, reproduced in DB43/T 612-2015 附录A)';
const APPENDIX_B =
  'GB/T 2589 附录B 耗能工质折标准煤系数 (GB/T 2589-2008 values, reproduced in DB43/T 612-2015 表A.2)';
const FROM = '2021-04-01';
const RANGE_NOTE =
  'The standard gives a range; the lower bound is the default. Pass a measured ncvKJPerUnit.';

function fuel(
  code: string,
  nameZh: string,
  nameEn: string,
  unit: 'kg' | 'm3',
  coefficient: string,
  ncv?: string,
  extra: Partial<EnergyCoefficient> = {},
): EnergyCoefficient {
  return {
    code,
    nameZh,
    nameEn,
    unit,
    coefficientKgcePerUnit: coefficient,
    ...(ncv === undefined ? {} : { ncvKJPerUnit: ncv }),
    basis: 'equivalent',
    category: 'fuel',
    isEnergyWorkingMedium: false,
    source: APPENDIX_A,
    validFrom: FROM,
    validTo: null,
    ...extra,
  };
}

function medium(code: string, nameZh: string, nameEn: string, unit: UnitCode, coefficient: string) {
  const row: EnergyCoefficient = {
    code,
    nameZh,
    nameEn,
    unit,
    coefficientKgcePerUnit: coefficient,
    basis: 'equal-value',
    category: 'working-medium',
    isEnergyWorkingMedium: true,
    source: APPENDIX_B,
    validFrom: FROM,
    validTo: null,
  };
  return row;
}

/**
 * GB/T 2589 reference coefficients (kgce per unit). Use a measured NCV when you have one: the
 * table is for when it was not measured. Electricity here is the 当量值 0.1229 kgce/kWh; the 等价值
 * depends on the year's generation coal rate and is passed in (`equalValueKgcePerKWh`).
 *
 * @example
 * energyCoefficients.find((r) => r.code === 'raw-coal')?.coefficientKgcePerUnit; // '0.7143'
 */
export const energyCoefficients: readonly EnergyCoefficient[] = [
  fuel('raw-coal', '原煤', 'raw coal', 'kg', '0.7143', '20934'),
  fuel('washed-coal', '洗精煤', 'washed (clean) coal', 'kg', '0.9000', '26377'),
  fuel('coal-middlings', '洗中煤', 'coal middlings', 'kg', '0.2857', '8374'),
  fuel('coal-slime', '煤泥', 'coal slime', 'kg', '0.2857', '8374', {
    rangeKgcePerUnit: ['0.2857', '0.4286'],
    notes: RANGE_NOTE,
  }),
  fuel('coke', '焦炭', 'coke', 'kg', '0.9714', '28470'),
  fuel('crude-oil', '原油', 'crude oil', 'kg', '1.4286', '41868'),
  fuel('fuel-oil', '燃料油', 'fuel oil', 'kg', '1.4286', '41868'),
  fuel('gasoline', '汽油', 'gasoline', 'kg', '1.4714', '43124'),
  fuel('kerosene', '煤油', 'kerosene', 'kg', '1.4714', '43124'),
  fuel('diesel', '柴油', 'diesel', 'kg', '1.4571', '42705'),
  fuel('coal-tar', '煤焦油', 'coal tar', 'kg', '1.1429', '33494'),
  fuel('residual-oil', '渣油', 'residual oil', 'kg', '1.4286', '41868'),
  fuel('lpg', '液化石油气', 'liquefied petroleum gas', 'kg', '1.7143', '50242'),
  fuel('refinery-gas', '炼厂干气', 'refinery dry gas', 'kg', '1.5714', '46055'),
  fuel('crude-benzene', '粗苯', 'crude benzene', 'kg', '1.4286'),
  fuel('natural-gas', '天然气', 'natural gas', 'm3', '1.2143', '35588', {
    notes:
      '气田天然气 row of GB/T 2589-2008, also the statistical convention 12.143 tce/10^4 m3. Use natural-gas-oilfield for 1.3300.',
  }),
  fuel('natural-gas-oilfield', '油田天然气', 'oil-field natural gas', 'm3', '1.3300', '38979'),
  fuel('coal-mine-methane', '煤矿瓦斯气', 'coal-mine methane', 'm3', '0.5000', '14654', {
    rangeKgcePerUnit: ['0.5000', '0.5714'],
    notes: RANGE_NOTE,
  }),
  fuel('coke-oven-gas', '焦炉煤气', 'coke-oven gas', 'm3', '0.5714', '16747', {
    rangeKgcePerUnit: ['0.5714', '0.6143'],
    notes: RANGE_NOTE,
  }),
  fuel('blast-furnace-gas', '高炉煤气', 'blast-furnace gas', 'm3', '0.1286', '3768'),
  fuel('producer-gas', '发生炉煤气', 'producer gas', 'm3', '0.1786'),
  fuel('heavy-oil-catalytic-gas', '重油催化裂解煤气', 'heavy-oil catalytic cracking gas', 'm3', '0.6571'),
  fuel('heavy-oil-thermal-gas', '重油热裂解煤气', 'heavy-oil thermal cracking gas', 'm3', '1.2143'),
  fuel('coke-derived-gas', '焦炭制气', 'coke-derived gas', 'm3', '0.5571'),
  fuel('pressure-gasification-gas', '压力气化煤气', 'pressure-gasification gas', 'm3', '0.5143'),
  fuel('water-gas', '水煤气', 'water gas', 'm3', '0.3571'),
  {
    code: 'electricity',
    nameZh: '电力',
    nameEn: 'electricity',
    unit: 'kWh',
    coefficientKgcePerUnit: '0.1229',
    ncvKJPerUnit: '3600',
    basis: 'equivalent',
    category: 'electricity',
    isEnergyWorkingMedium: false,
    source: 'GB/T 2589-2020 附录A: 电力 (当量值) 3 600 kJ/kWh (860 kcal/kWh)',
    validFrom: FROM,
    validTo: null,
    notes: '等价值 (equal value) depends on the year’s thermal-power generation coal rate: pass it as input.',
  },
  {
    code: 'heat',
    nameZh: '热力',
    nameEn: 'heat',
    unit: 'MJ',
    coefficientKgcePerUnit: '0.03412',
    basis: 'equivalent',
    category: 'heat',
    isEnergyWorkingMedium: false,
    source: `${APPENDIX_A}: 热力 (当量值) 0.03412 kgce/MJ = 34.12 kgce/GJ`,
    validFrom: FROM,
    validTo: null,
  },
  {
    code: 'steam',
    nameZh: '蒸汽(低压)',
    nameEn: 'steam (low pressure)',
    unit: 'kg',
    coefficientKgcePerUnit: '0.1286',
    basis: 'equivalent',
    category: 'heat',
    isEnergyWorkingMedium: false,
    source: `${APPENDIX_A}: 蒸汽(低压) ≈3 763 MJ/t`,
    validFrom: FROM,
    validTo: null,
  },
  medium('fresh-water', '新水', 'fresh water', 't', '0.0857'),
  medium('softened-water', '软水', 'softened water', 't', '0.4857'),
  medium('deaerated-water', '除氧水', 'deaerated water', 't', '0.9714'),
  medium('compressed-air', '压缩空气', 'compressed air', 'm3', '0.0400'),
  medium('blast-air', '鼓风', 'blast air', 'm3', '0.0300'),
  medium('oxygen', '氧气', 'oxygen', 'm3', '0.4000'),
  medium('nitrogen', '氮气(副产品)', 'nitrogen (by-product)', 'm3', '0.4000'),
  medium('co2-gas', '二氧化碳气', 'CO2 gas', 'm3', '0.2143'),
  medium('acetylene', '乙炔', 'acetylene', 'm3', '8.3143'),
  medium('calcium-carbide', '电石', 'calcium carbide', 'kg', '2.0786'),
];

const byCode = new Map(energyCoefficients.map((row) => [row.code, row]));

/**
 * Looks up a row of {@link energyCoefficients} by its code.
 *
 * @example
 * findEnergyCoefficient('diesel')?.coefficientKgcePerUnit; // '1.4571'
 */
export function findEnergyCoefficient(code: string): EnergyCoefficient | undefined {
  return byCode.get(code);
}
