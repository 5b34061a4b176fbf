import { type Static, Type } from 'typebox';

const Decimal = Type.String({ description: 'exact decimal as a string' });
const decimalIn = (description = 'tonnes, ≥ 0, as a number or an exact decimal string') =>
  Type.Union([Type.Number({ minimum: 0 }), Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })], {
    description,
  });
const DecimalIn = decimalIn();
const Explain = Type.Object({
  formula: Type.String(),
  inputs: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  notes: Type.Optional(Type.Array(Type.String())),
});

/** Bulk industrial solid-waste types of the seed plans, with their codes. */
export const SOLID_WASTE_TYPES = [
  { code: 'coal_gangue', catalogCode: 'S04', nameZh: '煤矸石' },
  { code: 'fly_ash', catalogCode: 'S02', nameZh: '粉煤灰' },
  { code: 'desulfurization_gypsum', catalogCode: 'S06', nameZh: '脱硫石膏' },
  { code: 'smelting_slag', catalogCode: 'S01', nameZh: '冶炼渣' },
  { code: 'red_mud', catalogCode: 'S09', nameZh: '赤泥' },
  { code: 'tailings', catalogCode: 'S05', nameZh: '尾矿' },
  { code: 'other', catalogCode: 'S59', nameZh: '其他工业固体废物' },
] as const;
export type SolidWasteType = (typeof SOLID_WASTE_TYPES)[number]['code'];

/** Utilisation routes (综合利用去向); their tonnages add up to the utilised amount. */
export const UTILIZATION_ROUTES = [
  { code: 'buildingMaterialsT', nameZh: '建材' },
  { code: 'powerT', nameZh: '发电' },
  { code: 'backfillT', nameZh: '充填' },
  { code: 'roadBaseT', nameZh: '筑路' },
  { code: 'landReclamationT', nameZh: '土地复垦' },
  { code: 'otherUseT', nameZh: '其他利用' },
] as const;

const WasteTypeCode = Type.Union(
  [
    Type.Literal('coal_gangue'),
    Type.Literal('fly_ash'),
    Type.Literal('desulfurization_gypsum'),
    Type.Literal('smelting_slag'),
    Type.Literal('red_mud'),
    Type.Literal('tailings'),
    Type.Literal('other'),
  ],
  { description: SOLID_WASTE_TYPES.map((w) => `${w.code} ${w.nameZh} (${w.catalogCode})`).join('; ') },
);
const LedgerPeriod = Type.String({
  pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]))?$',
  description: 'YYYY-MM for a monthly entry, YYYY for a yearly one',
});

export const SolidWasteRoutes = Type.Object(
  {
    buildingMaterialsT: Type.Optional(DecimalIn),
    powerT: Type.Optional(DecimalIn),
    backfillT: Type.Optional(DecimalIn),
    roadBaseT: Type.Optional(DecimalIn),
    landReclamationT: Type.Optional(DecimalIn),
    otherUseT: Type.Optional(DecimalIn),
  },
  { additionalProperties: false, description: 'tonnes by utilisation route; a missing route is 0' },
);

const quantities = {
  openingStockT: Type.Optional(
    Type.Union([DecimalIn, Type.Null()], {
      description: '期初贮存量; omitted = the previous period’s closing stock (0 for the first entry)',
    }),
  ),
  generatedT: DecimalIn,
  utilizedT: decimalIn('综合利用量 t, including what was taken from earlier stock'),
  utilizedFromStockT: Type.Optional(DecimalIn),
  routes: Type.Optional(SolidWasteRoutes),
  disposedT: DecimalIn,
  storedT: decimalIn('贮存量 t: the part of this period’s generation put on the stockpile'),
  closingStockT: Type.Optional(
    Type.Union([DecimalIn, Type.Null()], { description: '期末贮存量; omitted = computed from the balance' }),
  ),
  note: Type.Optional(Type.String({ maxLength: 500 })),
};

export const SolidWasteEntryCreate = Type.Object(
  {
    enterpriseId: Type.String({ format: 'uuid' }),
    wasteType: WasteTypeCode,
    period: LedgerPeriod,
    ...quantities,
  },
  { additionalProperties: false },
);
export type SolidWasteEntryCreate = Static<typeof SolidWasteEntryCreate>;

export const SolidWasteEntryCorrection = Type.Object(
  {
    ...quantities,
    baseVersion: Type.Integer({ minimum: 1 }),
    reason: Type.String({ minLength: 1, maxLength: 500, description: '更正原因' }),
  },
  { additionalProperties: false },
);
export type SolidWasteEntryCorrection = Static<typeof SolidWasteEntryCorrection>;

export const SolidWasteEntry = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  enterpriseCreditCode: Type.String(),
  regionCode: Type.String(),
  wasteType: Type.String(),
  wasteTypeName: Type.String(),
  catalogCode: Type.String(),
  periodType: Type.Union([Type.Literal('month'), Type.Literal('year')]),
  period: Type.String(),
  version: Type.Integer(),
  openingStockT: Decimal,
  generatedT: Decimal,
  utilizedT: Decimal,
  utilizedFromStockT: Decimal,
  routes: Type.Object({
    buildingMaterialsT: Decimal,
    powerT: Decimal,
    backfillT: Decimal,
    roadBaseT: Decimal,
    landReclamationT: Decimal,
    otherUseT: Decimal,
  }),
  disposedT: Decimal,
  storedT: Decimal,
  closingStockT: Decimal,
  note: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
  isDemo: Type.Boolean(),
});
export type SolidWasteEntry = Static<typeof SolidWasteEntry>;

