/** Region level by the shape of a GB/T 2260 code: `140000` province, `140100` city, `140105` county. */
export function regionLevelOf(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

const RANK = { province: 0, city: 1, county: 2 } as const;

/**
 * The codes from just below the root down to `code`, e.g. root `140000`, code `140105` →
 * `['140100', '140105']`. A root that is a city is itself the first step (the user's own city is
 * selectable), so root `140100`, code `140105` → `['140100', '140105']`.
 */
export function regionPathFrom(root: string | null, code: string): string[] {
  const chain = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  const level = RANK[regionLevelOf(code)];
  const steps = [...new Set(chain.slice(0, level + 1))];
  if (!root) return steps;
  const rootLevel = regionLevelOf(root);
  if (rootLevel === 'province') return steps.filter((c) => RANK[regionLevelOf(c)] > 0);
  return steps.filter((c) => RANK[regionLevelOf(c)] >= RANK[rootLevel]);
}

/** `太原市 / 小店区`, or just the name when the region is the city itself. */
export function regionLabel(e: {
  regionCode: string;
  regionName: string;
  cityCode: string | null;
  cityName: string | null;
}): string {
  if (e.cityName && e.cityCode && e.cityCode !== e.regionCode) return `${e.cityName} / ${e.regionName}`;
  return e.regionName;
}
