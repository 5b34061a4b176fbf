import { GatewayStatus } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { principalOf } from '../auth/auth.plugin.js';
import { regionPrefix } from '../auth/principal.js';
import type { LiveConnections } from '../devices/device.routes.js';
import { AppError } from '../errors.js';

/** The gateway's counters for operators: connections, backpressure, acknowledgements, batches since start. */
export function registerGatewayStatusRoutes(app: FastifyInstance, live: LiveConnections | null): void {
  app.get(
    '/api/monitoring/gateway',
    {
      // Counters of all devices of every region: the province level only, like the quarantine.
      config: { access: { roles: ['province_admin', 'auditor'], scope: 'global' } },
      schema: {
        tags: ['monitoring'],
        summary: 'HJ 212 网关运行状态 / gateway counters since start',
        response: { 200: GatewayStatus },
      },
    },
    async (request) => {
      if (regionPrefix(principalOf(request).regionCode).length > 2) {
        throw new AppError('FORBIDDEN', '网关状态仅限省级用户 / province level only');
      }
      const status = live?.gatewayStatus?.() ?? null;
      return status ? { running: true, ...status } : { running: false };
    },
  );
}
