import { type Static, Type } from 'typebox';

const Amount = Type.Number({ minimum: 0 });

export const REPORT_STATUSES = [
  'draft',
  'submitted',
  'county_approved',
  'city_approved',
  'approved',
  'returned',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_ZH: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已报送（待县级审核）',
  county_approved: '县级已审（待市级审核）',
  city_approved: '市级已审（待省级审批）',
  approved: '省级已批准',
  returned: '已退回',
};

export const ReportEnergyItem = Type.Object(
  {
    energyCode: Type.String({
      description: 'GB/T 2589 energy code of the calculation engine, e.g. raw-coal',
    }),
    unit: Type.String({ description: 't, 10^4 m3, 10^4 kWh, GJ…' }),
    openingStock: Type.Optional(Amount),
    purchased: Amount,
    consumed: Amount,
    /** Energy supplied to others (外供), deducted from comprehensive consumption. */
    outputToOthers: Type.Optional(Amount),
    closingStock: Type.Optional(Amount),
  },
  { additionalProperties: false },
);
export type ReportEnergyItem = Static<typeof ReportEnergyItem>;

export const ReportProduct = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    unit: Type.String({ minLength: 1, maxLength: 20 }),
    output: Type.Number({ exclusiveMinimum: 0 }),
  },
  { additionalProperties: false },
);

export const ReportContent = Type.Object(
  {
    energy: Type.Array(ReportEnergyItem, { minItems: 1, maxItems: 50 }),
    products: Type.Optional(Type.Array(ReportProduct, { maxItems: 20 })),
    outputValue10kYuan: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, description: '工业总产值（可比价），万元' }),
    ),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReportContent = Static<typeof ReportContent>;

export const ReportTotals = Type.Object({
  consumedTce: Type.String(),
  outputToOthersTce: Type.String(),
  comprehensiveTce: Type.String({ description: '综合能源消费量 = consumed − supplied to others, tce' }),
  items: Type.Array(
    Type.Object({
      energyCode: Type.String(),
      nameZh: Type.String(),
      consumedTce: Type.String(),
      coefficient: Type.String(),
      source: Type.String(),
    }),
  ),
  unitProduct: Type.Array(
    Type.Object({ product: Type.String(), unit: Type.String(), kgcePerUnit: Type.String() }),
  ),
  intensityTcePer10kYuan: Type.Union([Type.String(), Type.Null()]),
  explain: Type.Unknown(),
});
export type ReportTotals = Static<typeof ReportTotals>;

export const ReportCreate = Type.Object(
  {
    enterpriseId: Type.Optional(Type.String({ format: 'uuid' })),
    periodType: Type.Union([Type.Literal('month'), Type.Literal('year')]),
    period: Type.String({
      pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]))?$',
      description: 'YYYY-MM for month, YYYY for year',
    }),
    content: ReportContent,
  },
  { additionalProperties: false },
);
export type ReportCreate = Static<typeof ReportCreate>;

export const ReportUpdate = Type.Object(
  {
    content: ReportContent,
    version: Type.Integer({ minimum: 1, description: 'the version this edit is based on' }),
  },
  { additionalProperties: false },
);
export type ReportUpdate = Static<typeof ReportUpdate>;

export const ReportCorrection = Type.Object(
  { content: ReportContent, reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ReportCorrection = Static<typeof ReportCorrection>;

export const ReportDecision = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type ReportDecision = Static<typeof ReportDecision>;

export const ReportReturn = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ReportReturn = Static<typeof ReportReturn>;

export const ReportEvent = Type.Object({
  version: Type.Integer(),
  action: Type.String(),
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.String(),
  actor: Type.String(),
  actorRole: Type.String(),
  comment: Type.String(),
  at: Type.String(),
});

export const ReportSummary = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  periodType: Type.String(),
  period: Type.String(),
  status: Type.String(),
  statusZh: Type.String(),
  currentVersion: Type.Integer(),
  approvedVersion: Type.Union([Type.Integer(), Type.Null()]),
  comprehensiveTce: Type.String(),
  awaiting: Type.Union([Type.String(), Type.Null()], {
    description: 'the level whose action is due: enterprise, county, city, province',
  }),
  returnedReason: Type.Union([Type.String(), Type.Null()]),
  isDemo: Type.Boolean(),
  updatedAt: Type.String(),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const Report = Type.Object({
  ...ReportSummary.properties,
  content: ReportContent,
  totals: ReportTotals,
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      createdBy: Type.String(),
      createdAt: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
      comprehensiveTce: Type.String(),
    }),
  ),
  events: Type.Array(ReportEvent),
});
export type Report = Static<typeof Report>;

export const ReportList = Type.Object({ items: Type.Array(ReportSummary), total: Type.Integer() });
export type ReportList = Static<typeof ReportList>;

export const ReportListQuery = Type.Object({
  status: Type.Optional(Type.String()),
  periodType: Type.Optional(Type.Union([Type.Literal('month'), Type.Literal('year')])),
  period: Type.Optional(Type.String()),
  enterpriseId: Type.Optional(Type.String()),
  /** Only reports whose next action is the caller's (the review queue). */
  awaitingMe: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type ReportListQuery = Static<typeof ReportListQuery>;
