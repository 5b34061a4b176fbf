import { ADMIN_ROLES, Alarm, AlarmAck, AlarmList, AlarmQuery } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../audit/audit.repository.js';
import { principalOf } from '../auth/auth.plugin.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { deviceVisibleTo } from '../devices/device.service.js';
import { AppError } from '../errors.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor'] as const;
const HOUR_MS = 3_600_000;

function alarmQuery(db: Kysely<Database>) {
  return db
    .selectFrom('monitoring_alarm as a')
    .innerJoin('monitoring_device as d', 'd.mn', 'a.mn')
    .leftJoin('enterprise as e', 'e.id', 'd.enterprise_id')
    .select([
      'a.id',
      'a.mn',
      'a.type',
      'a.factor',
      'a.start_at',
      'a.end_at',
      'a.value',
      'a.limit_value',
      'a.details',
      'a.acknowledged_at',
      'a.acknowledged_by',
      'a.ack_comment',
      'd.name as device_name',
      'd.enterprise_id',
      'e.name as enterprise_name',
      'e.region_code',
    ]);
}
type AlarmRow = Awaited<ReturnType<ReturnType<typeof alarmQuery>['executeTakeFirstOrThrow']>>;

function toAlarm(r: AlarmRow): Alarm {
  const startMs = new Date(r.start_at).getTime();
  const endMs = r.end_at ? new Date(r.end_at).getTime() : startMs + HOUR_MS;
  const from = new Date(Math.floor(startMs / HOUR_MS) * HOUR_MS).toISOString();
  const to = new Date(Math.ceil(endMs / HOUR_MS) * HOUR_MS).toISOString();
  const mn = encodeURIComponent(r.mn);
  return {
    id: String(r.id),
    mn: r.mn,
    deviceName: r.device_name,
    enterpriseName: r.enterprise_name,
    type: r.type as Alarm['type'],
    factor: r.factor === '' ? null : r.factor,
    start: toShanghaiIso(r.start_at),
    end: r.end_at ? toShanghaiIso(r.end_at) : null,
    value: r.value,
    limit: r.limit_value,
    details: r.details,
    acknowledged: r.acknowledged_at
      ? { at: toShanghaiIso(r.acknowledged_at), by: r.acknowledged_by ?? '', comment: r.ack_comment ?? '' }
      : null,
    // The rollup and the raw packets behind the alarm.
    links: {
      rollup: `/api/monitoring/devices/${mn}/hourly?from=${from}&to=${to}`,
      packets: `/api/monitoring/devices/${mn}/data?cn=2051&from=${from}&to=${to}`,
    },
  };
}

const visible = (p: Principal, r: AlarmRow) =>
  deviceVisibleTo(p, { enterprise_id: r.enterprise_id, region_code: r.region_code });

export function registerAlarmRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  const tags = ['monitoring'];
  app.get(
    '/api/monitoring/alarms',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '报警 / alarms in scope',
        querystring: AlarmQuery,
        response: { 200: AlarmList },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query as AlarmQuery;
      let query = alarmQuery(db).orderBy('a.start_at', 'desc').orderBy('a.id', 'desc');
      if (q.mn) query = query.where('a.mn', '=', q.mn);
      if (q.type) query = query.where('a.type', '=', q.type);
      if (q.from) query = query.where('a.start_at', '>=', new Date(q.from));
      if (q.to) query = query.where('a.start_at', '<', new Date(q.to));
      if (q.acknowledged !== undefined) {
        query = query.where('a.acknowledged_at', q.acknowledged ? 'is not' : 'is', null);
      }
      if (p.role === 'enterprise_user') query = query.where('d.enterprise_id', '=', p.enterpriseId ?? '');
      const rows = await query.limit(q.limit ?? 200).execute();
      return { items: rows.filter((r) => visible(p, r)).map(toAlarm) };
    },
  );
  app.post(
    '/api/monitoring/alarms/:id/ack',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '确认报警 / acknowledge with a comment',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]+$' }) }),
        body: AlarmAck,
        response: { 200: Alarm },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { id } = request.params as { id: string };
      const row = await alarmQuery(db).where('a.id', '=', id).executeTakeFirst();
      if (!row || !visible(p, row)) throw new AppError('ALARM_NOT_FOUND', `没有编号为 ${id} 的报警`);
      if (row.acknowledged_at) {
        throw new AppError(
          'ALARM_ALREADY_ACKNOWLEDGED',
          `报警 ${id} 已于 ${toShanghaiIso(row.acknowledged_at)} 由 ${row.acknowledged_by} 确认`,
        );
      }
      const { comment } = request.body as AlarmAck;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('monitoring_alarm')
          .set({ acknowledged_at: new Date(), acknowledged_by: p.username, ack_comment: comment })
          .where('id', '=', id)
          .execute();
        await recordAudit(
          trx,
          { userId: p.userId, name: p.username },
          {
            action: 'acknowledge',
            entity: 'alarm',
            entityId: id,
            before: null,
            after: { comment },
          },
        );
      });
      return toAlarm((await alarmQuery(db).where('a.id', '=', id).executeTakeFirstOrThrow()) as AlarmRow);
    },
  );
}
