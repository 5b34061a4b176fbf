import { type Static, Type } from 'typebox';

/** How a meter reports: a running counter (表底数) or the consumption of each interval. */
export const EnergyMeterKind = Type.Union([Type.Literal('cumulative'), Type.Literal('interval')]);
export type EnergyMeterKind = Static<typeof EnergyMeterKind>;

export const EnergyMeter = Type.Object(
  {
    id: Type.String(),
    enterpriseId: Type.String(),
    enterpriseName: Type.String(),
    regionCode: Type.String(),
    code: Type.String({ description: '企业内计量器具编号 / meter code, unique in the enterprise' }),
    name: Type.String(),
    energyCode: Type.String({
      description: 'GB/T 2589 energy code of @ecep/core, e.g. electricity, raw-coal',
    }),
    unit: Type.String({ description: 'unit of the readings after the multiplier: kWh, t, m3, GJ…' }),
    kind: EnergyMeterKind,
    multiplier: Type.Number({ description: '倍率 (CT/PT ratio…): consumption = Δreading × multiplier' }),
    rolloverMax: Type.Union([Type.Number(), Type.Null()], {
      description: 'counter capacity: the raw value after which the register wraps to 0',
    }),
    expectedIntervalS: Type.Integer({ description: 'seconds between readings; 900 = 15 min' }),
    active: Type.Boolean(),
    isDemo: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'EnergyMeter' },
);
export type EnergyMeter = Static<typeof EnergyMeter>;

export const EnergyMeterCreate = Type.Object(
  {
    enterpriseId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'defaults to the caller’s enterprise for enterprise users',
      }),
    ),
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_.-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    energyCode: Type.String({ minLength: 1, maxLength: 64 }),
    unit: Type.String({ minLength: 1, maxLength: 16 }),
    kind: EnergyMeterKind,
    multiplier: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    rolloverMax: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()])),
    expectedIntervalS: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400 })),
  },
  { $id: 'EnergyMeterCreate', additionalProperties: false },
);
export type EnergyMeterCreate = Static<typeof EnergyMeterCreate>;

export const EnergyMeterUpdate = Type.Object(
  {
    version: Type.Integer({ description: 'the version the edit is based on' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    multiplier: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    rolloverMax: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()])),
    expectedIntervalS: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400 })),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'EnergyMeterUpdate', additionalProperties: false },
);
export type EnergyMeterUpdate = Static<typeof EnergyMeterUpdate>;

export const EnergyMeterList = Type.Object({ items: Type.Array(EnergyMeter) }, { $id: 'EnergyMeterList' });
export type EnergyMeterList = Static<typeof EnergyMeterList>;

/** One reading as sent: an instant (ISO 8601 with offset) and the raw register value or interval amount. */
export const EnergyReadingInput = Type.Object({
  time: Type.String({ description: 'ISO 8601 instant with offset, e.g. 2026-11-24T10:15:00+08:00' }),
  value: Type.Number(),
});
export type EnergyReadingInput = Static<typeof EnergyReadingInput>;

export const ENERGY_READINGS_MAX_BATCH = 10_000;

export const EnergyReadingBatch = Type.Object(
  {
    meterId: Type.String({ format: 'uuid' }),
    // Items are validated one by one by the service, so one bad reading is named by index, not the whole batch.
    readings: Type.Array(Type.Unknown(), { minItems: 1, maxItems: ENERGY_READINGS_MAX_BATCH }),
  },
  { $id: 'EnergyReadingBatch', additionalProperties: false },
);
export type EnergyReadingBatch = Static<typeof EnergyReadingBatch>;

export const EnergyReadingRejection = Type.Object({
  index: Type.Integer(),
  field: Type.String({ description: 'time or value (or the item itself: "")' }),
  reason: Type.String(),
});
export type EnergyReadingRejection = Static<typeof EnergyReadingRejection>;

