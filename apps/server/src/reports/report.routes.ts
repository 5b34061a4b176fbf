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
import { principalOf } from '../auth/auth.plugin.js';
import type { ReportService } from './report.service.js';

const READERS = ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor'] as const;
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
    async (request) => service.get(principalOf(request), (request.params as { id: string }).id),
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
      return service.update(
        principalOf(request),
        (request.params as { id: string }).id,
        body.content,
        body.version,
      );
    },
  );
  app.post(
    '/api/reports/:id/submit',
    {
      config: { access: { roles: ['enterprise_user'], scope: 'enterprise' } },
      schema: {
        tags,
        summary: '报送 / submit for review',
        params: Id,
        body: Type.Optional(ReportDecision),
        response: { 200: Report },
      },
    },
    async (request) =>
      service.act(
        principalOf(request),
        (request.params as { id: string }).id,
        'submit',
        (request.body as ReportDecision | undefined)?.comment,
      ),
  );
  app.post(
    '/api/reports/:id/approve',
    {
      config: { access: { roles: REVIEWERS, scope: 'region' } },
      schema: {
        tags,
        summary: '审核通过（县→市→省）/ approve at the level whose turn it is',
        params: Id,
        body: Type.Optional(ReportDecision),
        response: { 200: Report },
      },
    },
    async (request) =>
      service.act(
        principalOf(request),
        (request.params as { id: string }).id,
        'approve',
        (request.body as ReportDecision | undefined)?.comment,
      ),
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
      service.act(
        principalOf(request),
        (request.params as { id: string }).id,
        'return',
        (request.body as ReportReturn).reason,
      ),
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
      return service.correct(
        principalOf(request),
        (request.params as { id: string }).id,
        body.content,
        body.reason,
      );
    },
  );
}
