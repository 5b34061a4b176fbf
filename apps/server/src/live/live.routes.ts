import type { ServerResponse } from 'node:http';
import { DeviceSettings, FactorCatalog, type LiveMeasurement, MonitoringOverview } from '@ecep/contract';
import { FACTOR_CODES } from '@ecep/hj212';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import type { DeviceService } from '../devices/device.service.js';
import type { LiveFeed } from './live-feed.js';
import type { MonitoringOverviewService } from './overview.service.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor'] as const;
const LiveQuery = Type.Object({ mn: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) });

export interface LiveRouteOptions {
  /** Comment line sent this often so proxies keep the stream open (default 15 s). */
  heartbeatMs?: number;
  /** How often a stream over all devices re-reads which devices the caller may see (default 60 s). */
  scopeRefreshMs?: number;
}

/** `measurement` events; a `gap` event first when a slow reader lost events (refetch to catch up). */
function sseChunk(event: LiveMeasurement, dropped: number): string {
  const gap = dropped > 0 ? `event: gap\ndata: ${JSON.stringify({ dropped })}\n\n` : '';
  return `${gap}id: ${event.seq}\nevent: measurement\ndata: ${JSON.stringify(event)}\n\n`;
}

export function registerLiveRoutes(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>;
    devices: DeviceService;
    overview: MonitoringOverviewService;
    feed: LiveFeed;
  },
  options: LiveRouteOptions = {},
): void {
  const tags = ['monitoring'];
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const scopeRefreshMs = options.scopeRefreshMs ?? 60_000;
  const open = new Set<ServerResponse>();
  // An open event stream would keep the HTTP server from closing.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get(
    '/api/monitoring/overview',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '在线监测总览 / sources in scope with online, offline and alarm status',
        response: { 200: MonitoringOverview },
      },
    },
    (request) => deps.overview.overview(principalOf(request), Date.now()),
  );

  app.get(
    '/api/monitoring/factors',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: {
        tags,
        summary: '监测因子编码表 / HJ 212 factor codes, names and units',
        response: { 200: FactorCatalog },
      },
    },
    async () => ({
      items: FACTOR_CODES.map((f) => ({
        code: f.code,
        name: f.name,
        nameEn: f.nameEn,
        medium: f.medium,
        unit: f.unit,
        couUnit: f.couUnit ?? null,
      })),
    }),
  );

  app.get(
    '/api/monitoring/devices/:mn/settings',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '设备排放标准设置 / the stored settings (edit with PUT /api/monitoring/devices/:mn)',
        params: Type.Object({ mn: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: DeviceSettings },
      },
    },
    async (request) => {
      const { mn } = request.params as { mn: string };
      await deps.devices.getRow(principalOf(request), mn);
      const row = await deps.db
        .selectFrom('monitoring_device')
        .select('settings')
        .where('mn', '=', mn)
        .executeTakeFirstOrThrow();
      return (row.settings ?? {}) as DeviceSettings;
    },
  );

  app.get(
    '/api/monitoring/live',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary:
          '实时数据推送 / server-sent events: `measurement` (LiveMeasurement) for each stored record of the devices in scope',
        querystring: LiveQuery,
      },
    },
    async (request, reply) => {
      const p: Principal = principalOf(request);
      const { mn } = request.query as { mn?: string };
      let visible = new Set<string>();
      const readScope = async () => {
        visible = new Set((await deps.devices.list(p)).map((d) => d.mn));
      };
      // Out of scope answers 404 before the stream opens, like every other device route.
      if (mn) await deps.devices.getRow(p, mn);
      else await readScope();
      const accepts = mn ? (m: string) => m === mn : (m: string) => visible.has(m);

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 5000\nevent: ready\ndata: ${JSON.stringify({ mn: mn ?? null, heartbeatMs })}\n\n`);
      open.add(res);
      const sub = deps.feed.subscribe(accepts, (event, dropped) => res.write(sseChunk(event, dropped)));
      res.on('drain', () => sub.resume());
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
      const refresh = mn
        ? null
        : setInterval(() => {
            readScope().catch((err: unknown) =>
              request.log.warn({ err }, 'live stream scope refresh failed'),
            );
          }, scopeRefreshMs);
      let cleaned = false;
      const cleanup = () => {
        if (cleaned) return;
        cleaned = true;
        clearInterval(heartbeat);
        if (refresh) clearInterval(refresh);
        sub.close();
        open.delete(res);
      };
      res.on('close', cleanup);
      res.on('error', cleanup);
      return reply;
    },
  );
}
