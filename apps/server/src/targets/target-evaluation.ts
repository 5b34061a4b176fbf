import { type PlanTarget, TARGET_STATUS_ZH, type TargetEvaluation, type TargetStatus } from '@ecep/contract';
import { Dec, type Decimal, type Explain, formatGbt8170, progress, wasteUtilizationRate } from '@ecep/core';
import { cumulativeIntensityChange } from './intensity-series.js';
import type { StatisticSeries } from './statistic-series.js';
import { TARGET_ACTUALS, unitFactor } from './target-actuals.js';

const fmt = (d: Decimal | null | undefined, digits: number) => (d ? formatGbt8170(d, digits) : null);

/** The target change in %: as stated, or implied by base and target values. */
export function targetChangePct(t: PlanTarget): Decimal | null {
  if (t.changePct !== null) return new Dec(t.changePct);
  if (t.baseValue !== null && t.targetValue !== null && !new Dec(t.baseValue).isZero()) {
    return new Dec(t.targetValue).div(t.baseValue).minus(1).times(100);
  }
  return null;
}

/**
 * Actual against target for one target in one region, as of the latest year with data (≤ `asOfYear`):
 * intensity targets by chained yearly changes and the log method against time elapsed, totals and
 * output values by the share of the required change, rates by the rate itself.
 */
