import { type Static, Type } from 'typebox';

export const CrcMode = Type.Union([
  Type.Literal('hj212'),
  Type.Literal('modbus-le'),
  Type.Literal('modbus-be'),
  Type.Literal('none'),
]);

export const Device = Type.Object(
  {
    mn: Type.String({ description: 'HJ 212 MN (设备唯一标识)' }),
    name: Type.String(),
    st: Type.String({ description: 'HJ 212 system code, e.g. 31 废气, 32 地表水' }),
    enterpriseId: Type.Union([Type.String(), Type.Null()]),
    enterpriseName: Type.Union([Type.String(), Type.Null()]),
    crcMode: CrcMode,
    disabled: Type.Boolean(),
    isDemo: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Device' },
);
export type Device = Static<typeof Device>;

export const DeviceCreate = Type.Object(
  {
    mn: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]+$' }),
    password: Type.String({ minLength: 1, maxLength: 64, description: 'HJ 212 PW the device sends' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    st: Type.String({ pattern: '^[0-9]{2}$' }),
    enterpriseId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    crcMode: Type.Optional(CrcMode),
  },
  { $id: 'DeviceCreate', additionalProperties: false },
);
export type DeviceCreate = Static<typeof DeviceCreate>;

export const DeviceUpdate = Type.Object(
  {
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    st: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    enterpriseId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    crcMode: Type.Optional(CrcMode),
    disabled: Type.Optional(Type.Boolean()),
  },
  { $id: 'DeviceUpdate', additionalProperties: false },
);
export type DeviceUpdate = Static<typeof DeviceUpdate>;

export const DeviceList = Type.Object({ items: Type.Array(Device) }, { $id: 'DeviceList' });
export type DeviceList = Static<typeof DeviceList>;

export const MeasurementQuery = Type.Object(
  {
    cn: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', default: '2051' })),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
  },
  { $id: 'MeasurementQuery' },
);
export type MeasurementQuery = Static<typeof MeasurementQuery>;

const FactorValue = Type.Object({
  rtd: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  avg: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  min: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  max: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  cou: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  zsRtd: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  zsAvg: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  flag: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const MeasurementList = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        dataTime: Type.String({
          description: 'Asia/Shanghai local time with offset, e.g. 2026-11-24T10:00:00+08:00',
        }),
        values: Type.Record(Type.String(), FactorValue),
      }),
    ),
  },
  { $id: 'MeasurementList' },
);
export type MeasurementList = Static<typeof MeasurementList>;

export const DeviceStatus = Type.Object(
  {
    mn: Type.String(),
    online: Type.Boolean(),
    connection: Type.Union([
      Type.Object({ id: Type.String(), remote: Type.String(), since: Type.String() }),
      Type.Null(),
    ]),
    lastPacketAt: Type.Union([Type.String(), Type.Null()]),
    packets: Type.Object({
      stored: Type.Integer(),
      rejected: Type.Integer(),
      quarantined: Type.Integer(),
      other: Type.Integer(),
    }),
    measurements: Type.Integer(),
  },
  { $id: 'DeviceStatus' },
);
export type DeviceStatus = Static<typeof DeviceStatus>;

export const DeviceSettings = Type.Object(
  {
    referenceO2Pct: Type.Optional(
      Type.Number({
        minimum: 0,
        exclusiveMaximum: 21,
        description: '基准氧含量 (%) of the applicable standard',
      }),
    ),
    limits: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][0-9a-z]{5}$' }), Type.Number({ exclusiveMinimum: 0 }), {
        description: 'Emission limits by factor code (mg/m³ for gas, mg/L for water)',
      }),
    ),
    standardProfile: Type.Optional(
      Type.String({ maxLength: 64, description: 'e.g. GB13223-2011-ultra-low' }),
    ),
    expectedIntervalS: Type.Optional(Type.Integer({ minimum: 10, maximum: 86_400, default: 60 })),
  },
  { $id: 'DeviceSettings', additionalProperties: false },
);
export type DeviceSettings = Static<typeof DeviceSettings>;

export const RangeQuery = Type.Object(
  { from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) },
  { $id: 'RangeQuery' },
);
export type RangeQuery = Static<typeof RangeQuery>;

const HourFactor = Type.Object({
  avg: Type.Union([Type.Number(), Type.Null()]),
  min: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
  validMinutes: Type.Integer(),
  receivedMinutes: Type.Integer(),
  valid: Type.Boolean(),
  correctedAvg: Type.Union([Type.Number(), Type.Null()]),
  loadKg: Type.Union([Type.Number(), Type.Null()]),
  limit: Type.Union([Type.Number(), Type.Null()]),
  exceeds: Type.Union([Type.Boolean(), Type.Null()]),
});

