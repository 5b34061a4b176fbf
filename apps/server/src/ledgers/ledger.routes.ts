import {
  SOLID_WASTE_TYPES,
  SolidWasteEntry,
  SolidWasteEntryCorrection,
  SolidWasteEntryCreate,
  SolidWasteEntryList,
  SolidWasteEntryQuery,
  SolidWasteProgress,
  SolidWasteRateList,
  SolidWasteRateQuery,
  SolidWasteUtilizer,
  SolidWasteUtilizerInput,
  UTILIZATION_ROUTES,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { buildTemplate, exportWorkbook, sendXlsx } from '../excel/index.js';
import { IdParams, idParam } from '../http/id-param.js';
import { READERS, WRITERS } from '../http/route-roles.js';
import { registerXlsxImportRoute, registerXlsxTemplateRoute } from '../http/xlsx-routes.js';
import { toShanghaiIso } from '../lib/shanghai-time.js';
import type { LedgerService } from './ledger.service.js';
import { LEDGER_SHEET } from './ledger-excel.js';

const BASE = '/api/ledgers/solid-waste';
const today = () => toShanghaiIso(Date.now()).slice(0, 10);

/** Routes of the industrial solid-waste ledger (工业固废台账) and the utilisation enterprises (综合利用企业). */
export function registerLedgerRoutes(app: FastifyInstance, service: LedgerService): void {
  const tags = ['ledgers'];
  app.get(
    `${BASE}/waste-types`,
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: { tags, summary: '固废种类及代码、利用去向 / waste types with codes, utilisation routes' },
    },
    async () => ({ items: SOLID_WASTE_TYPES, routes: UTILIZATION_ROUTES }),
  );
  app.get(
    `${BASE}/entries`,
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '固废台账（当前版本）/ ledger entries in scope, current versions',
        querystring: SolidWasteEntryQuery,
        response: { 200: SolidWasteEntryList },
      },
    },
    (request) => service.list(principalOf(request), request.query as SolidWasteEntryQuery),
  );
  app.post(
    `${BASE}/entries`,
    {
      config: { access: { roles: WRITERS, scope: 'region' } },
      schema: {
        tags,
        summary: '录入一期台账（校验贮存平衡）/ record one period; the stockpile must balance',
        body: SolidWasteEntryCreate,
        response: { 201: SolidWasteEntry },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.create(principalOf(request), request.body as SolidWasteEntryCreate)),
  );
  app.get(
    `${BASE}/entries/:id`,
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: { tags, summary: '一条台账 / one entry', params: IdParams, response: { 200: SolidWasteEntry } },
    },
    (request) => service.get(principalOf(request), idParam(request)),
  );
  app.get(
    `${BASE}/entries/:id/versions`,
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '台账的全部版本 / every version, newest first',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(SolidWasteEntry) }) },
      },
    },
    async (request) => ({
      items: await service.history(principalOf(request), idParam(request)),
    }),
  );
  app.put(
    `${BASE}/entries/:id`,
    {
      config: { access: { roles: WRITERS, scope: 'region' } },
      schema: {
        tags,
        summary: '更正台账（新版本，旧版本保留）/ correct: a new version, the old one kept',
        params: IdParams,
        body: SolidWasteEntryCorrection,
        response: { 200: SolidWasteEntry },
      },
    },
    (request) =>
      service.correct(principalOf(request), idParam(request), request.body as SolidWasteEntryCorrection),
  );
  app.get(
    `${BASE}/rates`,
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '综合利用率（企业/县/市/省，可按种类）/ utilisation rates by enterprise or region',
        querystring: SolidWasteRateQuery,
        response: { 200: SolidWasteRateList },
      },
    },
    (request) => service.rates(principalOf(request), request.query as SolidWasteRateQuery),
  );
  app.get(
    `${BASE}/progress`,
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '对照山西规划目标的进展 / progress against the Shanxi plans’ targets',
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: { 200: SolidWasteProgress },
      },
    },
    (request) => service.progress(principalOf(request), (request.query as { year: number }).year),
  );
  app.get(
    `${BASE}/utilizers`,
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '综合利用企业台账 / utilisation enterprises with capacity and certification',
        querystring: Type.Object({ wasteType: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ items: Type.Array(SolidWasteUtilizer) }) },
      },
    },
    async (request) => ({
      items: await service.listUtilizers(
        principalOf(request),
        (request.query as { wasteType?: string }).wasteType,
        today(),
      ),
    }),
  );
  app.put(
    `${BASE}/utilizers`,
    {
      config: { access: { roles: WRITERS, scope: 'region' } },
      schema: {
        tags,
        summary: '登记或更新综合利用企业 / register or update a utilisation enterprise',
        body: SolidWasteUtilizerInput,
        response: { 200: SolidWasteUtilizer },
      },
    },
    (request) => service.saveUtilizer(principalOf(request), request.body as SolidWasteUtilizerInput, today()),
  );
  registerXlsxTemplateRoute(app, {
    url: `${BASE}/template.xlsx`,
    access: { roles: WRITERS, scope: 'region' },
    tags,
    summary: '台账导入模板 / the Excel template',
    build: () => buildTemplate(LEDGER_SHEET),
    asciiName: 'solid-waste-template.xlsx',
    zhName: '工业固废台账导入模板.xlsx',
  });
  app.get(
    `${BASE}/export.xlsx`,
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '按筛选条件导出台账 / export the filtered list (template layout)',
        querystring: SolidWasteEntryQuery,
      },
    },
    async (request, reply) => {
      const q = request.query as SolidWasteEntryQuery;
      const list = await service.list(principalOf(request), { ...q, page: 1, pageSize: 5000 });
      const rows = list.items.map((e) => ({ ...e, ...e.routes, creditCode: e.enterpriseCreditCode }));
      const data = await exportWorkbook(LEDGER_SHEET, rows, {
        filters: {
          企业: q.enterpriseId,
          地区: q.region,
          固废种类: q.wasteType,
          期别类型: q.periodType,
          起始期: q.from,
          截止期: q.to,
        },
        extraColumns: [
          { header: '版本', value: (r) => r.version },
          { header: '录入人', value: (r) => r.recordedBy },
          { header: '录入时间', width: 26, value: (r) => toShanghaiIso(r.recordedAt) },
        ],
      });
      return sendXlsx(reply, data, 'solid-waste-ledger.xlsx', '工业固废台账.xlsx');
    },
  );
  registerXlsxImportRoute(app, {
    url: `${BASE}/import`,
    access: { roles: WRITERS, scope: 'region' },
    tags,
    summary: 'Excel 导入台账（逐行校验）/ import a filled template; the body is the .xlsx file itself',
    description:
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet. mode=all-or-nothing (default): nothing is written if any row is wrong; mode=valid-rows: the good rows are written, the wrong ones reported.',
    sheet: LEDGER_SHEET,
    apply: (p, rows, commit, issueAt) => service.importRows(p, rows, commit, issueAt),
  });
}