export function evaluateTarget(
  t: PlanTarget,
  regionCode: string,
  s: StatisticSeries,
  asOfYear: number,
): TargetEvaluation {
  const change = targetChangePct(t);
  const base: TargetEvaluation = {
    planId: t.planId,
    code: t.code,
    name: t.name,
    regionCode,
    unit: t.unit,
    baseYear: t.baseYear,
    baseValue: t.baseValue,
    targetYear: t.targetYear,
    targetValue: t.targetValue,
    targetChangePct: fmt(change, 2),
    asOfYear: null,
    actualValue: null,
    actualChangePct: null,
    completionPct: null,
    requiredPct: null,
    onTrack: null,
    status: 'no_source',
    statusZh: TARGET_STATUS_ZH.no_source,
    missing: [],
    explain: null,
  };
  const source = TARGET_ACTUALS[t.code];
  if (!source) return base;
  const upTo = Math.min(asOfYear, t.targetYear);
  const from = t.baseYear ?? t.targetYear - 5;
  const withStatus = (e: TargetEvaluation, status: TargetStatus): TargetEvaluation => ({
    ...e,
    status,
    statusZh: TARGET_STATUS_ZH[status],
  });
  const finished = upTo >= t.targetYear;

  if (source.kind === 'intensity') {
    if (t.baseYear === null || change === null)
      return withStatus({ ...base, missing: ['baseYear/changePct'] }, 'no_data');
    let year = upTo;
    let cum = cumulativeIntensityChange(s, regionCode, t.baseYear, year, source.numerator);
    while (!cum.ok && year > t.baseYear + 1) {
      year--;
      cum = cumulativeIntensityChange(s, regionCode, t.baseYear, year, source.numerator);
    }
    if (!cum.ok) return withStatus({ ...base, missing: cum.missing }, 'no_data');
    const p = progress({
      achievedChangePct: cum.changePct,
      targetChangePct: change,
      yearsElapsed: year - t.baseYear,
      periodYears: t.targetYear - t.baseYear,
    });
    const actualValue = t.baseValue ? new Dec(t.baseValue).times(cum.changePct.div(100).plus(1)) : null;
    const met = cum.changePct.lte(change);
    const status: TargetStatus =
      year >= t.targetYear ? (met ? 'achieved' : 'missed') : p.onTrack ? 'on_track' : 'behind';
    return withStatus(
      {
        ...base,
        asOfYear: year,
        actualValue: fmt(actualValue, 4),
        actualChangePct: fmt(cum.changePct, 2),
        completionPct: fmt(p.completionPct, 2),
        requiredPct: fmt(p.requiredPct, 2),
        onTrack: p.onTrack,
        explain: {
          formula: `cumulative change chained from ${t.baseYear}; ${p.explain.formula}`,
          inputs: {
            ...p.explain.inputs,
            yearlyChangesPct: (cum.years ?? []).map((y) => `${y.year}: ${y.changePct}`).join('; '),
          },
          notes: [...(p.explain.notes ?? []), ...(cum.explain.notes ?? [])],
        },
      },
      status,
    );
  }

  if (source.kind === 'rate') {
    const year = s.latestYear(regionCode, [source.numerator, source.denominator], upTo, from);
    if (year === null)
      return withStatus(
        { ...base, missing: [`${regionCode}/${source.numerator}`, `${regionCode}/${source.denominator}`] },
        'no_data',
      );
    const fromStock = source.fromStock ? s.get(regionCode, year, source.fromStock) : undefined;
    let r: ReturnType<typeof wasteUtilizationRate>;
    try {
      r = wasteUtilizationRate({
        generatedT: s.get(regionCode, year, source.denominator) as Decimal,
        utilizedT: s.get(regionCode, year, source.numerator) as Decimal,
        ...(fromStock ? { utilizedFromStockT: fromStock } : {}),
      });
    } catch (err) {
      return withStatus(
        { ...base, asOfYear: year, missing: [err instanceof Error ? err.message : String(err)] },
        'no_data',
      );
    }
    const rate = r.utilizationRatePct;
    const target = t.targetValue ? new Dec(t.targetValue) : null;
    const completion = target && !target.isZero() ? rate.div(target).times(100) : null;
    const met = target ? rate.gte(target) : null;
    const status: TargetStatus = met === null ? 'no_data' : met ? 'achieved' : finished ? 'missed' : 'behind';
    return withStatus(
      {
        ...base,
        asOfYear: year,
        actualValue: fmt(rate, 2),
        completionPct: fmt(completion, 2),
        onTrack: met,
        explain: r.explain,
      },
      status,
    );
  }

  const factor = unitFactor(source.unit, t.unit);
  if (factor === null)
    return withStatus({ ...base, missing: [`unit ${source.unit} → ${t.unit}`] }, 'no_source');
  const year = s.latestYear(regionCode, [source.indicator], upTo, from);
  if (year === null)
    return withStatus({ ...base, missing: [`${regionCode}/${source.indicator}`] }, 'no_data');
  const actual = (s.get(regionCode, year, source.indicator) as Decimal).times(factor);
  const baseValue = t.baseValue
    ? new Dec(t.baseValue)
    : t.baseYear
      ? s.get(regionCode, t.baseYear, source.indicator)?.times(factor)
      : undefined;
  const targetValue = t.targetValue
    ? new Dec(t.targetValue)
    : baseValue && change
      ? baseValue.times(change.div(100).plus(1))
      : null;
  const increase = t.direction === 'increase' || t.direction === 'at_least' || t.type === 'output_value';
  const explainBase: Explain = {
    formula: increase
      ? 'completion = actual ÷ target × 100'
      : 'completion = (base − actual) ÷ (base − target) × 100; cap met when actual ≤ target',
    inputs: {
      actual: actual.toFixed(),
      year,
      ...(baseValue ? { base: baseValue.toFixed() } : {}),
      ...(targetValue ? { target: targetValue.toFixed() } : {}),
      unit: t.unit,
      statistic: source.indicator,
    },
  };
  if (targetValue === null)
    return withStatus(
      {
        ...base,
        asOfYear: year,
        actualValue: fmt(actual, 4),
        missing: ['targetValue'],
        explain: explainBase,
      },
      'no_data',
    );
  let completion: Decimal | null = null;
  if (increase) completion = targetValue.isZero() ? null : actual.div(targetValue).times(100);
  else if (baseValue && !baseValue.eq(targetValue))
    completion = baseValue.minus(actual).div(baseValue.minus(targetValue)).times(100);
  const met = increase ? actual.gte(targetValue) : actual.lte(targetValue);
  const periodYears = t.baseYear !== null ? t.targetYear - t.baseYear : null;
  const required =
    periodYears && t.baseYear !== null ? new Dec(year - t.baseYear).div(periodYears).times(100) : null;
  const onTrack = met || (completion !== null && required !== null && completion.gte(required));
  const status: TargetStatus =
    met && (finished || !increase || year >= t.targetYear)
      ? 'achieved'
      : finished
        ? 'missed'
        : onTrack
          ? 'on_track'
          : 'behind';
  return withStatus(
    {
      ...base,
      asOfYear: year,
      actualValue: fmt(actual, 4),
      actualChangePct:
        baseValue && !baseValue.isZero() ? fmt(actual.div(baseValue).minus(1).times(100), 2) : null,
      completionPct: fmt(completion, 2),
      requiredPct: fmt(required, 2),
      onTrack,
      explain: explainBase,
    },
    status,
  );
}
