import fs from 'node:fs';
import path from 'node:path';
import { Health } from '@ecep/contract';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAlarmRoutes } from './alarms/alarm.routes.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerAuth } from './auth/auth.plugin.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerCalcRoutes } from './calc/calc.routes.js';
import type { Config } from './config.js';
import type { DbHandle } from './db/create-db.js';
import { type LiveConnections, registerDeviceRoutes } from './devices/device.routes.js';
import { DeviceService } from './devices/device.service.js';
import { DeviceDirectory } from './devices/device-directory.js';
import { registerPacketRoutes } from './devices/packet.routes.js';
import { registerEmissionRoutes } from './emissions/emission.routes.js';
import { registerEnergy } from './energy/index.js';
import { registerEnterpriseRoutes } from './enterprises/enterprise.routes.js';
import { EnterpriseService } from './enterprises/enterprise.service.js';
import { registerGatewayStatusRoutes } from './gateway/gateway-status.routes.js';
import { registerQuarantineRoutes } from './gateway/quarantine.routes.js';
import { registerErrorHandler } from './http/error-handler.js';
import { LedgerService, registerLedgerRoutes } from './ledgers/index.js';
import {
  LiveFeed,
  type LiveRouteOptions,
  MonitoringOverviewService,
  registerLiveRoutes,
} from './live/index.js';
import { ProjectService, registerProjectRoutes } from './projects/index.js';
import { registerRegionRoutes } from './regions/region.routes.js';
import { registerReportRoutes } from './reports/report.routes.js';
import { ReportService } from './reports/report.service.js';
import { registerRollupRoutes } from './rollups/rollup.routes.js';
import { RollupService } from './rollups/rollup.service.js';
import { registerStatisticRoutes } from './statistics/statistic.routes.js';
import { StatisticService } from './statistics/statistic.service.js';
import { registerSystemRoutes } from './system.routes.js';
import { OverviewService } from './targets/overview.service.js';
import { registerTargetRoutes } from './targets/target.routes.js';
import { TargetService } from './targets/target.service.js';
import { registerTaskRoutes, TaskService } from './tasks/index.js';
import { registerUserRoutes } from './users/user.routes.js';
import { UserService } from './users/user.service.js';

export interface AppDeps {
  db: DbHandle;
  /** Device cache shared with the HJ 212 gateway, so edits take effect on the next packet. */
  directory?: DeviceDirectory;
  /** Live connections of the gateway running in this process, if any. */
  live?: LiveConnections | null;
  /** Stored measurements as the gateway commits them (the SSE stream); one per process. */
  liveFeed?: LiveFeed;
  liveOptions?: LiveRouteOptions;
}

/**
 * Builds the HTTP application without listening, so tests drive it through `app.inject()`.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
  });
  const db = deps.db.db;

  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ECEP 节能环保监管平台 API',
        description: 'Energy Conservation & Environmental Protection supervision platform',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'ecep_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, db);

  app.get(
    '/api/health',
    { config: { access: { public: true } }, schema: { tags: ['system'], response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  registerSystemRoutes(app, db, deps.db.kind);
  registerAuthRoutes(app, db, config);
  registerRegionRoutes(app, db);
  registerEnterpriseRoutes(app, new EnterpriseService(db));
  registerUserRoutes(app, new UserService(db));
  registerAuditRoutes(app, db);
  registerCalcRoutes(app);
  const directory = deps.directory ?? new DeviceDirectory(db);
  const devices = new DeviceService(db, directory);
  registerDeviceRoutes(app, db, devices, deps.live ?? null);
  registerPacketRoutes(app, db, devices);
  registerRollupRoutes(app, db, devices, new RollupService(db));
  registerAlarmRoutes(app, db);
  registerEmissionRoutes(app, db);
  registerEnergy(app, db);
  registerQuarantineRoutes(app, db, devices);
  registerGatewayStatusRoutes(app, deps.live ?? null);
  const liveFeed = deps.liveFeed ?? new LiveFeed();
  const monitoring = new MonitoringOverviewService(db, deps.live ?? null, liveFeed);
  registerLiveRoutes(app, { db, devices, overview: monitoring, feed: liveFeed }, deps.liveOptions);
  const targets = new TargetService(db);
  registerStatisticRoutes(
    app,
    new StatisticService(db, (province, years) => targets.refresh(province, years)),
  );
  registerReportRoutes(app, new ReportService(db));
  registerTargetRoutes(app, targets, new OverviewService(db, targets));
  registerLedgerRoutes(app, new LedgerService(db));
  registerProjectRoutes(app, new ProjectService(db));
  registerTaskRoutes(app, new TaskService(db));

  const serveWeb = config.webDir !== null && fs.existsSync(path.join(config.webDir, 'index.html'));
  if (serveWeb && config.webDir) await app.register(fastifyStatic, { root: config.webDir, wildcard: false });
  // Unknown API routes answer JSON; any other GET loads the single-page app (client-side routes like /enterprises/123).
  app.setNotFoundHandler((request, reply) => {
    if (!serveWeb || request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: `没有该接口 / no route ${request.method} ${request.url}` },
      });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
