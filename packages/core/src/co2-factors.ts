/**
 * Default CO2 factors for fuel combustion: `kgCO2 per unit = NCV × CC × OF × 44/12` (GB/T 32150-2015),
 * NCV in kJ per `unit`, CC in t C/TJ, OF as a fraction. `verified: false` marks values the reference
 * notes took from memory of GB/T 32150-2015 表B.1; check them against the standard before release.
 */
export interface Co2FuelFactor {
  energy: string;
  unit: 'kg' | 'm3';
  ncvKJPerUnit: string;
  carbonContentTCPerTJ: string;
  oxidationRate: string;
  source: string;
  verified: boolean;
}

const BOOK118 =
  'GB/T 2589 NCV × provincial-inventory/IPCC carbon content × oxidation rate (GB/T 32150-2015 formula; table via max.book118.com 8133103033003020, recomputed)';
const GBT32150_B1 = 'GB/T 32150-2015 表B.1 default (unverified: check against the standard)';

function f(
  energy: string,
  unit: 'kg' | 'm3',
  ncv: string,
  cc: string,
  of: string,
  source = BOOK118,
  verified = true,
): Co2FuelFactor {
  return { energy, unit, ncvKJPerUnit: ncv, carbonContentTCPerTJ: cc, oxidationRate: of, source, verified };
}

/**
 * @example
 * co2FuelFactors.find((x) => x.energy === 'raw-coal')?.carbonContentTCPerTJ; // '26.37'
 */
export const co2FuelFactors: readonly Co2FuelFactor[] = [
  f('raw-coal', 'kg', '20908', '26.37', '0.94'),
  f('washed-coal', 'kg', '26344', '25.41', '0.90', GBT32150_B1, false),
  f('coke', 'kg', '28435', '29.5', '0.93'),
  f('crude-oil', 'kg', '41816', '20.1', '0.98'),
  f('fuel-oil', 'kg', '41816', '21.1', '0.98'),
  f('gasoline', 'kg', '43070', '18.9', '0.98'),
  f('kerosene', 'kg', '43070', '19.5', '0.98'),
  f('diesel', 'kg', '42652', '20.2', '0.98'),
  f('lpg', 'kg', '50179', '17.2', '0.98'),
  f('refinery-gas', 'kg', '46055', '18.2', '0.98'),
  // GB/T 32150 default NCV for natural gas is 389.31 GJ/10^4 Nm3 = 38 931 kJ/m3 (the 油田天然气 row).
  f('natural-gas', 'm3', '38931', '15.3', '0.99'),
  f('natural-gas-oilfield', 'm3', '38931', '15.3', '0.99'),
  f('coke-oven-gas', 'm3', '17981', '13.58', '0.99', GBT32150_B1, false),
  f('blast-furnace-gas', 'm3', '3300', '70.8', '0.99', GBT32150_B1, false),
];

/**
 * Purchased heat: 0.11 t CO2/GJ, a common default (unverified in the reference notes).
 *
 * @example
 * co2HeatFactor.tCo2PerGJ; // '0.11'
 */
export const co2HeatFactor = {
  energy: 'heat',
  tCo2PerGJ: '0.11',
  source:
    'common default for purchased heat, 0.11 tCO2/GJ (unverified: confirm against the applicable guideline)',
  verified: false,
} as const;

export interface GridEmissionFactor {
  /** `national`, a grid region (`north-china`, …) or a province code (`140000`). */
  region: string;
  regionZh: string;
  /** Year of the data the factor describes. */
  year: number;
  tCo2PerMWh: string;
  series: 'carbon-market' | 'location-based';
  source: string;
  verified: boolean;
}

const LOCATION_2022 = 'MEE + NBS 2022年电力二氧化碳排放因子 (公告 2024-12-20)';
const LOCATION_2023 = 'MEE + NBS 2023年电力二氧化碳排放因子 (published end 2025)';

function grid(
  region: string,
  regionZh: string,
  year: number,
  value: string,
  series: GridEmissionFactor['series'],
  source: string,
  verified = true,
): GridEmissionFactor {
  return { region, regionZh, year, tCo2PerMWh: value, series, source, verified };
}

/**
 * Published grid factors, for the UI to offer as the `gridFactorTPerMWh` input. Two official series
 * that must not be mixed: the carbon-market reporting value and the location-based factor.
 *
 * @example
 * gridEmissionFactors.find((g) => g.region === '140000' && g.year === 2022)?.tCo2PerMWh; // '0.7096'
 */
export const gridEmissionFactors: readonly GridEmissionFactor[] = [
  grid(
    'national',
    '全国',
    2020,
    '0.6101',
    'carbon-market',
    '全国电网平均排放因子, first compliance period',
    false,
  ),
  grid('national', '全国', 2021, '0.5810', 'carbon-market', '环办气候函〔2022〕111号', false),
  grid(
    'national',
    '全国',
    2022,
    '0.5703',
    'carbon-market',
    '环办气候函〔2023〕43号 2022年度全国电网平均排放因子',
    false,
  ),
  grid('national', '全国', 2021, '0.5568', 'location-based', 'MEE + NBS 公告2024年第12号'),
  grid('national', '全国', 2022, '0.5366', 'location-based', LOCATION_2022),
  grid('national', '全国', 2023, '0.5306', 'location-based', LOCATION_2023),
  grid('north-china', '华北', 2022, '0.6776', 'location-based', LOCATION_2022),
  grid('northwest', '西北', 2022, '0.5857', 'location-based', LOCATION_2022),
  grid('east-china', '华东', 2022, '0.5617', 'location-based', LOCATION_2022),
  grid('northeast', '东北', 2022, '0.5564', 'location-based', LOCATION_2022),
  grid('central-china', '华中', 2022, '0.5395', 'location-based', LOCATION_2022),
  grid('south', '南方', 2022, '0.3869', 'location-based', LOCATION_2022),
  grid('southwest', '西南', 2022, '0.2268', 'location-based', LOCATION_2022),
  grid('north-china', '华北', 2023, '0.6361', 'location-based', LOCATION_2023),
  grid('northeast', '东北', 2023, '0.5122', 'location-based', LOCATION_2023),
  grid('east-china', '华东', 2023, '0.5500', 'location-based', LOCATION_2023),
  grid('central-china', '华中', 2023, '0.5271', 'location-based', LOCATION_2023),
  grid('northwest', '西北', 2023, '0.5543', 'location-based', LOCATION_2023),
  grid('south', '南方', 2023, '0.4042', 'location-based', LOCATION_2023),
  grid('southwest', '西南', 2023, '0.2472', 'location-based', LOCATION_2023),
  grid('130000', '河北', 2022, '0.7252', 'location-based', LOCATION_2022),
  grid('140000', '山西', 2022, '0.7096', 'location-based', LOCATION_2022),
  grid('120000', '天津', 2022, '0.7041', 'location-based', LOCATION_2022),
  grid('150000', '内蒙古', 2022, '0.6849', 'location-based', LOCATION_2022),
  grid('340000', '安徽', 2022, '0.6782', 'location-based', LOCATION_2022),
  grid('350000', '福建', 2022, '0.4092', 'location-based', LOCATION_2022),
  grid('450000', '广西', 2022, '0.4044', 'location-based', LOCATION_2022),
  grid('630000', '青海', 2022, '0.1567', 'location-based', LOCATION_2022),
  grid('510000', '四川', 2022, '0.1404', 'location-based', LOCATION_2022),
  grid('530000', '云南', 2022, '0.1073', 'location-based', LOCATION_2022),
];
