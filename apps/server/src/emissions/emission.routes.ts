import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { regionPrefix } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import {
  type DayLoad,
  ESTIMATE_METHOD,
  type FactorTotal,
  outletTotal,
  periodDays,
  sumTotals,
  TOTAL_FACTORS,
} from './emission-totals.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor'] as const;

export function registerEmissionRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  clock: () => number = Date.now,
): void {
  app.get(
    '/api/monitoring/emissions',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags: ['monitoring'],
        summary: '排放总量（企业/市/省，月/年），含无效时段估算 / emission totals from valid daily loads',
        querystring: Type.Object({
          period: Type.String({ pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]))?$', description: 'YYYY or YYYY-MM' }),
          groupBy: Type.Optional(
            Type.Union([Type.Literal('enterprise'), Type.Literal('city'), Type.Literal('province')]),
          ),
        }),
      },
    },
    async (request) => {
      const p = principalOf(request);
      const { period, groupBy = 'enterprise' } = request.query as {
        period: string;
        groupBy?: 'enterprise' | 'city' | 'province';
      };
      const days = periodDays(period, toShanghaiIso(clock()).slice(0, 10));
      let q = db
        .selectFrom('rollup_day as r')
        .innerJoin('monitoring_device as d', 'd.mn', 'r.mn')
        .innerJoin('enterprise as e', 'e.id', 'd.enterprise_id')
        .select([
          'r.mn',
          'r.factor',
          'r.day',
          'r.valid',
          'r.load_kg',
          'e.id as enterprise_id',
          'e.name as enterprise_name',
          'e.region_code',
        ])
        .where('r.factor', 'in', Object.keys(TOTAL_FACTORS))
        .where('r.day', '>=', days[0] ?? '9999-12-31')
        .where('r.day', '<=', days.at(-1) ?? '0000-01-01');
      if (p.role === 'enterprise_user')
        q = q.where('e.id', '=', p.enterpriseId ?? '00000000-0000-0000-0000-000000000000');
      else q = q.where('e.region_code', 'like', `${regionPrefix(p.regionCode)}%`);
      const rows = await q.execute();
      // Outlet × factor → its days; then each outlet's total goes to its group.
      const outlets = new Map<
        string,
        { group: string; groupName: string; factor: string; days: DayLoad[] }
      >();
      const regionNames = new Map(
        (
          await db
            .selectFrom('region')
            .select(['code', 'name'])
            .where('code', 'like', `${regionPrefix(p.regionCode)}%`)
            .execute()
        ).map((r) => [r.code, r.name]),
      );
      for (const r of rows) {
        const city = `${r.region_code.slice(0, 4)}00`;
        const province = `${r.region_code.slice(0, 2)}0000`;
        const [group, groupName] =
          groupBy === 'enterprise'
            ? [r.enterprise_id, r.enterprise_name]
            : groupBy === 'city'
              ? [city, regionNames.get(city) ?? city]
              : [province, regionNames.get(province) ?? province];
        const key = `${r.mn}|${r.factor}`;
        const o = outlets.get(key) ?? { group, groupName, factor: r.factor, days: [] };
        o.days.push({ day: String(r.day), valid: r.valid, loadKg: r.load_kg });
        outlets.set(key, o);
      }
      const groups = new Map<string, { name: string; factors: Map<string, FactorTotal[]> }>();
      for (const o of outlets.values()) {
        const g = groups.get(o.group) ?? { name: o.groupName, factors: new Map() };
        const list = g.factors.get(o.factor) ?? [];
        list.push(outletTotal(o.days, days.length));
        g.factors.set(o.factor, list);
        groups.set(o.group, g);
      }
      return {
        period,
        groupBy,
        days: days.length,
        method: ESTIMATE_METHOD,
        factors: TOTAL_FACTORS,
        items: [...groups.entries()]
          .map(([key, g]) => ({
            key,
            name: g.name,
            factors: Object.fromEntries([...g.factors.entries()].map(([f, parts]) => [f, sumTotals(parts)])),
          }))
          .sort((a, b) => a.key.localeCompare(b.key)),
      };
    },
  );
}
