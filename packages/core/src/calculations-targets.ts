import { assessmentGrade } from './assessment-grade.js';
import { CalcError, pointer } from './calc-error.js';
import type { CalculationDefinition } from './calculation.js';
import { digits, out } from './calculation.js';
import { cumulativeChange } from './cumulative-change.js';
import {
  arrayField,
  booleanField,
  enumField,
  type InputObject,
  numberArrayField,
  numberField,
  optionalNumberField,
  optionalStringField,
  readObject,
  stringField,
} from './input-reader.js';
import { energyIntensity, intensityChange, intensityChangeFromValues, intensityTarget } from './intensity.js';
import { progress } from './progress.js';
import {
  nationalScoringSheet2007,
  type ScoringSheet,
  type ScoringSheetItem,
  scoreSheet,
  scoringSheets,
} from './scoring-sheet.js';
import {
  type RegionWarningInput,
  readTotalWarningRule,
  type TotalWarningRule,
  warningLevel,
  warningLevels,
} from './warning-level.js';

const intensity: CalculationDefinition = {
  name: 'intensity',
  titleZh: '万元GDP能耗',
  titleEn: 'Energy intensity of GDP',
  description: 'Energy consumption (tce) per 10 000 yuan of GDP at comparable prices.',
  exampleInput: { energyTce: 2235, gdpComparableYuan10k: 1000 },
  run(input) {
    const obj = readObject(input, '', ['energyTce', 'gdpComparableYuan10k']);
    const r = energyIntensity({
      energyTce: numberField(obj, 'energyTce', ''),
      gdpComparableYuan10k: numberField(obj, 'gdpComparableYuan10k', ''),
    });
    return { intensityTcePerYuan10k: out(r.intensityTcePerYuan10k, digits.intensity), explain: r.explain };
  },
};

const intensityChangeCalc: CalculationDefinition = {
  name: 'intensity-change',
  titleZh: '能耗强度同比变化',
  titleEn: 'Year-on-year change of energy intensity',
  description:
    'Either from growth rates, (1 + energyGrowthPct) ÷ (1 + gdpRealGrowthPct) − 1, or from [previous, current] energy (tce) and GDP at comparable prices (10^4 yuan).',
  exampleInput: { energyGrowthPct: 0.6, gdpRealGrowthPct: 3.6 },
  run(input) {
    const obj = readObject(input, '', [
      'energyGrowthPct',
      'gdpRealGrowthPct',
      'energyTce',
      'gdpComparableYuan10k',
    ]);
    const fromValues = obj['energyTce'] !== undefined || obj['gdpComparableYuan10k'] !== undefined;
    const fromRates = obj['energyGrowthPct'] !== undefined || obj['gdpRealGrowthPct'] !== undefined;
    if (fromValues && fromRates) {
      throw new CalcError(
        'CALC_INVALID_INPUT',
        'expected either energyGrowthPct + gdpRealGrowthPct or energyTce + gdpComparableYuan10k, not both',
        '/energyTce',
      );
    }
    const r = fromValues
      ? intensityChangeFromValues({
          energyTce: numberArrayField(obj, 'energyTce', ''),
          gdpComparableYuan10k: numberArrayField(obj, 'gdpComparableYuan10k', ''),
        })
      : intensityChange({
          energyGrowthPct: numberField(obj, 'energyGrowthPct', ''),
          gdpRealGrowthPct: numberField(obj, 'gdpRealGrowthPct', ''),
        });
    return { intensityChangePct: out(r.intensityChangePct, digits.pct), explain: r.explain };
  },
};

