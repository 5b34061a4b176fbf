import { SOLID_WASTE_TYPES, type SolidWasteType } from '@ecep/contract';

export { SOLID_WASTE_TYPES, type SolidWasteType };

/** The waste type of a code, or undefined. */
export function findWasteType(code: string) {
  return SOLID_WASTE_TYPES.find((w) => w.code === code);
}

/** The four bulk wastes the Shanxi 2020 plan counts in its 100 Mt (1 亿吨) target. */
export const BULK_WASTE_TYPES: readonly SolidWasteType[] = [
  'coal_gangue',
  'fly_ash',
  'desulfurization_gypsum',
  'smelting_slag',
];

export interface SolidWasteTarget {
  code: string;
  name: string;
  kind: 'rate' | 'volume';
  /** % for rates, 万t for volumes. */
  unit: '%' | '万t';
  targetValue: string;
  targetYear: number;
  /** Waste types counted; null = every type. */
  wasteTypes: readonly SolidWasteType[] | null;
  source: string;
}

const PLAN_2014 = '山西省加快推进工业节能环保产业发展行动方案（2014）';
const PLAN_2020 = '山西省节能与资源综合利用2020年行动计划';

/** The Shanxi plans' solid-waste targets (seeds 000 and 001). */
export const SHANXI_SOLID_WASTE_TARGETS: readonly SolidWasteTarget[] = [
  {
    code: 'industrial_solid_waste_utilization_rate',
    name: '工业固废综合利用率',
    kind: 'rate',
    unit: '%',
    targetValue: '65',
    targetYear: 2015,
    wasteTypes: null,
    source: `${PLAN_2014}：到2015年工业固废综合利用率达到65%`,
  },
  {
    code: 'coal_gangue_utilization_rate',
    name: '煤矸石综合利用率',
    kind: 'rate',
    unit: '%',
    targetValue: '65',
    targetYear: 2015,
    wasteTypes: ['coal_gangue'],
    source: `${PLAN_2014}（固废综合利用工程）：到2015年煤矸石综合利用率达到65%以上`,
  },
  {
    code: 'fly_ash_utilization_rate',
    name: '粉煤灰综合利用率',
    kind: 'rate',
    unit: '%',
    targetValue: '80',
    targetYear: 2015,
    wasteTypes: ['fly_ash'],
    source: `${PLAN_2014}（固废综合利用工程）：到2015年粉煤灰综合利用率达到80%以上`,
  },
  {
    code: 'bulk_waste_utilized',
    name: '大宗工业固废综合利用量',
    kind: 'volume',
    unit: '万t',
    targetValue: '10000',
    targetYear: 2020,
    wasteTypes: BULK_WASTE_TYPES,
    source: `${PLAN_2020}：2020年全省大宗工业固废综合利用量达到1亿吨以上`,
  },
  {
    code: 'coal_gangue_utilized',
    name: '煤矸石综合利用量',
    kind: 'volume',
    unit: '万t',
    targetValue: '6500',
    targetYear: 2020,
    wasteTypes: ['coal_gangue'],
    source: `${PLAN_2020}：其中煤矸石6500万吨`,
  },
  {
    code: 'fly_ash_utilized',
    name: '粉煤灰综合利用量',
    kind: 'volume',
    unit: '万t',
    targetValue: '2100',
    targetYear: 2020,
    wasteTypes: ['fly_ash'],
    source: `${PLAN_2020}：其中粉煤灰2100万吨`,
  },
  {
    code: 'desulfurization_gypsum_utilized',
    name: '脱硫石膏综合利用量',
    kind: 'volume',
    unit: '万t',
    targetValue: '400',
    targetYear: 2020,
    wasteTypes: ['desulfurization_gypsum'],
    source: `${PLAN_2020}：其中脱硫石膏400万吨`,
  },
  {
    code: 'smelting_slag_utilized',
    name: '冶炼渣综合利用量',
    kind: 'volume',
    unit: '万t',
    targetValue: '1000',
    targetYear: 2020,
    wasteTypes: ['smelting_slag'],
    source: `${PLAN_2020}：其中冶炼渣1000万吨`,
  },
];

/** The three national industrial resource-utilisation bases the 2020 plan names. */
export const NATIONAL_UTILIZATION_BASES = [
  { regionCode: '140600', name: '朔州市' },
  { regionCode: '140500', name: '晋城市' },
  { regionCode: '140400', name: '长治市' },
] as const;
