import { type Static, Type } from 'typebox';

const Decimal = Type.String({ description: 'exact decimal as a string' });
const NullableDecimal = Type.Union([Decimal, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableYear = Type.Union([Type.Integer(), Type.Null()]);
const WarningLevel = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Null()], {
  description: '1 = red (rose), 2 = yellow (fell less than required), 3 = green; null without data',
});

/** A coefficient an explanation names, with its source (packages/core `ExplainCoefficient`). */
export const ExplainCoefficient = Type.Object({
  name: Type.String(),
  value: Type.Union([Type.String(), Type.Number()]),
  unit: Type.String(),
  source: Type.String(),
});
export type ExplainCoefficient = Static<typeof ExplainCoefficient>;

/** Why a number is what it is (packages/core `Explain`): formula, inputs, coefficients and notes. */
export const Explain = Type.Object({
  formula: Type.String(),
  inputs: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  coefficients: Type.Optional(Type.Array(ExplainCoefficient)),
  notes: Type.Optional(Type.Array(Type.String())),
});
export type Explain = Static<typeof Explain>;
const NullableExplain = Type.Union([Explain, Type.Null()]);

/** Where a target stands against its plan; `no_source` when no statistic measures it yet. */
export const TargetStatus = Type.Union([
  Type.Literal('achieved'),
  Type.Literal('on_track'),
  Type.Literal('behind'),
  Type.Literal('missed'),
  Type.Literal('no_data'),
  Type.Literal('no_source'),
]);
export type TargetStatus = Static<typeof TargetStatus>;

/** Chinese labels of the target statuses (`statusZh`). */
export const TARGET_STATUS_ZH: Readonly<Record<TargetStatus, string>> = {
  achieved: '已完成',
  on_track: '符合序时进度',
  behind: '滞后于序时进度',
  missed: '未完成',
  no_data: '缺少统计数据',
  no_source: '暂无统计口径',
};

/** One quantified target of a stored plan version. */
export const PlanTarget = Type.Object({
  planId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  unit: Type.String(),
  scopeCode: Type.String(),
  direction: NullableString,
  baseYear: NullableYear,
  baseValue: NullableDecimal,
  targetYear: Type.Integer(),
  targetValue: NullableDecimal,
  changePct: NullableDecimal,
});
export type PlanTarget = Static<typeof PlanTarget>;

/** Actual against target for one target in one region (`GET /api/targets/evaluations`). */
export const TargetEvaluation = Type.Object({
  planId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  unit: Type.String(),
  baseYear: NullableYear,
  baseValue: NullableDecimal,
  targetYear: Type.Integer(),
  targetValue: NullableDecimal,
  targetChangePct: NullableDecimal,
  asOfYear: NullableYear,
  actualValue: NullableDecimal,
  actualChangePct: NullableDecimal,
  completionPct: NullableDecimal,
  requiredPct: NullableDecimal,
  onTrack: Type.Union([Type.Boolean(), Type.Null()]),
  status: TargetStatus,
  statusZh: Type.String(),
  missing: Type.Array(Type.String()),
  explain: NullableExplain,
});
export type TargetEvaluation = Static<typeof TargetEvaluation>;

/** One region's row of the 能耗双控晴雨表 for a year and period. */
export const BarometerRow = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  year: Type.Integer(),
  period: Type.String(),
  energyGrowthPct: NullableDecimal,
  gdpGrowthPct: NullableDecimal,
  intensityChangePct: NullableDecimal,
  requiredChangePct: NullableDecimal,
  requirementBasis: NullableString,
  intensityLevel: WarningLevel,
  intensityColor: NullableString,
  intensityLabelZh: NullableString,
  totalLevel: WarningLevel,
  totalColor: NullableString,
  totalLabelZh: NullableString,
  missing: Type.Array(Type.String()),
  explain: NullableExplain,
});
export type BarometerRow = Static<typeof BarometerRow>;

/** The 晴雨表 of a region and the regions below it (`GET /api/targets/barometer`). */
export const Barometer = Type.Object({
  year: Type.Integer(),
  period: Type.String(),
  parent: Type.Object({ code: Type.String(), name: Type.String(), row: BarometerRow }),
  rows: Type.Array(BarometerRow),
});
export type Barometer = Static<typeof Barometer>;

/** Year-end assessment of one region (`GET /api/targets/assessment`). */
export const AssessmentRow = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  year: Type.Integer(),
  intensityChangePct: NullableDecimal,
  requiredChangePct: NullableDecimal,
  completionPct: NullableDecimal,
  targetPoints: NullableDecimal,
  measurePoints: NullableDecimal,
  totalScore: NullableDecimal,
  grade: NullableString,
  gradeZh: Type.String(),
  vetoed: Type.Union([Type.Boolean(), Type.Null()]),
  explain: NullableExplain,
});
export type AssessmentRow = Static<typeof AssessmentRow>;

/** The yearly 晴雨表 bulletin of a province (`GET /api/bulletins/:year`). */
export const Bulletin = Type.Object({
  year: Type.Integer(),
  title: Type.String(),
  isDemo: Type.Boolean(),
  parent: BarometerRow,
  rows: Type.Array(BarometerRow),
  notes: Type.Array(Type.String()),
});
export type Bulletin = Static<typeof Bulletin>;

/** Whether the parts of an allocated target add up to the whole (`GET /api/targets/allocations`). */
export const AllocationCheck = Type.Object({
  kind: Type.Union([Type.Literal('intensity'), Type.Literal('total')]),
  consistent: Type.Boolean(),
  parentValue: Decimal,
  impliedValue: NullableDecimal,
  gap: NullableDecimal,
  missingParts: Type.Array(Type.String()),
  missingWeights: Type.Array(Type.String()),
  explain: Explain,
});
export type AllocationCheck = Static<typeof AllocationCheck>;
