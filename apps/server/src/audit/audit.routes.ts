import { AuditList, AuditListQuery } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { listAudit } from './audit.repository.js';

export function registerAuditRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get(
    '/api/audit',
    {
      // The full trail is for the province and for auditors.
      config: { access: { roles: ['province_admin', 'auditor'], scope: 'global' } },
      schema: {
        tags: ['audit'],
        summary: '操作审计 / audit trail',
        querystring: AuditListQuery,
        response: { 200: AuditList },
      },
    },
    (request) => {
      const q = request.query as AuditListQuery;
      return listAudit(db, {
        entity: q.entity,
        entityId: q.entityId,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 50,
      });
    },
  );
}
