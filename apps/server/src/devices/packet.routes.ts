import { type CrcMode, decodeFrame, toDecodeJson } from '@ecep/hj212';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import type { Database } from '../db/schema.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import type { DeviceService } from './device.service.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor'] as const;

/** The raw packets of a device as received, newest first, each with its decoded fields (as `ecep hj212 decode`). */
export function registerPacketRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  devices: DeviceService,
): void {
  app.get(
    '/api/monitoring/devices/:mn/packets',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags: ['monitoring'],
        summary: '原始报文及解析字段 / raw packets with their decoded fields, newest first',
        params: Type.Object({ mn: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({
          before: Type.Optional(
            Type.String({ format: 'date-time', description: 'received before this time' }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
      },
    },
    async (request) => {
      const { mn } = request.params as { mn: string };
      const q = request.query as { before?: string; limit?: number };
      const device = await devices.getRow(principalOf(request), mn);
      let query = db
        .selectFrom('hj212_packet')
        .select(['id', 'received_at', 'cn', 'qn', 'data_time', 'outcome', 'error_code', 'raw'])
        .where('mn', '=', mn)
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit ?? 50);
      if (q.before) query = query.where('received_at', '<', new Date(q.before));
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          receivedAt: toShanghaiIso(r.received_at),
          cn: r.cn,
          qn: r.qn,
          dataTime: r.data_time ? toShanghaiIso(r.data_time) : null,
          outcome: r.outcome,
          errorCode: r.error_code,
          raw: r.raw,
          decoded: toDecodeJson(decodeFrame(r.raw, { crcMode: device.crc_mode as CrcMode })),
        })),
      };
    },
  );
}
