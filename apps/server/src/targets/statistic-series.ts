import { Dec, type Decimal } from '@ecep/core';

export interface SeriesPoint {
  regionCode: string;
  year: number;
  period: string;
  indicator: string;
  value: string;
}

/** Current statistics as a lookup by region, year, period and indicator. */
export class StatisticSeries {
  private readonly values = new Map<string, Decimal>();

  constructor(points: Iterable<SeriesPoint>) {
    for (const p of points)
      this.values.set(key(p.regionCode, p.year, p.period, p.indicator), new Dec(p.value));
  }

  get(regionCode: string, year: number, indicator: string, period = 'Y'): Decimal | undefined {
    return this.values.get(key(regionCode, year, period, indicator));
  }

  /** The latest year ≤ `upTo` with a value of every indicator given. */
  latestYear(
    regionCode: string,
    indicators: readonly string[],
    upTo: number,
    from: number,
    period = 'Y',
  ): number | null {
    for (let y = upTo; y >= from; y--) {
      if (indicators.every((i) => this.get(regionCode, y, i, period) !== undefined)) return y;
    }
    return null;
  }
}

const key = (region: string, year: number, period: string, indicator: string) =>
  `${region}|${year}|${period}|${indicator}`;
