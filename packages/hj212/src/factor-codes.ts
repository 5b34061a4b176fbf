/** Medium a factor belongs to. */
export type FactorMedium = 'water' | 'gas' | 'noise';

/** One row of the factor code tables (HJ 212-2017 Appendix B, selection). */
export interface FactorCode {
  /** HJ 212-2017 code (HJ 524/525), e.g. `a21026`. */
  readonly code: string;
  /** HJ/T 212-2005 "原编码", when the 2017 table gives one. */
  readonly code2005?: string;
  readonly name: string;
  readonly nameEn: string;
  readonly medium: FactorMedium;
  /** Unit of Rtd/Min/Avg/Max values. */
  readonly unit: string;
  /** Unit of `-Cou` (cumulative amount over the interval), when the factor has one. */
  readonly couUnit?: string;
}

const w = (
  code: string,
  code2005: string | undefined,
  name: string,
  nameEn: string,
  unit: string,
  couUnit?: string,
): FactorCode => ({
  code,
  ...(code2005 ? { code2005 } : {}),
  name,
  nameEn,
  medium: 'water',
  unit,
  ...(couUnit ? { couUnit } : {}),
});
const a = (
  code: string,
  code2005: string | undefined,
  name: string,
  nameEn: string,
  unit: string,
  couUnit?: string,
): FactorCode => ({
  code,
  ...(code2005 ? { code2005 } : {}),
  name,
  nameEn,
  medium: 'gas',
  unit,
  ...(couUnit ? { couUnit } : {}),
});
const n = (code: string, name: string, nameEn: string): FactorCode => ({
  code,
  name,
  nameEn,
  medium: 'noise',
  unit: 'dB(A)',
});

/**
 * Factor codes with Chinese names and default units. Wastewater from Table B.1, flue gas and air from
 * Table B.2, noise from the Appendix C examples. Units are as printed in HJ 212-2017 (its copy prints
 * ng/m³ for ammonia, PM10 and PM2.5; platforms commonly agree on mg/m³ or µg/m³ instead).
 */