export const HourlyList = Type.Object(
  {
    items: Type.Array(Type.Object({ hour: Type.String(), factors: Type.Record(Type.String(), HourFactor) })),
  },
  { $id: 'HourlyList' },
);
export type HourlyList = Static<typeof HourlyList>;

export const RollupRequest = Type.Object(
  {
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    mn: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { $id: 'RollupRequest', additionalProperties: false },
);
export type RollupRequest = Static<typeof RollupRequest>;

export const AlarmType = Type.Union([
  Type.Literal('exceedance'),
  Type.Literal('offline'),
  Type.Literal('flag'),
  Type.Literal('constant'),
]);

export const Alarm = Type.Object(
  {
    id: Type.String(),
    mn: Type.String(),
    deviceName: Type.String(),
    enterpriseName: Type.Union([Type.String(), Type.Null()]),
    type: AlarmType,
    factor: Type.Union([Type.String(), Type.Null()]),
    start: Type.String(),
    end: Type.Union([Type.String(), Type.Null()]),
    value: Type.Union([Type.Number(), Type.Null()]),
    limit: Type.Union([Type.Number(), Type.Null()]),
    details: Type.Unknown(),
    acknowledged: Type.Union([
      Type.Object({ at: Type.String(), by: Type.String(), comment: Type.String() }),
      Type.Null(),
    ]),
    links: Type.Object({ rollup: Type.String(), packets: Type.String() }),
  },
  { $id: 'Alarm' },
);
export type Alarm = Static<typeof Alarm>;

export const AlarmQuery = Type.Object(
  {
    mn: Type.Optional(Type.String({ maxLength: 64 })),
    type: Type.Optional(AlarmType),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    acknowledged: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  },
  { $id: 'AlarmQuery' },
);
export type AlarmQuery = Static<typeof AlarmQuery>;

export const AlarmList = Type.Object({ items: Type.Array(Alarm) }, { $id: 'AlarmList' });
export type AlarmList = Static<typeof AlarmList>;

export const AlarmAck = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 1000 }) },
  { $id: 'AlarmAck', additionalProperties: false },
);
export type AlarmAck = Static<typeof AlarmAck>;

export const RateList = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        day: Type.String({ description: 'Asia/Shanghai date, e.g. 2026-11-24' }),
        expected: Type.Integer({ description: 'packets expected at the device interval' }),
        received: Type.Integer({ description: 'distinct minutes received (CN 2051)' }),
        valid: Type.Integer({ description: 'received minutes whose every factor is flagged N' }),
        transmissionRatePct: Type.String({ description: '传输率 = received / expected, GB/T 8170 to 2 dp' }),
        validityRatePct: Type.String({ description: '有效率 = valid / received' }),
        effectiveTransmissionRatePct: Type.String({ description: '有效传输率 = transmission × validity' }),
      }),
    ),
  },
  { $id: 'RateList' },
);
export type RateList = Static<typeof RateList>;

const DayFactor = Type.Object({
  avg: Type.Union([Type.Number(), Type.Null()]),
  min: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
  validHours: Type.Integer(),
  valid: Type.Boolean(),
  correctedAvg: Type.Union([Type.Number(), Type.Null()]),
  loadKg: Type.Union([Type.Number(), Type.Null()]),
  limit: Type.Union([Type.Number(), Type.Null()]),
  exceeds: Type.Union([Type.Boolean(), Type.Null()]),
});

export const DailyList = Type.Object(
  { items: Type.Array(Type.Object({ day: Type.String(), factors: Type.Record(Type.String(), DayFactor) })) },
  { $id: 'DailyList' },
);
export type DailyList = Static<typeof DailyList>;

const MonthFactor = Type.Object({
  avg: Type.Union([Type.Number(), Type.Null()]),
  min: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
  validDays: Type.Integer(),
  valid: Type.Boolean(),
  correctedAvg: Type.Union([Type.Number(), Type.Null()]),
  loadKg: Type.Union([Type.Number(), Type.Null()]),
});

export const MonthlyList = Type.Object(
  {
    items: Type.Array(
      Type.Object({ month: Type.String(), factors: Type.Record(Type.String(), MonthFactor) }),
    ),
  },
  { $id: 'MonthlyList' },
);
export type MonthlyList = Static<typeof MonthlyList>;

/** Status of a monitored source as the 在线监测 screens show it. */
export const SourceStatus = Type.Union(
  [Type.Literal('online'), Type.Literal('offline'), Type.Literal('alarm')],
  {
    description: 'alarm: an unacknowledged alarm is open; otherwise online or offline',
  },
);
export type SourceStatus = Static<typeof SourceStatus>;

