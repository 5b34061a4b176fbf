import {
  ADMIN_ROLES,
  MilestoneInput,
  MilestoneUpdate,
  PROJECT_CATEGORIES,
  PROJECT_STAGES,
  ProjectCreate,
  ProjectDetail,
  ProjectList,
  ProjectQuery,
  ProjectRates,
  ProjectStageChange,
  ProjectUpdate,
  SHANXI_2014_PROGRAMMES,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { buildTemplate, exportWorkbook, sendXlsx } from '../excel/index.js';
import { IdParams, idParam } from '../http/id-param.js';
import { READERS, WRITERS } from '../http/route-roles.js';
import { registerXlsxImportRoute, registerXlsxTemplateRoute } from '../http/xlsx-routes.js';
import type { ProjectService } from './project.service.js';
import { PROJECT_SHEET } from './project-excel.js';

/** Enterprise users report progress (stage, milestones, investment) on their own projects. */
const REPORTERS = WRITERS;
const MilestoneParams = Type.Object({ id: Type.String(), milestoneId: Type.String() });

/** Routes of the key-project pool (重点项目动态储备库). */
export function registerProjectRoutes(app: FastifyInstance, service: ProjectService): void {
  const tags = ['projects'];
  app.get(
    '/api/projects/catalog',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: { tags, summary: '项目类别、22项重点工程、阶段 / categories, programmes, stages' },
    },
    async () => ({
      categories: PROJECT_CATEGORIES,
      programmes: SHANXI_2014_PROGRAMMES.map((name, i) => ({ no: i + 1, name })),
      stages: PROJECT_STAGES,
    }),
  );
  app.get(
    '/api/projects',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '重点项目列表 / projects in scope',
        querystring: ProjectQuery,
        response: { 200: ProjectList },
      },
    },
    (request) => service.list(principalOf(request), request.query as ProjectQuery),
  );
  app.get(
    '/api/projects/rates',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary:
          '开工率、投产率、投资完成率（按筛选条件）/ rates of the filtered set against the plan’s targets',
        querystring: ProjectQuery,
        response: { 200: ProjectRates },
      },
    },
    (request) => service.rates(principalOf(request), request.query as ProjectQuery),
  );
  app.post(
    '/api/projects',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '新增项目（储备）/ add a project to the pool',
        body: ProjectCreate,
        response: { 201: ProjectDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(principalOf(request), request.body as ProjectCreate)),
  );
  app.get(
    '/api/projects/:id',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '项目详情（节点、阶段记录）/ one project',
        params: IdParams,
        response: { 200: ProjectDetail },
      },
    },
    (request) => service.get(principalOf(request), idParam(request)),
  );
  app.patch(
    '/api/projects/:id',
    {
      config: { access: { roles: REPORTERS, scope: 'region' } },
      schema: {
        tags,
        summary: '修改项目（投资完成、实测节能量…）/ update fields',
        params: IdParams,
        body: ProjectUpdate,
        response: { 200: ProjectDetail },
      },
    },
    (request) => service.update(principalOf(request), idParam(request), request.body as ProjectUpdate),
  );
  app.post(
    '/api/projects/:id/stage',
    {
      config: { access: { roles: REPORTERS, scope: 'region' } },
      schema: {
        tags,
        summary: '变更阶段（日期、佐证；回退或终止须说明原因）/ change the stage',
        params: IdParams,
        body: ProjectStageChange,
        response: { 200: ProjectDetail },
      },
    },
    (request) =>
      service.changeStage(principalOf(request), idParam(request), request.body as ProjectStageChange),
  );
  app.post(
    '/api/projects/:id/milestones',
    {
      config: { access: { roles: REPORTERS, scope: 'region' } },
      schema: {
        tags,
        summary: '新增节点 / add a milestone',
        params: IdParams,
        body: MilestoneInput,
        response: { 200: ProjectDetail },
      },
    },
    (request) => service.addMilestone(principalOf(request), idParam(request), request.body as MilestoneInput),
  );
  app.patch(
    '/api/projects/:id/milestones/:milestoneId',
    {
      config: { access: { roles: REPORTERS, scope: 'region' } },
      schema: {
        tags,
        summary: '修改节点（完成日期）/ update a milestone',
        params: MilestoneParams,
        body: MilestoneUpdate,
        response: { 200: ProjectDetail },
      },
    },
    (request) => {
      const params = request.params as { id: string; milestoneId: string };
      return service.updateMilestone(
        principalOf(request),
        params.id,
        params.milestoneId,
        request.body as MilestoneUpdate,
      );
    },
  );
  registerXlsxTemplateRoute(app, {
    url: '/api/projects/template.xlsx',
    access: { roles: ADMIN_ROLES, scope: 'region' },
    tags,
    summary: '项目导入模板 / the Excel template',
    build: () => buildTemplate(PROJECT_SHEET),
    asciiName: 'projects-template.xlsx',
    zhName: '重点项目导入模板.xlsx',
  });
  app.get(
    '/api/projects/export.xlsx',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: { tags, summary: '按筛选条件导出项目 / export the filtered list', querystring: ProjectQuery },
    },
    async (request, reply) => {
      const q = request.query as ProjectQuery;
      const list = await service.list(principalOf(request), { ...q, page: 1, pageSize: 5000 });
      const rows = list.items.map((x) => ({ ...x, stageReason: null }));
      const data = await exportWorkbook(PROJECT_SHEET, rows, {
        filters: {
          类别: q.category,
          重点工程序号: q.programmeNo,
          阶段: q.stage,
          地区: q.region,
          企业: q.enterpriseId,
          计划年度: q.planYear,
          关键词: q.q,
          仅逾期: q.overdue ? '是' : undefined,
        },
        extraColumns: [
          { header: '投资完成率（%）', value: (r) => r.investmentCompletionPct },
          { header: '逾期节点数', value: (r) => r.overdueMilestones },
          { header: '节能量兑现率（%）', value: (r) => r.savingRealizationPct },
          { header: '终止原因', value: (r) => r.terminationReason },
        ],
      });
      return sendXlsx(reply, data, 'projects.xlsx', '重点项目.xlsx');
    },
  );
  registerXlsxImportRoute(app, {
    url: '/api/projects/import',
    access: { roles: ADMIN_ROLES, scope: 'region' },
    tags,
    summary: 'Excel 导入项目（逐行校验）/ import a filled template; the body is the .xlsx file itself',
    sheet: PROJECT_SHEET,
    apply: (p, rows, commit, issueAt) => service.importRows(p, rows, commit, issueAt),
  });
}
