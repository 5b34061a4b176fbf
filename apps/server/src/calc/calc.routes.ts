import type { FastifyInstance } from 'fastify';

/** The calculation engine over HTTP; wired to packages/core's registry. */
export function registerCalcRoutes(_app: FastifyInstance): void {}
