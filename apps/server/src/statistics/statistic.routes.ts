import {
  StatisticBatch,
  StatisticHistoryQuery,
  StatisticIndicatorInfo,
  StatisticList,
  StatisticQuery,
  StatisticWriteResult,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { STATISTIC_INDICATORS } from './indicators.js';
import type { StatisticService } from './statistic.service.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'auditor'] as const;
const WRITERS = ['province_admin', 'city_admin'] as const;

export function registerStatisticRoutes(app: FastifyInstance, service: StatisticService): void {
  const tags = ['statistics'];
  app.get(
    '/api/statistics/indicators',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: {
        tags,
        summary: '统计指标目录 / the regional statistics ECEP keeps, with units',
        response: { 200: Type.Object({ items: Type.Array(StatisticIndicatorInfo) }) },
      },
    },
    async () => ({
      items: STATISTIC_INDICATORS.map((i) => ({
        code: i.code,
        nameZh: i.nameZh,
        unit: i.unit,
        group: i.group,
        needsPriceBase: i.needsPriceBase ?? false,
        description: i.description,
      })),
    }),
  );
  app.get(
    '/api/statistics',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '地区统计数据（当前版本）/ current version of regional statistics',
        querystring: StatisticQuery,
        response: { 200: StatisticList },
      },
    },
    async (request) => ({ items: await service.list(principalOf(request), request.query as StatisticQuery) }),
  );
  app.get(
    '/api/statistics/history',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '某项统计数据的全部版本 / every version of one value, newest first',
        querystring: StatisticHistoryQuery,
        response: { 200: StatisticList },
      },
    },
    async (request) => ({
      items: await service.history(principalOf(request), request.query as StatisticHistoryQuery),
    }),
  );
  app.put(
    '/api/statistics',
    {
      config: { access: { roles: WRITERS, scope: 'region' } },
      schema: {
        tags,
        summary: '录入或修订统计数据 / record values; a changed value becomes a new version',
        body: StatisticBatch,
        response: { 200: StatisticWriteResult },
      },
    },
    async (request) => service.write(principalOf(request), (request.body as StatisticBatch).items),
  );
}
