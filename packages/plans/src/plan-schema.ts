import { type Static, Type } from 'typebox';

/**
 * The format of `plans/*.yaml`: one government action plan (a seed document) as data — its source, period and
 * scope, every quantified target, the tasks with lead and cooperating units and deadlines, and where the plan
 * has them, key programmes and project groups. `plans/plan.schema.json` is this schema as JSON Schema (a test
 * keeps the two identical).
 */

/** A GB/T 2260 administrative-division code (six digits); `100000` stands for the whole country. */
export const RegionCode = Type.String({
  pattern: '^[1-9][0-9]{5}$',
  description: 'GB/T 2260 行政区划代码 (6 digits); 100000 = 全国 / national',
});
export type RegionCode = Static<typeof RegionCode>;

/** One region, or a list of regions a target or plan applies to jointly (e.g. 京津冀及周边地区). */
export const RegionScope = Type.Union(
  [RegionCode, Type.Array(RegionCode, { minItems: 1, uniqueItems: true })],
  {
    description: 'one region code, or a list of codes for a joint scope',
  },
);
export type RegionScope = Static<typeof RegionScope>;

const Year = Type.Integer({ minimum: 1990, maximum: 2100, description: 'calendar year' });
const IsoDate = Type.String({ format: 'date', description: 'ISO date YYYY-MM-DD' });
const Text = Type.String({ minLength: 1 });

export const TargetType = Type.Union(
  [
    Type.Literal('intensity'),
    Type.Literal('total_cap'),
    Type.Literal('reduction'),
    Type.Literal('rate'),
    Type.Literal('count'),
    Type.Literal('output_value'),
    Type.Literal('capacity'),
    Type.Literal('other'),
  ],
  { description: 'kind of indicator' },
);
export type TargetType = Static<typeof TargetType>;

/**
 * How the target value is to be read: `decrease`/`increase` = a change relative to the base (changePct is signed);
 * `at_most` (以内/以下/控制在), `at_least` (以上/达到/超过), `about` (左右/约), `exact` (a stated number with no
 * qualifier that is a count or a rate fixed by the plan, e.g. 217 projects, 400 yuan/tce).
 */
export const TargetDirection = Type.Union([
  Type.Literal('decrease'),
  Type.Literal('increase'),
  Type.Literal('at_most'),
  Type.Literal('at_least'),
  Type.Literal('about'),
  Type.Literal('exact'),
]);
export type TargetDirection = Static<typeof TargetDirection>;

/** Which field of a target the seed states inconsistently with the others. */
export const InconsistentField = Type.Union([
  Type.Literal('base.value'),
  Type.Literal('target.value'),
  Type.Literal('target.changePct'),
]);
export type InconsistentField = Static<typeof InconsistentField>;

/**
 * A seed number that does not agree with the other numbers of the same target (e.g. base 2.24 while 1.877 and
 * −16 % imply 2.235): both are recorded, and `used` says which one ECEP calculates with.
 */
export const PlanInconsistency = Type.Object(
  {
    field: InconsistentField,
    stated: Type.Number({ description: 'the value as printed in the seed' }),
    implied: Type.Number({ description: 'the value the other stated numbers imply' }),
    used: Type.Number({ description: 'the value ECEP uses: equal to stated or implied' }),
    note: Text,
  },
  { additionalProperties: false },
);
export type PlanInconsistency = Static<typeof PlanInconsistency>;

export const TargetBase = Type.Object(
  {
    year: Year,
    value: Type.Optional(Type.Number({ description: 'base-year value in the target unit' })),
  },
  { additionalProperties: false },
);
export type TargetBase = Static<typeof TargetBase>;

export const TargetGoal = Type.Object(
  {
    year: Year,
    value: Type.Optional(
      Type.Number({ description: 'target value in the unit (lower bound when valueMax is set)' }),
    ),
    valueMax: Type.Optional(Type.Number({ description: 'upper bound of a range such as 7%～8% or 3-5户' })),
    changePct: Type.Optional(
      Type.Number({ description: 'signed change versus base, in percent (−16 = a 16 % decrease)' }),
    ),
    changePctMax: Type.Optional(
      Type.Number({ description: 'other end of a change range such as 提高2%～3%' }),
    ),
    annualChangePct: Type.Optional(Type.Number({ description: 'signed average yearly change, in percent' })),
  },
  { additionalProperties: false },
);
export type TargetGoal = Static<typeof TargetGoal>;