export const FACTOR_CODES: readonly FactorCode[] = [
  w('w00000', 'B01', '污水流量', 'wastewater flow', 'L/s', 'm³'),
  w('w01001', '001', 'pH值', 'pH', '无量纲'),
  w('w01018', '011', '化学需氧量', 'COD', 'mg/L', 'kg'),
  w('w21003', '060', '氨氮', 'ammonia nitrogen (NH3-N)', 'mg/L', 'kg'),
  w('w21011', '101', '总磷', 'total phosphorus', 'mg/L', 'kg'),
  w('w21001', '065', '总氮', 'total nitrogen', 'mg/L', 'kg'),
  w('w01012', '003', '悬浮物', 'suspended solids', 'mg/L', 'kg'),
  w('w01017', '010', '五日生化需氧量', 'BOD5', 'mg/L', 'kg'),
  w('w01019', undefined, '高锰酸盐指数', 'permanganate index', 'mg/L', 'kg'),
  w('w01020', '015', '总有机碳', 'total organic carbon', 'mg/L', 'kg'),
  w('w01009', undefined, '溶解氧', 'dissolved oxygen', 'mg/L'),
  w('w01010', undefined, '水温', 'water temperature', '°C'),
  w('w01014', undefined, '电导率', 'conductivity', 'µS/cm'),
  w('w22001', '080', '石油类', 'petroleum', 'mg/L', 'kg'),
  w('w23002', '110', '挥发酚', 'volatile phenol', 'mg/L', 'kg'),
  w('w21016', '070', '氰化物', 'cyanide', 'mg/L', 'kg'),
  w('w20111', '020', '总汞', 'total mercury', 'µg/L', 'g'),
  w('w20115', '022', '总镉', 'total cadmium', 'µg/L', 'g'),
  w('w20117', '024', '六价铬', 'hexavalent chromium', 'µg/L', 'g'),
  w('w20119', '026', '总砷', 'total arsenic', 'µg/L', 'g'),
  w('w20120', '027', '总铅', 'total lead', 'µg/L', 'g'),
  w('w20116', '023', '总铬', 'total chromium', 'mg/L', 'kg'),
  w('w20121', '028', '总镍', 'total nickel', 'mg/L', 'kg'),
  w('w20122', '029', '总铜', 'total copper', 'mg/L', 'kg'),
  w('w20123', '030', '总锌', 'total zinc', 'mg/L', 'kg'),
  a('a00000', 'B02', '废气流量', 'flue-gas flow', 'm³/s', 'm³'),
  a('a01011', 'S02', '烟气流速', 'flue-gas velocity', 'm/s'),
  a('a01012', 'S03', '烟气温度', 'flue-gas temperature', '°C'),
  a('a01013', 'S08', '烟气压力', 'flue-gas pressure', 'kPa'),
  a('a01014', 'S05', '烟气湿度', 'flue-gas humidity', '%'),
  a('a01017', 'S04', '烟气动压', 'flue-gas dynamic pressure', 'kPa'),
  a('a01016', 'S07', '烟道截面积', 'duct cross-section', 'm²'),
  a('a19001', 'S01', '氧气含量', 'oxygen (O2)', '%'),
  a('a21026', '02', '二氧化硫', 'sulphur dioxide (SO2)', 'mg/m³', 'kg'),
  a('a21002', '03', '氮氧化物', 'nitrogen oxides (NOx)', 'mg/m³', 'kg'),
  a('a21003', undefined, '一氧化氮', 'nitric oxide (NO)', 'mg/m³', 'kg'),
  a('a21004', undefined, '二氧化氮', 'nitrogen dioxide (NO2)', 'mg/m³', 'kg'),
  a('a21005', '04', '一氧化碳', 'carbon monoxide (CO)', 'mg/m³', 'kg'),
  a('a34013', '01', '烟尘', 'particulate matter (smoke dust)', 'mg/m³', 'kg'),
  a('a21024', '08', '氯化氢', 'hydrogen chloride (HCl)', 'mg/m³', 'kg'),
  a('a21028', '05', '硫化氢', 'hydrogen sulphide (H2S)', 'mg/m³', 'kg'),
  a('a21001', '10', '氨（氨气）', 'ammonia (NH3)', 'ng/m³', 'g'),
  a('a24088', undefined, '非甲烷总烃', 'non-methane hydrocarbons', 'mg/m³', 'kg'),
  a('a24087', '25', '碳氢化合物', 'hydrocarbons', 'mg/m³', 'kg'),
  a('a05001', '30', '二氧化碳', 'carbon dioxide (CO2)', 'mg/m³', 'kg'),
  a('a01901', undefined, '垃圾焚烧炉膛内平均温度', 'incinerator furnace mean temperature', '°C'),
  a('a01902', undefined, '垃圾焚烧炉膛内DCS温度', 'incinerator furnace DCS temperature', '°C'),
  a('a01001', undefined, '温度', 'ambient temperature', '°C'),
  a('a01002', undefined, '湿度', 'ambient humidity', '%'),
  a('a01006', undefined, '气压', 'atmospheric pressure', 'kPa'),
  a('a01007', undefined, '风速', 'wind speed', 'm/s'),
  a('a01008', undefined, '风向', 'wind direction', '°'),
  a('a34002', undefined, '可吸入颗粒物（PM10）', 'PM10', 'ng/m³', 'g'),
  a('a34004', undefined, '细颗粒物（PM2.5）', 'PM2.5', 'ng/m³', 'g'),
  n('LA', 'A声级', 'A-weighted sound level'),
  n('Leq', '等效声级', 'equivalent continuous sound level'),
  n('L5', '累计百分声级L5', 'percentile level L5'),
  n('L10', '累计百分声级L10', 'percentile level L10'),
  n('L50', '累计百分声级L50', 'percentile level L50'),
  n('L90', '累计百分声级L90', 'percentile level L90'),
  n('L95', '累计百分声级L95', 'percentile level L95'),
  n('LMx', '最大声级', 'maximum sound level'),
  n('LMn', '最小声级', 'minimum sound level'),
];

const BY_CODE = new Map<string, FactorCode>();
const BY_2005 = new Map<string, FactorCode>();
for (const f of FACTOR_CODES) {
  BY_CODE.set(f.code, f);
  if (f.code2005 !== undefined) BY_2005.set(f.code2005, f);
}

/**
 * Looks up a factor by its 2017 code, or by its 2005 code when `allow2005` (default true) and no 2017
 * code matches. Returns `undefined` for unknown codes (which decoders keep as they are).
 *
 * @example
 * factorInfo('a21026')?.name; // '二氧化硫'
 * factorInfo('011')?.code; // 'w01018' (2005 code for COD)
 */
export function factorInfo(code: string, allow2005 = true): FactorCode | undefined {
  return BY_CODE.get(code) ?? (allow2005 ? BY_2005.get(code) : undefined);
}

/**
 * Maps a HJ/T 212-2005 factor code to its HJ 212-2017 code; other codes are returned unchanged.
 * Note that 2005 codes depend on the medium only through their shape (water `001`…, gas `01`…, `S01`…).
 *
 * @example
 * toFactorCode2017('060'); // 'w21003'
 * toFactorCode2017('a21026'); // 'a21026'
 */
export function toFactorCode2017(code: string): string {
  if (BY_CODE.has(code)) return code;
  return BY_2005.get(code)?.code ?? code;
}

/** 2005 code → 2017 code, for every factor whose 2017 table row gives an 原编码. */
export const FACTOR_CODE_2005_TO_2017: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(FACTOR_CODES.filter((f) => f.code2005 !== undefined).map((f) => [f.code2005!, f.code])),
);
