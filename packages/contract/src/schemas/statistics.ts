import { type Static, Type } from 'typebox';

const Decimal = Type.String({ description: 'exact decimal as a string' });
const RegionCode = Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 code' });
const Period = Type.Union(
  [
    Type.Literal('Y'),
    Type.Literal('H1'),
    Type.Literal('Q1'),
    Type.Literal('Q2'),
    Type.Literal('Q3'),
    Type.Literal('Q4'),
  ],
  { description: 'Y = whole year, H1 = first half, Q1–Q4 = quarters (cumulative year to date)' },
);
const Status = Type.Union([Type.Literal('preliminary'), Type.Literal('final'), Type.Literal('revised')], {
  description: 'preliminary 初步数 / final 最终核实数 / revised 修订数',
});

export const StatisticIndicatorInfo = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  unit: Type.String(),
  group: Type.String(),
  needsPriceBase: Type.Boolean(),
  description: Type.String(),
});
export type StatisticIndicatorInfo = Static<typeof StatisticIndicatorInfo>;

export const StatisticInput = Type.Object(
  {
    regionCode: RegionCode,
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    period: Type.Optional(Period),
    indicator: Type.String({ minLength: 1 }),
    value: Type.Union([Type.Number(), Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$' })]),
    unit: Type.Optional(Type.String({ description: 'if given, must equal the catalog unit' })),
    priceBase: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
    status: Type.Optional(Status),
    source: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. 山西统计年鉴2024, 统计公报' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type StatisticInput = Static<typeof StatisticInput>;

export const StatisticBatch = Type.Object(
  { items: Type.Array(StatisticInput, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);
export type StatisticBatch = Static<typeof StatisticBatch>;

export const StatisticValue = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  year: Type.Integer(),
  period: Type.String(),
  indicator: Type.String(),
  indicatorName: Type.String(),
  value: Decimal,
  unit: Type.String(),
  priceBase: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  source: Type.String(),
  note: Type.String(),
  version: Type.Integer(),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
  isDemo: Type.Boolean(),
});
export type StatisticValue = Static<typeof StatisticValue>;

export const StatisticList = Type.Object({ items: Type.Array(StatisticValue) });
export type StatisticList = Static<typeof StatisticList>;

export const StatisticQuery = Type.Object({
  region: Type.Optional(RegionCode),
  /** Include the regions below `region` (its cities or counties). */
  children: Type.Optional(Type.Boolean()),
  indicator: Type.Optional(Type.String()),
  fromYear: Type.Optional(Type.Integer()),
  toYear: Type.Optional(Type.Integer()),
  period: Type.Optional(Period),
});
export type StatisticQuery = Static<typeof StatisticQuery>;

export const StatisticHistoryQuery = Type.Object({
  region: RegionCode,
  year: Type.Integer(),
  period: Type.Optional(Period),
  indicator: Type.String(),
});
export type StatisticHistoryQuery = Static<typeof StatisticHistoryQuery>;

export const StatisticWriteResult = Type.Object({
  created: Type.Integer({ description: 'new versions written' }),
  unchanged: Type.Integer({ description: 'items identical to the current version (nothing written)' }),
  items: Type.Array(StatisticValue),
});
export type StatisticWriteResult = Static<typeof StatisticWriteResult>;