const cumulative: CalculationDefinition = {
  name: 'cumulative-change',
  titleZh: '累计变化与年均变化',
  titleEn: 'Cumulative and average annual change',
  description:
    'Chains yearly % changes: ∏(1 + c) − 1 (never a sum), and the average annual change (1 + cum)^(1/n) − 1.',
  exampleInput: { changesPct: [-4.22, -3.37] },
  run(input) {
    const obj = readObject(input, '', ['changesPct']);
    const r = cumulativeChange({ changesPct: numberArrayField(obj, 'changesPct', '', 1) });
    return {
      cumulativeChangePct: out(r.cumulativeChangePct, digits.pct),
      averageAnnualChangePct: out(r.averageAnnualChangePct, digits.pct),
      years: r.years,
      explain: r.explain,
    };
  },
};

const target: CalculationDefinition = {
  name: 'intensity-target',
  titleZh: '目标能耗强度',
  titleEn: 'Target intensity',
  description: 'Target intensity = base intensity × (1 + targetChangePct/100).',
  exampleInput: { baseIntensity: 2.235, targetChangePct: -16 },
  run(input) {
    const obj = readObject(input, '', ['baseIntensity', 'targetChangePct']);
    const r = intensityTarget({
      baseIntensity: numberField(obj, 'baseIntensity', ''),
      targetChangePct: numberField(obj, 'targetChangePct', ''),
    });
    return { targetIntensity: out(r.targetIntensity, digits.intensity), explain: r.explain };
  },
};

const progressCalc: CalculationDefinition = {
  name: 'progress',
  titleZh: '目标完成进度 (序时进度)',
  titleEn: 'Progress against the time schedule',
  description:
    'Completion of the period target by the log method ln(1 + achieved) ÷ ln(1 + target) (or linear), against the time share elapsed; onTrack when completion ≥ required.',
  exampleInput: {
    achievedChangePct: -7.64,
    targetChangePct: -16,
    yearsElapsed: 1,
    periodYears: 5,
    method: 'log',
  },
  run(input) {
    const obj = readObject(input, '', [
      'achievedChangePct',
      'targetChangePct',
      'yearsElapsed',
      'periodYears',
      'method',
    ]);
    const method = enumField(obj, 'method', '', ['log', 'linear'] as const);
    const r = progress({
      achievedChangePct: numberField(obj, 'achievedChangePct', ''),
      targetChangePct: numberField(obj, 'targetChangePct', ''),
      yearsElapsed: numberField(obj, 'yearsElapsed', ''),
      periodYears: numberField(obj, 'periodYears', ''),
      ...(method === undefined ? {} : { method }),
    });
    return {
      completionPct: out(r.completionPct, digits.pct),
      requiredPct: out(r.requiredPct, digits.pct),
      onTrack: r.onTrack,
      aheadPct: out(r.aheadPct, digits.pct),
      method: r.method,
      explain: r.explain,
    };
  },
};

const REGION_KEYS = [
  'code',
  'name',
  'intensityChangePct',
  'requiredIntensityChangePct',
  'energyGrowthPct',
  'energyGrowthLimitPct',
  'energyIncrementTce',
  'incrementAllowanceTce',
] as const;

function readRegion(raw: unknown, path: string): RegionWarningInput & { name?: string } {
  const obj = readObject(raw, path, REGION_KEYS);
  const region: RegionWarningInput & { name?: string } = {
    code: stringField(obj, 'code', path),
    intensityChangePct: numberField(obj, 'intensityChangePct', path),
    requiredIntensityChangePct: numberField(obj, 'requiredIntensityChangePct', path),
  };
  const name = optionalStringField(obj, 'name', path);
  if (name !== undefined) region.name = name;
  for (const key of [
    'energyGrowthPct',
    'energyGrowthLimitPct',
    'energyIncrementTce',
    'incrementAllowanceTce',
  ] as const) {
    const v = optionalNumberField(obj, key, path);
    if (v !== undefined) region[key] = v;
  }
  return region;
}

