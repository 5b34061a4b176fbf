import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { bulletinWorkbook } from './bulletin.js';
import type { OverviewService } from './overview.service.js';
import type { AllocationInput, TargetService } from './target.service.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor'] as const;
const GOV_READERS = ['province_admin', 'city_admin', 'county_admin', 'auditor'] as const;
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
const RegionCode = Type.String({ pattern: '^[0-9]{6}$' });

export function registerTargetRoutes(
  app: FastifyInstance,
  targets: TargetService,
  overview: OverviewService,
): void {
  const tags = ['targets'];
  app.get(
    '/api/plans',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: { tags, summary: '已载入的规划（当前版本）/ stored plans, current versions' },
    },
    async () => ({ items: await targets.plans() }),
  );
  app.get(
    '/api/plans/:id',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: {
        tags,
        summary: '规划详情：目标、任务、原文与版本 / a plan with its targets, tasks and versions',
        params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]+$' }) }),
      },
    },
    async (request) => targets.plan((request.params as { id: string }).id),
  );
  app.get(
    '/api/targets/evaluations',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '目标进度：实际对目标、序时进度（对数法）/ actual vs target with progress and explanation',
        querystring: Type.Object({
          planId: Type.Optional(Type.String()),
          region: Type.Optional(RegionCode),
          year: Type.Optional(Year),
        }),
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query as { planId?: string; region?: string; year?: number };
      const year =
        q.year ?? (await overview.latestYear(`${(q.region ?? p.regionCode ?? '140000').slice(0, 2)}0000`));
      return { year, items: await targets.evaluations(p, { planId: q.planId, region: q.region, year }) };
    },
  );
  app.get(
    '/api/targets/barometer',
    {
      config: { access: { roles: GOV_READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '能耗双控晴雨表（强度与总量预警等级）/ warning levels of the regions below',
        querystring: Type.Object({
          year: Type.Optional(Year),
          period: Type.Optional(Type.Union(['Y', 'H1', 'Q1', 'Q2', 'Q3', 'Q4'].map((x) => Type.Literal(x)))),
          parent: Type.Optional(RegionCode),
        }),
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query as { year?: number; period?: string; parent?: string };
      const year = q.year ?? (await overview.latestYear(`${(p.regionCode ?? '140000').slice(0, 2)}0000`));
      return targets.barometer(p, year, q.period ?? 'Y', q.parent);
    },
  );
  app.get(
    '/api/targets/assessment',
    {
      config: { access: { roles: GOV_READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '年度节能目标责任评价考核 / year-end assessment sheets and grades',
        querystring: Type.Object({ year: Year, parent: Type.Optional(RegionCode) }),
      },
    },
    async (request) => {
      const q = request.query as { year: number; parent?: string };
      return targets.assessment(principalOf(request), q.year, q.parent);
    },
  );
  app.put(
    '/api/targets/assessment/measures',
    {
      config: { access: { roles: ['province_admin'], scope: 'region' } },
      schema: {
        tags,
        summary: '录入节能措施得分（0–60）/ enter the measure points',
        body: Type.Object(
          { year: Year, regionCode: RegionCode, measures: Type.Number({ minimum: 0, maximum: 60 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const b = request.body as { year: number; regionCode: string; measures: number };
      await targets.enterMeasurePoints(principalOf(request), b.year, b.regionCode, b.measures);
      return targets.assessment(principalOf(request), b.year);
    },
  );
  app.get(
    '/api/targets/allocations',
    {
      config: { access: { roles: GOV_READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '目标分解及一致性检查 / allocations to the level below and whether they add up',
        querystring: Type.Object({
          planId: Type.String(),
          targetCode: Type.String(),
          parent: Type.Optional(RegionCode),
          level: Type.Optional(Type.Union([Type.Literal('region'), Type.Literal('enterprise')])),
          targetYear: Type.Optional(Year),
        }),
      },
    },
    async (request) => {
      const q = request.query as {
        planId: string;
        targetCode: string;
        parent?: string;
        level?: 'region' | 'enterprise';
        targetYear?: number;
      };
      return targets.allocations(
        principalOf(request),
        q.planId,
        q.targetCode,
        q.parent,
        q.level,
        q.targetYear,
      );
    },
  );
  app.put(
    '/api/targets/allocations',
    {
      config: { access: { roles: ['province_admin', 'city_admin'], scope: 'region' } },
      schema: {
        tags,
        summary: '上级录入目标分解（新版本）/ enter allocations; each change is a new version',
        body: Type.Object(
          {
            level: Type.Optional(Type.Union([Type.Literal('region'), Type.Literal('enterprise')])),
            planId: Type.String(),
            targetCode: Type.String(),
            parentCode: RegionCode,
            items: Type.Array(
              Type.Object(
                {
                  regionCode: Type.String({
                    description: 'region code, or the enterprise id when level = enterprise',
                  }),
                  changePct: Type.Optional(Type.Number({ minimum: -100, maximum: 100 })),
                  targetValue: Type.Optional(Type.Number({ minimum: 0 })),
                  weightValue: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
                  weightBasis: Type.Optional(Type.Union([Type.Literal('energy'), Type.Literal('gdp')])),
                  note: Type.Optional(Type.String({ maxLength: 500 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 500 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => targets.putAllocations(principalOf(request), request.body as AllocationInput),
  );
  app.get(
    '/api/targets/history',
    {
      config: { access: { roles: GOV_READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '评价结果的历史（数据变化时保存）/ earlier results of an evaluation',
        querystring: Type.Object({
          kind: Type.Union([
            Type.Literal('evaluation'),
            Type.Literal('barometer'),
            Type.Literal('assessment'),
          ]),
          key: Type.String(),
        }),
      },
    },
    async (request) => {
      const q = request.query as { kind: string; key: string };
      return { items: await targets.history(q.kind, q.key) };
    },
  );
  app.get(
    '/api/overview',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags: ['overview'],
        summary: '总览：目标、晴雨表、趋势、数据完整性 / the overview page',
        querystring: Type.Object({ year: Type.Optional(Year) }),
      },
    },
    async (request) => overview.overview(principalOf(request), (request.query as { year?: number }).year),
  );
  app.get(
    '/api/bulletins/:year',
    {
      config: { access: { roles: GOV_READERS, scope: 'region' } },
      schema: {
        tags: ['overview'],
        summary: '公报：各市能耗强度变化及预警等级 / the annual bulletin',
        params: Type.Object({ year: Year }),
      },
    },
    async (request) => overview.bulletin(principalOf(request), (request.params as { year: number }).year),
  );
  app.get(
    '/api/bulletins/:year/xlsx',
    {
      config: { access: { roles: GOV_READERS, scope: 'region' } },
      schema: {
        tags: ['overview'],
        summary: '公报 Excel / the bulletin as a workbook',
        params: Type.Object({ year: Year }),
      },
    },
    async (request, reply) => {
      const year = (request.params as { year: number }).year;
      const b = await overview.bulletin(principalOf(request), year);
      const buf = await bulletinWorkbook(b);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="bulletin-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${year}年公报.xlsx`)}`,
        )
        .send(buf);
    },
  );
}
