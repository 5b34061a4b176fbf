import { RegionList, RegionListQuery } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export function registerRegionRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get(
    '/api/regions',
    {
      // Administrative divisions are public reference data.
      config: { access: { public: true } },
      schema: {
        tags: ['regions'],
        summary: '行政区划 (GB/T 2260)',
        querystring: RegionListQuery,
        response: { 200: RegionList },
      },
    },
    async (request) => {
      const query = request.query as RegionListQuery;
      let q = db.selectFrom('region').selectAll().orderBy('code');
      if (query.parentCode) q = q.where('parent_code', '=', query.parentCode);
      if (query.level) q = q.where('level', '=', query.level);
      const rows = await q.execute();
      return {
        items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code })),
      };
    },
  );
}
