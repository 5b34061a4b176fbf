import {
  ADMIN_ROLES,
  DailyList,
  DeviceSettings,
  HourlyList,
  MonthlyList,
  RangeQuery,
  RateList,
  RollupRequest,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../audit/audit.repository.js';
import { principalOf } from '../auth/auth.plugin.js';
import { regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import type { DeviceService } from '../devices/device.service.js';
import { AppError } from '../errors.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import { dayRates } from './rates.js';
import { deviceSettings, type RollupService, shanghaiDay } from './rollup.service.js';
import { findStandardProfile, STANDARD_PROFILES } from './standard-profiles.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor'] as const;
const MnParams = Type.Object({ mn: Type.String({ minLength: 1, maxLength: 64 }) });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The factor's limit and whether a valid period's (corrected) average exceeds it; an invalid period says nothing (HJ 75). */
function limitCheck(
  settings: DeviceSettings,
  r: { factor: string; avg: number | null; corrected_avg: number | null; valid: boolean },
): { limit: number | null; exceeds: boolean | null } {
  const limit = settings.limits?.[r.factor] ?? null;
  const compared = r.corrected_avg ?? r.avg;
  return { limit, exceeds: limit === null || compared === null || !r.valid ? null : compared > limit };
}

/** One item per period (in row order), each with its factors: `[{ [label]: period, factors: { code: … } }]`. */
function byPeriod<R extends { factor: string }>(
  rows: readonly R[],
  label: string,
  periodOf: (r: R) => string,
  factorOf: (r: R) => unknown,
): Array<Record<string, unknown>> {
  const items = new Map<string, { factors: Record<string, unknown> } & Record<string, unknown>>();
  for (const r of rows) {
    const period = periodOf(r);
    let item = items.get(period);
    if (!item) {
      item = { [label]: period, factors: {} };
      items.set(period, item);
    }
    item.factors[r.factor] = factorOf(r);
  }
  return [...items.values()];
}

function range(q: { from: string; to: string }, maxDays: number): { from: Date; to: Date } {
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  if (!(to > from))
    throw new AppError(
      'VALIDATION_FAILED',
      'querystring/to: 结束时间必须晚于开始时间 / to must be after from',
    );
  if (to - from > maxDays * 86_400_000) {
    throw new AppError(
      'VALIDATION_FAILED',
      `querystring/to: 一次最多 ${maxDays} 天 / at most ${maxDays} days per request`,
    );
  }
  return { from: new Date(from), to: new Date(to) };
}

export function registerRollupRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  devices: DeviceService,
  rollups: RollupService,
): void {
  const tags = ['monitoring'];
  app.get(
    '/api/monitoring/standards',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: { tags, summary: '排放标准配置（基准氧、限值）/ standard profiles a device can use' },
    },
    async () => ({ items: STANDARD_PROFILES }),
  );
  app.put(
    '/api/monitoring/devices/:mn',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '设备排放标准设置 / reference O2, limits, standard, interval',
        params: MnParams,
        body: DeviceSettings,
        response: { 200: DeviceSettings },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { mn } = request.params as { mn: string };
      await devices.getRow(p, mn);
      const body = request.body as DeviceSettings;
      if (body.standardProfile && !findStandardProfile(body.standardProfile)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `未知的排放标准 ${body.standardProfile}；可选值见 GET /api/monitoring/standards`,
          [
            {
              path: 'body/standardProfile',
              message: `expected one of ${STANDARD_PROFILES.map((s) => s.code).join(', ')}`,
            },
          ],
        );
      }
      const before = await db
        .selectFrom('monitoring_device')
        .select('settings')
        .where('mn', '=', mn)
        .executeTakeFirstOrThrow();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('monitoring_device')
          .set({ settings: JSON.stringify(body), updated_at: new Date() })
          .where('mn', '=', mn)
          .execute();
        await recordAudit(
          trx,
          { userId: p.userId, name: p.username },
          {
            action: 'settings',
            entity: 'device',
            entityId: mn,
            before: before.settings,
            after: body,
          },
        );
      });
      return body;
    },
  );

  app.get(
    '/api/monitoring/devices/:mn/hourly',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '小时数据 / hourly rollups',
        params: MnParams,
        querystring: RangeQuery,
        response: { 200: HourlyList },
      },
    },
    async (request) => {
      const { mn } = request.params as { mn: string };
      const row = await devices.getRow(principalOf(request), mn);
      const { from, to } = range(request.query as RangeQuery, 93);
      const settings = await deviceSettings(db, row.mn);
      const rows = await db
        .selectFrom('rollup_hour')
        .selectAll()
        .where('mn', '=', mn)
        .where('hour', '>=', from)
        .where('hour', '<', to)
        .orderBy('hour')
        .orderBy('factor')
        .execute();
      return {
        items: byPeriod(
          rows,
          'hour',
          (r) => toShanghaiIso(r.hour),
          (r) => ({
            avg: r.avg,
            min: r.min,
            max: r.max,
            validMinutes: r.valid_minutes,
            receivedMinutes: r.received_minutes,
            valid: r.valid,
            correctedAvg: r.corrected_avg,
            loadKg: r.load_kg,
            ...limitCheck(settings, r),
          }),
        ),
      };
    },
  );

  app.get(
    '/api/monitoring/devices/:mn/daily',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '日数据 / daily rollups (Asia/Shanghai days)',
        params: MnParams,
        querystring: RangeQuery,
        response: { 200: DailyList },
      },
    },
    async (request) => {
      const { mn } = request.params as { mn: string };
      await devices.getRow(principalOf(request), mn);
      const { from, to } = range(request.query as RangeQuery, 400);
      const settings = await deviceSettings(db, mn);
      const rows = await db
        .selectFrom('rollup_day')
        .select([
          'factor',
          'avg',
          'min',
          'max',
          'valid_hours',
          'valid',
          'corrected_avg',
          'load_kg',
          sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
        ])
        .where('mn', '=', mn)
        .where('day', '>=', shanghaiDay(from.getTime()))
        .where('day', '<=', shanghaiDay(to.getTime() - 1))
        .orderBy('day')
        .orderBy('factor')
        .execute();
      return {
        items: byPeriod(
          rows,
          'day',
          (r) => r.day,
          (r) => ({
            avg: r.avg,
            min: r.min,
            max: r.max,
            validHours: r.valid_hours,
            valid: r.valid,
            correctedAvg: r.corrected_avg,
            loadKg: r.load_kg,
            ...limitCheck(settings, r),
          }),
        ),
      };
    },
  );

  app.get(
    '/api/monitoring/devices/:mn/monthly',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '月数据 / monthly rollups (Asia/Shanghai months)',
        params: MnParams,
        querystring: RangeQuery,
        response: { 200: MonthlyList },
      },
    },
    async (request) => {
      const { mn } = request.params as { mn: string };
      await devices.getRow(principalOf(request), mn);
      const { from, to } = range(request.query as RangeQuery, 3660);
      const rows = await db
        .selectFrom('rollup_month')
        .selectAll()
        .where('mn', '=', mn)
        .where('month', '>=', shanghaiDay(from.getTime()).slice(0, 7))
        .where('month', '<=', shanghaiDay(to.getTime() - 1).slice(0, 7))
        .orderBy('month')
        .orderBy('factor')
        .execute();
      return {
        items: byPeriod(
          rows,
          'month',
          (r) => r.month,
          (r) => ({
            avg: r.avg,
            min: r.min,
            max: r.max,
            validDays: r.valid_days,
            valid: r.valid,
            correctedAvg: r.corrected_avg,
            loadKg: r.load_kg,
          }),
        ),
      };
    },
  );

  app.get(
    '/api/monitoring/devices/:mn/rates',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '数据传输率、有效率 / daily transmission and validity rates',
        params: MnParams,
        querystring: RangeQuery,
        response: { 200: RateList },
      },
    },
    async (request) => {
      const { mn } = request.params as { mn: string };
      await devices.getRow(principalOf(request), mn);
      const { from, to } = range(request.query as RangeQuery, 93);
      const settings = await deviceSettings(db, mn);
      const intervalS = settings.expectedIntervalS ?? 60;
      // Days are Asia/Shanghai calendar days; a minute is valid when every factor in it is flagged N.
      const rows = await sql<{ day: string; received: string; valid: string }>`
        select to_char(date_bin('1 day', m.t, timestamptz '2000-01-01 00:00:00+08') at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
               count(*)::text as received,
               count(*) filter (where m.all_n)::text as valid
        from (
          select data_time as t, bool_and(coalesce(flag, 'N') = 'N') as all_n
          from measurement where mn = ${mn} and cn = '2051' and data_time >= ${from} and data_time < ${to}
          group by data_time
        ) m
        group by 1 order by 1`.execute(db);
      const byDay = new Map(rows.rows.map((r) => [r.day, r]));
      const items = [];
      const SHANGHAI = 8 * HOUR;
      for (
        let d = Math.floor((from.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI;
        d < to.getTime();
        d += DAY
      ) {
        const day = new Date(d + SHANGHAI).toISOString().slice(0, 10);
        const r = byDay.get(day);
        const spanMs = Math.min(d + DAY, to.getTime()) - Math.max(d, from.getTime());
        items.push(
          dayRates({
            day,
            expected: Math.round(spanMs / 1000 / intervalS),
            received: Number(r?.received ?? 0),
            valid: Number(r?.valid ?? 0),
          }),
        );
      }
      return { items };
    },
  );

  app.post(
    '/api/monitoring/rollups',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '重新计算小时数据 / recompute hourly rollups for a range',
        body: RollupRequest,
        response: { 200: Type.Object({ devices: Type.Integer(), hours: Type.Integer() }) },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const body = request.body as RollupRequest;
      const { from, to } = range(body, 366);
      if (body.mn) await devices.getRow(p, body.mn);
      else if (regionPrefix(p.regionCode).length > 2) {
        throw new AppError('FORBIDDEN', 'mn: 市、县级用户重算时必须指定设备 / give the device to recompute');
      }
      return rollups.recomputeRange(from.getTime(), to.getTime(), body.mn);
    },
  );
}
