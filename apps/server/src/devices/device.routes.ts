import {
  ADMIN_ROLES,
  Device,
  DeviceCreate,
  DeviceList,
  DeviceStatus,
  DeviceUpdate,
  MeasurementList,
  MeasurementQuery,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { READERS } from '../http/route-roles.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import type { DeviceService } from './device.service.js';

const MnParams = Type.Object({ mn: Type.String({ minLength: 1, maxLength: 64 }) });
type MnParams = { mn: string };

/** Live connection facts the gateway can tell (absent when the gateway does not run in this process). */
export interface LiveConnections {
  connectionOf(mn: string): { id: string; remote: string; since: Date } | null;
  /** The gateway's counters, when a gateway runs in this process. */
  gatewayStatus?(): GatewayCounters | null;
}

/** What `GET /api/monitoring/gateway` reports of a running gateway. */
export interface GatewayCounters {
  connectionsOpen: number;
  connectionsTotal: number;
  pausedConnections: number;
  frames: number;
  acked: number;
  rejected: number;
  quarantined: number;
  skippedBytes: number;
  inPipeline: number;
  backlogged: number;
  batches: number;
  failedBatches: number;
  writeLanes: number;
}

const MAX_RANGE_MS = 31 * 86_400_000;

export function registerDeviceRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  service: DeviceService,
  live: LiveConnections | null,
): void {
  const tags = ['monitoring'];
  app.get(
    '/api/monitoring/devices',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '监测设备 / devices in scope',
        querystring: Type.Object({ enterpriseId: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: DeviceList },
      },
    },
    async (request) => ({
      items: await service.list(principalOf(request), request.query as { enterpriseId?: string }),
    }),
  );
  app.post(
    '/api/monitoring/devices',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '登记设备 / register a device',
        body: DeviceCreate,
        response: { 201: Device },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(principalOf(request), request.body as DeviceCreate)),
  );
  app.get(
    '/api/monitoring/devices/:mn',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: { tags, summary: '设备详情', params: MnParams, response: { 200: Device } },
    },
    (request) => service.get(principalOf(request), (request.params as MnParams).mn),
  );
  app.patch(
    '/api/monitoring/devices/:mn',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '修改或停用设备 / update or disable',
        params: MnParams,
        body: DeviceUpdate,
        response: { 200: Device },
      },
    },
    (request) =>
      service.update(principalOf(request), (request.params as MnParams).mn, request.body as DeviceUpdate),
  );

  app.get(
    '/api/monitoring/devices/:mn/data',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '监测数据 / stored records of one device',
        params: MnParams,
        querystring: MeasurementQuery,
        response: { 200: MeasurementList },
      },
    },
    async (request) => {
      const { mn } = request.params as MnParams;
      await service.getRow(principalOf(request), mn);
      const q = request.query as MeasurementQuery;
      const from = Date.parse(q.from);
      const to = Date.parse(q.to);
      if (!(to > from)) throw new AppError('VALIDATION_FAILED', 'querystring/to: 结束时间必须晚于开始时间');
      if (to - from > MAX_RANGE_MS) {
        throw new AppError(
          'VALIDATION_FAILED',
          'querystring/to: 一次最多查询 31 天 / at most 31 days per request',
        );
      }
      const rows = await db
        .selectFrom('measurement')
        .select(['data_time', 'factor', 'rtd', 'avg', 'min', 'max', 'cou', 'zs_rtd', 'zs_avg', 'flag'])
        .where('mn', '=', mn)
        .where('cn', '=', Number(q.cn ?? '2051'))
        .where('data_time', '>=', new Date(from))
        .where('data_time', '<', new Date(to))
        .orderBy('data_time')
        .orderBy('factor')
        .execute();
      const byTime = new Map<number, { dataTime: string; values: Record<string, Record<string, unknown>> }>();
      for (const r of rows) {
        const ms = new Date(r.data_time).getTime();
        let item = byTime.get(ms);
        if (!item) {
          item = { dataTime: toShanghaiIso(ms), values: {} };
          byTime.set(ms, item);
        }
        const v: Record<string, unknown> = {};
        if (r.rtd !== null) v.rtd = r.rtd;
        if (r.avg !== null) v.avg = r.avg;
        if (r.min !== null) v.min = r.min;
        if (r.max !== null) v.max = r.max;
        if (r.cou !== null) v.cou = r.cou;
        if (r.zs_rtd !== null) v.zsRtd = r.zs_rtd;
        if (r.zs_avg !== null) v.zsAvg = r.zs_avg;
        if (r.flag !== null) v.flag = r.flag;
        item.values[r.factor] = v;
      }
      return { items: [...byTime.values()] };
    },
  );

  app.get(
    '/api/monitoring/devices/:mn/status',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '设备状态 / last packet, connection, counts',
        params: MnParams,
        response: { 200: DeviceStatus },
      },
    },
    async (request) => {
      const { mn } = request.params as MnParams;
      await service.getRow(principalOf(request), mn);
      const [counts, last, measured] = await Promise.all([
        db
          .selectFrom('hj212_packet')
          .select(['outcome', (eb) => eb.fn.countAll<string>().as('n')])
          .where('mn', '=', mn)
          .groupBy('outcome')
          .execute(),
        db
          .selectFrom('hj212_packet')
          .select((eb) => eb.fn.max('received_at').as('last'))
          .where('mn', '=', mn)
          .executeTakeFirst(),
        sql<{ n: string }>`select count(*)::text as n from measurement where mn = ${mn}`.execute(db),
      ]);
      const count = (o: string) => Number(counts.find((c) => c.outcome === o)?.n ?? 0);
      const total = counts.reduce((s, c) => s + Number(c.n), 0);
      const conn = live?.connectionOf(mn) ?? null;
      const stored = count('stored') + count('partial');
      return {
        mn,
        online: conn !== null,
        connection: conn ? { id: conn.id, remote: conn.remote, since: toShanghaiIso(conn.since) } : null,
        lastPacketAt: last?.last ? toShanghaiIso(last.last as Date) : null,
        packets: {
          stored,
          rejected: count('rejected'),
          quarantined: count('quarantined'),
          other: total - stored - count('rejected') - count('quarantined'),
        },
        measurements: Number(measured.rows[0]?.n ?? 0),
      };
    },
  );
}
