import type { DeviceSettings } from '@ecep/contract';

/**
 * Emission standards as profiles a device can point at: reference O2 and limits by HJ 212 factor code
 * (a34013 particulate, a21026 SO2, a21002 NOx in mg/m³; w01018 COD, w21003 NH3-N in mg/L).
 * Source: ../shared/reference/emission-standards-validity-co2.md; `confidence` carries its [V]/[M] tag.
 */
export interface StandardProfile {
  code: string;
  nameZh: string;
  standard: string;
  referenceO2Pct: number | null;
  limits: Record<string, number>;
  confidence: 'verified' | 'from-memory';
  note?: string;
}

export const STANDARD_PROFILES: readonly StandardProfile[] = [
  {
    code: 'GB13223-2011-coal-existing',
    nameZh: '火电 燃煤锅炉（现有）',
    standard: 'GB 13223-2011 表1',
    referenceO2Pct: 6,
    limits: { a34013: 30, a21026: 200, a21002: 100 },
    confidence: 'verified',
  },
  {
    code: 'GB13223-2011-coal-new',
    nameZh: '火电 燃煤锅炉（新建）',
    standard: 'GB 13223-2011 表1',
    referenceO2Pct: 6,
    limits: { a34013: 30, a21026: 100, a21002: 100 },
    confidence: 'from-memory',
  },
  {
    code: 'GB13223-2011-special',
    nameZh: '火电 燃煤锅炉 特别排放限值',
    standard: 'GB 13223-2011 表2',
    referenceO2Pct: 6,
    limits: { a34013: 20, a21026: 50, a21002: 100 },
    confidence: 'verified',
  },
  {
    code: 'GB13223-2011-ultra-low',
    nameZh: '燃煤电厂 超低排放',
    standard: '环发〔2015〕164号（GB 13223-2011 基准氧）',
    referenceO2Pct: 6,
    limits: { a34013: 10, a21026: 35, a21002: 50 },
    confidence: 'verified',
  },
  {
    code: 'GB13223-2011-gas-boiler',
    nameZh: '火电 天然气锅炉',
    standard: 'GB 13223-2011 表1',
    referenceO2Pct: 3,
    limits: { a34013: 5, a21026: 35, a21002: 100 },
    confidence: 'from-memory',
  },
  {
    code: 'GB16171-2012-coke-oven',
    nameZh: '炼焦 焦炉烟囱（机焦）',
    standard: 'GB 16171-2012',
    referenceO2Pct: 8,
    limits: { a34013: 30, a21026: 50, a21002: 500 },
    confidence: 'from-memory',
  },
  {
    code: 'GB16171-2012-special',
    nameZh: '炼焦 焦炉烟囱 特别排放限值',
    standard: 'GB 16171-2012',
    referenceO2Pct: 8,
    limits: { a34013: 15, a21026: 30, a21002: 150 },
    confidence: 'from-memory',
  },
  {
    code: 'GB16171-2012-ultra-low',
    nameZh: '焦化 超低排放（焦炉烟囱）',
    standard: '焦化超低排放政策（8 % 基准氧）',
    referenceO2Pct: 8,
    limits: { a34013: 10, a21026: 30, a21002: 150 },
    confidence: 'verified',
    note: '部分地方要求 NOx ≤ 100',
  },
  {
    code: 'GB4915-2013-kiln',
    nameZh: '水泥窑及窑尾余热利用系统',
    standard: 'GB 4915-2013',
    referenceO2Pct: 10,
    limits: { a34013: 30, a21026: 200, a21002: 400 },
    confidence: 'from-memory',
  },
  {
    code: 'GB4915-2013-special',
    nameZh: '水泥窑 特别排放限值',
    standard: 'GB 4915-2013',
    referenceO2Pct: 10,
    limits: { a34013: 20, a21026: 100, a21002: 320 },
    confidence: 'from-memory',
  },
  {
    code: 'GB4915-2013-ultra-low',
    nameZh: '水泥 超低排放',
    standard: '环大气〔2024〕5号',
    referenceO2Pct: 10,
    limits: { a34013: 10, a21026: 35, a21002: 50 },
    confidence: 'from-memory',
  },
  {
    code: 'GB28662-2012-sinter',
    nameZh: '钢铁 烧结机机头/球团焙烧',
    standard: 'GB 28662-2012',
    referenceO2Pct: 16,
    limits: { a34013: 50, a21026: 200, a21002: 300 },
    confidence: 'from-memory',
  },
  {
    code: 'GB28662-2012-ultra-low',
    nameZh: '钢铁 烧结机头 超低排放',
    standard: '环大气〔2019〕35号',
    referenceO2Pct: 16,
    limits: { a34013: 10, a21026: 35, a21002: 50 },
    confidence: 'verified',
  },
  {
    code: 'GB28663-2012-hot-blast',
    nameZh: '炼铁 热风炉',
    standard: 'GB 28663-2012',
    referenceO2Pct: null,
    limits: { a34013: 20, a21026: 100, a21002: 300 },
    confidence: 'from-memory',
  },
  {
    code: 'GB28664-2012-converter',
    nameZh: '炼钢 转炉一次烟气',
    standard: 'GB 28664-2012',
    referenceO2Pct: null,
    limits: { a34013: 50 },
    confidence: 'from-memory',
  },
  {
    code: 'GB28665-2012-reheating',
    nameZh: '轧钢 加热炉/热处理炉',
    standard: 'GB 28665-2012',
    referenceO2Pct: 8,
    limits: { a34013: 20, a21026: 150, a21002: 300 },
    confidence: 'from-memory',
  },
  {
    code: 'GB8978-1996-grade-1',
    nameZh: '污水综合排放 一级',
    standard: 'GB 8978-1996 表4',
    referenceO2Pct: null,
    limits: { w01018: 100, w21003: 15 },
    confidence: 'from-memory',
  },
  {
    code: 'GB8978-1996-grade-2',
    nameZh: '污水综合排放 二级',
    standard: 'GB 8978-1996 表4',
    referenceO2Pct: null,
    limits: { w01018: 150, w21003: 25 },
    confidence: 'from-memory',
  },
  {
    code: 'GB8978-1996-grade-3',
    nameZh: '污水综合排放 三级（排入城镇污水处理厂）',
    standard: 'GB 8978-1996 表4',
    referenceO2Pct: null,
    limits: { w01018: 500 },
    confidence: 'from-memory',
  },
];

export function findStandardProfile(code: string | undefined): StandardProfile | undefined {
  return code ? STANDARD_PROFILES.find((p) => p.code === code) : undefined;
}

/**
 * The settings the rollups use: the profile's reference O2 and limits, overridden factor by factor by what
 * was set on the device itself.
 */
export function effectiveSettings(settings: DeviceSettings): DeviceSettings {
  const profile = findStandardProfile(settings.standardProfile);
  if (!profile) return settings;
  const referenceO2Pct = settings.referenceO2Pct ?? profile.referenceO2Pct ?? undefined;
  return {
    ...settings,
    ...(referenceO2Pct !== undefined ? { referenceO2Pct } : {}),
    limits: { ...profile.limits, ...(settings.limits ?? {}) },
  };
}
