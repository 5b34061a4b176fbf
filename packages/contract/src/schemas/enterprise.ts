import { type Static, Type } from 'typebox';
import { Pagination } from './common.js';

const Longitude = Type.Number({ minimum: 73, maximum: 136, description: '经度 (WGS-84), within China' });
const Latitude = Type.Number({ minimum: 3, maximum: 54, description: '纬度 (WGS-84), within China' });

export const Enterprise = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    creditCode: Type.String({ description: '统一社会信用代码 (GB 32100)' }),
    regionCode: Type.String({ description: 'GB/T 2260 code of the county or city' }),
    regionName: Type.String(),
    cityCode: Type.Union([Type.String(), Type.Null()]),
    cityName: Type.Union([Type.String(), Type.Null()]),
    industryCode: Type.String({ description: 'GB/T 4754-2017 two-digit division' }),
    industryName: Type.String(),
    keyEnergyUser: Type.Boolean({ description: '重点用能单位 (≥ 5000 tce/yr)' }),
    keyPollutionSource: Type.Boolean({ description: '重点排污单位' }),
    address: Type.String(),
    longitude: Type.Union([Type.Number(), Type.Null()]),
    latitude: Type.Union([Type.Number(), Type.Null()]),
    isDemo: Type.Boolean({ description: '演示数据' }),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Enterprise' },
);
export type Enterprise = Static<typeof Enterprise>;

export const EnterpriseCreate = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    creditCode: Type.String({ minLength: 18, maxLength: 18, description: '统一社会信用代码, 18 characters' }),
    regionCode: Type.String({ pattern: '^[0-9]{6}$' }),
    industryCode: Type.String({ pattern: '^[0-9]{2}$' }),
    keyEnergyUser: Type.Optional(Type.Boolean({ default: false })),
    keyPollutionSource: Type.Optional(Type.Boolean({ default: false })),
    address: Type.Optional(Type.String({ maxLength: 300, default: '' })),
    longitude: Type.Optional(Type.Union([Longitude, Type.Null()])),
    latitude: Type.Optional(Type.Union([Latitude, Type.Null()])),
  },
  { $id: 'EnterpriseCreate', additionalProperties: false },
);
export type EnterpriseCreate = Static<typeof EnterpriseCreate>;

export const EnterpriseUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    creditCode: Type.Optional(Type.String({ minLength: 18, maxLength: 18 })),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    industryCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    keyEnergyUser: Type.Optional(Type.Boolean()),
    keyPollutionSource: Type.Optional(Type.Boolean()),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    longitude: Type.Optional(Type.Union([Longitude, Type.Null()])),
    latitude: Type.Optional(Type.Union([Latitude, Type.Null()])),
    version: Type.Optional(
      Type.Integer({
        description: 'Optimistic lock: the version the edit was based on; a stale one is refused',
      }),
    ),
  },
  { $id: 'EnterpriseUpdate', additionalProperties: false },
);
export type EnterpriseUpdate = Static<typeof EnterpriseUpdate>;

export const EnterpriseListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'name or credit code contains' })),
    regionCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: 'city or county; includes sub-regions' }),
    ),
    industryCode: Type.Optional(
      Type.String({ pattern: '^([0-9]{2}|[A-T])$', description: 'division or section letter' }),
    ),
    keyEnergyUser: Type.Optional(Type.Boolean()),
    keyPollutionSource: Type.Optional(Type.Boolean()),
    ...Pagination,
  },
  { $id: 'EnterpriseListQuery' },
);
export type EnterpriseListQuery = Static<typeof EnterpriseListQuery>;

export const EnterpriseList = Type.Object(
  { items: Type.Array(Enterprise), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() },
  { $id: 'EnterpriseList' },
);
export type EnterpriseList = Static<typeof EnterpriseList>;
