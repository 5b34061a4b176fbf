import type { PlanTarget } from '@ecep/contract';
import { Dec } from '@ecep/core';
import { describe, expect, it } from 'vitest';
import { checkAllocation } from './allocation-check.js';
import { assessRegion } from './assessment.js';
import { barometerRow } from './barometer.js';
import { type SeriesPoint, StatisticSeries } from './statistic-series.js';
import { evaluateTarget } from './target-evaluation.js';

const point = (regionCode: string, year: number, indicator: string, value: number): SeriesPoint => ({
  regionCode,
  year,
  period: 'Y',
  indicator,
  value: String(value),
});

/** A region whose energy grows by `energyGrowth[i]` % while real GDP grows by `gdpGrowth[i]` % from `from`. */
function series(region: string, from: number, energyGrowth: number[], gdpGrowth: number[]): SeriesPoint[] {
  const pts = [point(region, from, 'energy_total_10k_tce', 10_000)];
  let e = 10_000;
  energyGrowth.forEach((g, i) => {
    e = e * (1 + g / 100);
    pts.push(point(region, from + i + 1, 'energy_total_10k_tce', Number(e.toFixed(6))));
    pts.push(point(region, from + i + 1, 'gdp_index', 100 + (gdpGrowth[i] as number)));
  });
  return pts;
}

const annualRequired = (fiveYearPct: number) => ((1 + fiveYearPct / 100) ** (1 / 5) - 1) * 100;

describe('barometer (晴雨表)', () => {
  it('rates a fall smaller than required as level 2, a rise as level 1 and a sufficient fall as level 3', () => {
    const s = new StatisticSeries([
      ...series('140000', 2019, [0.6], [3.6]),
      ...series('150000', 2019, [7.1], [0.2]),
      ...series('110000', 2019, [-8.1], [1.2]),
    ]);
    const req = {
      requiredChangePct: new Dec(annualRequired(-16)),
      basis: '−16 % over 5 years',
      incrementAllowance10kTce: null,
    };
    const shanxi = barometerRow(s, { code: '140000', name: '山西' }, 2020, 'Y', req);
    expect(Number(shanxi.intensityChangePct)).toBeCloseTo((1.006 / 1.036 - 1) * 100, 2);
    expect(shanxi.intensityLevel).toBe(2);
    expect(barometerRow(s, { code: '150000', name: '内蒙古' }, 2020, 'Y', req).intensityLevel).toBe(1);
    expect(barometerRow(s, { code: '110000', name: '北京' }, 2020, 'Y', req).intensityLevel).toBe(3);
  });

  it('adds the total level when an allowance is known and names what is missing otherwise', () => {
    const s = new StatisticSeries(series('140100', 2019, [2], [5]));
    const over = barometerRow(s, { code: '140100', name: '太原' }, 2020, 'Y', {
      requiredChangePct: new Dec(-3),
      basis: 'x',
      incrementAllowance10kTce: new Dec(150),
    });
    expect(over.totalLevel).toBe(1); // +200 (10k tce) against an allowance of 150
    const none = barometerRow(s, { code: '140100', name: '太原' }, 2022, 'Y', null);
    expect(none.intensityLevel).toBeNull();
    expect(none.missing.length).toBeGreaterThan(0);
  });
});

describe('year-end assessment', () => {
  const base = { regionCode: '140100', regionName: '太原市', year: 2020, requiredChangePct: new Dec(-3.43) };
  it('grades a region that met its target by its total score', () => {
    const row = assessRegion({ ...base, intensityChangePct: new Dec(-3.6), measurePoints: new Dec(52) });
    expect(Number(row.completionPct)).toBeCloseTo((3.6 / 3.43) * 100, 2);
    expect(row).toMatchObject({
      targetPoints: '40',
      totalScore: '92',
      grade: 'completed',
      gradeZh: '完成',
      vetoed: false,
    });
  });
  it('vetoes a region that missed its target whatever its measure points', () => {
    const row = assessRegion({ ...base, intensityChangePct: new Dec(-3.0), measurePoints: new Dec(60) });
    expect(row).toMatchObject({
      targetPoints: '32',
      grade: 'not-completed',
      gradeZh: '未完成',
      vetoed: true,
    });
  });
  it('waits for the measure points before grading', () => {
    expect(assessRegion({ ...base, intensityChangePct: new Dec(-4), measurePoints: null }).gradeZh).toBe(
      '待录入措施得分',
    );
  });
});

