import type { Role } from '@ecep/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Access } from './access.js';
import type { Principal } from './principal.js';
import { findSessionUser } from './session.repository.js';

export const SESSION_COOKIE = 'ecep_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
  }
}

function tokenFrom(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie || null;
}

/** The caller of a route that declared a role: never null there. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', '请先登录 / sign in first');
  return request.principal;
}

/**
 * Resolves the session on every request and enforces each route's declared `config.access`.
 * A route under /api without a declaration fails at startup, so none can be forgotten.
 */
export function registerAuth(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access: Access | undefined = request.routeOptions.config?.access;
    if (!access) return;
    const token = tokenFrom(request);
    if (token) {
      const row = await findSessionUser(db, token);
      if (row) {
        request.sessionToken = token;
        request.principal = {
          userId: row.id,
          username: row.username,
          displayName: row.display_name,
          role: row.role as Role,
          regionCode: row.region_code,
          enterpriseId: row.enterprise_id,
        };
      }
    }
    if ('public' in access) return;
    if (!request.principal)
      throw new AppError('UNAUTHENTICATED', '未登录或会话已过期 / not signed in or session expired');
    if (access.roles !== 'any' && !access.roles.includes(request.principal.role)) {
      throw new AppError(
        'FORBIDDEN',
        `角色 ${request.principal.role} 无权执行此操作 / role may not do this`,
        {
          allowed: access.roles,
        },
      );
    }
  });
}