export const EnergyReadingResult = Type.Object(
  {
    meterId: Type.String(),
    accepted: Type.Integer({ description: 'new readings stored' }),
    duplicate: Type.Integer({ description: 'readings whose time was stored already with the same value' }),
    overwritten: Type.Integer({
      description:
        'readings whose time was stored with another value: the latest wins, the change is audited',
    }),
    rejected: Type.Integer(),
    errors: Type.Array(EnergyReadingRejection),
    recomputedSlots: Type.Integer({ description: '15-min buckets recomputed because of this batch' }),
  },
  { $id: 'EnergyReadingResult' },
);
export type EnergyReadingResult = Static<typeof EnergyReadingResult>;

export const EnergyGranularity = Type.Union([
  Type.Literal('15min'),
  Type.Literal('hour'),
  Type.Literal('day'),
  Type.Literal('month'),
]);
export type EnergyGranularity = Static<typeof EnergyGranularity>;

export const EnergyRangeQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
  },
  { $id: 'EnergyRangeQuery' },
);
export type EnergyRangeQuery = Static<typeof EnergyRangeQuery>;

export const MeterConsumptionQuery = Type.Object(
  {
    granularity: EnergyGranularity,
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
  },
  { $id: 'MeterConsumptionQuery' },
);
export type MeterConsumptionQuery = Static<typeof MeterConsumptionQuery>;

/** What a bucket's figure rests on. */
export const ConsumptionItem = Type.Object({
  periodStart: Type.String({ description: 'Asia/Shanghai start of the bucket' }),
  period: Type.String({ description: '2026-11-24T10:15, 2026-11-24T10, 2026-11-24 or 2026-11' }),
  consumptionPhysical: Type.Union([Type.String(), Type.Null()], {
    description: 'exact decimal, GB/T 8170 rounded to 3 places; null when nothing is known',
  }),
  unit: Type.String(),
  energyTce: Type.Union([Type.String(), Type.Null()], { description: 'tce, GB/T 8170 rounded to 4 places' }),
  slotsExpected: Type.Integer(),
  slotsWithConsumption: Type.Integer(),
  complete: Type.Boolean({ description: 'every 15-min slot of the bucket has its own measured consumption' }),
  gap: Type.Boolean({ description: 'the bucket contains slots without readings' }),
  marks: Type.Array(Type.String(), {
    description: 'gap, gap-span (consumption of a gap booked here), reset, rollover, decrease',
  }),
  gapSpanStart: Type.Optional(
    Type.String({ description: '15min only: the consumption covers the gap from this instant' }),
  ),
});
export type ConsumptionItem = Static<typeof ConsumptionItem>;

export const MeterConsumption = Type.Object(
  {
    meterId: Type.String(),
    energyCode: Type.String(),
    unit: Type.String(),
    granularity: EnergyGranularity,
    items: Type.Array(ConsumptionItem),
    coefficient: Type.Object({
      value: Type.String(),
      unit: Type.String(),
      source: Type.String(),
    }),
  },
  { $id: 'MeterConsumption' },
);
export type MeterConsumption = Static<typeof MeterConsumption>;

const Explain = Type.Object({
  formula: Type.String(),
  inputs: Type.Record(Type.String(), Type.Unknown()),
  coefficients: Type.Optional(Type.Array(Type.Unknown())),
  notes: Type.Optional(Type.Array(Type.String())),
});

export const EnergyTypeTotal = Type.Object({
  energyCode: Type.String(),
  nameZh: Type.String(),
  consumptionPhysical: Type.String(),
  unit: Type.String(),
  energyTce: Type.String(),
});
export type EnergyTypeTotal = Static<typeof EnergyTypeTotal>;

export const EnergyPeriodTotal = Type.Object({
  period: Type.String(),
  byEnergy: Type.Array(EnergyTypeTotal),
  totalTce: Type.String({ description: 'Σ of exact item values, GB/T 8170 rounded to 4 places once' }),
  complete: Type.Boolean({ description: 'no meter had a gap or a missing slot in the period' }),
  explain: Explain,
});
export type EnergyPeriodTotal = Static<typeof EnergyPeriodTotal>;

