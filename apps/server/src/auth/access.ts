import type { Role } from '@ecep/contract';

/**
 * What a route needs, declared on every `/api` route as `config.access`.
 * - `public`: anyone, no session.
 * - `roles` + `scope`: an authenticated caller with one of the roles; `scope` says how the
 *   service narrows data: by region prefix, by the caller's own enterprise, or not at all.
 */
export type Access =
  | { public: true }
  | { roles: readonly Role[] | 'any'; scope: 'region' | 'enterprise' | 'self' | 'global' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const ANY_SIGNED_IN: Access = { roles: 'any', scope: 'self' };
