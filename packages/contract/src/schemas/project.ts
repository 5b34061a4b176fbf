import { type Static, Type } from 'typebox';

const Decimal = Type.String({ description: 'exact decimal as a string' });
const DecimalIn = Type.Union([Type.Number({ minimum: 0 }), Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })]);
const DateStr = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
});

/** Project categories of the seed plans. */
export const PROJECT_CATEGORIES = [
  { code: 'programme', nameZh: '22项重点工程' },
  { code: 'energy_saving_retrofit', nameZh: '节能改造' },
  { code: 'resource_utilization', nameZh: '资源综合利用' },
  { code: 'cleaner_production', nameZh: '清洁生产' },
  { code: 'equipment', nameZh: '节能环保装备制造' },
] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number]['code'];

/** The 22 key programmes (重点工程) of the Shanxi 2014 action plan, numbered as in the plan. */
export const SHANXI_2014_PROGRAMMES = [
  '节能技术研发推广工程',
  '节能与新能源汽车工程',
  '半导体照明工程',
  '节能技术改造工程',
  '节能服务提升工程',
  '节能产品推广工程',
  '固废综合利用工程',
  '清洁生产推进工程',
  '“城市矿产”治理工程',
  '再制造提升工程',
  '“两型”园区示范工程',
  '低热值煤发电工程',
  '废水处理回用工程',
  '电动汽车制造工程',
  '矿井乏风发电装备制造工程',
  '高效节能锅炉制造工程',
  '高效节能电机制造工程',
  '环保装备制造工程',
  '低温余热发电装备制造工程',
  '煤层气开发利用装备制造工程',
  '光伏装备制造工程',
  '风电装备制造工程',
] as const;

/** Stages: 储备 → 开工 → 投产 → 达产, or 终止 (with a reason). */
export const PROJECT_STAGES = [
  { code: 'reserve', nameZh: '储备' },
  { code: 'started', nameZh: '开工' },
  { code: 'operating', nameZh: '投产' },
  { code: 'full_production', nameZh: '达产' },
  { code: 'terminated', nameZh: '终止' },
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number]['code'];

const Category = Type.Union([
  Type.Literal('programme'),
  Type.Literal('energy_saving_retrofit'),
  Type.Literal('resource_utilization'),
  Type.Literal('cleaner_production'),
  Type.Literal('equipment'),
]);
const Stage = Type.Union([
  Type.Literal('reserve'),
  Type.Literal('started'),
  Type.Literal('operating'),
  Type.Literal('full_production'),
  Type.Literal('terminated'),
]);

const editable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  category: Category,
  programmeNo: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 22 }), Type.Null()])),
  enterpriseId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  ownerName: Type.Optional(
    Type.String({ maxLength: 200, description: 'owner when not a registered enterprise' }),
  ),
  regionCode: Type.String({ pattern: '^[0-9]{6}$' }),
  planYear: Type.Optional(Type.Union([Type.Integer({ minimum: 2000, maximum: 2100 }), Type.Null()])),
  plannedInvestment10kYuan: DecimalIn,
  completedInvestment10kYuan: Type.Optional(DecimalIn),
  capacity: Type.Optional(Type.String({ maxLength: 200, description: '建设规模/产能' })),
  expectedSavingTcePerYr: Type.Optional(Type.Union([DecimalIn, Type.Null()])),
  expectedWasteUseTPerYr: Type.Optional(Type.Union([DecimalIn, Type.Null()])),
  expectedEmissionCutTPerYr: Type.Optional(Type.Union([DecimalIn, Type.Null()])),
  measuredSavingTcePerYr: Type.Optional(Type.Union([DecimalIn, Type.Null()])),
  measuredWasteUseTPerYr: Type.Optional(Type.Union([DecimalIn, Type.Null()])),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
};

export const ProjectCreate = Type.Object(editable, { additionalProperties: false });
export type ProjectCreate = Static<typeof ProjectCreate>;

export const ProjectUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editable)).properties, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type ProjectUpdate = Static<typeof ProjectUpdate>;

export const ProjectStageChange = Type.Object(
  {
    stage: Stage,
    date: DateStr,
    evidence: Type.Optional(Type.String({ maxLength: 1000, description: '佐证材料（文号、链接、附件名）' })),
    reason: Type.Optional(Type.String({ maxLength: 1000, description: '回退或终止的原因' })),
  },
  { additionalProperties: false },
);
export type ProjectStageChange = Static<typeof ProjectStageChange>;

export const MilestoneInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    dueDate: DateStr,
    doneDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type MilestoneInput = Static<typeof MilestoneInput>;

