import { usccCheckChar } from '@ecep/contract';

/** Shanxi's 11 prefecture-level cities (GB/T 2260) with an approximate centre for placing demo enterprises. */
export const SHANXI_CITIES = [
  { code: '140100', short: '太原', lon: 112.55, lat: 37.87 },
  { code: '140200', short: '大同', lon: 113.3, lat: 40.08 },
  { code: '140300', short: '阳泉', lon: 113.58, lat: 37.86 },
  { code: '140400', short: '长治', lon: 113.12, lat: 36.2 },
  { code: '140500', short: '晋城', lon: 112.85, lat: 35.49 },
  { code: '140600', short: '朔州', lon: 112.43, lat: 39.33 },
  { code: '140700', short: '晋中', lon: 112.75, lat: 37.69 },
  { code: '140800', short: '运城', lon: 111.0, lat: 35.03 },
  { code: '140900', short: '忻州', lon: 112.73, lat: 38.42 },
  { code: '141000', short: '临汾', lon: 111.52, lat: 36.09 },
  { code: '141100', short: '吕梁', lon: 111.14, lat: 37.52 },
] as const;

/** The province's real industries, with how names in each usually read. */
const INDUSTRIES = [
  { code: '06', weight: 30, words: ['煤业', '煤矿', '矿业', '煤炭洗选'], energy: 0.7, pollution: 0.4 },
  { code: '25', weight: 18, words: ['焦化', '煤焦化', '焦电', '煤化工'], energy: 0.9, pollution: 0.95 },
  { code: '31', weight: 12, words: ['钢铁', '特钢', '铸造', '钢铁集团'], energy: 1, pollution: 1 },
  { code: '44', weight: 16, words: ['发电', '热电', '电力', '综合能源'], energy: 1, pollution: 0.95 },
  { code: '30', weight: 10, words: ['水泥', '建材', '耐火材料', '陶瓷'], energy: 0.8, pollution: 0.8 },
  { code: '26', weight: 8, words: ['化工', '化肥', '精细化工', '新材料'], energy: 0.8, pollution: 0.7 },
  { code: '32', weight: 6, words: ['铝业', '镁业', '有色金属', '铜业'], energy: 0.9, pollution: 0.8 },
  { code: '42', weight: 4, words: ['固废综合利用', '再生资源', '粉煤灰利用'], energy: 0.2, pollution: 0.3 },
] as const;

const PREFIXES = [
  '晋能',
  '潞安',
  '华阳',
  '同煤',
  '焦煤',
  '晋阳',
  '汾河',
  '太行',
  '吕梁山',
  '三晋',
  '黄河',
  '恒源',
  '兴盛',
  '鑫达',
  '宏远',
  '鼎盛',
  '永泰',
  '中阳',
  '安泰',
  '正阳',
];
const SUFFIXES = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];

/** A small deterministic PRNG (mulberry32): the demo is the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T extends { weight: number }>(items: readonly T[], point: number): T {
  let rest = point;
  for (const item of items) {
    rest -= item.weight;
    if (rest < 0) return item;
  }
  return items[items.length - 1] as T;
}

const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export interface DemoEnterprise {
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode: string;
  keyEnergyUser: boolean;
  keyPollutionSource: boolean;
  address: string;
  longitude: number;
  latitude: number;
}

/** Builds `count` plausible Shanxi enterprises spread over the counties of `countiesByCity`. */
export function buildDemoEnterprises(
  countiesByCity: ReadonlyMap<string, ReadonlyArray<{ code: string; name: string }>>,
  count: number,
  seed = 20141,
): DemoEnterprise[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const totalWeight = INDUSTRIES.reduce((s, i) => s + i.weight, 0);
  const names = new Set<string>();
  const out: DemoEnterprise[] = [];
  for (let i = 0; out.length < count; i++) {
    const city = SHANXI_CITIES[i % SHANXI_CITIES.length]!;
    const industry = pickWeighted(INDUSTRIES, rand() * totalWeight);
    const counties = countiesByCity.get(city.code) ?? [];
    const county = counties.length > 0 ? pick(counties) : { code: city.code, name: '' };
    const name = `山西${pick(PREFIXES)}${county.name.replace(/(县|区|市)$/, '')}${pick(industry.words)}${pick(SUFFIXES)}`;
    if (names.has(name)) continue;
    names.add(name);
    let org = '';
    for (let k = 0; k < 9; k++) org += ORG_ALPHABET[Math.floor(rand() * 10)];
    const first17 = `91${county.code}${org}`;
    out.push({
      name,
      creditCode: first17 + usccCheckChar(first17),
      regionCode: county.code,
      industryCode: industry.code,
      keyEnergyUser: rand() < industry.energy * 0.75,
      keyPollutionSource: rand() < industry.pollution * 0.7,
      address: `山西省${city.short}市${county.name}工业园区${1 + Math.floor(rand() * 98)}号`,
      longitude: Math.round((city.lon + (rand() - 0.5) * 0.6) * 1e5) / 1e5,
      latitude: Math.round((city.lat + (rand() - 0.5) * 0.5) * 1e5) / 1e5,
    });
  }
  return out;
}