const warning: CalculationDefinition = {
  name: 'warning',
  titleZh: '能耗双控预警等级 (晴雨表)',
  titleEn: 'Dual-control warning levels (barometer)',
  description:
    'Intensity level: 1 (red) when intensity rose, 2 (yellow) when it did not change or fell less than required, 3 (green) otherwise. Total level (optional, inferred and configurable): energy growth vs its limit, or increment vs allowance, with totalRule.elapsedShare for level 2.',
  exampleInput: {
    regions: [
      { code: '140000', name: '山西', intensityChangePct: -2.1, requiredIntensityChangePct: -3.0 },
      {
        code: '620000',
        name: '甘肃',
        intensityChangePct: -3.5,
        requiredIntensityChangePct: -3.0,
        energyGrowthPct: 3.7,
        energyGrowthLimitPct: 2.5,
      },
    ],
  },
  run(input) {
    const obj = readObject(input, '', ['regions', 'totalRule']);
    let rule: TotalWarningRule | undefined;
    if (obj['totalRule'] !== undefined) {
      const ruleObj = readObject(obj['totalRule'], '/totalRule', ['elapsedShare']);
      const share = optionalNumberField(ruleObj, 'elapsedShare', '/totalRule');
      rule = share === undefined ? {} : { elapsedShare: share };
      readTotalWarningRule(rule);
    }
    const regions = arrayField(obj, 'regions', '', 1).map((raw, i) => {
      const path = pointer('/regions', i);
      const region = readRegion(raw, path);
      const r = warningLevel(region, rule, path);
      return {
        code: r.code,
        ...(region.name === undefined ? {} : { name: region.name }),
        intensityLevel: r.intensityLevel,
        intensityColor: r.intensityColor,
        intensityLabel: warningLevels[r.intensityLevel].labelZh,
        ...(r.totalLevel === undefined
          ? {}
          : {
              totalLevel: r.totalLevel,
              totalColor: r.totalColor,
              totalLabel: warningLevels[r.totalLevel].labelZh,
              totalInferred: true,
            }),
        explain: r.explain,
      };
    });
    const anyTotal = regions.some((r) => 'totalLevel' in r);
    return {
      regions,
      explain: {
        formula:
          'intensityLevel = 1 if intensityChangePct > 0; 2 if = 0 or > requiredIntensityChangePct; else 3' +
          (anyTotal
            ? '; totalLevel (inferred) = 1 if value > limit; 2 if value > limit × elapsedShare; else 3'
            : ''),
        inputs: { regions: regions.length },
        notes: [
          'Levels: 1 一级 (red), 2 二级 (yellow), 3 三级 (green); 发改办环资〔2021〕629号.',
          'Each region carries its own explanation.',
        ],
      },
      ...(anyTotal
        ? {
            totalRule: {
              inferred: true,
              elapsedShare: rule?.elapsedShare === undefined ? 1 : Number(rule.elapsedShare),
              description:
                'level 1 if value > limit; 2 if value > limit × elapsedShare; else 3 (local rule, not published by NDRC)',
            },
          }
        : {}),
    };
  },
};

const assessment: CalculationDefinition = {
  name: 'assessment',
  titleZh: '节能目标责任评价考核等级',
  titleEn: 'Assessment grade',
  description:
    'Score ≥ 95 超额完成, ≥ 80 完成, ≥ 60 基本完成, else 未完成; a missed intensity target is 未完成 whatever the score (veto).',
  exampleInput: { score: 93, intensityTargetMet: true },
  run(input) {
    const obj = readObject(input, '', ['score', 'intensityTargetMet']);
    const r = assessmentGrade({
      score: numberField(obj, 'score', ''),
      intensityTargetMet: booleanField(obj, 'intensityTargetMet', ''),
    });
    return { grade: r.grade, label: r.label, labelEn: r.labelEn, vetoed: r.vetoed, explain: r.explain };
  },
};