export const MilestoneUpdate = Type.Partial(MilestoneInput, { additionalProperties: false });
export type MilestoneUpdate = Static<typeof MilestoneUpdate>;

export const Milestone = Type.Object({
  id: Type.String(),
  title: Type.String(),
  dueDate: Type.String(),
  doneDate: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
  overdue: Type.Boolean({ description: 'not done and the due date has passed (Asia/Shanghai)' }),
});
export type Milestone = Static<typeof Milestone>;

export const ProjectStageEvent = Type.Object({
  fromStage: Type.Union([Type.String(), Type.Null()]),
  toStage: Type.String(),
  date: Type.String(),
  evidence: Type.String(),
  reason: Type.String(),
  actorName: Type.String(),
  at: Type.String(),
});
export type ProjectStageEvent = Static<typeof ProjectStageEvent>;

export const Project = Type.Object({
  id: Type.String(),
  name: Type.String(),
  category: Type.String(),
  categoryName: Type.String(),
  programmeNo: Type.Union([Type.Integer(), Type.Null()]),
  programmeName: Type.Union([Type.String(), Type.Null()]),
  enterpriseId: Type.Union([Type.String(), Type.Null()]),
  enterpriseCreditCode: Type.Union([Type.String(), Type.Null()]),
  ownerName: Type.String(),
  regionCode: Type.String(),
  planYear: Type.Union([Type.Integer(), Type.Null()]),
  plannedInvestment10kYuan: Decimal,
  completedInvestment10kYuan: Decimal,
  investmentCompletionPct: Type.Union([Decimal, Type.Null()]),
  capacity: Type.String(),
  expectedSavingTcePerYr: Type.Union([Decimal, Type.Null()]),
  expectedWasteUseTPerYr: Type.Union([Decimal, Type.Null()]),
  expectedEmissionCutTPerYr: Type.Union([Decimal, Type.Null()]),
  measuredSavingTcePerYr: Type.Union([Decimal, Type.Null()]),
  measuredWasteUseTPerYr: Type.Union([Decimal, Type.Null()]),
  savingRealizationPct: Type.Union([Decimal, Type.Null()], {
    description: 'measured ÷ expected savings × 100, once the project runs and a measurement exists',
  }),
  stage: Type.String(),
  stageName: Type.String(),
  stageDate: Type.Union([Type.String(), Type.Null()]),
  terminationReason: Type.Union([Type.String(), Type.Null()]),
  overdueMilestones: Type.Integer(),
  note: Type.String(),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
});
export type Project = Static<typeof Project>;

export const ProjectDetail = Type.Object({
  ...Project.properties,
  milestones: Type.Array(Milestone),
  stages: Type.Array(ProjectStageEvent),
});
export type ProjectDetail = Static<typeof ProjectDetail>;

export const ProjectQuery = Type.Object({
  category: Type.Optional(Category),
  programmeNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 22 })),
  stage: Type.Optional(Stage),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  enterpriseId: Type.Optional(Type.String({ format: 'uuid' })),
  planYear: Type.Optional(Type.Integer()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  overdue: Type.Optional(Type.Boolean({ description: 'only projects with an overdue milestone' })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 50 })),
});
export type ProjectQuery = Static<typeof ProjectQuery>;

export const ProjectList = Type.Object({
  items: Type.Array(Project),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type ProjectList = Static<typeof ProjectList>;

export const ProjectRateTarget = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  targetValue: Decimal,
  actualValue: Type.Union([Decimal, Type.Null()]),
  met: Type.Union([Type.Boolean(), Type.Null()]),
  source: Type.String(),
});

export const ProjectRates = Type.Object({
  total: Type.Integer(),
  byStage: Type.Record(Type.String(), Type.Integer()),
  started: Type.Integer({ description: 'started, operating or at full production' }),
  operating: Type.Integer({ description: 'operating or at full production (投产或部分投产)' }),
  startedPct: Type.Union([Decimal, Type.Null()]),
  operatingPct: Type.Union([Decimal, Type.Null()]),
  plannedInvestment10kYuan: Decimal,
  completedInvestment10kYuan: Decimal,
  investmentCompletionPct: Type.Union([Decimal, Type.Null()]),
  expectedSavingTcePerYr: Decimal,
  measuredSavingTcePerYr: Decimal,
  overdueMilestones: Type.Integer(),
  targets: Type.Array(ProjectRateTarget),
  explain: Type.Object({ formula: Type.String(), notes: Type.Array(Type.String()) }),
});
export type ProjectRates = Static<typeof ProjectRates>;