export const MonitoringSource = Type.Object(
  {
    mn: Type.String(),
    name: Type.String(),
    st: Type.String({ description: 'HJ 212 system code: 31 废气, 32 废水' }),
    disabled: Type.Boolean(),
    isDemo: Type.Boolean(),
    enterpriseId: Type.Union([Type.String(), Type.Null()]),
    enterpriseName: Type.Union([Type.String(), Type.Null()]),
    regionCode: Type.Union([Type.String(), Type.Null()]),
    cityCode: Type.Union([Type.String(), Type.Null()]),
    cityName: Type.Union([Type.String(), Type.Null()]),
    industryCode: Type.Union([Type.String(), Type.Null()]),
    industryName: Type.Union([Type.String(), Type.Null()]),
    industrySection: Type.Union([Type.String(), Type.Null()], { description: 'GB/T 4754 门类 letter' }),
    longitude: Type.Union([Type.Number(), Type.Null()]),
    latitude: Type.Union([Type.Number(), Type.Null()]),
    standardProfile: Type.Union([Type.String(), Type.Null()]),
    expectedIntervalS: Type.Integer(),
    connected: Type.Boolean({ description: 'holds a live connection to this process’s gateway' }),
    online: Type.Boolean({ description: 'connected, or a packet stored within 3 expected intervals' }),
    lastPacketAt: Type.Union([Type.String(), Type.Null()], {
      description: 'when the last stored packet arrived',
    }),
    lastDataTime: Type.Union([Type.String(), Type.Null()], { description: 'DataTime of that packet' }),
    openAlarms: Type.Integer({ description: 'unacknowledged alarms still open or ended within 24 h' }),
    status: SourceStatus,
  },
  { $id: 'MonitoringSource' },
);
export type MonitoringSource = Static<typeof MonitoringSource>;

export const MonitoringOverview = Type.Object(
  {
    generatedAt: Type.String(),
    counts: Type.Object({
      total: Type.Integer(),
      online: Type.Integer(),
      offline: Type.Integer({ description: 'total − online' }),
      alarm: Type.Integer({ description: 'sources with an open unacknowledged alarm (online or not)' }),
    }),
    items: Type.Array(MonitoringSource),
  },
  { $id: 'MonitoringOverview' },
);
export type MonitoringOverview = Static<typeof MonitoringOverview>;

export const FactorCatalog = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        nameEn: Type.String(),
        medium: Type.String(),
        unit: Type.String(),
        couUnit: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  { $id: 'FactorCatalog' },
);
export type FactorCatalog = Static<typeof FactorCatalog>;

/** One `measurement` event of `GET /api/monitoring/live` (text/event-stream): a stored record of one packet. */
export const LiveMeasurement = Type.Object(
  {
    seq: Type.Integer({ description: 'increases by one per event of this server process' }),
    mn: Type.String(),
    cn: Type.String({ description: '2011 real-time, 2051 minute, 2061 hour, 2031 day' }),
    dataTime: Type.String({ description: 'Asia/Shanghai local time with offset' }),
    receivedAt: Type.String({ description: 'when the gateway received the packet (+08:00)' }),
    values: Type.Record(Type.String(), FactorValue),
  },
  { $id: 'LiveMeasurement' },
);
export type LiveMeasurement = Static<typeof LiveMeasurement>;

const GatewayCount = Type.Integer({ minimum: 0 });

/** `GET /api/monitoring/gateway`: the HJ 212 gateway's counters since start (province level). */
export const GatewayStatus = Type.Object(
  {
    running: Type.Boolean({ description: 'false when no HJ 212 gateway runs in this server process' }),
    connectionsOpen: Type.Optional(GatewayCount),
    connectionsTotal: Type.Optional(GatewayCount),
    pausedConnections: Type.Optional(
      Type.Integer({ description: '因写库排队暂停读取的连接 / paused by backpressure' }),
    ),
    frames: Type.Optional(GatewayCount),
    acked: Type.Optional(GatewayCount),
    rejected: Type.Optional(GatewayCount),
    quarantined: Type.Optional(GatewayCount),
    skippedBytes: Type.Optional(GatewayCount),
    inPipeline: Type.Optional(Type.Integer({ description: 'frames decoding or awaiting commit' })),
    backlogged: Type.Optional(Type.Integer({ description: 'frames waiting undecoded for room' })),
    batches: Type.Optional(GatewayCount),
    failedBatches: Type.Optional(GatewayCount),
    writeLanes: Type.Optional(GatewayCount),
  },
  { $id: 'GatewayStatus' },
);
export type GatewayStatus = Static<typeof GatewayStatus>;
