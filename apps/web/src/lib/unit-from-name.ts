/**
 * The unit a field carries in its name (CONVENTIONS §8: `energyTce`, `flowM3PerH`, `gdpComparableYuan10k`).
 * Longest suffixes first so `intensityTcePerYuan10k` is not read as `…Yuan10k`.
 */
const SUFFIXES: ReadonlyArray<[string, string]> = [
  ['TcePerYuan10k', 'tce/万元'],
  ['KgcePerKWh', 'kgce/kWh'],
  ['KgcePerUnit', 'kgce/单位'],
  ['TPerMWh', 't/MWh'],
  ['TCPerTJ', 'tC/TJ'],
  ['MgPerM3', 'mg/m³'],
  ['M3PerH', 'm³/h'],
  ['KJPerUnit', 'kJ/单位'],
  ['Yuan10k', '万元'],
  ['Kgce', 'kgce'],
  ['Tce', 'tce'],
  ['Pct', '%'],
  ['Score', '分'],
  ['KWh', 'kWh'],
  ['MWh', 'MWh'],
  ['GJ', 'GJ'],
  ['M3', 'm³'],
  ['Kg', 'kg'],
  ['Yuan', '元'],
  ['T', 't'],
];

export function unitFromName(name: string): string | null {
  for (const [suffix, unit] of SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return unit;
  }
  return null;
}
