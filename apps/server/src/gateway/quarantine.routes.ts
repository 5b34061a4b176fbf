import { ADMIN_ROLES } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import type { DeviceService } from '../devices/device.service.js';
import { AppError } from '../errors.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import { acceptQuarantined } from './quarantine.service.js';

const QuarantineList = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        mn: Type.Union([Type.String(), Type.Null()]),
        reason: Type.String(),
        packets: Type.Integer(),
        first: Type.String(),
        last: Type.String(),
        sample: Type.String({ description: 'the newest raw packet' }),
      }),
    ),
  },
  { $id: 'QuarantineList' },
);

/** Quarantine review: what unknown or mis-configured devices sent, and taking it in once they are registered. */
export function registerQuarantineRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  devices: DeviceService,
): void {
  const tags = ['monitoring'];
  app.get(
    '/api/monitoring/quarantine',
    {
      // Unknown MNs belong to no region yet: only the province level reviews them.
      config: { access: { roles: ['province_admin', 'auditor'], scope: 'global' } },
      schema: {
        tags,
        summary: '隔离数据 / quarantined packets by device and reason',
        response: { 200: QuarantineList },
      },
    },
    async (request) => {
      if (regionPrefix(principalOf(request).regionCode).length > 2) {
        throw new AppError('FORBIDDEN', '隔离数据仅由省级用户审核 / province level only');
      }
      const rows = await db
        .selectFrom('hj212_quarantine')
        .select((eb) => [
          'mn',
          'reason',
          eb.fn.countAll<string>().as('n'),
          eb.fn.min('received_at').as('first'),
          eb.fn.max('received_at').as('last'),
          eb.fn.max('id').as('last_id'),
        ])
        .where('resolved_at', 'is', null)
        .groupBy(['mn', 'reason'])
        .orderBy('mn')
        .execute();
      const items = [];
      for (const r of rows) {
        const sample = await db
          .selectFrom('hj212_quarantine')
          .select('raw')
          .where('id', '=', String(r.last_id))
          .executeTakeFirst();
        items.push({
          mn: r.mn,
          reason: r.reason,
          packets: Number(r.n),
          first: toShanghaiIso(r.first as Date),
          last: toShanghaiIso(r.last as Date),
          sample: sample?.raw ?? '',
        });
      }
      return { items };
    },
  );
  app.post(
    '/api/monitoring/devices/:mn/accept-quarantined',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '接收隔离数据 / store the quarantined packets of a now-registered device',
        params: Type.Object({ mn: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Object({
            accepted: Type.Integer(),
            measurements: Type.Integer(),
            stillRefused: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() })),
          }),
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { mn } = request.params as { mn: string };
      await devices.getRow(p, mn);
      return acceptQuarantined(db, p, mn);
    },
  );
}
