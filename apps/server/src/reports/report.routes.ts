import {
  Report,
  ReportCorrection,
  ReportCreate,
  ReportDecision,
  ReportList,
  ReportListQuery,
  ReportReturn,
  ReportUpdate,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Access } from '../auth/access.js';
import { principalOf } from '../auth/auth.plugin.js';
import { AppError } from '../errors.js';
import { registerXlsxParser, XLSX_MIME } from '../excel/index.js';
import { idParam } from '../http/id-param.js';
import { READERS } from '../http/route-roles.js';
import { registerXlsxTemplateRoute } from '../http/xlsx-routes.js';
import type { ReportService } from './report.service.js';
import { parseReportWorkbook, reportTemplate } from './report-excel.js';

const REVIEWERS = ['province_admin', 'city_admin', 'county_admin'] as const;
const Id = Type.Object({ id: Type.String({ pattern: '^[0-9]+$' }) });

export function registerReportRoutes(app: FastifyInstance, service: ReportService): void {
  const tags = ['reports'];
  app.get(
    '/api/reports',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '能源利用状况报表 / energy reports in scope; awaitingMe=true is the review queue',
        querystring: ReportListQuery,
        response: { 200: ReportList },
      },
    },
    async (request) => service.list(principalOf(request), request.query as ReportListQuery),
  );
  app.post(
    '/api/reports',
    {
      config: { access: { roles: ['enterprise_user'], scope: 'enterprise' } },
      schema: {
        tags,
        summary: '新建报表草稿 / start a draft for a period',
        body: ReportCreate,
        response: { 201: Report },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(principalOf(request), request.body as ReportCreate)),
  );
  app.get(
    '/api/reports/:id',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '报表详情、版本与流转记录 / a report with its versions and events',
        params: Id,
        response: { 200: Report },
      },
    },
    async (request) => service.get(principalOf(request), idParam(request)),
  );
  app.get(
    '/api/reports/:id/versions/:version',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '报表的某一版本 / one stored version',
        params: Type.Object({
          id: Type.String({ pattern: '^[0-9]+$' }),
          version: Type.Integer({ minimum: 1 }),
        }),
      },
    },
    async (request) => {
      const { id, version } = request.params as { id: string; version: number };
      return service.version(principalOf(request), id, version);
    },
  );
  app.put(
    '/api/reports/:id',
    {
      config: { access: { roles: ['enterprise_user'], scope: 'enterprise' } },
      schema: {
        tags,
        summary: '修改草稿或退回的报表（新版本）/ save a new version of a draft',
        params: Id,
        body: ReportUpdate,
        response: { 200: Report },
      },
    },
    async (request) => {
      const body = request.body as ReportUpdate;
      return service.update(principalOf(request), idParam(request), body.content, body.version);
    },
  );
  /** Submit and approve: one step of the workflow with an optional comment. */
  const decisionRoute = (action: 'submit' | 'approve', access: Access, summary: string) =>
    app.post(
      `/api/reports/:id/${action}`,
      {
        config: { access },
        schema: { tags, summary, params: Id, body: Type.Optional(ReportDecision), response: { 200: Report } },
      },
      async (request) =>
        service.act(
          principalOf(request),
          idParam(request),
          action,
          (request.body as ReportDecision | undefined)?.comment,
        ),
    );
  decisionRoute('submit', { roles: ['enterprise_user'], scope: 'enterprise' }, '报送 / submit for review');
  decisionRoute(
    'approve',
    { roles: REVIEWERS, scope: 'region' },
    '审核通过（县→市→省）/ approve at the level whose turn it is',
  );
  app.post(
    '/api/reports/:id/return',
    {
      config: { access: { roles: REVIEWERS, scope: 'region' } },
      schema: {
        tags,
        summary: '退回并说明原因 / return with a reason',
        params: Id,
        body: ReportReturn,
        response: { 200: Report },
      },
    },
    async (request) =>
      service.act(principalOf(request), idParam(request), 'return', (request.body as ReportReturn).reason),
  );
  app.post(
    '/api/reports/:id/corrections',
    {
      config: { access: { roles: ['enterprise_user'], scope: 'enterprise' } },
      schema: {
        tags,
        summary: '更正已批准的报表（新版本，重新审核）/ correct an approved report',
        params: Id,
        body: ReportCorrection,
        response: { 200: Report },
      },
    },
    async (request) => {
      const body = request.body as ReportCorrection;
      return service.correct(principalOf(request), idParam(request), body.content, body.reason);
    },
  );
  registerXlsxTemplateRoute(app, {
    url: '/api/reports/template.xlsx',
    access: { roles: READERS, scope: 'region' },
    tags,
    summary: '能源利用状况报表 Excel 模板 / the report workbook template',
    build: reportTemplate,
    asciiName: 'energy-report.xlsx',
    zhName: '能源利用状况报表模板.xlsx',
  });
  // Encapsulated: its raw .xlsx body parser stays local to this route.
  app.register(async (scope) => {
    registerXlsxParser(scope, 10 * 1024 * 1024);
    scope.post(
      '/api/reports/import',
      {
        config: { access: { roles: ['enterprise_user'], scope: 'enterprise' } },
        schema: {
          tags,
          summary: 'Excel 导入报表：新建草稿，或为草稿/退回的报表保存新版本 / import a filled workbook',
          querystring: Type.Object({
            periodType: Type.Union([Type.Literal('month'), Type.Literal('year')]),
            period: Type.String({ pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]))?$' }),
          }),
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const { periodType, period } = request.query as { periodType: 'month' | 'year'; period: string };
        if (!Buffer.isBuffer(request.body))
          throw new AppError('REPORT_IMPORT_INVALID', `请以 ${XLSX_MIME} 上传 .xlsx 文件`, []);
        const parsed = await parseReportWorkbook(request.body);
        if (!parsed.ok) {
          const first = parsed.issues[0];
          throw new AppError(
            'REPORT_IMPORT_INVALID',
            `${first?.sheet} 第 ${first?.row} 行 ${first?.column} 列（${first?.header}）：${first?.reason}；共 ${parsed.issues.length} 处错误，未保存`,
            parsed.issues,
          );
        }
        const existing = (await service.list(p, { periodType, period })).items[0];
        if (existing) return service.update(p, existing.id, parsed.content, existing.currentVersion);
        return reply
          .status(201)
          .send(await service.create(p, { periodType, period, content: parsed.content }));
      },
    );
  });
}
