/**
 * The regional statistics ECEP keeps per year (and quarter or half-year where the plans ask), in the units
 * the statistical yearbooks and bulletins publish them. A value is always entered in the catalog unit.
 */
export interface StatisticIndicator {
  code: string;
  nameZh: string;
  unit: string;
  group: 'energy' | 'economy' | 'pollutant' | 'waste' | 'industry' | 'carbon';
  /** GDP at comparable prices needs the price base year (e.g. 2005, 2015) recorded with the value. */
  needsPriceBase?: boolean;
  /** Index values (previous year = 100) may not be zero; everything else may not be negative. */
  positive?: boolean;
  description: string;
}

export const STATISTIC_INDICATORS: readonly StatisticIndicator[] = [
  {
    code: 'energy_total_10k_tce',
    nameZh: '能源消费总量',
    unit: '10k tce',
    group: 'energy',
    description: '万吨标准煤，电力按等价值（发电煤耗）折算，与统计公报口径一致',
  },
  {
    code: 'electricity_100m_kwh',
    nameZh: '全社会用电量',
    unit: '100m kWh',
    group: 'energy',
    description: '亿千瓦时',
  },
  {
    code: 'gdp_comparable_100m_yuan',
    nameZh: '地区生产总值（可比价）',
    unit: '100m yuan',
    group: 'economy',
    needsPriceBase: true,
    positive: true,
    description: '亿元，按规划确定的基年价格（如 2005 年价、2015 年价）计算',
  },
  {
    code: 'gdp_current_100m_yuan',
    nameZh: '地区生产总值（当年价）',
    unit: '100m yuan',
    group: 'economy',
    positive: true,
    description: '亿元，当年价格',
  },
  {
    code: 'gdp_index',
    nameZh: '地区生产总值指数（上年=100）',
    unit: 'index (prev. year = 100)',
    group: 'economy',
    positive: true,
    description: '按可比价格计算的发展速度，用于不变价 GDP 的链式推算',
  },
  {
    code: 'industry_value_added_100m_yuan',
    nameZh: '规模以上工业增加值（可比价）',
    unit: '100m yuan',
    group: 'economy',
    needsPriceBase: true,
    description: '亿元',
  },
  { code: 'cod_10k_t', nameZh: '化学需氧量排放总量', unit: '10k t', group: 'pollutant', description: '万吨' },
  { code: 'nh3n_10k_t', nameZh: '氨氮排放总量', unit: '10k t', group: 'pollutant', description: '万吨' },
  { code: 'so2_10k_t', nameZh: '二氧化硫排放总量', unit: '10k t', group: 'pollutant', description: '万吨' },
  { code: 'nox_10k_t', nameZh: '氮氧化物排放总量', unit: '10k t', group: 'pollutant', description: '万吨' },
  { code: 'smoke_10k_t', nameZh: '烟尘排放总量', unit: '10k t', group: 'pollutant', description: '万吨' },
  {
    code: 'industrial_dust_10k_t',
    nameZh: '工业粉尘排放总量',
    unit: '10k t',
    group: 'pollutant',
    description: '万吨',
  },
  {
    code: 'voc_10k_t',
    nameZh: '挥发性有机物排放总量',
    unit: '10k t',
    group: 'pollutant',
    description: '万吨',
  },
  {
    code: 'solid_waste_generated_10k_t',
    nameZh: '一般工业固体废物产生量',
    unit: '10k t',
    group: 'waste',
    description: '万吨',
  },
  {
    code: 'solid_waste_utilized_10k_t',
    nameZh: '一般工业固体废物综合利用量',
    unit: '10k t',
    group: 'waste',
    description: '万吨（含利用往年贮存量）',
  },
  {
    code: 'solid_waste_utilized_from_stock_10k_t',
    nameZh: '其中：综合利用往年贮存量',
    unit: '10k t',
    group: 'waste',
    description: '万吨',
  },
  {
    code: 'solid_waste_stock_10k_t',
    nameZh: '一般工业固体废物贮存量',
    unit: '10k t',
    group: 'waste',
    description: '万吨（年末堆存）',
  },
  {
    code: 'ep_industry_output_100m_yuan',
    nameZh: '节能环保产业产值',
    unit: '100m yuan',
    group: 'industry',
    description: '亿元，当年价格',
  },
  {
    code: 'co2_energy_10k_t',
    nameZh: '能源活动二氧化碳排放',
    unit: '10k t',
    group: 'carbon',
    description: '万吨 CO2',
  },
];

export const STATISTIC_PERIODS = ['Y', 'H1', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
export type StatisticPeriod = (typeof STATISTIC_PERIODS)[number];
export const STATISTIC_STATUSES = ['preliminary', 'final', 'revised'] as const;
export type StatisticStatus = (typeof STATISTIC_STATUSES)[number];
export const STATISTIC_STATUS_ZH: Record<StatisticStatus, string> = {
  preliminary: '初步数',
  final: '最终核实数',
  revised: '修订数',
};

export function findIndicator(code: string): StatisticIndicator | undefined {
  return STATISTIC_INDICATORS.find((i) => i.code === code);
}
