import { CalcError, pointer } from './calc-error.js';
import { Dec, type Decimal, type DecimalInput, plain } from './decimal.js';
import type { Explain } from './explain.js';
import { changePct, toDecimalIn } from './guards.js';

/** 一级 (red) is the most severe, 三级 (green) the least, as in the NDRC barometer (晴雨表). */
export type WarningLevel = 1 | 2 | 3;

export interface WarningLevelInfo {
  color: 'red' | 'yellow' | 'green';
  labelZh: string;
  situationZh: string;
}

/**
 * How the three levels are shown: store the number, render the colour.
 *
 * @example
 * warningLevels[1].color; // 'red'
 */
export const warningLevels: Readonly<Record<WarningLevel, WarningLevelInfo>> = {
  1: { color: 'red', labelZh: '一级预警', situationZh: '形势十分严峻' },
  2: { color: 'yellow', labelZh: '二级预警', situationZh: '形势比较严峻' },
  3: { color: 'green', labelZh: '三级预警', situationZh: '进展总体顺利' },
};

const NDRC_SOURCE = '发改办环资〔2021〕629号 2021年上半年各地区能耗双控目标完成情况晴雨表';

export interface IntensityWarningResult {
  level: WarningLevel;
  color: WarningLevelInfo['color'];
  labelZh: string;
  explain: Explain;
}

/**
 * Intensity warning level (能耗强度降低预警): 1 when intensity rose (不降反升, change > 0); 2 when it
 * did not change or fell by less than required (未达到进度要求); 3 otherwise. Changes are signed %.
 *
 * @throws {CalcError} CALC_INVALID_INPUT when the requirement is positive (a reduction is negative).
 * @example
 * intensityWarningLevel(-2.1, -3.0).level; // 2
 * intensityWarningLevel(0.76, -3.0).level; // 1
 */
export function intensityWarningLevel(
  intensityChangePct: DecimalInput,
  requiredIntensityChangePct: DecimalInput,
  path = '',
): IntensityWarningResult {
  const change = changePct(intensityChangePct, pointer(path, 'intensityChangePct'), 'intensityChangePct');
  const requiredPath = pointer(path, 'requiredIntensityChangePct');
  const required = changePct(requiredIntensityChangePct, requiredPath, 'requiredIntensityChangePct');
  if (required.isPositive() && !required.isZero()) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      `requiredIntensityChangePct is a signed change: a required reduction of 3 % is -3, got ${required.toFixed()}`,
      requiredPath,
    );
  }
  let level: WarningLevel;
  if (change.gt(0)) level = 1;
  else if (change.isZero() || change.gt(required)) level = 2;
  else level = 3;
  const info = warningLevels[level];
  return {
    level,
    color: info.color,
    labelZh: info.labelZh,
    explain: {
      formula:
        'level = 1 if intensityChangePct > 0; 2 if intensityChangePct = 0 or > requiredIntensityChangePct; else 3',
      inputs: { intensityChangePct: plain(change), requiredIntensityChangePct: plain(required) },
      notes: [
        `Rule from ${NDRC_SOURCE}.`,
        'Inferred: a change of exactly 0 % is level 2 (the notice only names 不降反升 for level 1).',
        'Inferred: the progress requirement for a part-year is the annual target (the notice gives no number).',
      ],
    },
  };
}

/** The configurable, inferred rule for the total-consumption dimension. */
export interface TotalWarningRule {
  /** Share (0, 1] of the control period elapsed; level 2 when the value exceeds limit × share. Default 1. */
  elapsedShare?: DecimalInput;
}

export interface TotalWarningInput {
  energyGrowthPct?: DecimalInput;
  energyGrowthLimitPct?: DecimalInput;
  energyIncrementTce?: DecimalInput;
  incrementAllowanceTce?: DecimalInput;
}

export interface TotalWarningResult {
  level: WarningLevel;
  color: WarningLevelInfo['color'];
  labelZh: string;
  /** Always true: NDRC does not publish the numeric rule for this dimension. */
  inferred: true;
  measure: 'growth' | 'increment';
  explain: Explain;
}

/**
 * Checks a total-consumption rule and returns its elapsed share (1 when not given).
 *
 * @example
 * readTotalWarningRule({ elapsedShare: 0.5 }).toFixed(); // '0.5'
 */
export function readTotalWarningRule(rule: TotalWarningRule | undefined, rulePath = '/totalRule'): Decimal {
  if (rule?.elapsedShare === undefined) return new Dec(1);
  const path = pointer(rulePath, 'elapsedShare');
  const share = toDecimalIn(rule.elapsedShare, path);
  if (share.lte(0) || share.gt(1)) {
    throw new CalcError(
      'CALC_IMPOSSIBLE_VALUE',
      `elapsedShare is a share of the period: expected 0 < elapsedShare ≤ 1, got ${share.toFixed()}`,
      path,
    );
  }
  return share;
}

