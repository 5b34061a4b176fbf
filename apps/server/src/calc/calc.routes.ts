import { calculationCatalog, runCalculation } from '@ecep/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ERROR_CODES, isErrorCode } from '../errors.js';

const CalcCatalog = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        name: Type.String(),
        titleZh: Type.String(),
        titleEn: Type.String(),
        description: Type.String(),
        exampleInput: Type.Unknown(),
      }),
    ),
  },
  { $id: 'CalcCatalog' },
);

/**
 * The calculation engine over HTTP: the same registry as `ecep calc`, so both answer identically.
 * Calculations are pure and reveal no stored data, so any signed-in role may run them.
 */
export function registerCalcRoutes(app: FastifyInstance): void {
  app.get(
    '/api/calc',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: {
        tags: ['calc'],
        summary: '计算器目录 / calculations available',
        response: { 200: CalcCatalog },
      },
    },
    async () => ({ items: calculationCatalog }),
  );
  app.post(
    '/api/calc/:name',
    {
      config: { access: { roles: 'any', scope: 'global' } },
      schema: {
        tags: ['calc'],
        summary: '运行计算 / run a calculation (input and output as in `ecep calc NAME`)',
        params: Type.Object({ name: Type.String({ pattern: '^[a-z0-9-]+$' }) }),
        body: Type.Unknown(),
      },
    },
    async (request, reply) => {
      const { name } = request.params as { name: string };
      const result = runCalculation(name, request.body);
      if (result.ok) return result.output;
      // The same error object as the CLI prints: { error: { code, message, path } }.
      const status = isErrorCode(result.error.code) ? ERROR_CODES[result.error.code].status : 400;
      return reply.status(status).send({ error: result.error });
    },
  );
}
