import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';

/** `:id` path parameter of a record whose id is any string (its format is checked by the service). */
export const IdParams = Type.Object({ id: Type.String() });

/** The `:id` path parameter of a request whose route declares one (validated by the route's `params`). */
export function idParam(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}
