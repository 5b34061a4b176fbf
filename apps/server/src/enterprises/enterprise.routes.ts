import {
  ADMIN_ROLES,
  Enterprise,
  EnterpriseCreate,
  EnterpriseList,
  EnterpriseListQuery,
  EnterpriseUpdate,
  IdParams,
} from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/auth.plugin.js';
import { idParam } from '../http/id-param.js';
import { READERS } from '../http/route-roles.js';
import type { EnterpriseService } from './enterprise.service.js';

export function registerEnterpriseRoutes(app: FastifyInstance, service: EnterpriseService): void {
  const tags = ['enterprises'];
  app.get(
    '/api/enterprises',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: {
        tags,
        summary: '企业列表 / list enterprises in scope',
        querystring: EnterpriseListQuery,
        response: { 200: EnterpriseList },
      },
    },
    (request) => service.list(principalOf(request), request.query as EnterpriseListQuery),
  );
  app.get(
    '/api/enterprises/:id',
    {
      config: { access: { roles: READERS, scope: 'region' } },
      schema: { tags, summary: '企业详情 / one enterprise', params: IdParams, response: { 200: Enterprise } },
    },
    (request) => service.get(principalOf(request), idParam(request)),
  );
  app.post(
    '/api/enterprises',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: { tags, summary: '新增企业 / create', body: EnterpriseCreate, response: { 201: Enterprise } },
    },
    async (request, reply) => {
      const created = await service.create(principalOf(request), request.body as EnterpriseCreate);
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/enterprises/:id',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '修改企业 / update',
        params: IdParams,
        body: EnterpriseUpdate,
        response: { 200: Enterprise },
      },
    },
    (request) => service.update(principalOf(request), idParam(request), request.body as EnterpriseUpdate),
  );
  app.delete(
    '/api/enterprises/:id',
    {
      config: { access: { roles: ADMIN_ROLES, scope: 'region' } },
      schema: {
        tags,
        summary: '删除企业（保留记录）/ delete, kept for audit',
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Literal(true) }) },
      },
    },
    async (request) => {
      await service.remove(principalOf(request), idParam(request));
      return { ok: true as const };
    },
  );
}