export const EnterpriseConsumptionQuery = Type.Object(
  {
    granularity: Type.Union([Type.Literal('day'), Type.Literal('month')]),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
  },
  { $id: 'EnterpriseConsumptionQuery' },
);
export type EnterpriseConsumptionQuery = Static<typeof EnterpriseConsumptionQuery>;

export const EnterpriseConsumption = Type.Object(
  {
    enterpriseId: Type.String(),
    enterpriseName: Type.String(),
    granularity: Type.String(),
    meters: Type.Integer(),
    items: Type.Array(EnergyPeriodTotal),
  },
  { $id: 'EnterpriseConsumption' },
);
export type EnterpriseConsumption = Static<typeof EnterpriseConsumption>;

export const RegionConsumptionQuery = Type.Object(
  {
    granularity: Type.Union([Type.Literal('month'), Type.Literal('year')]),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
  },
  { $id: 'RegionConsumptionQuery' },
);
export type RegionConsumptionQuery = Static<typeof RegionConsumptionQuery>;

export const RegionConsumption = Type.Object(
  {
    regionCode: Type.String(),
    regionName: Type.String(),
    granularity: Type.String(),
    enterprises: Type.Integer({ description: 'enterprises with metered consumption in the range' }),
    items: Type.Array(EnergyPeriodTotal),
    byChildRegion: Type.Array(
      Type.Object({ regionCode: Type.String(), regionName: Type.String(), totalTce: Type.String() }),
      { description: 'totals of the whole range per city (province) or county (city)' },
    ),
  },
  { $id: 'RegionConsumption' },
);
export type RegionConsumption = Static<typeof RegionConsumption>;

export const MeterCompletenessDay = Type.Object({
  day: Type.String(),
  slotsExpected: Type.Integer(),
  slotsReceived: Type.Integer(),
  completenessPct: Type.String({ description: 'received ÷ expected × 100, GB/T 8170 rounded to 1 place' }),
  ok: Type.Boolean({ description: '≥ 90 % (重点用能单位在线监测 上传数据质量要求)' }),
  closed: Type.Boolean({ description: 'the day has ended (only closed days raise alarms)' }),
});
export type MeterCompletenessDay = Static<typeof MeterCompletenessDay>;

export const MeterCompleteness = Type.Object(
  {
    meterId: Type.String(),
    thresholdPct: Type.String(),
    days: Type.Array(MeterCompletenessDay),
    overallPct: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'MeterCompleteness' },
);
export type MeterCompleteness = Static<typeof MeterCompleteness>;

export const EnergyAlarm = Type.Object(
  {
    id: Type.String(),
    meterId: Type.String(),
    meterName: Type.String(),
    enterpriseId: Type.String(),
    enterpriseName: Type.String(),
    type: Type.Literal('completeness'),
    day: Type.String(),
    completenessPct: Type.String(),
    thresholdPct: Type.String(),
    raisedAt: Type.String(),
    resolvedAt: Type.Union([Type.String(), Type.Null()], {
      description: 'set when late readings lifted the day to ≥ 90 %',
    }),
  },
  { $id: 'EnergyAlarm' },
);
export type EnergyAlarm = Static<typeof EnergyAlarm>;

export const EnergyAlarmQuery = Type.Object(
  {
    enterpriseId: Type.Optional(Type.String({ format: 'uuid' })),
    open: Type.Optional(Type.Boolean({ description: 'only alarms not resolved' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  },
  { $id: 'EnergyAlarmQuery' },
);
export type EnergyAlarmQuery = Static<typeof EnergyAlarmQuery>;

export const EnergyAlarmList = Type.Object({ items: Type.Array(EnergyAlarm) }, { $id: 'EnergyAlarmList' });
export type EnergyAlarmList = Static<typeof EnergyAlarmList>;