export const SolidWasteEntryList = Type.Object({
  items: Type.Array(SolidWasteEntry),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type SolidWasteEntryList = Static<typeof SolidWasteEntryList>;

export const SolidWasteEntryQuery = Type.Object({
  enterpriseId: Type.Optional(Type.String({ format: 'uuid' })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  wasteType: Type.Optional(WasteTypeCode),
  periodType: Type.Optional(Type.Union([Type.Literal('month'), Type.Literal('year')])),
  from: Type.Optional(LedgerPeriod),
  to: Type.Optional(LedgerPeriod),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 50 })),
});
export type SolidWasteEntryQuery = Static<typeof SolidWasteEntryQuery>;

export const SolidWasteRateQuery = Type.Object({
  period: LedgerPeriod,
  groupBy: Type.Optional(
    Type.Union(
      [Type.Literal('enterprise'), Type.Literal('county'), Type.Literal('city'), Type.Literal('province')],
      { default: 'city' },
    ),
  ),
  byWasteType: Type.Optional(Type.Boolean({ description: 'one row per group and waste type' })),
  wasteType: Type.Optional(WasteTypeCode),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
});
export type SolidWasteRateQuery = Static<typeof SolidWasteRateQuery>;

export const SolidWasteRate = Type.Object({
  key: Type.String({ description: 'enterprise id or region code' }),
  name: Type.String(),
  wasteType: Type.Union([Type.String(), Type.Null()]),
  enterprises: Type.Integer(),
  generatedT: Decimal,
  utilizedT: Decimal,
  utilizedFromStockT: Decimal,
  disposedT: Decimal,
  storedT: Decimal,
  closingStockT: Decimal,
  utilizationRatePct: Type.Union([Decimal, Type.Null()], {
    description: 'GB/T 8170, 2 decimals; null if undefined',
  }),
  explain: Type.Union([Explain, Type.Null()]),
});
export type SolidWasteRate = Static<typeof SolidWasteRate>;

export const SolidWasteRateList = Type.Object({
  period: Type.String(),
  groupBy: Type.String(),
  items: Type.Array(SolidWasteRate),
});
export type SolidWasteRateList = Static<typeof SolidWasteRateList>;

export const SolidWasteProgressItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  targetValue: Decimal,
  targetYear: Type.Integer(),
  actualValue: Type.Union([Decimal, Type.Null()]),
  completionPct: Type.Union([Decimal, Type.Null()], { description: 'actual ÷ target × 100, 2 decimals' }),
  met: Type.Union([Type.Boolean(), Type.Null()]),
  source: Type.String(),
  explain: Type.Union([Explain, Type.Null()]),
});
export type SolidWasteProgressItem = Static<typeof SolidWasteProgressItem>;

export const SolidWasteProgress = Type.Object({
  year: Type.Integer(),
  regionCode: Type.Union([Type.String(), Type.Null()], {
    description: 'the caller’s region the actuals cover',
  }),
  items: Type.Array(SolidWasteProgressItem),
  bases: Type.Array(
    Type.Object({
      regionCode: Type.String(),
      name: Type.String({ description: '国家级工业资源综合利用基地' }),
      utilizedWanT: Decimal,
      utilizationRatePct: Type.Union([Decimal, Type.Null()]),
    }),
  ),
});
export type SolidWasteProgress = Static<typeof SolidWasteProgress>;

export const SolidWasteUtilizerInput = Type.Object(
  {
    enterpriseId: Type.String({ format: 'uuid' }),
    capacities: Type.Record(Type.String(), DecimalIn, {
      description: 'capacity in t/yr by waste type code, e.g. { "coal_gangue": 500000 }',
    }),
    products: Type.Optional(Type.String({ maxLength: 300 })),
    certification: Type.Optional(
      Type.String({ maxLength: 200, description: '认定/认证, e.g. 资源综合利用产品认定' }),
    ),
    certificateNo: Type.Optional(Type.String({ maxLength: 100 })),
    certifiedUntil: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type SolidWasteUtilizerInput = Static<typeof SolidWasteUtilizerInput>;

export const SolidWasteUtilizer = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  capacities: Type.Record(Type.String(), Decimal),
  totalCapacityTPerYr: Decimal,
  products: Type.String(),
  certification: Type.String(),
  certificateNo: Type.String(),
  certifiedUntil: Type.Union([Type.String(), Type.Null()]),
  certificationValid: Type.Boolean(),
  isDemo: Type.Boolean(),
});
export type SolidWasteUtilizer = Static<typeof SolidWasteUtilizer>;

/** What an Excel import answers (ledger entries, projects, task reports alike). */
export const ExcelImportResult = Type.Object({
  mode: Type.Union([Type.Literal('all-or-nothing'), Type.Literal('valid-rows')]),
  rows: Type.Integer(),
  written: Type.Integer(),
  rejected: Type.Integer(),
  issues: Type.Array(
    Type.Object({ row: Type.Integer(), column: Type.String(), header: Type.String(), reason: Type.String() }),
  ),
});
export type ExcelImportResult = Static<typeof ExcelImportResult>;
