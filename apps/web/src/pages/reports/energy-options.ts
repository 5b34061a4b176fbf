/**
 * The energies an enterprise reports most, with the units the engine accepts for each
 * (packages/core energy-coefficients.ts and units.ts). The API has no coefficient catalog endpoint
 * yet, so this list mirrors the engine's codes; the server computes and checks every figure.
 */
export interface EnergyOption {
  code: string;
  nameZh: string;
  defaultUnit: string;
  units: readonly string[];
}

const MASS = ['t', '10^4 t', 'kg'] as const;
const VOLUME = ['10^4 m3', 'm3'] as const;
const ENERGY = ['10^4 kWh', 'MWh', 'kWh', 'GJ', 'MJ'] as const;

const fuel = (code: string, nameZh: string): EnergyOption => ({
  code,
  nameZh,
  defaultUnit: 't',
  units: MASS,
});
const gas = (code: string, nameZh: string): EnergyOption => ({
  code,
  nameZh,
  defaultUnit: '10^4 m3',
  units: VOLUME,
});

export const ENERGY_OPTIONS: readonly EnergyOption[] = [
  fuel('raw-coal', '原煤'),
  fuel('washed-coal', '洗精煤'),
  fuel('coal-middlings', '洗中煤'),
  fuel('coal-slime', '煤泥'),
  fuel('coke', '焦炭'),
  fuel('crude-oil', '原油'),
  fuel('fuel-oil', '燃料油'),
  fuel('gasoline', '汽油'),
  fuel('kerosene', '煤油'),
  fuel('diesel', '柴油'),
  fuel('coal-tar', '煤焦油'),
  fuel('lpg', '液化石油气'),
  fuel('crude-benzene', '粗苯'),
  gas('natural-gas', '天然气'),
  gas('coke-oven-gas', '焦炉煤气'),
  gas('blast-furnace-gas', '高炉煤气'),
  gas('coal-mine-methane', '煤矿瓦斯气'),
  gas('producer-gas', '发生炉煤气'),
  { code: 'electricity', nameZh: '电力', defaultUnit: '10^4 kWh', units: ENERGY },
  { code: 'heat', nameZh: '热力', defaultUnit: 'GJ', units: ['GJ', 'MJ'] },
  { code: 'steam', nameZh: '蒸汽(低压)', defaultUnit: 't', units: MASS },
  { code: 'fresh-water', nameZh: '新水（耗能工质）', defaultUnit: 't', units: MASS },
  { code: 'compressed-air', nameZh: '压缩空气（耗能工质）', defaultUnit: 'm3', units: VOLUME },
  { code: 'oxygen', nameZh: '氧气（耗能工质）', defaultUnit: 'm3', units: VOLUME },
];

export const energyOption = (code: string | undefined): EnergyOption | undefined =>
  ENERGY_OPTIONS.find((o) => o.code === code);

export const energyNameZh = (code: string): string => energyOption(code)?.nameZh ?? code;

/** `10^4 m3` → `万m³` for display; the stored code stays as the engine spells it. */
export function unitLabel(unit: string): string {
  return unit.replace('10^4 ', '万').replace('m3', 'm³');
}