/** One quantified target of a plan. Identified within its plan by `code` + `scope` + `target.year`. */
export const PlanTarget = Type.Object(
  {
    code: Type.String({
      pattern: '^[a-z][a-z0-9]*(_[a-z0-9]+)*$',
      description: 'snake_case indicator code, reused across plans (energy_intensity, so2_total …)',
    }),
    name: Text,
    nameEn: Type.Optional(Text),
    type: TargetType,
    scope: RegionScope,
    unit: Type.String({
      minLength: 1,
      description: 'explicit unit: tce/10k yuan, 10k t, %, 100 million yuan …',
    }),
    base: Type.Optional(TargetBase),
    target: TargetGoal,
    direction: TargetDirection,
    priceBase: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}$',
        description: 'constant-price year of GDP/value figures, e.g. 2005',
      }),
    ),
    sourceText: Type.String({ minLength: 4, description: 'the sentence of the seed the target comes from' }),
    inconsistency: Type.Optional(PlanInconsistency),
    note: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type PlanTarget = Static<typeof PlanTarget>;

/** A dated step of a task (Gansu lists several per task: 2018 …; 2019 …; 2020 …; 2025 …). */
export const TaskMilestone = Type.Object(
  {
    deadline: IsoDate,
    deadlineText: Text,
    expectedOutput: Text,
  },
  { additionalProperties: false },
);
export type TaskMilestone = Static<typeof TaskMilestone>;

/** A task with its responsible units and deadline. `deadline` is the last date the plan gives for it. */
export const PlanTask = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'stable id within the plan' }),
    title: Text,
    leadUnits: Type.Array(Text, { minItems: 1 }),
    cooperatingUnits: Type.Array(Text),
    unitsImplied: Type.Optional(
      Type.Boolean({ description: 'true when the seed names no unit and the lead is the issuing body' }),
    ),
    deadline: IsoDate,
    deadlineText: Text,
    milestones: Type.Optional(Type.Array(TaskMilestone, { minItems: 1 })),
    expectedOutput: Type.Optional(Text),
    sourceText: Type.String({ minLength: 4 }),
  },
  { additionalProperties: false },
);
export type PlanTask = Static<typeof PlanTask>;

/** A named key programme (重点工程) of a plan, e.g. Shanxi 2014's 22 工业节能环保产业工程. */
export const PlanProgramme = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    title: Text,
    group: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type PlanProgramme = Static<typeof PlanProgramme>;

/** An expected yearly effect of a project group once in production (年消纳固废3060万吨 …). */
export const ProjectOutput = Type.Object(
  { name: Text, value: Type.Number(), unit: Text },
  { additionalProperties: false },
);
export type ProjectOutput = Static<typeof ProjectOutput>;

export const ProjectCategory = Type.Object(
  {
    name: Text,
    count: Type.Integer({ minimum: 0 }),
    outputs: Type.Array(ProjectOutput),
    sourceText: Type.String({ minLength: 4 }),
  },
  { additionalProperties: false },
);
export type ProjectCategory = Static<typeof ProjectCategory>;

/** A counted set of key projects with its categories; the category counts must add up to `total`. */
export const PlanProjects = Type.Object(
  {
    title: Text,
    year: Year,
    total: Type.Integer({ minimum: 0 }),
    categories: Type.Array(ProjectCategory),
    sourceText: Type.String({ minLength: 4 }),
  },
  { additionalProperties: false },
);
export type PlanProjects = Static<typeof PlanProjects>;

export const PlanSource = Type.Object(
  {
    file: Type.String({ pattern: '^[0-9]{3}_[0-9a-f]{16}\\.txt$', description: 'seed file name' }),
    issuer: Text,
    author: Type.Optional(Text),
    documentNo: Type.Optional(Text),
    date: IsoDate,
    title: Text,
  },
  { additionalProperties: false },
);
export type PlanSource = Static<typeof PlanSource>;

export const PlanPeriod = Type.Object({ from: Year, to: Year }, { additionalProperties: false });
export type PlanPeriod = Static<typeof PlanPeriod>;

export const Plan = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'stable slug' }),
    title: Text,
    titleEn: Type.Optional(Text),
    source: PlanSource,
    period: PlanPeriod,
    scope: RegionScope,
    scopeNote: Type.Optional(Text),
    targets: Type.Array(PlanTarget, { minItems: 1 }),
    tasks: Type.Array(PlanTask),
    programmes: Type.Optional(Type.Array(PlanProgramme, { minItems: 1 })),
    projects: Type.Optional(Type.Array(PlanProjects, { minItems: 1 })),
    notes: Type.Optional(Type.Array(Text)),
  },
  {
    additionalProperties: false,
    $id: 'https://ecep.example/plans/plan.schema.json',
    title: 'ECEP action plan',
  },
);
export type Plan = Static<typeof Plan>;
