import {
  StatisticBatch,
  StatisticHistoryQuery,
  StatisticIndicatorInfo,
  StatisticList,
  StatisticQuery,
  StatisticWriteResult,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { AppError } from '../errors.js';
import { registerXlsxParser } from '../excel/index.js';
import { registerXlsxTemplateRoute } from '../http/xlsx-routes.js';
import { STATISTIC_INDICATORS } from './indicators.js';
import type { StatisticService } from './statistic.service.js';
import {
  issueAtRow,
  parseStatisticWorkbook,
  type RowIssue,
  statisticExport,
  statisticTemplate,
  XLSX_MIME,
} from './statistic-excel.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'auditor'] as const;
const WRITERS = ['province_admin', 'city_admin'] as const;

export function registerStatisticRoutes(app: FastifyInstance, service: StatisticService): void {
  const tags = ['statistics'];
  app.get(
    '/api/statistics/indicators',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: {
        tags,
        summary: '统计指标目录 / the regional statistics ECEP keeps, with units',
        response: { 200: Type.Object({ items: Type.Array(StatisticIndicatorInfo) }) },
      },
    },
    async () => ({
      items: STATISTIC_INDICATORS.map((i) => ({
        code: i.code,
        nameZh: i.nameZh,
        unit: i.unit,
        group: i.group,
        needsPriceBase: i.needsPriceBase ?? false,
        description: i.description,
      })),
    }),
  );
  app.get(
    '/api/statistics',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '地区统计数据（当前版本）/ current version of regional statistics',
        querystring: StatisticQuery,
        response: { 200: StatisticList },
      },
    },
    async (request) => ({ items: await service.list(principalOf(request), request.query as StatisticQuery) }),
  );
  app.get(
    '/api/statistics/history',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '某项统计数据的全部版本 / every version of one value, newest first',
        querystring: StatisticHistoryQuery,
        response: { 200: StatisticList },
      },
    },
    async (request) => ({
      items: await service.history(principalOf(request), request.query as StatisticHistoryQuery),
    }),
  );
  app.put(
    '/api/statistics',
    {
      config: { access: { roles: WRITERS, scope: 'region' } },
      schema: {
        tags,
        summary: '录入或修订统计数据 / record values; a changed value becomes a new version',
        body: StatisticBatch,
        response: { 200: StatisticWriteResult },
      },
    },
    async (request) => service.write(principalOf(request), (request.body as StatisticBatch).items),
  );
  registerXlsxTemplateRoute(app, {
    url: '/api/statistics/template.xlsx',
    access: { roles: WRITERS, scope: 'region' },
    tags,
    summary: '统计数据导入模板 / the Excel template',
    build: statisticTemplate,
    asciiName: 'statistics-template.xlsx',
    zhName: '统计数据导入模板.xlsx',
  });
  app.get(
    '/api/statistics/export.xlsx',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '按筛选条件导出 / export the filtered list (same layout as the template)',
        querystring: StatisticQuery,
      },
    },
    async (request, reply) => {
      const items = await service.list(principalOf(request), request.query as StatisticQuery);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', 'attachment; filename="statistics.xlsx"')
        .send(await statisticExport(items));
    },
  );
  // Encapsulated so that its raw-body parser for .xlsx does not clash with other features' parsers.
  app.register(async (scope) => {
    registerXlsxParser(scope);
    scope.post(
      '/api/statistics/import',
      {
        config: { access: { roles: WRITERS, scope: 'region' } },
        schema: {
          tags,
          summary: 'Excel 导入（逐行校验）/ import a filled template; body is the .xlsx file',
          description:
            'mode=all-or-nothing (default): nothing is written if any row is wrong; mode=valid-rows: valid rows are written and the wrong ones reported.',
          querystring: Type.Object({
            mode: Type.Optional(Type.Union([Type.Literal('all-or-nothing'), Type.Literal('valid-rows')])),
          }),
        },
      },
      async (request) => {
        const p = principalOf(request);
        const mode = (request.query as { mode?: string }).mode ?? 'all-or-nothing';
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError('STATISTIC_IMPORT_INVALID', `请以 ${XLSX_MIME} 上传 .xlsx 文件`, []);
        }
        const parsed = await parseStatisticWorkbook(request.body);
        if (!parsed.ok)
          throw new AppError(
            'STATISTIC_IMPORT_INVALID',
            parsed.issues[0]?.reason ?? 'invalid workbook',
            parsed.issues,
          );
        const inputs = parsed.rows.map((r) => r.input);
        const serviceIssues = inputs.length ? await service.validate(p, inputs) : [];
        const issues: RowIssue[] = [
          ...parsed.issues,
          ...serviceIssues.map((i) => issueAtRow(parsed.rows[i.index]?.row ?? 0, i.field, i.message)),
        ].sort((a, b) => a.row - b.row);
        if (issues.length > 0 && mode === 'all-or-nothing') {
          const first = issues[0] as RowIssue;
          throw new AppError(
            'STATISTIC_IMPORT_INVALID',
            `第 ${first.row} 行 ${first.column} 列（${first.header}）：${first.reason}；共 ${issues.length} 处错误，未写入任何数据`,
            issues,
          );
        }
        const badRows = new Set(serviceIssues.map((i) => i.index));
        const valid = inputs.filter((_, i) => !badRows.has(i));
        const result = valid.length ? await service.write(p, valid) : { created: 0, unchanged: 0, items: [] };
        return {
          mode,
          rows: parsed.rows.length + parsed.issues.length,
          created: result.created,
          unchanged: result.unchanged,
          rejected: issues.length,
          issues,
        };
      },
    );
  });
}