describe('decomposition consistency', () => {
  const parts = (c1: number, c2: number) => [
    { regionCode: '140100', changePct: new Dec(c1), targetValue: null, weight: new Dec(100) },
    { regionCode: '140200', changePct: new Dec(c2), targetValue: null, weight: new Dec(300) },
  ];
  it('accepts parts whose energy-weighted change matches the whole', () => {
    const r = checkAllocation('intensity', new Dec(-16), parts(-16, -16), ['140100', '140200']);
    expect(r.consistent).toBe(true);
  });
  it('flags the gap when the parts are weaker than the whole, and missing cities', () => {
    const r = checkAllocation('intensity', new Dec(-16), parts(-10, -16), ['140100', '140200', '140300']);
    expect(r.consistent).toBe(false);
    expect(r.impliedValue).toBe('-14.50');
    expect(r.gap).toBe('1.50');
    expect(r.missingParts).toEqual(['140300']);
  });
  it('flags caps of the parts that add up to more than the whole', () => {
    const caps = [
      { regionCode: 'a', changePct: null, targetValue: new Dec(60), weight: null },
      { regionCode: 'b', changePct: null, targetValue: new Dec(70), weight: null },
    ];
    expect(checkAllocation('total', new Dec(127.6), caps, ['a', 'b'])).toMatchObject({
      consistent: false,
      gap: '2.4',
    });
  });
});

describe('target evaluation', () => {
  const intensity: PlanTarget = {
    planId: 'p',
    code: 'energy_intensity',
    name: '单位GDP能耗',
    type: 'intensity',
    unit: 'tce/10k yuan',
    scopeCode: '140000',
    direction: 'decrease',
    baseYear: 2010,
    baseValue: '2.235',
    targetYear: 2015,
    targetValue: '1.877',
    changePct: '-16',
  };
  it('chains yearly changes and measures progress by the log method against time elapsed', () => {
    const s = new StatisticSeries(series('140000', 2010, [5, 4, 3.5], [9, 8, 7.5]));
    const e = evaluateTarget(intensity, '140000', s, 2025);
    const cum = (1.05 / 1.09) * (1.04 / 1.08) * (1.035 / 1.075) - 1;
    expect(e.asOfYear).toBe(2013);
    expect(Number(e.actualChangePct)).toBeCloseTo(cum * 100, 2);
    expect(Number(e.completionPct)).toBeCloseTo((Math.log(1 + cum) / Math.log(0.84)) * 100, 1);
    expect(e.requiredPct).toBe('60.00');
    expect(e.status).toBe(e.onTrack ? 'on_track' : 'behind');
    expect(Number(e.actualValue)).toBeCloseTo(2.235 * (1 + cum), 3);
  });
  it('judges a pollutant cap by the share of the required cut and a finished period as achieved or missed', () => {
    const so2: PlanTarget = {
      ...intensity,
      code: 'so2_total',
      type: 'total_cap',
      unit: '10k t',
      baseValue: '139.9',
      targetValue: '127.6',
      changePct: null,
    };
    const s = new StatisticSeries([
      point('140000', 2013, 'so2_10k_t', 133.75),
      point('140000', 2015, 'so2_10k_t', 112),
    ]);
    const mid = evaluateTarget(so2, '140000', s, 2013);
    expect(Number(mid.completionPct)).toBeCloseTo(((139.9 - 133.75) / (139.9 - 127.6)) * 100, 2);
    expect(mid.status).toBe('behind');
    expect(evaluateTarget(so2, '140000', s, 2016).status).toBe('achieved');
  });
  it('says which statistics are missing instead of inventing a figure', () => {
    const e = evaluateTarget(intensity, '140000', new StatisticSeries([]), 2015);
    expect(e.status).toBe('no_data');
    expect(e.missing.length).toBeGreaterThan(0);
    expect(
      evaluateTarget(
        { ...intensity, code: 'motor_efficiency_share' },
        '140000',
        new StatisticSeries([]),
        2015,
      ).status,
    ).toBe('no_source');
  });
});