function readSheet(raw: unknown): ScoringSheet {
  const obj = readObject(raw, '/sheet', ['id', 'titleZh', 'source', 'items']);
  const items = arrayField(obj, 'items', '/sheet', 1).map((rawItem, i): ScoringSheetItem => {
    const path = pointer('/sheet/items', i);
    const item = readObject(rawItem, path, [
      'id',
      'titleZh',
      'group',
      'maxPoints',
      'bonusMaxPoints',
      'vetoBelowPoints',
    ]);
    const group = enumField(item, 'group', path, ['target', 'measure'] as const);
    if (group === undefined)
      throw new CalcError('CALC_INVALID_INPUT', 'expected group (target or measure)', pointer(path, 'group'));
    const numeric = (key: string) => {
      const v = optionalNumberField(item, key, path);
      return v === undefined ? undefined : Number(v);
    };
    const maxPoints = numeric('maxPoints');
    if (maxPoints === undefined)
      throw new CalcError('CALC_INVALID_INPUT', 'expected maxPoints (a number)', pointer(path, 'maxPoints'));
    const bonus = numeric('bonusMaxPoints');
    const veto = numeric('vetoBelowPoints');
    return {
      id: stringField(item, 'id', path),
      titleZh: optionalStringField(item, 'titleZh', path) ?? '',
      group,
      maxPoints,
      ...(bonus === undefined ? {} : { bonusMaxPoints: bonus }),
      ...(veto === undefined ? {} : { vetoBelowPoints: veto }),
    };
  });
  return {
    id: optionalStringField(obj, 'id', '/sheet') ?? 'custom',
    titleZh: optionalStringField(obj, 'titleZh', '/sheet') ?? '',
    source: optionalStringField(obj, 'source', '/sheet') ?? 'given as input',
    items,
  };
}

function readScores(obj: InputObject): Record<string, string | number> {
  const raw = obj['scores'];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CalcError('CALC_INVALID_INPUT', 'expected scores as an object { itemId: points }', '/scores');
  }
  const scores: Record<string, string | number> = {};
  for (const key of Object.keys(raw)) scores[key] = numberField(raw as InputObject, key, '/scores');
  return scores;
}

const assessmentSheet: CalculationDefinition = {
  name: 'assessment-sheet',
  titleZh: '考核评分表',
  titleEn: 'Assessment scoring sheet',
  description: `Scores a sheet (target points + measure points, veto items) and grades the total. Use a built-in sheetId (${Object.keys(scoringSheets).join(', ')}) or pass a sheet definition.`,
  exampleInput: { sheetId: nationalScoringSheet2007.id, scores: { 'intensity-target': 43, measures: 54 } },
  run(input) {
    const obj = readObject(input, '', ['sheetId', 'sheet', 'scores']);
    if (obj['sheetId'] !== undefined && obj['sheet'] !== undefined) {
      throw new CalcError('CALC_INVALID_INPUT', 'expected either sheetId or sheet, not both', '/sheet');
    }
    let sheet: ScoringSheet;
    if (obj['sheet'] !== undefined) sheet = readSheet(obj['sheet']);
    else {
      const id = optionalStringField(obj, 'sheetId', '') ?? nationalScoringSheet2007.id;
      const found = Object.hasOwn(scoringSheets, id) ? scoringSheets[id] : undefined;
      if (found === undefined) {
        throw new CalcError(
          'CALC_INVALID_INPUT',
          `expected sheetId to be one of ${Object.keys(scoringSheets).join(', ')}, got ${JSON.stringify(id)}`,
          '/sheetId',
        );
      }
      sheet = found;
    }
    const r = scoreSheet(sheet, readScores(obj));
    return {
      sheetId: sheet.id,
      totalScore: out(r.totalScore, digits.score),
      targetScore: out(r.targetScore, digits.score),
      measureScore: out(r.measureScore, digits.score),
      grade: r.grade,
      label: r.label,
      labelEn: r.labelEn,
      vetoed: r.vetoed,
      items: r.items.map((i) => ({ ...i, score: out(i.score, digits.score) })),
      explain: r.explain,
    };
  },
};

export const targetCalculations: readonly CalculationDefinition[] = [
  intensity,
  intensityChangeCalc,
  cumulative,
  target,
  progressCalc,
  warning,
  assessment,
  assessmentSheet,
];
