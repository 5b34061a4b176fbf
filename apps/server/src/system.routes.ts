import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database } from './db/schema.js';

export const SystemInfo = Type.Object(
  {
    name: Type.String(),
    version: Type.String(),
    demo: Type.Boolean({ description: 'true when the database holds 演示数据 (demo data)' }),
    database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  },
  { $id: 'SystemInfo' },
);

export function registerSystemRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  kind: 'pglite' | 'postgres',
): void {
  app.get(
    '/api/system/info',
    {
      config: { access: { public: true } },
      schema: { tags: ['system'], summary: '系统信息 / system info', response: { 200: SystemInfo } },
    },
    async () => {
      const demo = await db
        .selectFrom('app_setting')
        .select('key')
        .where('key', '=', 'demo.seeded')
        .executeTakeFirst();
      return { name: 'ECEP 节能环保监管平台', version: '0.1.0', demo: demo !== undefined, database: kind };
    },
  );
}