/**
 * Total-consumption warning level (能源消费总量控制预警), an **inferred, configurable** rule: compare
 * energy growth (%) with the growth-control limit, or the energy increment (tce) with the allowance:
 * 1 when the value exceeds the limit; 2 when it exceeds limit × elapsedShare; 3 otherwise.
 *
 * @example
 * totalWarningLevel({ energyGrowthPct: 3.7, energyGrowthLimitPct: 2.5 }).level; // 1
 * totalWarningLevel({ energyIncrementTce: 15, incrementAllowanceTce: 26.6 }, { elapsedShare: 0.5 }).level; // 2
 */
export function totalWarningLevel(
  input: TotalWarningInput,
  rule?: TotalWarningRule,
  path = '',
  rulePath = '/totalRule',
): TotalWarningResult {
  const hasGrowth = input.energyGrowthPct !== undefined || input.energyGrowthLimitPct !== undefined;
  const hasIncrement = input.energyIncrementTce !== undefined || input.incrementAllowanceTce !== undefined;
  if (hasGrowth && hasIncrement) {
    throw new CalcError(
      'CALC_INVALID_INPUT',
      'expected either energyGrowthPct + energyGrowthLimitPct or energyIncrementTce + incrementAllowanceTce, not both',
      pointer(path, 'energyIncrementTce'),
    );
  }
  const measure = hasIncrement ? 'increment' : 'growth';
  const [valueKey, limitKey] =
    measure === 'growth'
      ? (['energyGrowthPct', 'energyGrowthLimitPct'] as const)
      : (['energyIncrementTce', 'incrementAllowanceTce'] as const);
  for (const key of [valueKey, limitKey]) {
    if (input[key] === undefined) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        `expected ${key} together with ${key === valueKey ? limitKey : valueKey}`,
        pointer(path, key),
      );
    }
  }
  const read = measure === 'growth' ? changePct : toDecimalIn;
  const value = read(input[valueKey], pointer(path, valueKey), valueKey);
  const limit = read(input[limitKey], pointer(path, limitKey), limitKey);
  const share = readTotalWarningRule(rule, rulePath);
  const level2Threshold = limit.times(share);
  let level: WarningLevel;
  if (value.gt(limit)) level = 1;
  else if (value.gt(level2Threshold)) level = 2;
  else level = 3;
  const info = warningLevels[level];
  return {
    level,
    color: info.color,
    labelZh: info.labelZh,
    inferred: true,
    measure,
    explain: {
      formula: `level = 1 if ${valueKey} > ${limitKey}; 2 if ${valueKey} > ${limitKey} × elapsedShare; else 3`,
      inputs: { [valueKey]: plain(value), [limitKey]: plain(limit), elapsedShare: plain(share) },
      notes: [
        'Inferred local rule (configurable): NDRC publishes the levels but not the numeric threshold for total consumption.',
        'Basis: 2014–2015 barometers compared energy growth with the growth-control target; 序时 share of the annual allowance for level 2.',
        ...(share.eq(1) ? ['With elapsedShare = 1 only levels 1 and 3 can occur.'] : []),
      ],
    },
  };
}

export interface RegionWarningInput extends TotalWarningInput {
  code: string;
  intensityChangePct: DecimalInput;
  requiredIntensityChangePct: DecimalInput;
}

export interface RegionWarningResult {
  code: string;
  intensityLevel: WarningLevel;
  intensityColor: WarningLevelInfo['color'];
  totalLevel?: WarningLevel;
  totalColor?: WarningLevelInfo['color'];
  /** Present with the total level: its rule is inferred. */
  totalInferred?: true;
  /** Intensity rule, then (when computed) the total rule: formulas joined, inputs and notes merged. */
  explain: Explain;
}

/**
 * Both barometer dimensions for one region. The total-consumption level is computed only when its
 * inputs are present, and is marked `totalInferred: true`.
 *
 * @example
 * warningLevel({ code: '140000', intensityChangePct: -2.1, requiredIntensityChangePct: -3.0 }).intensityLevel; // 2
 */
export function warningLevel(
  region: RegionWarningInput,
  rule?: TotalWarningRule,
  path = '',
): RegionWarningResult {
  const intensity = intensityWarningLevel(region.intensityChangePct, region.requiredIntensityChangePct, path);
  const wantsTotal = (
    ['energyGrowthPct', 'energyGrowthLimitPct', 'energyIncrementTce', 'incrementAllowanceTce'] as const
  ).some((k) => region[k] !== undefined);
  const result: RegionWarningResult = {
    code: region.code,
    intensityLevel: intensity.level,
    intensityColor: intensity.color,
    explain: {
      formula: `intensity: ${intensity.explain.formula}`,
      inputs: { code: region.code, ...intensity.explain.inputs },
      notes: [...(intensity.explain.notes ?? [])],
    },
  };
  if (wantsTotal) {
    const total = totalWarningLevel(region, rule, path);
    result.totalLevel = total.level;
    result.totalColor = total.color;
    result.totalInferred = true;
    result.explain = {
      formula: `${result.explain.formula}; total (inferred): ${total.explain.formula}`,
      inputs: { ...result.explain.inputs, ...total.explain.inputs },
      notes: [...(result.explain.notes ?? []), ...(total.explain.notes ?? [])],
    };
  }
  return result;
}
