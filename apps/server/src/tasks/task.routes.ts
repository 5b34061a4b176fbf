import {
  SupervisionList,
  TaskCreate,
  TaskDetail,
  TaskList,
  TaskQuery,
  TaskReportInput,
  TaskReview,
  UnitMembership,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { buildTemplate, exportWorkbook, sendXlsx } from '../excel/index.js';
import { IdParams, idParam } from '../http/id-param.js';
import { registerXlsxImportRoute, registerXlsxTemplateRoute } from '../http/xlsx-routes.js';
import type { TaskService } from './task.service.js';
import { TASK_LIST_SHEET, TASK_REPORT_SHEET } from './task-excel.js';

/** Unit users carry any admin or auditor role; what they see is narrowed to their units' tasks. */
const MEMBERS = ['province_admin', 'city_admin', 'county_admin', 'auditor'] as const;

/** Routes of 任务督办: tasks, progress reports, reviews, the 督办 list, unit membership, Excel. */
export function registerTaskRoutes(app: FastifyInstance, service: TaskService): void {
  const tags = ['tasks'];
  app.get(
    '/api/tasks',
    {
      config: { access: { roles: MEMBERS, scope: 'region' } },
      schema: {
        tags,
        summary: '督办任务（本单位或本辖区）/ tasks of the caller’s units, or of its region for supervisors',
        querystring: TaskQuery,
        response: { 200: TaskList },
      },
    },
    (request) => service.list(principalOf(request), request.query as TaskQuery),
  );
  app.get(
    '/api/tasks/supervision',
    {
      config: { access: { roles: MEMBERS, scope: 'region' } },
      schema: {
        tags,
        summary: '督办清单：逾期、即将到期、待审核 / overdue, due-soon and awaiting review',
        querystring: Type.Object({ dueSoonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) }),
        response: { 200: SupervisionList },
      },
    },
    (request) =>
      service.supervision(principalOf(request), (request.query as { dueSoonDays?: number }).dueSoonDays),
  );
  app.get(
    '/api/tasks/units/me',
    {
      config: { access: { roles: MEMBERS, scope: 'self' } },
      schema: {
        tags,
        summary: '我所在的单位 / the caller’s units',
        response: { 200: Type.Object({ units: Type.Array(Type.String()), supervisor: Type.Boolean() }) },
      },
    },
    (request) => service.myUnits(principalOf(request)),
  );
  app.put(
    '/api/tasks/units/members',
    {
      config: { access: { roles: ['province_admin', 'city_admin'], scope: 'region' } },
      schema: {
        tags,
        summary: '设置用户所属单位 / set the units of a user',
        body: UnitMembership,
        response: { 200: UnitMembership },
      },
    },
    (request) => {
      const body = request.body as UnitMembership;
      return service.setMembership(principalOf(request), body.username, body.units);
    },
  );
  app.post(
    '/api/tasks',
    {
      config: { access: { roles: ['province_admin', 'city_admin', 'county_admin'], scope: 'region' } },
      schema: {
        tags,
        summary: '新增督办任务 / add a task by hand',
        body: TaskCreate,
        response: { 201: TaskDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(principalOf(request), request.body as TaskCreate)),
  );
  app.get(
    '/api/tasks/:id',
    {
      config: { access: { roles: MEMBERS, scope: 'region' } },
      schema: {
        tags,
        summary: '任务详情与进展 / one task with its reports',
        params: IdParams,
        response: { 200: TaskDetail },
      },
    },
    (request) => service.get(principalOf(request), idParam(request)),
  );
  app.post(
    '/api/tasks/:id/reports',
    {
      config: { access: { roles: MEMBERS, scope: 'region' } },
      schema: {
        tags,
        summary: '报送进展（文字、百分比、附件）/ report progress',
        params: IdParams,
        body: TaskReportInput,
        response: { 200: TaskDetail },
      },
    },
    (request) => service.report(principalOf(request), idParam(request), request.body as TaskReportInput),
  );
  app.post(
    '/api/tasks/:id/reports/:reportId/review',
    {
      config: { access: { roles: ['province_admin', 'city_admin', 'county_admin'], scope: 'region' } },
      schema: {
        tags,
        summary: '批示、通过或退回进展 / comment on, accept or return a report',
        params: Type.Object({ id: Type.String(), reportId: Type.String() }),
        body: TaskReview,
        response: { 200: TaskDetail },
      },
    },
    (request) => {
      const params = request.params as { id: string; reportId: string };
      return service.review(principalOf(request), params.id, params.reportId, request.body as TaskReview);
    },
  );
  registerXlsxTemplateRoute(app, {
    url: '/api/tasks/reports/template.xlsx',
    access: { roles: MEMBERS, scope: 'region' },
    tags,
    summary: '进展报送模板 / the Excel template',
    build: () => buildTemplate(TASK_REPORT_SHEET),
    asciiName: 'task-report-template.xlsx',
    zhName: '督办任务进展报送模板.xlsx',
  });
  app.get(
    '/api/tasks/export.xlsx',
    {
      config: { access: { roles: MEMBERS, scope: 'region' } },
      schema: { tags, summary: '按筛选条件导出任务清单 / export the filtered list', querystring: TaskQuery },
    },
    async (request, reply) => {
      const q = request.query as TaskQuery;
      const { items } = await service.list(principalOf(request), q);
      const data = await exportWorkbook(TASK_LIST_SHEET, items, {
        filters: { 状态: q.status, 规划: q.planId, 单位: q.unit, 关键词: q.q, 即将到期天数: q.dueSoonDays },
      });
      return sendXlsx(reply, data, 'tasks.xlsx', '督办任务清单.xlsx');
    },
  );
  registerXlsxImportRoute(app, {
    url: '/api/tasks/reports/import',
    access: { roles: MEMBERS, scope: 'region' },
    tags,
    summary: 'Excel 批量报送进展 / import progress reports; the body is the .xlsx file itself',
    sheet: TASK_REPORT_SHEET,
    apply: (p, rows, commit, issueAt) => service.importReports(p, rows, commit, issueAt),
  });
}
