import {
  ADMIN_ROLES,
  EnergyAlarmList,
  EnergyAlarmQuery,
  EnergyMeter,
  EnergyMeterCreate,
  EnergyMeterList,
  EnergyMeterUpdate,
  EnergyRangeQuery,
  EnergyReadingBatch,
  EnergyReadingResult,
  EnterpriseConsumption,
  EnterpriseConsumptionQuery,
  MeterCompleteness,
  MeterConsumption,
  MeterConsumptionQuery,
  RegionConsumption,
  RegionConsumptionQuery,
  type Role,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { idParam } from '../http/id-param.js';
import { READERS, WRITERS } from '../http/route-roles.js';
import type { ConsumptionService } from './consumption.service.js';
import type { MeterService } from './meter.service.js';
import { ingestReadings } from './reading-ingest.js';

// WRITERS: enterprises keep their own meters and send their readings; admins do it for enterprises in their region.
const REGION_READERS: readonly Role[] = [...ADMIN_ROLES, 'auditor'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) });

export function registerEnergyRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  meters: MeterService,
  consumption: ConsumptionService,
): void {
  const tags = ['energy'];
  app.get(
    '/api/energy/meters',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '能源计量器具 / energy meters in scope',
        querystring: Type.Object({ enterpriseId: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: EnergyMeterList },
      },
    },
    async (request) => ({
      items: await meters.list(principalOf(request), request.query as { enterpriseId?: string }),
    }),
  );
  app.post(
    '/api/energy/meters',
    {
      config: { access: { roles: WRITERS, scope: 'enterprise' } },
      schema: {
        tags,
        summary: '登记计量器具 / register a meter',
        body: EnergyMeterCreate,
        response: { 201: EnergyMeter },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await meters.create(principalOf(request), request.body as EnergyMeterCreate)),
  );
  app.get(
    '/api/energy/meters/:id',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: { tags, summary: '计量器具详情 / one meter', params: IdParams, response: { 200: EnergyMeter } },
    },
    (request) => meters.get(principalOf(request), idParam(request)),
  );
  app.patch(
    '/api/energy/meters/:id',
    {
      config: { access: { roles: WRITERS, scope: 'enterprise' } },
      schema: {
        tags,
        summary:
          '修改或停用计量器具 / update or deactivate (buckets are rebuilt when multiplier, capacity or interval change)',
        params: IdParams,
        body: EnergyMeterUpdate,
        response: { 200: EnergyMeter },
      },
    },
    (request) => meters.update(principalOf(request), idParam(request), request.body as EnergyMeterUpdate),
  );

  app.post(
    '/api/energy/readings',
    {
      config: { access: { roles: WRITERS, scope: 'enterprise' } },
      schema: {
        tags,
        summary: '上传读数 / upload readings of one meter (batch ≤ 10 000; stored before the answer)',
        body: EnergyReadingBatch,
        response: { 200: EnergyReadingResult },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const body = request.body as EnergyReadingBatch;
      const meter = await meters.getRow(p, body.meterId);
      if (!meter.active) {
        throw new AppError(
          'ENERGY_METER_INACTIVE',
          `计量器具 ${meter.code} 已停用，不接收读数 / the meter is inactive`,
        );
      }
      const result = await ingestReadings(db, meter, body.readings, 'http', {
        userId: p.userId,
        name: p.username,
      });
      if (result.accepted + result.duplicate + result.overwritten === 0) {
        const first = result.errors[0];
        throw new AppError(
          'ENERGY_READINGS_INVALID',
          `没有可接收的读数 / no reading accepted${first ? `: readings/${first.index}/${first.field} ${first.reason}` : ''}`,
          result.errors,
        );
      }
      return result;
    },
  );

  app.get(
    '/api/energy/meters/:id/consumption',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '计量器具用能量 / consumption of one meter per 15 min, hour, day or month, with tce',
        params: IdParams,
        querystring: MeterConsumptionQuery,
        response: { 200: MeterConsumption },
      },
    },
    async (request) => {
      const meter = await meters.getRow(principalOf(request), idParam(request));
      return consumption.meterConsumption(meter, request.query as MeterConsumptionQuery);
    },
  );
  app.get(
    '/api/energy/meters/:id/completeness',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '数据完整率 / completeness per day (received ÷ expected slots, ≥ 90 % ok)',
        params: IdParams,
        querystring: EnergyRangeQuery,
        response: { 200: MeterCompleteness },
      },
    },
    async (request) => {
      const meter = await meters.getRow(principalOf(request), idParam(request));
      return consumption.completeness(meter, request.query as EnergyRangeQuery);
    },
  );
  app.get(
    '/api/energy/enterprises/:id/consumption',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '企业综合能耗 / enterprise consumption by energy type and total tce per day or month',
        params: IdParams,
        querystring: EnterpriseConsumptionQuery,
        response: { 200: EnterpriseConsumption },
      },
    },
    (request) =>
      consumption.enterpriseConsumption(
        principalOf(request),
        idParam(request),
        request.query as EnterpriseConsumptionQuery,
      ),
  );
  app.get(
    '/api/energy/regions/:code/consumption',
    {
      config: { access: { roles: REGION_READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '辖区在线监测能耗 / metered consumption of a province, city or county per month or year',
        params: CodeParams,
        querystring: RegionConsumptionQuery,
        response: { 200: RegionConsumption },
      },
    },
    (request) =>
      consumption.regionConsumption(
        principalOf(request),
        (request.params as { code: string }).code,
        request.query as RegionConsumptionQuery,
      ),
  );
  app.get(
    '/api/energy/alarms',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '能耗数据完整率告警 / completeness alarms (days closed below 90 %)',
        querystring: EnergyAlarmQuery,
        response: { 200: EnergyAlarmList },
      },
    },
    async (request) => ({
      items: await consumption.alarms(principalOf(request), request.query as EnergyAlarmQuery),
    }),
  );
}
